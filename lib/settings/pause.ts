/**
 * Pausing tracking: what each choice the learner has means as an instant.
 */
import { PAUSED_UNTIL_RESUMED } from './settings';
import { localDate, startOfLocalDay } from '../time';

export type PauseChoice = 'hour' | 'tomorrow' | 'resumed';

const HOUR_MS = 3_600_000;

/**
 * The `pausedUntil` a choice sets at `now`: an hour from now, the next local midnight, or
 * until the learner resumes.
 * @example pauseUntil('hour', 0) // 3_600_000
 * @example pauseUntil('resumed', 0) === PAUSED_UNTIL_RESUMED // true
 */
export function pauseUntil(choice: PauseChoice, now: number, timeZone?: string): number {
  if (choice === 'hour') return now + HOUR_MS;
  if (choice === 'resumed') return PAUSED_UNTIL_RESUMED;
  const today = localDate(now, timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return startOfLocalDay(
    {
      year: tomorrow.getUTCFullYear(),
      month: tomorrow.getUTCMonth() + 1,
      day: tomorrow.getUTCDate(),
    },
    timeZone,
  );
}

/** How a pause reads to the learner. */
export type PauseState =
  | { kind: 'off' }
  | { kind: 'running' }
  | { kind: 'until-resumed' }
  | { kind: 'until'; until: number; sameDay: boolean };

/**
 * What the pause controls show at `now`: tracking off (no consent yet), running, paused
 * until resumed, or paused until an instant (`sameDay` when that instant is today, so a
 * time alone is enough to name it).
 * @example pauseState({ pausedUntil: 0, trackingConsent: true }, 5) // { kind: 'running' }
 */
export function pauseState(
  settings: { pausedUntil: number; trackingConsent: boolean },
  now: number,
  timeZone?: string,
): PauseState {
  if (!settings.trackingConsent) return { kind: 'off' };
  if (settings.pausedUntil <= now) return { kind: 'running' };
  if (settings.pausedUntil >= PAUSED_UNTIL_RESUMED) return { kind: 'until-resumed' };
  const a = localDate(now, timeZone);
  const b = localDate(settings.pausedUntil, timeZone);
  return {
    kind: 'until',
    until: settings.pausedUntil,
    sameDay: a.year === b.year && a.month === b.month && a.day === b.day,
  };
}
