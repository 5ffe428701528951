import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/store/db';
import { updateSettings } from '../../../lib/settings/settings-storage';

/** The Chrome-typed fake takes a sendResponse too; the polyfill's listeners reply by returning. */
const noReply = () => undefined;

// The real tracker, watched: how many events of each kind the worker steps.
vi.mock('../../../lib/tracking/tracker', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/tracking/tracker')>();
  return { ...actual, step: vi.fn(actual.step) };
});
vi.mock('../../../entrypoints/background/capture', () => ({
  captureTab: vi.fn(async () => ({ ok: false, reason: 'failed' })),
}));

const { captureTab } = await import('../../../entrypoints/background/capture');
const { step } = await import('../../../lib/tracking/tracker');
const { saveSettings } = await import('../../../components/hooks/use-settings');
const { registerTracking, trackingSettled } =
  await import('../../../entrypoints/background/tracking');
const { currentSessionIdForTab } = await import('../../../lib/store/tracker');
const { syncEngagementScript } = await import('../../../entrypoints/background/engagement');
const { registerMessageHandlers } = await import('../../../entrypoints/background/messages');

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** Badge and capture follow the tracker's commit without being awaited; shared machines are slow. */
const PATIENCE = { timeout: 10_000 };
const ARTICLE = 'https://developer.mozilla.org/en-US/docs/Web/CSS/grid';
const SERP = 'https://www.google.com/search?q=css+grid';

/** The browser the stubs describe: tabs by id, the focused window, host access. */
let tabs: Map<number, Browser.tabs.Tab>;
let focusedWindow: number | null;
let hostAccess: boolean;
let registered: { id: string; matches?: string[] }[];

function tab(id: number, url: string, extra: Partial<Browser.tabs.Tab> = {}): Browser.tabs.Tab {
  return {
    id,
    windowId: 1,
    index: 0,
    url,
    title: 'Page',
    active: true,
    highlighted: true,
    pinned: false,
    incognito: false,
    status: 'complete',
    ...extra,
  } as Browser.tabs.Tab;
}

function at(seconds: number) {
  vi.setSystemTime(T0 + seconds * 1000);
}

async function heartbeat(seconds: number) {
  at(seconds);
  await fakeBrowser.alarms.onAlarm.trigger({
    name: 'tracker-heartbeat',
    scheduledTime: 0,
    persistAcrossSessions: false,
  });
}

