/**
 * Instants written for machines, in the learner's time zone: `2026-11-23T09:15:00` for
 * spreadsheets and `2026-11-23T09:15:00.000+01:00` for xAPI. Locale-free on purpose.
 */
import { zoneOffset } from '../time';

/** 1970 to a day before 10000: no record is older, and ISO 8601 writes four-digit years. */
const EARLIEST = 0;
const LATEST = 253_402_214_400_000 - 86_400_000;

/**
 * The instant made writable: a time past four-digit years (a damaged record; past
 * JavaScript's own range a date is invalid and throws) is held at the edge, and no number
 * at all is the epoch, so no export throws.
 */
function writable(ts: number): number {
  if (Number.isNaN(ts)) return 0;
  return Math.min(LATEST, Math.max(EARLIEST, ts));
}

function offsetMs(ts: number, timeZone?: string): number {
  // Whole minutes: xAPI and ISO 8601 offsets have no seconds (some 19th-century zones did).
  return Math.round(zoneOffset(ts, timeZone) / 60_000) * 60_000;
}

/**
 * The local date and time of an instant, without offset.
 * @example localIso(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin') // '2026-11-23T09:15:00'
 */
export function localIso(instant: number, timeZone?: string): string {
  const ts = writable(instant);
  return new Date(ts + offsetMs(ts, timeZone)).toISOString().slice(0, 19);
}

/**
 * An ISO 8601 instant with the learner's UTC offset, milliseconds included.
 * @example isoWithOffset(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin') // '2026-11-23T09:15:00.000+01:00'
 */
export function isoWithOffset(instant: number, timeZone?: string): string {
  const ts = writable(instant);
  const offset = offsetMs(ts, timeZone);
  const local = new Date(ts + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * `instant` in UTC to the whole second, as credentials date themselves (`validFrom`).
 * @example isoSeconds(Date.UTC(2026, 11, 7, 8, 30, 15, 999)) // '2026-12-07T08:30:15Z'
 */
export function isoSeconds(instant: number): string {
  return new Date(Math.floor(instant / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
