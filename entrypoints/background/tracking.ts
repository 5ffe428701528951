import { browser, type Browser } from 'wxt/browser';
import { db } from '../../lib/store/records';
import { applyTrackerEvent, type StepOutcome } from '../../lib/store/tracker';
import type { EngagementEvidence } from '../../lib/messages';
import type { Settings } from '../../lib/settings/settings';
import { watchSettings } from '../../lib/settings/settings-storage';
import { HEARTBEAT_MS } from '../../lib/tracking/attention';
import type { IdleState, TabSnapshot, TrackerEvent } from '../../lib/tracking/events';
import { parseUrl } from '../../lib/url';
import { forgetShownBadge, refreshBadge } from './badge';
import { captureTab } from './capture';
import { registerEngagement } from './engagement';
import { type KeptPlan, writeThrough } from './pending-writes';
import { keepWorkerSettings, workerSettings } from './worker-settings';
import { heldWhileLoading, holdWhileLoading, loaded, releaseHeld } from './page-load-hold';

const HEARTBEAT_ALARM = 'tracker-heartbeat';
/** Set in `storage.session` once this browser session has started the tracker. */
const STARTED_KEY = 'trackerStarted';

// Orders event handling within one life of the worker. It holds no tracking state: the
// state is read from the database at the start of every event and written at its end.
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch((error) => console.error('Skilltrail tracking:', error));
  return run;
}

/** Resolves once every event received so far has been applied (tests, shutdown). */
export async function trackingSettled(): Promise<void> {
  releaseHeld();
  let seen: Promise<unknown>;
  do {
    seen = queue;
    await seen;
  } while (seen !== queue);
}

/** A browser call that may fail or be missing (older browsers): undefined instead of an error. */
async function attempt<T>(call: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}

function snapshotOf(tab: Browser.tabs.Tab): TabSnapshot | null {
  if (tab.id === undefined || tab.id < 0) return null;
  return {
    tabId: tab.id,
    windowId: tab.windowId,
    url: tab.url,
    title: tab.title,
    active: tab.active,
    audible: tab.audible === true && tab.mutedInfo?.muted !== true,
    incognito: tab.incognito,
    openerTabId: tab.openerTabId,
    status: tab.status,
  };
}

async function idleState(settings: Settings): Promise<IdleState | undefined> {
  return attempt(() => browser.idle.queryState(settings.idleSeconds));
}

/** The browser as it is now: every tab, the focused window, the idle state. */
async function browserNow(settings: Settings) {
  const [tabs, focused, idle] = await Promise.all([
    browser.tabs.query({}),
    attempt(() => browser.windows.getLastFocused()),
    idleState(settings),
  ]);
  return {
    tabs: tabs.map(snapshotOf).filter((t): t is TabSnapshot => t !== null),
    focusedWindowId: focused?.focused && focused.id !== undefined ? focused.id : null,
    idle,
  };
}

async function tabSnapshot(tabId: number): Promise<TabSnapshot | undefined> {
  const tab = await attempt(() => browser.tabs.get(tabId));
  return (tab && snapshotOf(tab)) ?? undefined;
}

/**
 * Applies one event (`applyTrackerEvent`, one transaction). When the disk is full the
 * step's writes wait in memory (`lib/store/pending-writes.ts`) and the next steps read
 * through them, so tracking carries on and is stored once there is room. Returns what to
 * do after the commit.
 */
async function applyEvent(
  event: TrackerEvent,
  settings: Settings,
  now: number,
): Promise<StepOutcome> {
  let planned: KeptPlan<StepOutcome> | undefined;
  const outcome = await writeThrough<StepOutcome>(
    (waiting) =>
      applyTrackerEvent(db(), waiting, { event, settings, now }, (puts, value) => {
        planned = { puts, value };
      }),
    () => planned,
  );
  return outcome.value;
}

/** Whether this life of the worker knows the tracker started in this browser session. */
let started = false;

/**
 * A browser start (or the first event after install or update) resets the tabs: every
 * open session then ends at its last activity, and the time the browser was closed
 * never counts. `storage.session` is empty after a browser start; it is read once per
 * life of the worker, not on every event.
 */
async function startIfNeeded(settings: Settings, now: number, force = false): Promise<void> {
  if (!force && started) return;
  const session = browser.storage.session;
  if (!force && session) {
    const marker = await attempt(() => session.get(STARTED_KEY));
    started = marker?.[STARTED_KEY] === true;
    if (started) return;
  } else if (!force) {
    return;
  }
  const snapshot = await browserNow(settings);
  await applyEvent({ type: 'startup', ...snapshot }, settings, now);
  await attempt(() => session?.set({ [STARTED_KEY]: true }));
  started = true;
  void attempt(refreshBadge);
}

/** Captures the article of a page that just passed the reading threshold, where allowed. */
async function captureRead(tabId: number, url: string): Promise<void> {
  // Without host access the page cannot be read; its URL and title are already stored.
  const origin = parseUrl(url)?.origin;
  if (!origin) return;
  const allowed = await attempt(() => browser.permissions.contains({ origins: [`${origin}/*`] }));
  if (!allowed) return;
  await attempt(() => captureTab(tabId, { automatic: true }));
}

/**
 * Queues an event observed at `now`. `build` runs in order with the other events and may
 * ask the browser for details (a tab's URL); it returns null to drop the event.
 */
