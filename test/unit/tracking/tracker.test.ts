import { describe, expect, it } from 'vitest';
import { sessionIdForTab } from '../../../lib/tracking/tracker';
import {
  activate,
  ARTICLE,
  focus,
  GOOGLE,
  itStores,
  nav,
  reading,
  runTrace,
  start,
  summary,
  tick,
  ticks,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'records a page read for two minutes in the focused window',
    trace: [...start(1, ARTICLE), ...ticks(0, 120)],
    expected: [reading(ARTICLE, 120)],
  },
  {
    name: 'ends a session open at browser shutdown at its last activity',
    trace: [
      ...start(1, ARTICLE),
      ...ticks(0, 180),
      [200, { type: 'startup', tabs: [], focusedWindowId: null }],
      [
        7400,
        { type: 'startup', tabs: [{ tabId: 1, windowId: 1, active: true }], focusedWindowId: 1 },
      ],
      [7460, tick],
    ],
    expected: [reading(ARTICLE, 180)],
  },
  {
    name: 'after a restart, the reopened page is a new session and closed time never counts',
    trace: [
      ...start(1, ARTICLE),
      ...ticks(0, 120),
      [
        7300,
        {
          type: 'startup',
          tabs: [{ tabId: 31, windowId: 7, active: true, url: ARTICLE, status: 'complete' }],
          focusedWindowId: 7,
        },
      ],
      [7360, tick],
    ],
    expected: [reading(ARTICLE, 120), reading(ARTICLE, 60)],
  },
];

describe('the tracker step', () => {
  itStores(CASES);

  it('keeps no URL of a private tab in its state', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, activate(9, 3, { incognito: true, url: ARTICLE, status: 'complete' })],
      [5, nav(9, GOOGLE('secret'), 'typed', [], { incognito: true })],
    ]);
    expect(JSON.stringify(run.state)).not.toContain('secret');
    expect(JSON.stringify(run.state)).not.toContain('mozilla');
  });

  it('forgets the page of a tab the browser names private only late', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, nav(9, GOOGLE('secret question'))], // the navigation came before the tab's details
      [0, nav(9, ARTICLE, 'link')],
      [1, activate(9, 3, { incognito: true, url: ARTICLE, status: 'complete' })],
      ...ticks(1, 300),
    ]);
    expect(JSON.stringify(run.state)).not.toContain('secret');
    expect(JSON.stringify(run.state)).not.toContain('mozilla');
    expect(run.sessions.size + run.visits.size + run.searches.size).toBe(0);
  });

  it('stops counting a tab that vanished while the worker slept (heartbeat sync)', () => {
    const run = runTrace([
      ...start(1, ARTICLE),
      [60, tick],
      [
        80,
        {
          type: 'sync',
          tabs: [{ tabId: 2, windowId: 1, active: true, url: 'about:blank', status: 'complete' }],
          focusedWindowId: 1,
        },
      ],
      [140, tick],
    ]);
    expect(summary(run)).toEqual([reading(ARTICLE, 80)]);
    expect(run.state.tabs['1']).toBeUndefined();
  });

  it('names the stored session of a tab, and none below the threshold', () => {
    const early = runTrace([...start(1, ARTICLE), [10, tick]]);
    expect(sessionIdForTab(early.state, 1)).toBeNull();
    const later = runTrace([...start(1, ARTICLE), [60, tick], [100, tick]]);
    expect(sessionIdForTab(later.state, 1)).toBe([...later.sessions.keys()][0]);
    expect(sessionIdForTab(later.state, 99)).toBeNull();
  });

  it('drops ended sessions from its state on the heartbeat', () => {
    const run = runTrace([
      ...start(1, ARTICLE),
      [40, nav(1, 'about:blank')],
      ...ticks(40, 2200, 300),
    ]);
    expect(Object.keys(run.state.sessions)).toEqual([]);
    expect(Object.keys(run.state.visits)).toEqual([]);
    expect(run.sessions.size).toBe(1);
  });
});
