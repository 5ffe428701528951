/**
 * Copy-on-write editing of a tracker state within one step. The state passed to `step`
 * is never modified: a table or record is copied the first time the step changes it, so
 * a step costs what it touches, not the size of the state.
 */
import type { Settings } from '../settings';
import type { OpenSession, OpenVisit, TabState, TrackerState } from './state';

type TableName = 'tabs' | 'visits' | 'sessions' | 'activeTabs';

export interface StepContext {
  /** The next state: a shallow copy of the previous one, completed as the step edits it. */
  state: TrackerState;
  settings: Settings;
  now: number;
  newId: () => string;
  ownTables: Set<TableName>;
  ownRecords: Set<string>;
  /** Visits and sessions changed in this step: their records are written. */
  touchedVisits: Set<string>;
  touchedSessions: Set<string>;
}

/**
 * A context for one step over `state`.
 * @example const ctx = beginStep(state, settings, now, newId)
 */
export function beginStep(
  state: TrackerState,
  settings: Settings,
  now: number,
  newId: () => string,
): StepContext {
  return {
    state: { ...state },
    settings,
    now,
    newId,
    ownTables: new Set(),
    ownRecords: new Set(),
    touchedVisits: new Set(),
    touchedSessions: new Set(),
  };
}

function ownTable<T>(ctx: StepContext, name: TableName): Record<string, T> {
  if (!ctx.ownTables.has(name)) {
    (ctx.state as unknown as Record<TableName, object>)[name] = { ...ctx.state[name] };
    ctx.ownTables.add(name);
  }
  return ctx.state[name] as unknown as Record<string, T>;
}

function editRecord<T extends object>(
  ctx: StepContext,
  name: 'tabs' | 'visits' | 'sessions',
  id: string,
): T | undefined {
  const item = (ctx.state[name] as unknown as Record<string, T>)[id];
  if (!item) return undefined;
  const key = `${name}:${id}`;
  if (ctx.ownRecords.has(key)) return item;
  const copy = { ...item };
  ownTable<T>(ctx, name)[id] = copy;
  ctx.ownRecords.add(key);
  return copy;
}

function putRecord<T>(ctx: StepContext, name: 'tabs' | 'visits' | 'sessions', id: string, item: T) {
  ownTable<T>(ctx, name)[id] = item;
  ctx.ownRecords.add(`${name}:${id}`);
}

/** A writable tab, or undefined when the tracker does not know it. */
export function editTab(ctx: StepContext, tabId: number): TabState | undefined {
  return editRecord<TabState>(ctx, 'tabs', String(tabId));
}

export function putTab(ctx: StepContext, tabId: number, tab: TabState): TabState {
  putRecord(ctx, 'tabs', String(tabId), tab);
  return tab;
}

export function deleteTab(ctx: StepContext, tabId: number): void {
  delete ownTable<TabState>(ctx, 'tabs')[String(tabId)];
}

export function setActiveTab(ctx: StepContext, windowId: number, tabId: number): void {
  if (ctx.state.activeTabs[String(windowId)] === tabId) return;
  ownTable<number>(ctx, 'activeTabs')[String(windowId)] = tabId;
}

export function forgetActiveTab(ctx: StepContext, tabId: number): void {
  for (const [windowId, active] of Object.entries(ctx.state.activeTabs)) {
    if (active === tabId) delete ownTable<number>(ctx, 'activeTabs')[windowId];
  }
}

/** A writable visit, marked as changed in this step. */
export function editVisit(ctx: StepContext, id: string): OpenVisit | undefined {
  const visit = editRecord<OpenVisit>(ctx, 'visits', id);
  if (visit) ctx.touchedVisits.add(id);
  return visit;
}

export function putVisit(ctx: StepContext, visit: OpenVisit): OpenVisit {
  putRecord(ctx, 'visits', visit.id, visit);
  ctx.touchedVisits.add(visit.id);
  return visit;
}

export function deleteVisit(ctx: StepContext, id: string): void {
  delete ownTable<OpenVisit>(ctx, 'visits')[id];
}

/** A writable session, marked as changed in this step. */
export function editSession(ctx: StepContext, id: string): OpenSession | undefined {
  const session = editRecord<OpenSession>(ctx, 'sessions', id);
  if (session) ctx.touchedSessions.add(id);
  return session;
}

export function putSession(ctx: StepContext, session: OpenSession): OpenSession {
  putRecord(ctx, 'sessions', session.id, session);
  ctx.touchedSessions.add(session.id);
  return session;
}

export function deleteSession(ctx: StepContext, id: string): void {
  delete ownTable<OpenSession>(ctx, 'sessions')[id];
}

/** Replaces every table at once (a browser start forgets all tabs). */
export function resetTabs(ctx: StepContext): void {
  ctx.state.tabs = {};
  ctx.state.activeTabs = {};
  ctx.ownTables.add('tabs');
  ctx.ownTables.add('activeTabs');
  for (const key of [...ctx.ownRecords]) if (key.startsWith('tabs:')) ctx.ownRecords.delete(key);
}