function track(build: () => TrackerEvent | null | Promise<TrackerEvent | null>): Promise<void> {
  const now = Date.now();
  return enqueue(async () => {
    await heldWhileLoading();
    const settings = await workerSettings();
    await startIfNeeded(settings, now);
    const event = await build();
    if (!event) return;
    const { captures, wrote } = await applyEvent(event, settings, now);
    if (wrote || event.type === 'tick' || event.type === 'sync') void attempt(refreshBadge);
    // Not awaited: a capture may ask for the current session, which waits for this queue.
    for (const c of captures) void captureRead(c.tabId, c.url);
  });
}

/**
 * A committed navigation as a tracker event, with the tab's private-window flag; null when
 * the tab is already gone (or never was a tab: a prerendered page), so a private tab's
 * page is never taken for an ordinary one.
 */
async function navigated(
  details: { tabId: number; url: string; transitionType?: string; transitionQualifiers?: string[] },
  inPage = false,
): Promise<TrackerEvent | null> {
  const tab = await tabSnapshot(details.tabId);
  if (!tab) return null;
  return {
    type: 'navigated',
    tabId: details.tabId,
    url: details.url,
    transition: details.transitionType,
    qualifiers: details.transitionQualifiers,
    incognito: tab.incognito,
    windowId: tab.windowId,
    ...(inPage ? { inPage } : {}),
  };
}

/**
 * Queues the engagement script's evidence for its tab (the message listener checked the
 * sender). Not awaited by the sender: the evidence is applied in order with the other events.
 */
export function trackEngagement(tabId: number, evidence: EngagementEvidence): void {
  void track(() => ({ type: 'engagement', tabId, ...evidence }));
}

async function applyIdleInterval(): Promise<void> {
  const settings = await workerSettings();
  await attempt(() => browser.idle.setDetectionInterval(settings.idleSeconds));
}

/**
 * Registers automatic tracking: every listener synchronously, so Chrome wakes the worker
 * for these events after it stopped.
 */
export function registerTracking(): void {
  // Before every other settings listener: a saved change is known to the next event.
  keepWorkerSettings();
  forgetShownBadge();
  started = false;
  // The marker is kept for this life of the worker: once it is cleared ("Delete all my
  // data" clears storage.session), the next event starts the tracker again, as a read would.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && STARTED_KEY in changes && changes[STARTED_KEY]?.newValue !== true) {
      started = false;
    }
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void track(async () => ({
      type: 'tab-activated',
      tabId,
      windowId,
      tab: await tabSnapshot(tabId),
    }));
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Favicon and loading progress say nothing about reading.
    const relevant =
      change.title !== undefined ||
      change.audible !== undefined ||
      change.mutedInfo !== undefined ||
      change.url !== undefined ||
      change.status === 'complete';
    if (change.status === 'loading') holdWhileLoading(tabId);
    // Released before this event is queued: the tab's own "complete" is not held.
    if (change.status === 'complete') loaded(tabId);
    if (!relevant) return;
    const snap = snapshotOf(tab);
    if (!snap) return;
    void track(() => ({
      type: 'tab-updated',
      tab: { ...snap, tabId, status: change.status ?? tab.status },
    }));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    loaded(tabId);
    void track(() => ({ type: 'tab-removed', tabId }));
  });

  // WINDOW_ID_NONE (another application took focus) is applied at once, not debounced:
  // on some systems it comes just before a switch between two browser windows, which
  // costs the few milliseconds until the next event, whereas a debounce timer would be
  // lost if the worker stopped, and the browser would count while in the background.
  browser.windows.onFocusChanged.addListener((windowId) => {
    const focused = windowId === browser.windows.WINDOW_ID_NONE ? null : windowId;
    void track(() => ({ type: 'window-focused', windowId: focused }));
  });

  browser.idle?.onStateChanged.addListener((idle) => {
    void track(() => ({ type: 'idle-changed', idle }));
  });
  void attempt(applyIdleInterval);

  // Usually the first event of a browser session has started the tracker already; without
  // `storage.session` (older browsers) this is the only sign of a start.
  browser.runtime.onStartup.addListener(() => {
    const now = Date.now();
    started = false;
    void enqueue(async () => startIfNeeded(await workerSettings(), now, !browser.storage.session));
  });

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0 || details.tabId < 0) return;
    // A prerendered page is not shown yet; if it is, the tab's update brings it.
    if ((details as { documentLifecycle?: string }).documentLifecycle === 'prerender') return;
    void track(() => navigated(details));
  });

  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId !== 0 || details.tabId < 0) return;
    void track(() => navigated(details, true));
  });

  browser.webNavigation.onCreatedNavigationTarget.addListener((details) => {
    void track(() => ({
      type: 'navigation-target',
      sourceTabId: details.sourceTabId,
      tabId: details.tabId,
    }));
  });

  // The heartbeat reconciles with the browser (tabs closed while the worker slept stop
  // counting) and refreshes the badge (a pause that ended, a new day).
  void attempt(async () => {
    if (await browser.alarms.get(HEARTBEAT_ALARM)) return;
    await browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: HEARTBEAT_MS / 60_000 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== HEARTBEAT_ALARM) return;
    void track(async () => ({ type: 'sync', ...(await browserNow(await workerSettings())) }));
  });

  // A pause, a new exclusion or a new threshold applies from the moment it is saved.
  watchSettings(() => {
    void attempt(applyIdleInterval);
    void track(() => ({ type: 'tick' }));
  });

  registerEngagement();
  // Starts the tracker as soon as the worker runs (after install, the learner may be reading already).
  void track(() => null);
}
