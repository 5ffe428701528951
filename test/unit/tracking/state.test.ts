import { describe, expect, it } from 'vitest';
import { emptyTrackerState, restoreTrackerState } from '../../../lib/tracking/state';
import { ARTICLE, runTrace, start } from './trace';

describe('tracker state', () => {
  it('restores only a state it understands', () => {
    expect(restoreTrackerState(null)).toEqual(emptyTrackerState());
    expect(restoreTrackerState({ version: 99 })).toEqual(emptyTrackerState());
    const state = runTrace(start(1, ARTICLE)).state;
    expect(restoreTrackerState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
