/**
 * Today's learning time, as the toolbar badge shows it: the active time of today's
 * sessions that the learner did not dismiss, in whole minutes.
 */
import type { Session } from '../model';
import { measuredMs } from '../provenance';
import { DAY_MS, localDate, startOfLocalDay } from '../time';
import { countsAsLearningIn } from './learning-sessions';

/** Badge text while tracking is paused. */
export const PAUSED_BADGE = '⏸';

/**
 * The local day holding `now`: its first instant and the first instant of the next day.
 * @example todayBounds(Date.UTC(2026, 2, 2, 15), 'UTC') // { start: Date.UTC(2026, 2, 2), end: Date.UTC(2026, 2, 3) }
 */
export function todayBounds(now: number, timeZone?: string): { start: number; end: number } {
  const today = localDate(now, timeZone);
  const start = startOfLocalDay(today, timeZone);
  // Probe past noon of the next day so a 23- or 25-hour day still lands on the right date.
  const end = startOfLocalDay(localDate(start + DAY_MS + DAY_MS / 2, timeZone), timeZone);
  return { start, end };
}

/**
 * Measured minutes of learning in sessions that started in `[start, end)`, dismissed ones left out.
 * A session belongs to the day it started on.
 * @example learningMinutes([{ startedAt: 5, activeMs: 125_000, status: 'auto' }], 0, 10) // 2
 */
export function learningMinutes(
  sessions: readonly (Pick<Session, 'startedAt' | 'activeMs' | 'status'> &
    Partial<Pick<Session, 'provenance'>>)[],
  start: number,
  end: number,
): number {
  let ms = 0;
  for (const s of sessions) {
    if (!countsAsLearningIn(s, start, end)) continue;
    ms += measuredMs(s);
  }
  return Math.floor(ms / 60_000);
}

/**
 * The badge text: nothing for no learning yet, minutes up to 999, then hours.
 * @example badgeText({ minutes: 42, paused: false }) // '42'
 */
export function badgeText({ minutes, paused }: { minutes: number; paused: boolean }): string {
  if (paused) return PAUSED_BADGE;
  if (minutes <= 0) return '';
  return minutes < 1000 ? String(minutes) : `${Math.floor(minutes / 60)}h`;
}
