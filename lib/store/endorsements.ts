/**
 * Endorsements in the database: a file someone sent the learner, checked and kept exactly as
 * it arrived, and the endorsements of each skill for the views and exports. A refused or
 * repeated file changes nothing.
 */
import type { SkilltrailDb } from './db';
import type { AddEndorsementResult, EndorsableActivity } from '../credentials/endorsement';
import { learnerAchievementId, learnerActivityId } from '../credentials/learner-binding';
import { newId } from '../ids';
import type { Endorsement, Session, Skill } from '../model';

/** What a file chooser gives: a size known before reading, and the text. */
export interface EndorsementFile {
  size: number;
  text: () => Promise<string>;
}

/**
 * Every achievement id the learner `learnerDid` may be endorsed for, with the skill it
 * belongs to: each skill's, as its badges name it, and each of the skills merged into it.
 * @example (await endorsableSubjects(db(), key.did)).get(learnerAchievementId(key.did, skill.id)) // skill.id
 */
export async function endorsableSubjects(
  db: SkilltrailDb,
  learnerDid: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await db.skills.each((skill) => {
    for (const merged of skill.mergedIds ?? [])
      out.set(learnerAchievementId(learnerDid, merged), skill.id);
    out.set(learnerAchievementId(learnerDid, skill.id), skill.id);
  });
  return out;
}

/**
 * Every stated activity (a session away from the screen, with a skill) the learner
 * `learnerDid` may be endorsed for, by its id (`learnerActivityId`): its session, and the
 * first of its skills, which the endorsement counts under.
 * @example (await endorsableActivities(db(), key.did)).get(learnerActivityId(key.did, session.id))
 */
export async function endorsableActivities(
  db: SkilltrailDb,
  learnerDid: string,
): Promise<Map<string, EndorsableActivity>> {
  const out = new Map<string, EndorsableActivity>();
  const skills = new Set(await db.skills.toCollection().primaryKeys());
  await db.sessions
    .where('kind')
    .equals('away')
    .each((s) => {
      const skillId = s.provenance === 'stated' && s.skills.find((id) => skills.has(id));
      if (skillId) out.set(learnerActivityId(learnerDid, s.id), { sessionId: s.id, skillId });
    });
  return out;
}

/**
 * The stated activity `sessionId` and every skill, for a request to endorse it; `null` when
 * it is gone or is not a stated activity. One read transaction.
 * @example const found = await activityToEndorse(db(), session.id);
 */
export async function activityToEndorse(
  db: SkilltrailDb,
  sessionId: string,
): Promise<{ session: Session; skills: Skill[] } | null> {
  return db.transaction('r', [db.sessions, db.skills], async () => {
    const session = await db.sessions.get(sessionId);
    if (!session || session.kind !== 'away' || session.provenance !== 'stated') return null;
    return { session, skills: await db.skills.toArray() };
  });
}

/** What an activity is called where it is named: what was learned, or its title. */
export function activityName(session: Pick<Session, 'title' | 'note'>): string {
  return session.title.trim() || session.note.trim();
}

/**
 * Checks an endorsement file for the learner `learnerDid` (their `did:key`) and, when it
 * holds, stores it under its skill, or its activity (`sessionId`) for one of a stated activity. The check (JSON-LD and proofs) loads on first use. A
 * file already added (by its credential id) is stored once and answered `already-added`.
 * Never throws for a bad file.
 * @example const r = await addEndorsement(db(), input.files[0], Date.now(), key.did);
 */
export async function addEndorsement(
  db: SkilltrailDb,
  file: EndorsementFile,
  now: number,
  learnerDid: string,
): Promise<AddEndorsementResult> {
  const { checkEndorsement, ENDORSEMENT_ERROR_TEXT, MAX_ENDORSEMENT_BYTES } =
    await import('../credentials/endorsement');
  if (file.size > MAX_ENDORSEMENT_BYTES) {
    return {
      ok: false,
      key: 'too-large',
      message: ENDORSEMENT_ERROR_TEXT['too-large'],
      detail: `${file.size} bytes`,
    };
  }
  const checked = await checkEndorsement(
    await file.text(),
    await endorsableSubjects(db, learnerDid),
    now,
    learnerDid,
    { activities: await endorsableActivities(db, learnerDid) },
  );
  if (!checked.ok) return checked;
  const endorsement: Endorsement = { id: newId(), ...checked.endorsement, addedAt: now };
  return db.transaction(
    'rw',
    [db.endorsements, db.skills, db.sessions],
    async (): Promise<AddEndorsementResult> => {
      const skill = await db.skills.get(endorsement.skillId);
      const session = endorsement.sessionId ? await db.sessions.get(endorsement.sessionId) : null;
      // The skill, or the activity, was deleted while the file was being checked.
      if (!skill || session === undefined) {
        return {
          ok: false,
          key: 'foreign-subject',
          message: ENDORSEMENT_ERROR_TEXT['foreign-subject'],
          detail: endorsement.subjectId,
        };
      }
      const existing = await db.endorsements
        .where('credentialId')
        .equals(endorsement.credentialId)
        .first();
      if (existing) {
        const owner = await db.skills.get(existing.skillId);
        return {
          ok: false,
          key: 'already-added',
          message: ENDORSEMENT_ERROR_TEXT['already-added'],
          detail: existing.credentialId,
          existing,
          skillName: session ? activityName(session) : (owner?.name ?? skill.name),
        };
      }
      await db.endorsements.add(endorsement);
      return { ok: true, endorsement, skillName: session ? activityName(session) : skill.name };
    },
  );
}

/**
 * The endorsements of every skill, newest first (by when they were signed); those of one
 * activity are the activity's, not the skill's, and stay out.
 * @example (await endorsementsBySkill(db())).get(skill.id)?.length
 */
export async function endorsementsBySkill(db: SkilltrailDb): Promise<Map<string, Endorsement[]>> {
  const all = (await db.endorsements.toArray()).filter((e) => !e.sessionId);
  all.sort((a, b) => b.issuedAt - a.issuedAt || a.id.localeCompare(b.id));
  const out = new Map<string, Endorsement[]>();
  for (const e of all) {
    const list = out.get(e.skillId);
    if (list) list.push(e);
    else out.set(e.skillId, [e]);
  }
  return out;
}
