/**
 * Retention: when the learner chose to keep only the last N months, which sessions (and
 * their pages, searches and captures) have grown too old. Calendar months in the
 * learner's time zone, so "3 months" on 31 May reaches back to 28 or 29 February.
 */
import type { SkilltrailDb } from './db';
import { eraseSessions, type EraseCounts } from './erase';
import type { Capture, Search, Session, Visit } from '../model';
import { localDate, startOfLocalDay } from '../time';

/**
 * The instant before which sessions are purged: local midnight `months` calendar months
 * before `now` (the day clamped to the shorter month), or `null` for "keep everything".
 * @example retentionCutoff(Date.UTC(2026, 4, 31, 12), 3, 'UTC') // Date.UTC(2026, 1, 28)
 * @example retentionCutoff(Date.now(), 0) // null
 */
export function retentionCutoff(now: number, months: number, timeZone?: string): number | null {
  if (!Number.isFinite(months) || months <= 0) return null;
  const today = localDate(now, timeZone);
  const monthIndex = today.year * 12 + (today.month - 1) - Math.round(months);
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return startOfLocalDay({ year, month, day: Math.min(today.day, lastDay) }, timeZone);
}

/**
 * Whether a session is older than the cutoff: its last activity, not its start, so a
 * session the learner came back to stays as long as its latest part.
 * @example isExpired({ endedAt: 5 }, 10) // true
 */
export function isExpired(session: Pick<Session, 'endedAt'>, cutoff: number): boolean {
  return session.endedAt < cutoff;
}

/** The ids of every record a purge deletes. */
export interface RetentionPlan {
  sessionIds: string[];
  visitIds: string[];
  searchIds: string[];
  captureIds: string[];
}

/**
 * Which records go when keeping `months` months at `now`: the expired sessions and the
 * visits, searches and captures that belong to them (nothing of a session that stays).
 * @example planRetention({ sessions, visits, searches, captures }, Date.now(), 12).sessionIds
 */
export function planRetention(
  records: {
    sessions: readonly Pick<Session, 'id' | 'endedAt'>[];
    visits: readonly Pick<Visit, 'id' | 'sessionId'>[];
    searches: readonly Pick<Search, 'id' | 'sessionId'>[];
    captures: readonly Pick<Capture, 'id' | 'sessionId'>[];
  },
  now: number,
  months: number,
  timeZone?: string,
): RetentionPlan {
  const cutoff = retentionCutoff(now, months, timeZone);
  const plan: RetentionPlan = { sessionIds: [], visitIds: [], searchIds: [], captureIds: [] };
  if (cutoff === null) return plan;
  const gone = new Set(records.sessions.filter((s) => isExpired(s, cutoff)).map((s) => s.id));
  plan.sessionIds = [...gone];
  plan.visitIds = records.visits.filter((v) => gone.has(v.sessionId)).map((v) => v.id);
  plan.searchIds = records.searches.filter((s) => gone.has(s.sessionId)).map((s) => s.id);
  plan.captureIds = records.captures.filter((c) => gone.has(c.sessionId)).map((c) => c.id);
  return plan;
}

/**
 * Deletes the sessions older than `months` months with their visits, searches and
 * captures. A Learning Record Store keeps what it already received: tidying this device
 * is not withdrawing evidence, so the outbox rows of purged sessions go too. Atomic per
 * batch of sessions; idempotent; does nothing when `months` is 0.
 * @example await purgeExpired(db, Date.now(), settings.retentionMonths)
 */
export async function purgeExpired(
  db: SkilltrailDb,
  now: number,
  months: number,
  timeZone?: string,
): Promise<EraseCounts> {
  const cutoff = retentionCutoff(now, months, timeZone);
  if (cutoff === null) return { sessions: 0, visits: 0, searches: 0, captures: 0 };
  // A session ends after it starts, so only sessions started before the cutoff can be expired.
  const candidates = await db.sessions.where('startedAt').below(cutoff).toArray();
  const ids = candidates.filter((s) => isExpired(s, cutoff)).map((s) => s.id);
  return eraseSessions(db, ids, { forgetOutbox: true });
}
