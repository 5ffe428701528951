/**
 * The tracker: one event and the time in, the next state and what to write out.
 *
 * Each step (1) counts the time since the last event for the page that was being read,
 * (2) applies the event, (3) decides what counts from now on, and (4) returns the records
 * that changed. Nothing here reads a clock or touches the browser.
 */
import { newId as randomId } from '../ids';
import type { Settings } from '../settings/settings';
import { adoptStoredSession } from './adopt';
import { accrue, creditTarget, retractIdleTail } from './attention';
import {
  beginStep,
  forgetOpenSession,
  deleteTab,
  deleteVisit,
  editSession,
  editTab,
  editVisit,
  forgetActiveTab,
  putTab,
  resetTabs,
  setActiveTab,
  type StepContext,
} from './step-context';
import type { TabSnapshot, TrackerEvent } from './events';
import { linkForNavigation, rememberResult, searchShownIn, type NavigationFacts } from './lineage';
import { pageFor, recordedTitle, samePage, showsPage } from './pages';
import { resolveReadingVisit } from './reading';
import { collectWrites, type CaptureRequest, type TrackerWrites } from './records';
import { resolveResultsVisit, resolveResultVisit } from './search-sessions';
import { isSessionOpen } from './sessions-open';
import type { OpenVisit, TabState, TrackerState } from './state';

export interface StepResult {
  state: TrackerState;
  writes: TrackerWrites;
  /** Tabs whose page just passed the reading threshold: capture their article. */
  captures: CaptureRequest[];
}

/** Sessions kept in memory before ended ones are dropped outside the periodic sweep. */
const MAX_OPEN_SESSIONS = 200;

/**
 * Applies one event at `now`: updates `state` in place (see step-context.ts) and returns
 * it with the records to write.
 * @example
 * let { state, writes } = step(emptyTrackerState(), { type: 'window-focused', windowId: 1 }, settings, Date.now());
 */
export function step(
  state: TrackerState,
  event: TrackerEvent,
  settings: Settings,
  now: number,
  newId: () => string = randomId,
): StepResult {
  const ctx = beginStep(state, settings, now, newId);
  if (event.type === 'startup') {
    // The time since the last event was time the browser was closed: it never counts.
    // The browser closed without an idle report, which confirms what was counted.
    if (ctx.state.credit) ctx.touchedVisits.add(ctx.state.credit.visitId);
    ctx.state.credit = null;
  } else {
    accrue(ctx);
  }
  if (event.type === 'idle-changed' && event.idle === 'idle') retractIdleTail(ctx);

  apply(ctx, event);

  const sweep = event.type === 'tick' || event.type === 'sync' || event.type === 'startup';
  updateCredit(ctx, sweep);

  // Written before ended sessions are dropped: ending can be what confirms their last time.
  const { writes, captures } = collectWrites(ctx);
  if (sweep || Object.keys(ctx.state.sessions).length > MAX_OPEN_SESSIONS) dropEndedSessions(ctx);
  ctx.state.lastEventAt = now;
  return { state: ctx.state, writes, captures };
}

/**
 * The stored session the page in `tabId` belongs to, or `null` (no page, not recorded,
 * or still below the reading threshold).
 * @example sessionIdForTab(state, 12) // '3b24…' or null
 */
export function sessionIdForTab(state: TrackerState, tabId: number): string | null {
  const visitId = state.tabs[String(tabId)]?.visitId;
  const visit = visitId ? state.visits[visitId] : undefined;
  const session = visit ? state.sessions[visit.sessionId] : undefined;
  return session?.stored ? session.id : null;
}

function apply(ctx: StepContext, event: TrackerEvent): void {
  switch (event.type) {
    case 'tab-activated': {
      upsertTab(ctx, event.tab ?? { tabId: event.tabId, windowId: event.windowId });
      const tab = editTab(ctx, event.tabId)!;
      tab.windowId = event.windowId;
      // The page's last report (often "hidden", from when it was behind) is older than
      // what the browser says now; its script reports again soon.
      delete tab.engagement;
      setActiveTab(ctx, event.windowId, event.tabId);
      return;
    }
    case 'tab-updated':
      upsertTab(ctx, event.tab);
      return;
    case 'tab-removed':
      deleteTab(ctx, event.tabId);
      forgetActiveTab(ctx, event.tabId);
      return;
    case 'window-focused': {
      ctx.state.focusedWindowId = event.windowId;
      const front =
        event.windowId === null ? undefined : ctx.state.activeTabs[String(event.windowId)];
      if (front !== undefined && ctx.state.tabs[String(front)]?.engagement) {
        delete editTab(ctx, front)!.engagement;
      }
      return;
    }
    case 'idle-changed':
      ctx.state.idle = event.idle;
      return;
    case 'navigated':
      if (event.incognito !== undefined || event.windowId !== undefined) {
        upsertTab(ctx, {
          tabId: event.tabId,
          windowId: event.windowId ?? -1,
          incognito: event.incognito,
        });
      }
      navigate(ctx, event.tabId, event.url, event);
      return;
    case 'navigation-target':
      openedByLink(ctx, event.sourceTabId, event.tabId, event.windowId);
      return;
    case 'engagement':
      engage(ctx, event);
      return;
    case 'tick':
      return;
    case 'startup':
      resetTabs(ctx);
      reconcile(ctx, event.tabs, event.focusedWindowId, event.idle);
      return;
    case 'sync':
      reconcile(ctx, event.tabs, event.focusedWindowId, event.idle);
      return;
    case 'session-adopted':
      adoptStoredSession(ctx, event.sessionId, event.storedId, event.activeMs);
      return;
  }
}

