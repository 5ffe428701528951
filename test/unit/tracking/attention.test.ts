import { describe, expect, it } from 'vitest';
import { PAUSED_UNTIL_RESUMED } from '../../../lib/settings/settings';
import {
  activate,
  ARTICLE,
  close,
  focus,
  idle,
  itStores,
  nav,
  OTHER,
  reading,
  runTrace,
  SETTINGS,
  sound,
  start,
  summary,
  T0,
  tick,
  ticks,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'counts only the focused window of two',
    trace: [
      ...start(1, ARTICLE),
      [0, activate(2, 2)],
      [0, nav(2, OTHER)],
      [40, focus(2)],
      [100, focus(1)],
      [130, focus(null)], // another application
      [400, focus(1)],
      [450, tick],
    ],
    expected: [reading(ARTICLE, 40 + 30 + 50), reading(OTHER, 60)],
  },
  {
    name: 'splits time between tabs as the learner switches, one session per page',
    trace: [
      ...start(1, ARTICLE),
      [0, activate(2)],
      [0, nav(2, OTHER)],
      [0, activate(1)],
      [40, activate(2)],
      [90, activate(1)],
      [120, activate(2)],
      [121, close(2)],
      [121, activate(1)], // the browser brings the next tab to the front
      [180, tick],
    ],
    expected: [reading(ARTICLE, 40 + 30 + 59), reading(OTHER, 50 + 1)],
  },
  {
    name: 'stops counting at the last input when the system goes idle, and resumes after',
    trace: [
      ...start(1, ARTICLE),
      [60, tick],
      [90, idle('idle')], // no input since 30 s
      [120, tick],
      [400, idle('active')],
      [460, tick],
    ],
    expected: [reading(ARTICLE, 30 + 60)],
  },
  {
    name: 'keeps a glance a glance when the learner walks away from it',
    trace: [...start(1, ARTICLE), [60, tick], [65, idle('idle')], ...ticks(65, 900)],
    expected: [],
  },
  {
    name: 'stops counting while the screen is locked',
    trace: [...start(1, ARTICLE), [50, idle('locked')], [700, idle('active')], [730, tick]],
    expected: [reading(ARTICLE, 80)],
  },
  {
    name: 'counts nothing across a sleep (clock jump without events)',
    trace: [...start(1, ARTICLE), ...ticks(0, 120), [3720, tick], [3780, tick]],
    expected: [reading(ARTICLE, 120), reading(ARTICLE, 60)],
  },
  {
    name: 'records nothing while paused, and counts again once resumed',
    trace: [...start(1, ARTICLE), [60, tick], [120, tick], [600, nav(1, OTHER)], [660, tick]],
    settings: (at) => ({ ...SETTINGS, pausedUntil: at < T0 + 600_000 ? PAUSED_UNTIL_RESUMED : 0 }),
    expected: [reading(OTHER, 60)],
  },
  {
    name: 'keeps the time read before a pause began',
    trace: [...start(1, ARTICLE), [45, tick], [46, tick], [200, tick]],
    settings: (at) => ({ ...SETTINGS, pausedUntil: at >= T0 + 45_000 ? PAUSED_UNTIL_RESUMED : 0 }),
    expected: [reading(ARTICLE, 45)],
  },
  {
    name: 'counts audible media through system idle as watching, not through a lock',
    trace: [
      ...start(1, 'https://www.youtube.com/watch?v=abc'),
      [1, sound(1, 1, true)],
      [60, idle('idle')],
      ...ticks(60, 600),
      [600, idle('locked')],
      [900, idle('active')],
    ],
    expected: [
      {
        kind: 'watching',
        url: 'https://www.youtube.com/watch?v=abc',
        active: 600,
        queries: [],
        visits: ['https://www.youtube.com/watch?v=abc 600s'],
      },
    ],
  },
];

describe('attention', () => {
  itStores(CASES);

  it('ends counting at the last input plus the idle threshold with the engagement script', () => {
    const engagement = (at: number, visible = true) =>
      [
        at,
        {
          type: 'engagement',
          tabId: 1,
          url: `${ARTICLE}#syntax`,
          visible,
          scrollPct: at / 10,
          inputAt: T0 + at * 1000,
          audible: false,
        },
      ] as [number, import('../../../lib/tracking/events').TrackerEvent];
    const run = runTrace([
      ...start(1, ARTICLE),
      engagement(10),
      // No input after 10 s: the count stops at 70 s even though the system is not idle yet.
      [60, tick],
      [120, tick],
      engagement(200),
      [230, tick],
      engagement(240, false), // window minimised: hidden
      [300, tick],
    ]);
    const [visit] = [...run.visits.values()];
    expect(visit!.activeMs).toBe((70 + 40) * 1000);
    expect(visit!.maxScrollPct).toBe(24);
  });

  it('treats a clock set back as no time', () => {
    const run = runTrace([...start(1, ARTICLE), [60, tick], [30, tick], [90, tick]]);
    expect(summary(run)).toEqual([reading(ARTICLE, 60 + 60)]);
  });
});
