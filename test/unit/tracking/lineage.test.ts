import { describe } from 'vitest';
import {
  activate,
  ARTICLE,
  back,
  focus,
  GOOGLE,
  itStores,
  link,
  nav,
  openedFrom,
  OTHER,
  start,
  tick,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'links a result opened with Ctrl-click in a new tab to its search',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [20, openedFrom(1, 2)],
      [20, link(2, ARTICLE)],
      [30, activate(2)],
      [90, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 90,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 30s ←search`, `${ARTICLE} 60s ←search`],
      },
    ],
  },
  {
    name: 'links a result in a new window through the opener tab when no target event came',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [20, { type: 'tab-updated', tab: { tabId: 5, windowId: 2, openerTabId: 1 } }],
      [20, link(5, ARTICLE)],
      [21, focus(2)],
      [21, activate(5, 2)],
      [81, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 81,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 21s ←search`, `${ARTICLE} 60s ←search`],
      },
    ],
  },
  {
    name: 'keeps results and pages one session across the back button',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [10, link(1, ARTICLE)],
      [55, back(1, GOOGLE('css grid'))],
      [65, link(1, OTHER)],
      [105, back(1, GOOGLE('css grid'))],
      [110, nav(1, ARTICLE, 'link', ['forward_back'])],
      [140, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 140,
        queries: ['css grid'],
        visits: [
          `${GOOGLE('css grid')} 25s ←search`,
          `${ARTICLE} 75s ←search`,
          `${OTHER} 40s ←search`,
        ],
      },
    ],
  },
  {
    name: 'follows the engine’s click redirect to the result',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [10, link(1, 'https://www.google.com/url?q=https://css-tricks.com/&sa=U')],
      [11, nav(1, OTHER, 'link', ['client_redirect'])],
      [71, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 70,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 10s ←search`, `${OTHER} 60s ←search`],
      },
    ],
  },
];

describe('lineage', () => {
  itStores(CASES);
});
