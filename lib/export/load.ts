/**
 * Reads what an export of a range needs from the database, in one read transaction so the
 * records agree with each other. Everything after this is pure.
 */
import type { SkilltrailDb } from '../db';
import type { ExportData } from './privacy';

/**
 * The sessions that started in `[start, end)` with their visits and searches, and every
 * skill (dismissed sessions included: `prepareExport` leaves them out, and says so).
 * @example
 * const data = await loadExportData(db(), week.start, week.end);
 * const shared = prepareExport(data, { ...week, timeZone, weekStart, level });
 */
export async function loadExportData(
  db: SkilltrailDb,
  start: number,
  end: number,
): Promise<ExportData> {
  return db.transaction('r', [db.sessions, db.visits, db.searches, db.skills], async () => {
    const sessions = await db.sessions
      .where('startedAt')
      .between(start, end, true, false)
      .toArray();
    const ids = sessions.map((s) => s.id);
    const [visits, searches, skills] = await Promise.all([
      db.visits.where('sessionId').anyOf(ids).toArray(),
      db.searches.where('sessionId').anyOf(ids).toArray(),
      db.skills.toArray(),
    ]);
    return { sessions, visits, searches, skills };
  });
}