function newTab(windowId: number, incognito: boolean): TabState {
  return { windowId, incognito, audible: false, page: null, visitId: null };
}

function upsertTab(ctx: StepContext, snap: TabSnapshot): void {
  const tab =
    editTab(ctx, snap.tabId) ??
    putTab(ctx, snap.tabId, newTab(snap.windowId, snap.incognito ?? false));
  if (snap.windowId >= 0) tab.windowId = snap.windowId;
  if (snap.incognito === true && !tab.incognito) forgetPrivatePage(ctx, snap.tabId);
  if (snap.incognito !== undefined) tab.incognito = snap.incognito;
  if (snap.audible !== undefined) tab.audible = snap.audible;
  if (snap.openerTabId !== undefined) tab.openerTabId = snap.openerTabId;
  if (snap.active && snap.windowId >= 0) setActiveTab(ctx, snap.windowId, snap.tabId);
  // A loading tab's URL may never commit; the commit event brings it with its transition.
  const settled = snap.url !== undefined && snap.status !== 'loading';
  if (settled) {
    const next = pageFor(snap.url!, snap.title, tab.incognito, ctx.settings, ctx.now);
    if (!tab.page || !samePage(tab.page, next)) {
      // The tracker missed this navigation (the worker slept, or a single-page app):
      // take it without a transition.
      navigate(ctx, snap.tabId, snap.url!, {}, snap.title);
      return;
    }
  }
  if (snap.title !== undefined && (settled || snap.url === undefined)) {
    retitle(ctx, snap.tabId, snap.title);
  }
}

/**
 * The browser named a tab private only now: drop what the tracker noted about its page
 * (never written, as nothing below the threshold is) so no URL or query of it stays.
 */
function forgetPrivatePage(ctx: StepContext, tabId: number): void {
  const tab = editTab(ctx, tabId)!;
  const visit = tab.visitId ? ctx.state.visits[tab.visitId] : undefined;
  const sessionIds = new Set(
    [
      visit?.sessionId,
      tab.page?.link?.sessionId,
      tab.page?.search?.sessionId,
      tab.openedFrom?.sessionId,
      ...Object.values(tab.resultLinks ?? {}).map((l) => l.sessionId),
    ].filter((id): id is string => id !== undefined),
  );
  const shownElsewhere = new Set(
    Object.entries(ctx.state.tabs)
      .filter(([id]) => id !== String(tabId))
      .map(([, other]) => other.visitId),
  );
  for (const id of sessionIds) {
    const session = ctx.state.sessions[id];
    if (!session || session.stored) continue;
    if (session.visitIds.some((v) => shownElsewhere.has(v))) continue;
    for (const visitId of session.visitIds) {
      deleteVisit(ctx, visitId);
      ctx.touchedVisits.delete(visitId);
    }
    forgetOpenSession(ctx, id);
    ctx.touchedSessions.delete(id);
  }
  tab.page = { url: '', title: '', untracked: 'incognito' };
  tab.visitId = null;
  delete tab.resultLinks;
  delete tab.openedFrom;
  delete tab.engagement;
}

function retitle(ctx: StepContext, tabId: number, title: string): void {
  const tab = editTab(ctx, tabId);
  const page = tab?.page;
  if (!tab || !page || page.untracked || page.serp) return;
  const next = recordedTitle(title, page.url, ctx.settings);
  if (next === page.title) return;
  tab.page = { ...page, title: next };
  const visit = tab.visitId ? ctx.state.visits[tab.visitId] : undefined;
  if (!visit || visit.serp) return;
  editVisit(ctx, visit.id)!.title = next;
  const session = ctx.state.sessions[visit.sessionId];
  if (session?.kind === 'reading') editSession(ctx, session.id)!.title = next;
}

function navigate(
  ctx: StepContext,
  tabId: number,
  url: string,
  facts: NavigationFacts,
  title?: string,
): void {
  const tab = editTab(ctx, tabId) ?? putTab(ctx, tabId, newTab(-1, false));
  const next = pageFor(url, title, tab.incognito, ctx.settings, ctx.now);
  const previous = tab.page;
  // A fragment, a reload or page 2 of the same results: the same page, the same visit.
  if (previous && samePage(previous, next)) return;
  const link = linkForNavigation(ctx.state, tab, previous, next, facts);
  tab.page = link ? { ...next, link } : next;
  tab.visitId = null;
  delete tab.engagement;
  delete tab.openedFrom;
  if (link) tab.resultLinks = rememberResult(tab.resultLinks, next.url, link);
  // Resolve now, not when first counted: a result opened from these results in another
  // tab needs this search to exist already.
  resolveTabVisit(ctx, tabId);
}

