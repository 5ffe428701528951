/**
 * One step's view of the tracker state: the state being updated, the settings and time it
 * is updated with, and which visits and sessions changed (their records get written).
 *
 * The state is updated in place. Copying it on every event (copy-on-write) cost more than
 * the whole step did, and no caller keeps an old state: the background reads it from the
 * database for each event, tests and benchmarks thread it from step to step.
 */
import type { Settings } from '../settings/settings';
import type { OpenSession, OpenVisit, TabState, TrackerState } from './state';

export interface StepContext {
  state: TrackerState;
  settings: Settings;
  now: number;
  newId: () => string;
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
  return { state, settings, now, newId, touchedVisits: new Set(), touchedSessions: new Set() };
}

/**
 * A tab to change, or undefined when the tracker does not know it.
 * @example const tab = editTab(ctx, 12); if (tab) tab.audible = true;
 */
export function editTab(ctx: StepContext, tabId: number): TabState | undefined {
  return ctx.state.tabs[String(tabId)];
}

/**
 * Adds or replaces a tab.
 * @example putTab(ctx, 12, { windowId: 1, incognito: false, audible: false, page: null, visitId: null })
 */
export function putTab(ctx: StepContext, tabId: number, tab: TabState): TabState {
  ctx.state.tabs[String(tabId)] = tab;
  return tab;
}

/**
 * Forgets a closed tab.
 * @example deleteTab(ctx, 12)
 */
export function deleteTab(ctx: StepContext, tabId: number): void {
  delete ctx.state.tabs[String(tabId)];
}

/**
 * Records the tab in front of a window.
 * @example setActiveTab(ctx, 1, 12)
 */
export function setActiveTab(ctx: StepContext, windowId: number, tabId: number): void {
  ctx.state.activeTabs[String(windowId)] = tabId;
}

/**
 * Removes a tab from the front of every window it was in front of.
 * @example forgetActiveTab(ctx, 12)
 */
export function forgetActiveTab(ctx: StepContext, tabId: number): void {
  for (const [windowId, active] of Object.entries(ctx.state.activeTabs)) {
    if (active === tabId) delete ctx.state.activeTabs[windowId];
  }
}

/**
 * A visit to change, marked as changed in this step.
 * @example editVisit(ctx, id)!.maxScrollPct = 80
 */
export function editVisit(ctx: StepContext, id: string): OpenVisit | undefined {
  const visit = ctx.state.visits[id];
  if (visit) ctx.touchedVisits.add(id);
  return visit;
}

/**
 * Adds a visit, marked as changed in this step.
 * @example putVisit(ctx, visit)
 */
export function putVisit(ctx: StepContext, visit: OpenVisit): OpenVisit {
  ctx.state.visits[visit.id] = visit;
  ctx.touchedVisits.add(visit.id);
  return visit;
}

/**
 * Drops a visit from the state (its record, if written, stays in the database).
 * @example deleteVisit(ctx, id)
 */
export function deleteVisit(ctx: StepContext, id: string): void {
  delete ctx.state.visits[id];
}

/**
 * A session to change, marked as changed in this step.
 * @example editSession(ctx, id)!.lastActivityAt = ctx.now
 */
export function editSession(ctx: StepContext, id: string): OpenSession | undefined {
  const session = ctx.state.sessions[id];
  if (session) ctx.touchedSessions.add(id);
  return session;
}

/**
 * Adds a session, marked as changed in this step.
 * @example putSession(ctx, session)
 */
export function putSession(ctx: StepContext, session: OpenSession): OpenSession {
  ctx.state.sessions[session.id] = session;
  ctx.touchedSessions.add(session.id);
  return session;
}

/**
 * Forgets an open session: drops it from the state (its record, if written, stays in the database).
 * @example forgetOpenSession(ctx, id)
 */
export function forgetOpenSession(ctx: StepContext, id: string): void {
  delete ctx.state.sessions[id];
}

/**
 * Forgets every tab (a browser start: tab ids begin again).
 * @example resetTabs(ctx)
 */
export function resetTabs(ctx: StepContext): void {
  ctx.state.tabs = {};
  ctx.state.activeTabs = {};
}
