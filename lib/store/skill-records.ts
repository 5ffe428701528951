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
    // One indexed read per key, all at once: Dexie's anyOf over a long list walks the
    // index key by key and took four times IndexedDB's own reads (bench/portfolio.bench.ts).
    const bySkill = await Promise.all(
      skillIds.map((id) => db.sessions.where('skills').equals(id).toArray()),
    );
    const unique = new Map(bySkill.flat().map((s) => [s.id, s]));
    const sessions = [...unique.values()];
    const ids = [...unique.keys()];
    const each = <T>(read: (id: string) => Promise<T[]>, keys: readonly string[]) =>
      Promise.all(keys.map(read)).then((lists) => lists.flat());
    const [visits, searches, skills, followUps, endorsements] = await Promise.all([
      each((id) => db.visits.where('sessionId').equals(id).toArray(), ids),
      each((id) => db.searches.where('sessionId').equals(id).toArray(), ids),
      db.skills.bulkGet([...skillIds]),
      each((id) => db.followUps.where('skillId').equals(id).toArray(), skillIds),
      each((id) => db.endorsements.where('skillId').equals(id).toArray(), skillIds),
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