async function commit(tabId: number, url: string, transitionType = 'typed', seconds?: number) {
  if (seconds !== undefined) at(seconds);
  const t = tabs.get(tabId);
  if (t) t.url = url;
  await fakeBrowser.webNavigation.onCommitted.trigger({
    tabId,
    frameId: 0,
    url,
    transitionType,
    transitionQualifiers: [],
    processId: 1,
    timeStamp: Date.now(),
  } as never);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at(0);
  await Promise.all(db().tables.map((table) => table.clear()));
  // The learner said yes on the welcome page.
  await updateSettings({ trackingConsent: true });
  tabs = new Map([[7, tab(7, ARTICLE)]]);
  focusedWindow = 1;
  hostAccess = false;
  registered = [];
  vi.mocked(captureTab).mockClear();
  const idleEvent = { addListener: () => {}, removeListener: () => {}, hasListener: () => false };
  Object.assign(fakeBrowser, {
    idle: {
      queryState: async () => 'active',
      setDetectionInterval: () => {},
      onStateChanged: idleEvent,
    },
    permissions: {
      contains: async () => hostAccess,
      onAdded: idleEvent,
      onRemoved: idleEvent,
    },
    scripting: {
      getRegisteredContentScripts: async () => registered,
      registerContentScripts: async (list: typeof registered) => void registered.push(...list),
      unregisterContentScripts: async () => void (registered = []),
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    const found = tabs.get(id);
    if (!found) throw new Error('No tab');
    return found as never;
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [...tabs.values()] as never);
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation(
    async () => ({ id: focusedWindow ?? 1, focused: focusedWindow !== null }) as never,
  );
});

afterEach(() => {
  vi.useRealTimers();
});

/** Waits until the tracker has applied everything queued so far. */
async function settled() {
  await trackingSettled();
}

describe('registerTracking', () => {
  it('records the page in front from the first event and shows today’s minutes', async () => {
    registerTracking();
    await settled();
    await heartbeat(60);
    await heartbeat(130);
    await settled();
    const sessions = await db().sessions.toArray();
    expect(sessions).toMatchObject([{ kind: 'reading', url: ARTICLE, activeMs: 130_000 }]);
    expect(await db().visits.count()).toBe(1);
    expect(await currentSessionIdForTab(db(), 7)).toBe(sessions[0]!.id);
    await vi.waitFor(
      async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'),
      PATIENCE,
    );
    expect(await fakeBrowser.alarms.get('tracker-heartbeat')).toMatchObject({ periodInMinutes: 1 });
  });

  it('ignores a navigation in a tab the browser no longer knows (a prerendered page)', async () => {
    registerTracking();
    await settled();
    await commit(99, 'https://www.google.com/search?q=prerendered', 'link', 5);
    await settled();
    expect(JSON.stringify((await db().meta.get('tracker'))?.value)).not.toContain('prerendered');
  });

  it('applies a page load’s events after the load, at the times they happened', async () => {
    const NEXT = 'https://web.dev/learn/css/grid';
    registerTracking();
    await heartbeat(30);
    await settled();
    const page = tabs.get(7)!;
    const update = (change: Partial<Browser.tabs.Tab>) =>
      fakeBrowser.tabs.onUpdated.trigger(7, change as never, { ...page, ...change } as never);
    at(40);
    await update({ status: 'loading', url: NEXT });
    await commit(7, NEXT, 'typed', 40);
    at(55);
    await update({ status: 'complete', title: 'Learn CSS: grid' });
    await heartbeat(130);
    await settled();
    const sessions = await db().sessions.orderBy('startedAt').toArray();
    expect(sessions.map((x) => [x.url, x.startedAt - T0, x.activeMs])).toEqual([
      [ARTICLE, 0, 40_000],
      [NEXT, 40_000, 90_000],
    ]);
  });

  it('sets the toolbar button only where what it shows changed', async () => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    registerTracking();
    await heartbeat(60);
    await heartbeat(130);
    await settled();
    const shows = (text: string) =>
      vi.waitFor(
        async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(text),
        PATIENCE,
      );
    await shows('2');
    const calls = setText.mock.calls.length;
    await heartbeat(150);
    await settled();
    await heartbeat(190);
    await settled();
    await shows('3');
    expect(setText.mock.calls.length).toBe(calls + 1);
  });

  it('reads which session a tab is in from the committed state, and none for other tabs', async () => {
    registerTracking();
    await heartbeat(60);
    await heartbeat(100);
    await settled();
    expect(await currentSessionIdForTab(db(), 7)).toBe((await db().sessions.toArray())[0]!.id);
    expect(await currentSessionIdForTab(db(), 99)).toBeNull();
  });

  it('links a result opened in a new tab and captures it where host access allows', async () => {
    hostAccess = true;
    tabs = new Map([[7, tab(7, SERP)]]);
    registerTracking();
    await settled();
    tabs.set(8, tab(8, ARTICLE, { active: false, openerTabId: 7 }));
    at(20);
    await fakeBrowser.webNavigation.onCreatedNavigationTarget.trigger({
      sourceTabId: 7,
      sourceFrameId: 0,
      sourceProcessId: 1,
      tabId: 8,
      url: ARTICLE,
      timeStamp: Date.now(),
    } as never);
    await commit(8, ARTICLE, 'link', 20);
    at(25);
    tabs.get(7)!.active = false;
    tabs.get(8)!.active = true;
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: 1 } as never);
    await heartbeat(85);
    // The learner switches to another application: the time read is confirmed.
    await fakeBrowser.windows.onFocusChanged.trigger(fakeBrowser.windows.WINDOW_ID_NONE);
    await settled();
    const [session] = await db().sessions.toArray();
    expect(session).toMatchObject({ kind: 'search', engine: 'google', activeMs: 85_000 });
    expect((await db().searches.toArray()).map((s) => s.query)).toEqual(['css grid']);
    const visits = await db().visits.orderBy('startedAt').toArray();
    expect(visits.map((v) => [v.url, v.activeMs])).toEqual([
      [SERP, 25_000],
      [ARTICLE, 60_000],
    ]);
    await vi.waitFor(
      () => expect(vi.mocked(captureTab).mock.calls.map(([tabId]) => tabId)).toEqual([8]),
      PATIENCE,
    );
  });

  it('starts afresh after "Delete all my data" empties the database and storage.session', async () => {
    registerTracking();
    await heartbeat(60);
    await settled();
    // What the dashboard's deletion does: every table emptied, storage.session cleared.
    await Promise.all(db().tables.map((table) => table.clear()));
    await fakeBrowser.storage.session.clear();
    const NEXT = 'https://developer.mozilla.org/en-US/docs/Web/CSS/subgrid';
    await commit(7, NEXT, 'typed', 70);
    await heartbeat(130);
    await heartbeat(190);
    await settled();
    const sessions = await db().sessions.toArray();
    expect(sessions).toMatchObject([{ kind: 'reading', url: NEXT }]);
    expect(sessions[0]!.activeMs).toBeGreaterThanOrEqual(60_000);
  });

  it('never counts the time the browser was closed', async () => {
    registerTracking();
    await heartbeat(60);
    await settled();
    // The browser closes; it starts again two hours later with the same page restored.
    await fakeBrowser.storage.session.clear();
    tabs = new Map([[31, tab(31, ARTICLE)]]);
    at(7260);
    await fakeBrowser.runtime.onStartup.trigger();
    await settled();
    await heartbeat(7280);
    await settled();
    const sessions = await db().sessions.orderBy('startedAt').toArray();
    expect(sessions.map((s) => [s.activeMs, s.endedAt - T0])).toEqual([[60_000, 60_000]]);
    await heartbeat(7300);
    await fakeBrowser.windows.onFocusChanged.trigger(fakeBrowser.windows.WINDOW_ID_NONE);
    await settled();
    const after = await db().sessions.orderBy('startedAt').toArray();
    expect(after.map((s) => s.activeMs)).toEqual([60_000, 40_000]);
  });

  it('stops counting while paused, from the moment the setting is saved', async () => {
    registerTracking();
    await heartbeat(40);
    await settled();
    at(50);
    await updateSettings({ pausedUntil: Number.MAX_SAFE_INTEGER });
    await settled();
    await heartbeat(200);
    await settled();
    expect((await db().sessions.toArray()).map((s) => s.activeMs)).toEqual([50_000]);
    await vi.waitFor(
      async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('⏸'),
      PATIENCE,
    );
  });

  it('steps once for one save of the settings from a page', async () => {
    registerTracking();
    await heartbeat(40);
    await settled();
    const ticks = () => vi.mocked(step).mock.calls.filter(([, e]) => e.type === 'tick').length;
    // Delivered as the browser does from an extension page (the fake sends no sender id).
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const replies = await fakeBrowser.runtime.onMessage.trigger(
        message,
        {
          id: fakeBrowser.runtime.id,
        } as never,
        noReply,
      );
      return replies.find((r: unknown) => r !== undefined);
    });
    const before = ticks();
    await saveSettings({ minReadingMs: 90_000 });
    await vi.waitFor(() => expect(ticks()).toBe(before + 1), PATIENCE);
    await settled();
    expect(ticks()).toBe(before + 1);
  });

  it('takes engagement evidence from the page’s own content script only', async () => {
    registerTracking();
    registerMessageHandlers();
    await heartbeat(40);
    await settled();
    const evidence = {
      type: 'engagement',
      url: ARTICLE,
      visible: true,
      scrollPct: 62,
      inputAt: T0 + 40_000,
      audible: false,
    };
    // The replies (none) are not looked at.
    void (await fakeBrowser.runtime.onMessage.trigger(evidence, { id: 'evil' } as never, noReply));
    void (await fakeBrowser.runtime.onMessage.trigger(
      evidence,
      {
        id: fakeBrowser.runtime.id,
        tab: tabs.get(7),
        frameId: 0,
      } as never,
      noReply,
    ));
    await heartbeat(50);
    await settled();
    expect((await db().visits.toArray()).map((v) => v.maxScrollPct)).toEqual([62]);
  });
});

describe('syncEngagementScript', () => {
  it('registers the script only with the setting on and host access granted', async () => {
    await syncEngagementScript();
    expect(registered).toEqual([]);
    await updateSettings({ engagement: true });
    await syncEngagementScript();
    expect(registered).toEqual([]);
    hostAccess = true;
    await syncEngagementScript();
    expect(registered).toMatchObject([
      {
        id: 'engagement',
        js: ['content-scripts/engagement.js'],
        matches: ['http://*/*', 'https://*/*'],
      },
    ]);
    await syncEngagementScript();
    expect(registered).toHaveLength(1);
    await updateSettings({ engagement: false });
    await syncEngagementScript();
    expect(registered).toEqual([]);
  });
});
