import { describe, expect, it } from 'vitest';
import { pauseState, pauseUntil } from '../../../lib/settings/pause';
import { captureHeld, isPaused, PAUSED_UNTIL_RESUMED } from '../../../lib/settings/settings';

const at = (iso: string) => Date.parse(iso);

describe('pauseUntil', () => {
  it('pauses for one hour', () => {
    expect(pauseUntil('hour', at('2026-03-10T14:20:00Z'))).toBe(at('2026-03-10T15:20:00Z'));
  });

  it.each([
    ['UTC', '2026-03-10T14:20:00Z', '2026-03-11T00:00:00Z'],
    ['Europe/Madrid', '2026-03-10T22:30:00Z', '2026-03-10T23:00:00Z'],
    ['Europe/Madrid', '2026-03-10T23:30:00Z', '2026-03-11T23:00:00Z'],
    ['Europe/Madrid', '2026-03-10T21:30:00Z', '2026-03-10T23:00:00Z'],
    ['America/New_York', '2026-03-08T03:00:00Z', '2026-03-08T05:00:00Z'],
    // The day clocks go forward: local midnight of the 9th is 04:00 UTC, not 05:00.
    ['America/New_York', '2026-03-08T12:00:00Z', '2026-03-09T04:00:00Z'],
    // Already 1 January in Auckland: tomorrow is the 2nd.
    ['Pacific/Auckland', '2026-12-31T12:00:00Z', '2027-01-01T11:00:00Z'],
  ])('in %s, at %s, "until tomorrow" ends at %s', (zone, now, until) => {
    expect(pauseUntil('tomorrow', at(now), zone)).toBe(at(until));
  });

  it('"until I resume" never ends by itself', () => {
    const until = pauseUntil('resumed', Date.now());
    expect(until).toBe(PAUSED_UNTIL_RESUMED);
    expect(
      isPaused({ pausedUntil: until, trackingConsent: true }, Date.now() + 100 * 365 * 86_400_000),
    ).toBe(true);
  });
});

describe('pauseState', () => {
  const now = at('2026-03-10T14:20:00Z');
  it.each([
    [{ pausedUntil: 0, trackingConsent: false }, { kind: 'off' }],
    [{ pausedUntil: now + 1, trackingConsent: false }, { kind: 'off' }],
    [{ pausedUntil: 0, trackingConsent: true }, { kind: 'running' }],
    [{ pausedUntil: now, trackingConsent: true }, { kind: 'running' }],
    [{ pausedUntil: PAUSED_UNTIL_RESUMED, trackingConsent: true }, { kind: 'until-resumed' }],
    [
      { pausedUntil: now + 3_600_000, trackingConsent: true },
      { kind: 'until', until: now + 3_600_000, sameDay: true },
    ],
    [
      { pausedUntil: at('2026-03-11T00:00:00Z'), trackingConsent: true },
      { kind: 'until', until: at('2026-03-11T00:00:00Z'), sameDay: false },
    ],
  ])('%j reads as %j', (settings, state) => {
    expect(pauseState(settings, now, 'UTC')).toEqual(state);
  });
});

describe('captureHeld', () => {
  it('holds a toolbar capture only while the learner has paused, consent or not', () => {
    expect(captureHeld({ pausedUntil: 0 }, 1000)).toBe(false);
    expect(captureHeld({ pausedUntil: 2000 }, 1000)).toBe(true);
    expect(captureHeld({ pausedUntil: 1000 }, 1000)).toBe(false);
    expect(captureHeld({ pausedUntil: PAUSED_UNTIL_RESUMED }, 1000)).toBe(true);
  });
});
