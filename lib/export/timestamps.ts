/**
 * Instants written for machines, in the learner's time zone: `2026-11-23T09:15:00` for
 * spreadsheets and `2026-11-23T09:15:00.000+01:00` for xAPI. Locale-free on purpose.
 */
import { zoneOffset } from '../time';

function offsetMs(ts: number, timeZone?: string): number {
  // Whole minutes: xAPI and ISO 8601 offsets have no seconds (some 19th-century zones did).
  return Math.round(zoneOffset(ts, timeZone) / 60_000) * 60_000;
}

/**
 * The local date and time of an instant, without offset.
 * @example localIso(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin') // '2026-11-23T09:15:00'
 */
export function localIso(ts: number, timeZone?: string): string {
  return new Date(ts + offsetMs(ts, timeZone)).toISOString().slice(0, 19);
}

/**
 * An ISO 8601 instant with the learner's UTC offset, milliseconds included.
 * @example isoWithOffset(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin') // '2026-11-23T09:15:00.000+01:00'
 */
export function isoWithOffset(ts: number, timeZone?: string): string {
  const offset = offsetMs(ts, timeZone);
  const local = new Date(ts + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
