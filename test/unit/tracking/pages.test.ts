import { describe, expect, it } from 'vitest';
import {
  activate,
  ARTICLE,
  focus,
  GOOGLE,
  itStores,
  link,
  nav,
  OTHER,
  reading,
  runTrace,
  SETTINGS,
  start,
  summary,
  T0,
  tick,
  ticks,
  titled,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'never records a private window',
    trace: [
      [0, focus(3)],
      [0, activate(9, 3, { incognito: true })],
      [0, nav(9, ARTICLE, 'typed', [], { incognito: true })],
      [0, nav(9, GOOGLE('secret'), 'typed', [], { incognito: true })],
      ...ticks(0, 300),
    ],
    expected: [],
  },
  {
    name: 'never records an excluded site',
    trace: [...start(1, 'https://mail.google.com/mail/u/0/#inbox'), ...ticks(0, 300)],
    expected: [],
  },
  {
    name: 'never records browser or extension pages',
    trace: [
      ...start(1, 'chrome://settings/'),
      [10, nav(1, 'chrome-extension://abcdef/dashboard.html')],
      [20, nav(1, 'file:///home/maya/notes.html')],
      ...ticks(20, 200),
    ],
    expected: [],
  },
];

describe('pages', () => {
  itStores(CASES);

  it('stores sites only, with no query text, when the learner keeps sites only', () => {
    const run = runTrace(
      [
        ...start(1, GOOGLE('private question')),
        [20, link(1, ARTICLE)],
        [20, titled(1, 1, ARTICLE, 'CSS grid layout - MDN')],
        [80, tick],
        [80, focus(null)],
      ],
      { settings: { ...SETTINGS, sitesOnly: true } },
    );
    const text = JSON.stringify([
      ...run.sessions.values(),
      ...run.visits.values(),
      ...run.searches.values(),
    ]);
    expect(text).not.toContain('private');
    expect(text).not.toContain('grid');
    expect(summary(run)).toEqual([
      {
        kind: 'search',
        url: 'https://www.google.com/',
        engine: 'google',
        active: 80,
        queries: [''],
        visits: [
          'https://www.google.com/ 20s ←search',
          'https://developer.mozilla.org/ 60s ←search',
        ],
      },
    ]);
    expect([...run.visits.values()].map((v) => v.title)).toEqual([
      'Google',
      'developer.mozilla.org',
    ]);
  });

  it('names a reading session after the page title', () => {
    const run = runTrace([
      ...start(1, ARTICLE),
      [1, titled(1, 1, ARTICLE, '  grid - CSS | MDN ')],
      [40, tick],
      [40, focus(null)],
    ]);
    expect([...run.sessions.values()][0]).toMatchObject({
      title: 'grid - CSS | MDN',
      status: 'auto',
    });
  });

  it('ignores an engagement message from the page before the last navigation', () => {
    const run = runTrace([
      ...start(1, ARTICLE),
      [5, nav(1, OTHER, 'link')],
      [
        6,
        {
          type: 'engagement',
          tabId: 1,
          url: ARTICLE,
          visible: false,
          scrollPct: 90,
          inputAt: T0,
          audible: false,
        },
      ],
      [66, tick],
      [66, focus(null)],
    ]);
    expect(summary(run)).toEqual([reading(OTHER, 61)]);
  });

  it('ignores page 2 and fragment changes as navigations', () => {
    const run = runTrace([
      ...start(1, ARTICLE),
      [20, nav(1, `${ARTICLE}#examples`, 'link')],
      [
        25,
        {
          type: 'navigated',
          tabId: 1,
          url: `${ARTICLE}?utm_source=x`,
          transition: 'link',
          inPage: true,
        },
      ],
      [60, tick],
      [60, focus(null)],
    ]);
    expect(summary(run)).toEqual([reading(ARTICLE, 60)]);
  });
});
