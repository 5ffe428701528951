import { describe, expect, it } from 'vitest';
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
  reading,
  runTrace,
  start,
  T0,
  tick,
  ticks,
  titled,
  type TraceCase,
} from './trace';

const CASES: TraceCase[] = [
  {
    name: 'ignores a 3-second glance entirely',
    trace: [...start(1, ARTICLE), [3, nav(1, OTHER)], ...ticks(0, 120)],
    expected: [reading(OTHER, 117)],
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
];

describe('records', () => {
  itStores(CASES);

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

  it('stores what it records as measured, and a captured session stays captured as it measures on', () => {
    const store = { sessions: new Map(), visits: new Map(), searches: new Map() };
    const first = runTrace([...start(1, ARTICLE), [60, tick], [100, tick]], { store });
    const [id, session] = [...store.sessions.entries()][0]!;
    expect(session.provenance).toBe('measured');
    store.sessions.set(id, { ...session, provenance: 'captured' });
    runTrace([[160, tick]], { state: first.state, store });
    expect(store.sessions.get(id)).toMatchObject({ provenance: 'captured', activeMs: 160_000 });
  });
});
