import type { SkilltrailDb } from './db';
import { newId } from '../ids';
import { statedSession } from '../learning-away/session';
import {
  checkStatedActivity,
  parseDay,
  type StatedActivityInput,
  type StatedProblem,
} from '../learning-away/validate';
import type { Session } from '../model';
import { statedMs } from '../provenance';
import { addDays, firstInstantOf, localDate } from '../time';
import { currentSkillIds } from './skills';

export type SaveStatedResult =
  { ok: true; session: Session } | { ok: false; problems: StatedProblem[] };

/**
 * Records learning away from the screen, or changes one already recorded (`sessionId`):
 * checked first (`checkStatedActivity`: no future day, at most 24 hours in a day with the
 * day's other stated activities, at least one skill, no over-long text), and stored only if
 * every rule holds, as a session of kind `away` and provenance `stated` whose time is
 * `statedMs` (never `activeMs`). Atomic (one transaction over sessions, skills and meta:
 * the day's other activities are read in it); a skill merged away maps to its target, one
 * deleted meanwhile is dropped. Editing a session that is gone, or one that is not stated,
 * answers `{ ok: false }` with no problem named and changes nothing.
 * @example await saveStatedActivity(db, input, { now: Date.now() })
 */
export async function saveStatedActivity(
  db: SkilltrailDb,
  input: StatedActivityInput,
  options: { now: number; timeZone?: string; sessionId?: string },
): Promise<SaveStatedResult> {
  const { now, timeZone, sessionId } = options;
  return db.transaction('rw', [db.sessions, db.skills, db.meta], async () => {
    const previous = sessionId ? await db.sessions.get(sessionId) : undefined;
    if (sessionId && (!previous || previous.kind !== 'away')) return { ok: false, problems: [] };
    const day = parseDay(input.date);
    let statedThatDayMs = 0;
    if (day) {
      const start = firstInstantOf(day, timeZone);
      const end = firstInstantOf(addDays(day, 1), timeZone);
      const sameDay = await db.sessions
        .where('startedAt')
        .between(start, end, true, false)
        .toArray();
      for (const s of sameDay) {
        if (s.id !== sessionId && s.status !== 'dismissed') statedThatDayMs += statedMs(s);
      }
    }
    const skills = await currentSkillIds(db, [...input.skills]);
    const checked = checkStatedActivity(
      { ...input, skills },
      { today: localDate(now, timeZone), statedThatDayMs },
    );
    if (!checked.ok) return checked;
    const session = statedSession(checked.activity, { id: newId(), now, timeZone, previous });
    await db.sessions.put(session);
    return { ok: true, session };
  });
}

/**
 * One stated activity, for its edit form; `undefined` when it is gone or not stated.
 * Read-only.
 * @example const shown = await loadStatedActivity(db, id)
 */
export async function loadStatedActivity(
  db: SkilltrailDb,
  sessionId: string,
): Promise<Session | undefined> {
  const session = await db.sessions.get(sessionId);
  return session?.kind === 'away' ? session : undefined;
}
