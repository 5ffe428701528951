/**
 * Follow-ups in the database: the one due now, and the learner's answer or dismissal.
 * Answering and dismissing are atomic and checked again inside the transaction, so two
 * open pages (the popup and the week view) never record the same prompt twice.
 */
import type { SkilltrailDb } from './db';
import { sessionsBetween } from './sessions';
import { newId } from '../ids';
import type { FollowUp } from '../model';
import type { Settings } from '../settings/settings';
import { checkAnswer, FOLLOW_UP_LIMITS, type FollowUpAnswer } from '../followup/answer';
import { dueFollowUp, followUpWindow, type DueFollowUp } from '../followup/schedule';

type Schedule = Pick<Settings, 'followUpsEnabled' | 'followUpDays'>;

/**
 * The follow-up due at `now`, read by index over the window it may ask about.
 * @example const due = await loadDueFollowUp(db(), settings, Date.now());
 */
export async function loadDueFollowUp(
  db: SkilltrailDb,
  settings: Schedule,
  now: number,
  timeZone?: string,
): Promise<DueFollowUp | null> {
  if (!settings.followUpsEnabled) return null;
  const { from, to } = followUpWindow(now, settings.followUpDays, timeZone);
  return db.transaction('r', [db.sessions, db.followUps, db.skills], async () => {
    const [sessions, followUps, skills] = await Promise.all([
      sessionsBetween(db, from, to),
      db.followUps.where('at').aboveOrEqual(from).toArray(),
      db.skills.toArray(),
    ]);
    return dueFollowUp({ sessions, followUps, skills }, { ...settings, now, timeZone });
  });
}

async function record(
  db: SkilltrailDb,
  due: DueFollowUp,
  fields: Pick<FollowUp, 'status' | 'recall' | 'application' | 'link'>,
  now: number,
): Promise<FollowUp | null> {
  return db.transaction('rw', [db.followUps], async () => {
    // Another page may have answered this prompt a moment ago: one record per session.
    const taken = await db.followUps.where('sessionIds').anyOf(due.sessionIds).toArray();
    if (taken.some((f) => f.skillId === due.skillId)) return null;
    const followUp: FollowUp = {
      id: newId(),
      skillId: due.skillId,
      sessionIds: [...due.sessionIds],
      at: now,
      ...fields,
    };
    if (followUp.link === undefined) delete followUp.link;
    await db.followUps.add(followUp);
    return followUp;
  });
}

/**
 * Saves the learner's answer to a due follow-up. Answers `null` when it was already
 * answered or dismissed elsewhere; throws on an answer `checkAnswer` refuses.
 * @example await answerFollowUp(db(), due, { recall, application, link }, Date.now());
 */
export async function answerFollowUp(
  db: SkilltrailDb,
  due: DueFollowUp,
  answer: FollowUpAnswer,
  now: number,
): Promise<FollowUp | null> {
  const check = checkAnswer(answer);
  if (!check.ok) throw new Error(`Follow-up answer refused: ${check.reason}`);
  const link = answer.link.trim();
  return record(
    db,
    due,
    {
      status: 'answered',
      recall: answer.recall.trim().slice(0, FOLLOW_UP_LIMITS.text),
      application: answer.application.trim().slice(0, FOLLOW_UP_LIMITS.text),
      ...(link ? { link: new URL(link).href } : {}),
    },
    now,
  );
}

/**
 * Records that the learner dismissed a due follow-up: its sessions are not asked about
 * again, and nothing is exported.
 * @example await dismissFollowUp(db(), due, Date.now());
 */
export async function dismissFollowUp(
  db: SkilltrailDb,
  due: DueFollowUp,
  now: number,
): Promise<FollowUp | null> {
  return record(db, due, { status: 'dismissed', recall: '', application: '' }, now);
}

/**
 * Every follow-up, asked or answered. Read-only.
 * @example answeredBySkill(await allFollowUps(db)).get(skillId)
 */
export async function allFollowUps(db: SkilltrailDb): Promise<FollowUp[]> {
  return db.followUps.toArray();
}
