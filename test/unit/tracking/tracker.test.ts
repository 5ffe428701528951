import { describe, expect, it } from 'vitest';
import { PAUSED_UNTIL_RESUMED, type Settings } from '../../../lib/settings/settings';
import { emptyTrackerState, restoreTrackerState } from '../../../lib/tracking/state';
import { sessionIdForTab, step } from '../../../lib/tracking/tracker';
import {
  activate,
  back,
  close,
  focus,
  idle,
  link,
  nav,
  openedFrom,
  runTrace,
  SETTINGS,
  sound,
  start,
  summary,
  T0,
  tick,
  ticks,
  titled,
  type Trace,
} from './trace';

const ARTICLE = 'https://developer.mozilla.org/en-US/docs/Web/CSS/grid';
const OTHER = 'https://css-tricks.com/snippets/css/complete-guide-grid/';
const THIRD = 'https://web.dev/learn/css/grid';
const GOOGLE = (q: string, extra = '') =>
  `https://www.google.com/search?q=${encodeURIComponent(q).replace(/%20/g, '+')}${extra}`;
const DDG = (q: string) => `https://duckduckgo.com/?q=${encodeURIComponent(q)}`;

interface Case {
  name: string;
  trace: Trace;
  settings?: Settings | ((at: number) => Settings);
  expected: ReturnType<typeof summary>;
}

const reading = (url: string, active: number, visits = [`${url} ${active}s`]) => ({
  kind: 'reading' as const,
  url,
  active,
  queries: [],
  visits,
});

const CASES: Case[] = [
  {
    name: 'records a page read for two minutes in the focused window',
    trace: [...start(1, ARTICLE), ...ticks(0, 120)],
    expected: [reading(ARTICLE, 120)],
  },
  {
    name: 'ignores a 3-second glance entirely',
    trace: [...start(1, ARTICLE), [3, nav(1, OTHER)], ...ticks(0, 120)],
    expected: [reading(OTHER, 117)],
  },
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
    name: 'keeps a glance a glance when the learner comes back to it much later',
    trace: [
      ...start(1, ARTICLE),
      [7, focus(null)],
      ...ticks(7, 200),
      [200, focus(1)],
      [200, titled(1, 1, ARTICLE, 'Grid')], // any change to the visit re-examines it
    ],
    expected: [],
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
    name: 'stores neither results glanced at nor a search below the threshold',
    trace: [
      ...start(1, GOOGLE('css grid')),
      [10, link(1, ARTICLE)],
      [15, back(1, GOOGLE('css grid'))],
      [20, link(1, OTHER)],
      [100, tick],
    ],
    expected: [
      {
        kind: 'search',
        url: GOOGLE('css grid'),
        engine: 'google',
        active: 95,
        queries: ['css grid'],
        visits: [`${GOOGLE('css grid')} 15s ←search`, `${OTHER} 80s ←search`],
      },
    ],
  },
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

describe('tracker traces', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    // Each trace ends with the learner switching to another application: an input that
    // confirms the time counted just before it.
    const end = c.trace[c.trace.length - 1]![0];
    const run = runTrace([...c.trace, [end, focus(null)]], { settings: c.settings });
    expect(summary(run)).toEqual(c.expected);
  });
});

describe('tracker details', () => {
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

  it('asks once to capture a page when its visit passes the reading threshold', () => {
    const run = runTrace([...start(1, ARTICLE), ...ticks(0, 300, 10)]);
    expect(run.captures).toEqual([{ tabId: 1, sessionId: 'id1', url: ARTICLE }]);
  });

  it('never asks to capture a results page', () => {
    const run = runTrace([...start(1, GOOGLE('css')), ...ticks(0, 120)]);
    expect(run.captures).toEqual([]);
    expect(run.sessions.size).toBe(1);
  });

  it('gives a search session the sum of its stored visits', () => {
    const run = runTrace([
      ...start(1, GOOGLE('css grid')),
      [20, openedFrom(1, 2)],
      [20, link(2, ARTICLE)],
      [21, openedFrom(1, 3)],
      [21, link(3, OTHER)],
      [22, activate(2)],
      [82, activate(3)],
      [90, activate(1)],
      [100, nav(1, GOOGLE('css grid areas'), 'form_submit')],
      [130, tick],
    ]);
    const [session] = [...run.sessions.values()];
    const visits = [...run.visits.values()];
    expect(visits.reduce((sum, v) => sum + v.activeMs, 0)).toBe(session!.activeMs);
    expect(session!.activeMs).toBe((22 + 60 + 10 + 30) * 1000);
    expect(session!.startedAt).toBe(T0);
    expect(session!.endedAt).toBe(T0 + 130_000);
  });

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

  it('treats a clock set back as no time', () => {
    const run = runTrace([...start(1, ARTICLE), [60, tick], [30, tick], [90, tick]]);
    expect(summary(run)).toEqual([reading(ARTICLE, 60 + 60)]);
  });

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

  it('names the stored session of a tab, and none below the threshold', () => {
    const early = runTrace([...start(1, ARTICLE), [10, tick]]);
    expect(sessionIdForTab(early.state, 1)).toBeNull();
    const later = runTrace([...start(1, ARTICLE), [60, tick], [100, tick]]);
    expect(sessionIdForTab(later.state, 1)).toBe([...later.sessions.keys()][0]);
    expect(sessionIdForTab(later.state, 99)).toBeNull();
  });

  it('does not bring back a session the learner deleted', () => {
    const store = { sessions: new Map(), visits: new Map(), searches: new Map() };
    const first = runTrace([...start(1, ARTICLE), [60, tick], [100, tick]], { store });
    store.sessions.clear();
    store.visits.clear();
    runTrace([[160, tick]], { state: first.state, store });
    expect(store.sessions.size).toBe(0);
    expect(store.visits.size).toBe(0);
  });

  it('keeps the learner’s skills, note and status when it updates a session', () => {
    const store = { sessions: new Map(), visits: new Map(), searches: new Map() };
    const first = runTrace([...start(1, ARTICLE), [60, tick], [100, tick]], { store });
    const [id, session] = [...store.sessions.entries()][0]!;
    store.sessions.set(id, {
      ...session,
      skills: ['css'],
      note: 'areas',
      status: 'kept',
      title: 'Mine',
    });
    runTrace([[160, tick]], { state: first.state, store });
    expect(store.sessions.get(id)).toMatchObject({
      skills: ['css'],
      note: 'areas',
      status: 'kept',
      title: 'Mine',
      activeMs: 160_000,
    });
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

  it('restores only a state it understands', () => {
    expect(restoreTrackerState(null)).toEqual(emptyTrackerState());
    expect(restoreTrackerState({ version: 99 })).toEqual(emptyTrackerState());
    const state = runTrace(start(1, ARTICLE)).state;
    expect(restoreTrackerState(JSON.parse(JSON.stringify(state)))).toEqual(state);
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
