/**
 * Locale-aware formatting through `Intl`. Pure: the locale is passed in.
 */

/**
 * A short duration such as "1 h 5 min" or "45 s".
 * @example formatDuration(3_900_000, 'en') // '1 hr 5 min'
 */
export function formatDuration(ms: number, locale: string): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h > 0) return m > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
  if (m > 0) return unit(m, 'minute');
  return unit(totalSeconds, 'second');
}

/** A date such as "Mon, 30 Nov" in the learner's locale and time zone. */
export function formatDay(ts: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(ts);
}

/** A date and time such as "30 Nov 2026, 09:15". */
export function formatDateTime(ts: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(ts);
}

/** A plain number with the locale's grouping. */
export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * Reading time in whole minutes at 230 words per minute (at least 1 for any text).
 * @example readingMinutes(460) // 2
 */
export function readingMinutes(words: number): number {
  return words > 0 ? Math.max(1, Math.round(words / 230)) : 0;
}

/**
 * A time of day such as "15:30" or "3:30 PM", as the locale writes it.
 * @example formatTime(Date.UTC(2026, 0, 1, 15, 30), 'en-GB', 'UTC') // '15:30'
 */
export function formatTime(ts: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(ts);
}

/**
 * The name of a day of the week (0 = Sunday … 6 = Saturday) in the locale.
 * @example weekdayName(1, 'en') // 'Monday'
 */
export function weekdayName(day: number, locale: string): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(1970, 0, 4 + day),
  );
}

/**
 * Items joined as the locale joins a list: "CSS, SQL and UX" or "CSS, SQL y UX".
 * @example formatList(['CSS', 'SQL', 'UX'], 'en') // 'CSS, SQL, and UX'
 */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Scripts written right to left, as Unicode names them. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand']);

/**
 * Which way a language is written, from its likely script: files made outside the browser
 * (the report, the badges page) have no `@@bidi_dir` to ask.
 * @example textDirectionOf('ar-EG') // 'rtl'
 */
export function textDirectionOf(locale: string): 'ltr' | 'rtl' {
  let direction = DIRECTIONS.get(locale);
  if (!direction) {
    direction = 'ltr';
    try {
      const script = new Intl.Locale(locale.replace('_', '-')).maximize().script;
      if (script && RTL_SCRIPTS.has(script)) direction = 'rtl';
    } catch {
      // Not a language tag: left to right, as most text is.
    }
    DIRECTIONS.set(locale, direction);
  }
  return direction;
}

/** Answers already worked out: every message with a placeholder asks. */
const DIRECTIONS = new Map<string, 'ltr' | 'rtl'>();
