import type { Session } from '../model';
import { measuredMs } from '../provenance';
import type { Settings } from '../settings/settings';
import { DAY_MS, localDate, startOfLocalDay, type Week } from '../time';
import { countsAsLearningIn } from './learning-sessions';

/**
 * The next instant, after `now`, of the weekly reminder: the learner's day and local time.
 * @example nextReminderAt(Date.parse('2026-11-29T12:00:00Z'), { reminderDay: 1, reminderTime: '09:00' }, 'UTC')
 *   // Date.parse('2026-11-30T09:00:00Z')
 */
export function nextReminderAt(
  now: number,
  settings: Pick<Settings, 'reminderDay' | 'reminderTime'>,
  timeZone?: string,
): number {
  const [hours, minutes] = settings.reminderTime.split(':').map(Number) as [number, number];
  const today = localDate(now, timeZone);
  for (let i = 0; i <= 7; i++) {
    const probe = startOfLocalDay(today, timeZone) + i * DAY_MS + DAY_MS / 2;
    const date = localDate(probe, timeZone);
    if (
      new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() !== settings.reminderDay
    )
      continue;
    const at = startOfLocalDay(date, timeZone) + (hours * 60 + minutes) * 60_000;
    if (at > now) return at;
  }
  // Today is the day and the time has passed: a week from today.
  return nextReminderAt(now + DAY_MS, settings, timeZone);
}

/**
 * What the reminder says about a week: learning time and the skills it touched, counting
 * only sessions the learner has not marked "not learning".
 * @example weekTotals(sessions, week) // { activeMs: 190 * 60_000, skills: 4, sessions: 12 }
 */
export function weekTotals(
  sessions: readonly Session[],
  week: Pick<Week, 'start' | 'end'>,
): { activeMs: number; skills: number; sessions: number } {
  const counted = sessions.filter((s) => countsAsLearningIn(s, week.start, week.end));
  return {
    activeMs: counted.reduce((sum, s) => sum + measuredMs(s), 0),
    skills: new Set(counted.flatMap((s) => s.skills)).size,
    sessions: counted.length,
  };
}
