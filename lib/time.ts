/**
 * Calendar arithmetic in the learner's time zone. Weeks are ISO 8601 weeks; the day a week
 * starts on is a setting (1 = Monday, the ISO default; 0 = Sunday; 6 = Saturday).
 */

export const DAY_MS = 86_400_000;

export interface WeekOptions {
  /** IANA time zone; the runtime's own when omitted. */
  timeZone?: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStart?: number;
}

export interface Week {
  /** ISO week label, `2026-W48`: the ISO week holding this week's Thursday. */
  key: string;
  /** First instant of the week (local midnight). */
  start: number;
  /** First instant of the next week. */
  end: number;
}

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = partsFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(key, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ts`, in ms (positive east of Greenwich). */
export function zoneOffset(ts: number, timeZone?: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(ts)) {
    if (type !== 'literal') p[type] = Number(value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/** The local calendar date of an instant. */
export function localDate(ts: number, timeZone?: string): LocalDate {
  const d = new Date(ts + zoneOffset(ts, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant of local midnight starting a calendar date (handles DST shifts). */
export function startOfLocalDay(date: LocalDate, timeZone?: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let ts = guess - zoneOffset(guess, timeZone);
  // A second pass settles days where the offset changes between the guess and the answer.
  ts = guess - zoneOffset(ts, timeZone);
  return ts;
}

/**
 * The first instant on a calendar date: `startOfLocalDay`, except on a date whose midnight
 * the clocks skip (Santiago, Cairo, Beirut move at midnight), where that answers an instant
 * of the day before and this the moment the clocks jump. So `ts < firstInstantOf(d)`
 * exactly when `localDate(ts)` is before `d`.
 */
export function firstInstantOf(date: LocalDate, timeZone?: string): number {
  const start = startOfLocalDay(date, timeZone);
  const before = (ts: number) => compareDates(localDate(ts, timeZone), date) < 0;
  if (!before(start)) return start;
  // The jump lies within a few hours after: found to the millisecond by halving.
  let lo = start;
  let hi = start + 6 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (before(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** ISO 8601 week-numbering year and week of a calendar date. */
export function isoWeekOf(date: LocalDate): { year: number; week: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the Thursday of this ISO week
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return { year, week };
}

/**
 * The week holding instant `ts`.
 * @example weekOf(Date.UTC(2026, 10, 29, 12), { timeZone: 'UTC' }).key // '2026-W48'
 */
export function weekOf(ts: number, options: WeekOptions = {}): Week {
  const { timeZone, weekStart = 1 } = options;
  const today = localDate(ts, timeZone);
  const back = (weekday(today) - weekStart + 7) % 7;
  const first = addDays(today, -back);
  const thursday = addDays(first, (4 - weekStart + 7) % 7);
  const { year, week } = isoWeekOf(thursday);
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(addDays(first, 7), timeZone),
  };
}

/**
 * The week `offset` weeks after (or before, when negative) the week holding `ts`.
 * @example shiftWeek(weekOf(now), -1) // last week
 */
export function shiftWeek(week: Week, offset: number, options: WeekOptions = {}): Week {
  const probe =
    offset >= 0 ? week.end + (offset - 1) * 7 * DAY_MS : week.start + offset * 7 * DAY_MS;
  // Probe at noon-ish inside the target week so DST hours never push it across a boundary.
  return weekOf(probe + DAY_MS / 2, options);
}

/** Longest text `weekFromKey` reads: a key is short, and a route is page-controlled input. */
const MAX_WEEK_KEY_LENGTH = 32;

/**
 * The week (with the learner's week start and time zone) whose key is `key`, or `null` when
 * `key` names no week. Forgiving about form — `2026-W48`, `2026w48`, ` 2026-W48-3 `,
 * `2026W48` — strict about sense: week 53 only in years that have one, years 1000–9999.
 * Inverse of `weekOf(…).key`: for every week start the answer holds that ISO week's Thursday.
 * @example weekFromKey('2026-W48', { timeZone: 'UTC' })?.start // Date.UTC(2026, 10, 23)
 * @example weekFromKey('2026-W54') // null
 */
export function weekFromKey(key: string, options: WeekOptions = {}): Week | null {
  if (typeof key !== 'string' || key.length > MAX_WEEK_KEY_LENGTH) return null;
  const m = /^\s*(\d{4})-?W(\d{1,2})(?:-?[1-7])?\s*$/i.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1000 || week < 1) return null;
  // 28 December is always in the last ISO week of its year.
  if (week > isoWeekOf({ year, month: 12, day: 28 }).week) return null;
  // ISO week 1 holds 4 January; its Thursday is the key's anchor.
  const jan4 = { year, month: 1, day: 4 };
  const thursday = addDays(jan4, 4 - (weekday(jan4) || 7) + (week - 1) * 7);
  // Noon of that Thursday: far from any midnight a DST change could move.
  return weekOf(startOfLocalDay(thursday, options.timeZone) + DAY_MS / 2, options);
}

/**
 * An ISO 8601 duration for xAPI and readable exports.
 * @example isoDuration(750_000) // 'PT12M30S'
 */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
