import { describe, expect, it } from 'vitest';
import { badgeText, learningMinutes, PAUSED_BADGE, todayBounds } from '../../../lib/week/today';

const DAY = { start: Date.UTC(2026, 2, 2), end: Date.UTC(2026, 2, 3) };

describe('today’s learning minutes', () => {
  it('sums the active time of today’s sessions, without dismissed ones', () => {
    const at = DAY.start + 3_600_000;
    const sessions = [
      { startedAt: at, activeMs: 90_000, status: 'auto' as const },
      { startedAt: at, activeMs: 45_000, status: 'kept' as const },
      { startedAt: at, activeMs: 600_000, status: 'dismissed' as const },
      { startedAt: DAY.start - 1, activeMs: 600_000, status: 'auto' as const },
      { startedAt: DAY.end, activeMs: 600_000, status: 'auto' as const },
    ];
    expect(learningMinutes(sessions, DAY.start, DAY.end)).toBe(2);
  });

  it('counts only measured time: a session from history or a stated one adds none, whatever it holds', () => {
    const at = DAY.start + 3_600_000;
    const sessions = [
      {
        startedAt: at,
        activeMs: 120_000,
        status: 'kept' as const,
        provenance: 'measured' as const,
      },
      {
        startedAt: at,
        activeMs: 600_000,
        status: 'kept' as const,
        provenance: 'from-history' as const,
      },
      { startedAt: at, activeMs: 600_000, status: 'kept' as const, provenance: 'stated' as const },
    ];
    expect(learningMinutes(sessions, DAY.start, DAY.end)).toBe(2);
  });

  it('finds the local day, also across a daylight-saving change', () => {
    expect(todayBounds(DAY.start + 15 * 3_600_000, 'UTC')).toEqual(DAY);
    // Europe/Madrid moves its clocks forward on 2026-03-29: a 23-hour day.
    const { start, end } = todayBounds(Date.UTC(2026, 2, 29, 12), 'Europe/Madrid');
    expect(start).toBe(Date.UTC(2026, 2, 28, 23));
    expect(end - start).toBe(23 * 3_600_000);
  });

  it.each([
    [0, false, ''],
    [1, false, '1'],
    [999, false, '999'],
    [1000, false, '16h'],
    [42, true, PAUSED_BADGE],
  ])('shows %i minutes (paused: %s) as %j', (minutes, paused, text) => {
    expect(badgeText({ minutes, paused })).toBe(text);
  });
});
