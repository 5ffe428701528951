import { describe } from 'vitest';
import {
  activate,
  ARTICLE,
  close,
  itStores,
  nav,
  OTHER,
  reading,
  start,
  THIRD,
  tick,
  ticks,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'continues the same session when the page comes back within 30 minutes',
    trace: [
      ...start(1, ARTICLE),
      [30, nav(1, OTHER)],
      [90, nav(1, ARTICLE)],
      [110, activate(2)],
      [110, nav(2, THIRD)],
      [160, close(2)],
      [160, activate(1)],
      [170, tick],
    ],
    expected: [reading(ARTICLE, 30 + 20 + 10), reading(OTHER, 60), reading(THIRD, 50)],
  },
  {
    name: 'starts a new session when the page comes back after 30 minutes',
    trace: [
      ...start(1, ARTICLE),
      [40, nav(1, OTHER)],
      ...ticks(40, 1960),
      [2000, nav(1, ARTICLE)],
      [2040, tick],
    ],
    expected: [reading(ARTICLE, 40), reading(OTHER, 1960), reading(ARTICLE, 40)],
  },
];

describe('reading sessions', () => {
  itStores(CASES);
});
