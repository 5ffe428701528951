/**
 * The local days of a range, and a session's active time split over them. DST days are
 * 23 or 25 hours long; calendar dates, not 24-hour steps, make the days.
 */
import type { Session, Visit } from '../model';
import { measuredMs } from '../provenance';
import { localDate, startOfLocalDay, weekOf } from '../time';

/** A range longer than this is cut: a summary is a report, not an archive scan. */
export const MAX_SUMMARY_DAYS = 1000;

/**
 * The local days of a range: whole days, except that a range starting or ending mid-day
 * cuts its first or last day. DST days are 23 or 25 hours long.
 * @example localDays(week.start, week.end, 'Europe/Berlin').length // 7
 */
export function localDays(
  start: number,
  end: number,
  timeZone?: string,
): { date: string; start: number; end: number }[] {
  const days: { date: string; start: number; end: number }[] = [];
  let date = localDate(start, timeZone);
  let dayStart = startOfLocalDay(date, timeZone);
  while (dayStart < end && days.length < MAX_SUMMARY_DAYS) {
    const next = nextDate(date);
    const nextStart = startOfLocalDay(next, timeZone);
    days.push({
      date: isoDate(date),
      start: Math.max(dayStart, start),
      end: Math.min(nextStart, end),
    });
    date = next;
    dayStart = nextStart;
  }
  return days;
}

function nextDate(d: { year: number; month: number; day: number }) {
  const n = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: n.getUTCFullYear(), month: n.getUTCMonth() + 1, day: n.getUTCDate() };
}

function isoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * A name for a range: its ISO week key when it is exactly one week, else its local dates.
 * @example rangeLabel(week.start, week.end, { timeZone: 'UTC' }) // '2026-W48'
 * @example rangeLabel(nov1, dec1, { timeZone: 'UTC' }) // '2026-11-01_2026-11-30'
 */
export function rangeLabel(
  start: number,
  end: number,
  options: { timeZone?: string; weekStart?: number } = {},
): { label: string; weekKey: string | null } {
  const week = weekOf(start, options);
  if (week.start === start && week.end === end) return { label: week.key, weekKey: week.key };
  const last = localDate(Math.max(start, end - 1), options.timeZone);
  return {
    label: `${isoDate(localDate(start, options.timeZone))}_${isoDate(last)}`,
    weekKey: null,
  };
}

/**
 * Which of `days` holds the instant `ts`; activity outside the range lands on the edge day.
 * @example dayIndex(localDays(week.start, week.end), week.start + 1) // 0
 */
export function dayIndex(days: readonly { start: number; end: number }[], ts: number): number {
  // Activity outside the range (a session that ran past Sunday midnight) lands on the edge day.
  if (days.length === 0) return 0;
  if (ts < days[0]!.start) return 0;
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]!.start <= ts) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function add(map: Map<number, number>, key: number, ms: number) {
  if (ms > 0) map.set(key, (map.get(key) ?? 0) + ms);
}

/**
 * A duration fit to add: anything not finite or not positive counts as nothing.
 * @example safeMs(Number.NaN) // 0
 */
export function safeMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * Active time of a session split over days. The session's own `activeMs` is the truth;
 * its visits say when it happened. Time no visit accounts for goes to the start day.
 * @example splitOverDays(session, visits, localDays(week.start, week.end)).get(0) // ms on the first day
 */
export function splitOverDays(
  session: Session,
  visits: readonly Visit[],
  days: readonly { start: number; end: number }[],
): Map<number, number> {
  // Stated or estimated time is never added into measured time.
  const total = measuredMs(session);
  const out = new Map<number, number>();
  const visitMs = visits.reduce((sum, v) => sum + safeMs(v.activeMs), 0);
  if (visitMs === 0) {
    add(out, dayIndex(days, session.startedAt), total);
    return out;
  }
  // Visits that add up to more than the session (inconsistent data) are scaled down.
  const scale = visitMs > total ? total / visitMs : 1;
  let given = 0;
  for (const v of visits) {
    const ms = Math.round(safeMs(v.activeMs) * scale);
    add(out, dayIndex(days, v.startedAt), ms);
    given += ms;
  }
  const rest = total - given;
  if (rest > 0) add(out, dayIndex(days, session.startedAt), rest);
  if (rest < 0) {
    // Rounding after scaling gave a few ms too many: take them back from the largest day.
    const [maxKey, maxMs] = [...out.entries()].sort((a, b) => b[1] - a[1])[0]!;
    out.set(maxKey, maxMs + rest);
  }
  return out;
}
