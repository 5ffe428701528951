/**
 * Reading what skill records are made of: every session of the chosen skills, their pages
 * and queries, the skills' answered and dismissed follow-ups and their endorsements. One
 * read-only transaction, so a record's figures agree with each other.
 */
import type { SkilltrailDb } from './db';
import type { SummaryData } from '../week/summary';

/**
 * The records of `skillIds`, for `recordScope` and the skill record builder.
 * @example const data = await loadSkillRecordData(db(), [css.id]);
 */
export async function loadSkillRecordData(
  db: SkilltrailDb,
  skillIds: readonly string[],
): Promise<Required<SummaryData>> {
  const tables = [db.sessions, db.visits, db.searches, db.skills, db.followUps, db.endorsements];
  return db.transaction('r', tables, async () => {
    const sessions = await db.sessions
      .where('skills')
      .anyOf([...skillIds])
      .distinct()
      .toArray();
    const ids = sessions.map((s) => s.id);
    const [visits, searches, skills, followUps, endorsements] = await Promise.all([
      db.visits.where('sessionId').anyOf(ids).toArray(),
      db.searches.where('sessionId').anyOf(ids).toArray(),
      db.skills.bulkGet([...skillIds]),
      db.followUps
        .where('skillId')
        .anyOf([...skillIds])
        .toArray(),
      db.endorsements
        .where('skillId')
        .anyOf([...skillIds])
        .toArray(),
    ]);
    return {
      sessions,
      visits,
      searches,
      skills: skills.filter((s) => s !== undefined),
      followUps,
      endorsements,
    };
  });
}
