import { describe } from 'vitest';
import {
  ARTICLE,
  DDG,
  GOOGLE,
  itStores,
  link,
  nav,
  OTHER,
  reading,
  sound,
  start,
  tick,
  ticks,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'adds a refined query to the same session; page 2 is not a new search',
    trace: [
      ...start(1, GOOGLE('grid')),
      [15, nav(1, GOOGLE('css grid'), 'form_submit')],
      [25, link(1, GOOGLE('css grid', '&start=10'))],
      [40, link(1, ARTICLE)],
      [100, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('grid'),
        engine: 'google',
        active: 100,
        queries: ['grid', 'css grid'],
        visits: [`${GOOGLE('grid')} 40s ←search`, `${ARTICLE} 60s ←search`],
      },
    ],
  },
  {
    name: 'starts a new search session when the learner switches engine',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [40, nav(1, DDG('css grid'))],
      [50, link(1, OTHER)],
      [110, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 40,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 40s ←search`],
      },
      {
        kind: 'search',
        url: DDG('css grid').replace('%20', '+'),
        engine: 'duckduckgo',
        active: 70,
        queries: ['css grid'],
        visits: [`${DDG('css grid').replace('%20', '+')} 10s ←search`, `${OTHER} 60s ←search`],
      },
    ],
  },
  {
    name: 'a search on the same engine after the gap is a new session',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [40, nav(1, ARTICLE)],
      ...ticks(40, 1900),
      [1900, nav(1, GOOGLE('css subgrid'))],
      [1940, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 40,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 40s ←search`],
      },
      reading(ARTICLE, 1860),
      {
        kind: 'search',
        url: GOOGLE('css subgrid'),
        engine: 'google',
        active: 40,
        queries: ['css subgrid'],
        visits: [`${GOOGLE('css subgrid')} 40s ←search`],
      },
    ],
  },
  {
    name: 'labels a watched result inside a search session',
    trace: [
      ...start(1, 'https://www.youtube.com/results?search_query=fourier'),
      [10, nav(1, 'https://www.youtube.com/watch?v=xyz', 'link')],
      [11, sound(1, 1, true)],
      ...ticks(11, 251),
    ],
    expected: [
      {
        kind: 'search',
        url: 'https://www.youtube.com/results?search_query=fourier',
        engine: 'youtube',
        active: 251,
        queries: ['fourier'],
        visits: [
          'https://www.youtube.com/results?search_query=fourier 10s ←search',
          'https://www.youtube.com/watch?v=xyz 241s ←search',
        ],
      },
    ],
  },
];

describe('search sessions', () => {
  itStores(CASES);
});
