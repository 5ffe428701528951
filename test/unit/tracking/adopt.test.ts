import { describe, expect, it } from 'vitest';
import { emptyTrackerState } from '../../../lib/tracking/state';
import { sessionIdForTab, step } from '../../../lib/tracking/tracker';
import { ARTICLE, SETTINGS, start, T0, tick } from './trace';

describe('adopting a stored session', () => {
  it('continues a session the learner captured before the threshold (adoption)', () => {
    let state = emptyTrackerState();
    const at = (s: number) => T0 + s * 1000;
    for (const [s, event] of [...start(1, ARTICLE), [60, tick] as const]) {
      state = step(state, event, SETTINGS, at(s)).state;
    }
    // Stored once 30 s are confirmed: no idle report for a minute after 40 s.
    const first = step(state, { type: 'tick' }, SETTINGS, at(100));
    expect(first.writes.newSessionIds).toHaveLength(1);
    const tracked = first.writes.newSessionIds[0]!;
    const adopted = step(
      first.state,
      { type: 'session-adopted', sessionId: tracked, storedId: 'captured', activeMs: 0 },
      SETTINGS,
      at(100),
    );
    expect(adopted.writes.sessions.map((s) => [s.id, s.activeMs])).toEqual([['captured', 100_000]]);
    expect(adopted.writes.visits.map((v) => v.sessionId)).toEqual(['captured']);
    expect(sessionIdForTab(adopted.state, 1)).toBe('captured');
    const later = step(adopted.state, { type: 'tick' }, SETTINGS, at(130));
    expect(later.writes.sessions.map((s) => [s.id, s.activeMs])).toEqual([['captured', 130_000]]);
  });
});
