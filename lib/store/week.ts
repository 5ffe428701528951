/**
 * One week's records and the reflection streak, read by index so the cost follows the
 * week (or the streak), never the size of the history. Read-only.
 */
import type { SkilltrailDb } from './db';
import type { Session } from '../model';
import { shiftWeek, weekOf, type WeekOptions } from '../time';
import { countsAsLearning } from '../week/learning-sessions';
import type { WeekData } from '../week/review';
import { MAX_STREAK_WEEKS } from '../week/story';

/**
 * How far before a session's start and after its last activity one of its pages or
 * queries may lie. The tracker keeps a session's `startedAt`/`endedAt` at its earliest and
 * latest active page or query; a page it opened but never showed can fall a little outside.
 */
const RECORD_MARGIN_MS = 86_400_000;

/**
 * The sessions that started in `[start, end)`, their visits and searches, and every skill.
 * One read transaction, by index, so the cost follows the week, not the size of the
 * history: sessions by `startedAt`, then visits and searches by their own time index over
 * the span those sessions cover (one range read each, kept when they belong to one of the
 * sessions). A lookup per session id (`anyOf`) walks a cursor and was several times slower
 * on a large history (bench/scale.bench.ts).
 * @example const data = await loadWeek(db(), week.start, week.end);
 */
export async function loadWeek(db: SkilltrailDb, start: number, end: number): Promise<WeekData> {
  const tables = [db.sessions, db.visits, db.searches, db.skills, db.followUps, db.endorsements];
  return db.transaction('r', tables, async () => {
    const sessions = await db.sessions
      .where('startedAt')
      .between(start, end, true, false)
      .toArray();
    if (sessions.length === 0) {
      return {
        sessions,
        visits: [],
        searches: [],
        skills: await db.skills.toArray(),
        followUps: [],
        endorsements: await db.endorsements.toArray(),
      };
    }
    const ids = new Set(sessions.map((s) => s.id));
    const from = start - RECORD_MARGIN_MS;
    const to = sessions.reduce((max, s) => Math.max(max, s.endedAt), end) + RECORD_MARGIN_MS;
    const [visits, searches, skills, followUps, endorsements] = await Promise.all([
      db.visits.where('startedAt').between(from, to, true, true).toArray(),
      db.searches.where('at').between(from, to, true, true).toArray(),
      db.skills.toArray(),
      // Asked some days later, so found by the sessions they cover rather than by date.
      db.followUps
        .where('sessionIds')
        .anyOf([...ids])
        .distinct()
        .toArray(),
      db.endorsements.toArray(),
    ]);
    return {
      sessions,
      visits: visits.filter((v) => ids.has(v.sessionId)),
      searches: searches.filter((q) => ids.has(q.sessionId)),
      skills,
      followUps,
      endorsements,
    };
  });
}

/**
 * One reflected session per week, going back from the week of `now` until a week without a
 * reflection (this week may have none yet): what `reflectionStreak` needs, read through the
 * `startedAt` index one week at a time, so the cost follows the streak, not the history.
 * @example const streak = reflectionStreak(await loadStreakSessions(db(), { now, weekStart: 1 }), { now, weekStart: 1 });
 */
export async function loadStreakSessions(
  db: SkilltrailDb,
  options: WeekOptions & { now: number },
): Promise<Session[]> {
  const found: Session[] = [];
  let week = weekOf(options.now, options);
  for (let i = 0; i < MAX_STREAK_WEEKS; i++) {
    const reflected = await db.sessions
      .where('startedAt')
      .between(week.start, week.end, true, false)
      .filter((s) => countsAsLearning(s) && s.note.trim() !== '')
      .first();
    if (reflected) found.push(reflected);
    else if (i > 0) break;
    week = shiftWeek(week, -1, options);
  }
  return found;
}
