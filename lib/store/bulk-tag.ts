/**
 * Tagging many sessions at once, from the dashboard's selection. Each is one transaction.
 */
import type { Session } from '../model';
import type { SkilltrailDb } from './db';

/**
 * Tags many sessions with one skill (the dashboard's bulk action). Sessions already tagged,
 * and ids with no session, are left alone; a recorded (`auto`) session becomes `kept`, as
 * when tagged in the popup. Atomic and idempotent. Returns how many sessions changed.
 * @example await addSkillToSessions(db, selectedIds, cssId, Date.now()) // 3
 */
export async function addSkillToSessions(
  db: SkilltrailDb,
  sessionIds: readonly string[],
  skillId: string,
  now: number,
): Promise<number> {
  return db.transaction('rw', db.skills, db.sessions, async () => {
    if (!(await db.skills.get(skillId))) throw new Error(`No skill has the id ${skillId}.`);
    const sessions = await db.sessions.bulkGet([...new Set(sessionIds)]);
    const changed: Session[] = [];
    for (const s of sessions) {
      if (!s || s.skills.includes(skillId)) continue;
      changed.push({
        ...s,
        skills: [...s.skills, skillId],
        status: s.status === 'auto' ? 'kept' : s.status,
        updatedAt: now,
      });
    }
    await db.sessions.bulkPut(changed);
    return changed.length;
  });
}

/**
 * Takes one skill off many sessions. Atomic and idempotent. Returns how many changed.
 * @example await removeSkillFromSessions(db, selectedIds, cssId, Date.now()) // 2
 */
export async function removeSkillFromSessions(
  db: SkilltrailDb,
  sessionIds: readonly string[],
  skillId: string,
  now: number,
): Promise<number> {
  return db.transaction('rw', db.sessions, async () => {
    const sessions = await db.sessions.bulkGet([...new Set(sessionIds)]);
    const changed: Session[] = [];
    for (const s of sessions) {
      if (!s || !s.skills.includes(skillId)) continue;
      changed.push({ ...s, skills: s.skills.filter((id) => id !== skillId), updatedAt: now });
    }
    await db.sessions.bulkPut(changed);
    return changed.length;
  });
}
