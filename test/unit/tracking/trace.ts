/**
 * Test helpers: browser event traces run through the tracker into an in-memory store
 * that merges records the way the background writes them to the database, and the pages
 * and cases the tracker's tests share.
 */
import { expect, it } from 'vitest';
import type { Search, Session, Visit } from '../../../lib/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import type { TabSnapshot, TrackerEvent } from '../../../lib/tracking/events';
import { planWrites, type CaptureRequest } from '../../../lib/tracking/records';
import { emptyTrackerState, type TrackerState } from '../../../lib/tracking/state';
import { step } from '../../../lib/tracking/tracker';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** [seconds after T0, event] */
export type Trace = [number, TrackerEvent][];

/** The learner said yes on the welcome page: recording runs. */
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, trackingConsent: true };

export interface Store {
  sessions: Map<string, Session>;
  visits: Map<string, Visit>;
  searches: Map<string, Search>;
}

export interface Run extends Store {
  state: TrackerState;
  captures: CaptureRequest[];
}

/**
 * Runs a trace. Between steps the state goes through JSON, as it does through the
 * database when the worker stops: nothing may live in it that JSON loses.
 */
export function runTrace(
  trace: Trace,
  options: {
    settings?: Settings | ((at: number) => Settings);
    state?: TrackerState;
    store?: Store;
  } = {},
): Run {
  let n = 0;
  const newId = () => `id${++n}`;
  let state = options.state ?? emptyTrackerState();
  const store: Store = options.store ?? {
    sessions: new Map(),
    visits: new Map(),
    searches: new Map(),
  };
  const captures: CaptureRequest[] = [];
  for (const [seconds, event] of trace) {
    const now = T0 + seconds * 1000;
    const settings =
      typeof options.settings === 'function'
        ? options.settings(now)
        : (options.settings ?? SETTINGS);
    const input = JSON.parse(JSON.stringify(state)) as TrackerState;
    const result = step(input, event, settings, now, newId);
    state = result.state;
    captures.push(...result.captures);
    const planned = planWrites(result.writes, store.sessions);
    for (const s of planned.sessions) store.sessions.set(s.id, s);
    for (const v of planned.visits) store.visits.set(v.id, v);
    for (const s of planned.searches) store.searches.set(s.id, s);
  }
  return { ...store, state, captures };
}

/** A readable summary of what a run stored: sessions by start, their visits and queries. */
export function summary(run: Store) {
  return [...run.sessions.values()]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s) => ({
      kind: s.kind,
      url: s.url,
      ...(s.engine ? { engine: s.engine } : {}),
      active: s.activeMs / 1000,
      queries: [...run.searches.values()]
        .filter((q) => q.sessionId === s.id)
        .sort((a, b) => a.at - b.at)
        .map((q) => q.query),
      visits: [...run.visits.values()]
        .filter((v) => v.sessionId === s.id)
        .sort((a, b) => a.startedAt - b.startedAt)
        .map((v) => `${v.url} ${v.activeMs / 1000}s${v.searchId ? ' ←search' : ''}`),
    }));
}

// ---- event builders -------------------------------------------------------------

export const focus = (windowId: number | null): TrackerEvent => ({
  type: 'window-focused',
  windowId,
});

export const idle = (state: 'active' | 'idle' | 'locked'): TrackerEvent => ({
  type: 'idle-changed',
  idle: state,
});

export const tick: TrackerEvent = { type: 'tick' };

export const activate = (
  tabId: number,
  windowId = 1,
  tab?: Partial<TabSnapshot>,
): TrackerEvent => ({
  type: 'tab-activated',
  tabId,
  windowId,
  tab: { tabId, windowId, ...tab },
});

export const nav = (
  tabId: number,
  url: string,
  transition = 'typed',
  qualifiers: string[] = [],
  extra: { incognito?: boolean; windowId?: number } = {},
): TrackerEvent => ({ type: 'navigated', tabId, url, transition, qualifiers, ...extra });

export const link = (tabId: number, url: string) => nav(tabId, url, 'link');

export const back = (tabId: number, url: string) => nav(tabId, url, 'link', ['forward_back']);

export const titled = (
  tabId: number,
  windowId: number,
  url: string,
  title: string,
): TrackerEvent => ({
  type: 'tab-updated',
  tab: { tabId, windowId, url, title, status: 'complete' },
});

export const sound = (tabId: number, windowId: number, audible: boolean): TrackerEvent => ({
  type: 'tab-updated',
  tab: { tabId, windowId, audible },
});

export const close = (tabId: number): TrackerEvent => ({ type: 'tab-removed', tabId });

export const openedFrom = (
  sourceTabId: number,
  tabId: number,
  windowId?: number,
): TrackerEvent => ({
  type: 'navigation-target',
  sourceTabId,
  tabId,
  ...(windowId === undefined ? {} : { windowId }),
});

/** Heartbeat ticks every `every` seconds in (from, to]. */
export function ticks(from: number, to: number, every = 60): [number, TrackerEvent][] {
  const out: [number, TrackerEvent][] = [];
  for (let t = from + every; t <= to; t += every) out.push([t, tick]);
  return out;
}

/** Opens `url` in a new active tab of the focused window 1 and focuses it. */
export function start(tabId: number, url: string, windowId = 1): [number, TrackerEvent][] {
  return [
    [0, focus(windowId)],
    [0, activate(tabId, windowId)],
    [0, nav(tabId, url)],
  ];
}

// ---- pages and cases ------------------------------------------------------------

export const ARTICLE = 'https://developer.mozilla.org/en-US/docs/Web/CSS/grid';
export const OTHER = 'https://css-tricks.com/snippets/css/complete-guide-grid/';
export const THIRD = 'https://web.dev/learn/css/grid';
export const GOOGLE = (q: string, extra = '') =>
  `https://www.google.com/search?q=${encodeURIComponent(q).replace(/%20/g, '+')}${extra}`;
export const DDG = (q: string) => `https://duckduckgo.com/?q=${encodeURIComponent(q)}`;

/** A trace, the settings it runs with, and what it must store (as `summary` reads it). */
export interface TraceCase {
  name: string;
  trace: Trace;
  settings?: Settings | ((at: number) => Settings);
  expected: ReturnType<typeof summary>;
}

/** A reading session of one page, as `summary` shows it. */
export const reading = (url: string, active: number, visits = [`${url} ${active}s`]) => ({
  kind: 'reading' as const,
  url,
  active,
  queries: [],
  visits,
});

/** One test per case: runs its trace and compares what was stored. */
export function itStores(cases: readonly TraceCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    // Each trace ends with the learner switching to another application: an input that
    // confirms the time counted just before it.
    const end = c.trace[c.trace.length - 1]![0];
    const run = runTrace([...c.trace, [end, focus(null)]], { settings: c.settings });
    expect(summary(run)).toEqual(c.expected);
  });
}