function openedByLink(
  ctx: StepContext,
  sourceTabId: number,
  tabId: number,
  windowId: number | undefined,
): void {
  const source = ctx.state.tabs[String(sourceTabId)];
  const tab =
    editTab(ctx, tabId) ??
    putTab(ctx, tabId, newTab(windowId ?? source?.windowId ?? -1, source?.incognito ?? false));
  tab.openerTabId = sourceTabId;
  const link = searchShownIn(source);
  if (link) tab.openedFrom = link;
}

function engage(ctx: StepContext, event: Extract<TrackerEvent, { type: 'engagement' }>): void {
  const current = ctx.state.tabs[String(event.tabId)];
  if (!current?.page || current.page.untracked) return;
  // A message from the page before the last navigation says nothing about this one.
  if (!showsPage(event.url, current.page, ctx.settings, ctx.now)) return;
  const tab = editTab(ctx, event.tabId)!;
  tab.engagement = {
    visible: event.visible,
    inputAt: Number.isFinite(event.inputAt) ? Math.min(event.inputAt, ctx.now) : 0,
    audible: event.audible,
  };
  const visit = tab.visitId ? ctx.state.visits[tab.visitId] : undefined;
  if (!visit || !Number.isFinite(event.scrollPct)) return;
  const pct = Math.round(Math.min(100, Math.max(0, event.scrollPct)));
  if (pct > (visit.maxScrollPct ?? -1)) editVisit(ctx, visit.id)!.maxScrollPct = pct;
}

function reconcile(
  ctx: StepContext,
  tabs: readonly TabSnapshot[],
  focusedWindowId: number | null,
  idle: TrackerState['idle'] | undefined,
): void {
  const present = new Set(tabs.map((t) => String(t.tabId)));
  // Tabs closed while the worker was stopped: forget them so they never count again.
  for (const tabId of Object.keys(ctx.state.tabs)) {
    if (!present.has(tabId)) {
      deleteTab(ctx, Number(tabId));
      forgetActiveTab(ctx, Number(tabId));
    }
  }
  for (const snap of tabs) upsertTab(ctx, snap);
  ctx.state.focusedWindowId = focusedWindowId;
  if (idle) ctx.state.idle = idle;
}

/** The visit the page in `tabId` adds to: its current one while its session is open, else a new one. */
function resolveTabVisit(ctx: StepContext, tabId: number): OpenVisit | null {
  const tab = ctx.state.tabs[String(tabId)];
  const page = tab?.page;
  if (!tab || !page || page.untracked) return null;
  if (tab.visitId) {
    const current = ctx.state.visits[tab.visitId];
    if (current && isSessionOpen(ctx.state.sessions[current.sessionId], ctx.settings, ctx.now)) {
      return current;
    }
  }
  let visit: OpenVisit | null = null;
  if (page.serp) {
    const resolved = resolveResultsVisit(ctx, page);
    if (resolved) {
      visit = resolved.visit;
      editTab(ctx, tabId)!.page = { ...page, search: resolved.search };
    }
  } else if (page.link) {
    visit = resolveResultVisit(ctx, page, page.link);
  }
  visit ??= resolveReadingVisit(ctx, page);
  editTab(ctx, tabId)!.visitId = visit.id;
  return visit;
}

function updateCredit(ctx: StepContext, sweep: boolean): void {
  const { state } = ctx;
  const front =
    state.focusedWindowId === null ? undefined : state.activeTabs[String(state.focusedWindowId)];
  // Exclusions are checked when a page loads and whenever the counted tab changes or the
  // heartbeat sweeps; not on every event, which keeps a step cheap.
  const target = creditTarget(state, ctx.settings, ctx.now, sweep || front !== state.credit?.tabId);
  const visit = target ? resolveTabVisit(ctx, target.tabId) : null;
  const previous = state.credit;
  // A run that ends confirms its time (see confirmedMs): the visit may now be stored.
  if (previous && previous.visitId !== visit?.id) ctx.touchedVisits.add(previous.visitId);
  state.credit =
    target && visit
      ? {
          tabId: target.tabId,
          visitId: visit.id,
          since: ctx.now,
          runStart: previous?.visitId === visit.id ? previous.runStart : ctx.now,
          audible: target.audible,
        }
      : null;
}

/** Drops sessions that can no longer continue; everything they hold is already written. */
function dropEndedSessions(ctx: StepContext): void {
  for (const session of Object.values(ctx.state.sessions)) {
    if (isSessionOpen(session, ctx.settings, ctx.now)) continue;
    if (ctx.state.credit && session.visitIds.includes(ctx.state.credit.visitId)) continue;
    for (const visitId of session.visitIds) deleteVisit(ctx, visitId);
    forgetOpenSession(ctx, session.id);
  }
}
