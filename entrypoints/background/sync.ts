import { browser } from 'wxt/browser';
import { db } from '../../lib/store/records';
import type { Settings } from '../../lib/settings/settings';
import { loadSettings, watchSettings } from '../../lib/settings/settings-storage';
import type { FetchLike } from '../../lib/sync/lrs-exchange';
import {
  rescanAllSessions,
  rescanIfStatementSettingsChanged,
} from '../../lib/store/outbox-changes';
import {
  lrsConfig,
  lrsPermissions,
  syncSettingsChange,
  type SyncSettings,
} from '../../lib/sync/sync-config';
import { loadSyncSettings, watchSyncSettings } from '../../lib/sync/sync-settings';
import { loadSyncState, pauseSync, resumeSync, syncNow } from '../../lib/store/outbox-delivery';
import type { SyncResult } from '../../lib/sync/sync-status';
import { queueSessionChanges } from '../../lib/store/session-statements';

/** Looks for changed sessions and sends the outbox; survives the worker being stopped. */
export const SYNC_TICK_ALARM = 'lrs-sync-tick';
/** The next attempt after a back-off, a `Retry-After`, or a run cut short by its budget. */
export const SYNC_RETRY_ALARM = 'lrs-sync-retry';

const TICK_MINUTES = 10;
/** Chrome stops an idle worker after 30 s: a run starts no new batch after 20 s. */
const WORKER_BUDGET_MS = 20_000;
/** Chrome fires alarms no sooner than 30 s from now. */
const SOON_MS = 30_000;

const platformFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Wires the LRS sync into the background: alarm-driven runs, settings changes, start-up.
 * Listeners are added synchronously so an alarm wakes a stopped worker.
 */
export function registerSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_TICK_ALARM || alarm.name === SYNC_RETRY_ALARM) void runSync();
  });
  browser.runtime.onStartup.addListener(() => void loadSyncSettings().then(ensureAlarms));
  browser.runtime.onInstalled.addListener(() => void loadSyncSettings().then(ensureAlarms));
  watchSyncSettings((next, before) => void onSettingsChanged(next, before));
  watchSettings((next) => void onGeneralSettingsChanged(next));
}

/** Privacy, name, email or week start changed: every statement must be rebuilt. */
async function onGeneralSettingsChanged(next: Settings): Promise<void> {
  const used = {
    exportPrivacy: next.exportPrivacy,
    learnerName: next.learnerName,
    learnerEmail: next.learnerEmail,
    weekStart: next.weekStart,
  };
  await rescanIfStatementSettingsChanged(db(), used);
}

/** The periodic alarm exists exactly while sync is on. */
export async function ensureAlarms(settings: SyncSettings): Promise<void> {
  if (!settings.enabled) {
    await browser.alarms.clear(SYNC_TICK_ALARM);
    await browser.alarms.clear(SYNC_RETRY_ALARM);
    return;
  }
  if (!(await browser.alarms.get(SYNC_TICK_ALARM))) {
    await browser.alarms.create(SYNC_TICK_ALARM, {
      periodInMinutes: TICK_MINUTES,
      delayInMinutes: 1,
    });
  }
}

async function onSettingsChanged(next: SyncSettings, before: SyncSettings): Promise<void> {
  const change = syncSettingsChange(before, next);
  // A new identity or scope changes every statement: look at every session again.
  if (change.rebuild) await rescanAllSessions(db());
  // New credentials or endpoint: the learner acted on the last error.
  if (change.reconnect) await resumeSync(db());
  await ensureAlarms(next);
  if (next.enabled && (change.reconnect || change.rebuild)) {
    await browser.alarms.create(SYNC_RETRY_ALARM, { when: Date.now() + SOON_MS });
  }
}

/**
 * One sync run: queue what changed, send what is pending, schedule the next attempt.
 * Does nothing while sync is off; pauses with a clear reason when the learner withdrew
 * the LRS site's permission.
 */
export async function runSync(now: () => number = Date.now): Promise<SyncResult | undefined> {
  const settings = await loadSyncSettings();
  const config = lrsConfig(settings);
  if (!config) return undefined;
  const database = db();
  // The LRS's site, and in Firefox the learner's yes to their data leaving the browser:
  // either withdrawn (in the add-on's permissions) pauses sync.
  const needed = lrsPermissions(config.endpoint, {
    sending: true,
    manifest: browser.runtime.getManifest(),
  })!;
  const granted = await browser.permissions.contains(
    needed as Parameters<typeof browser.permissions.contains>[0],
  );
  const state = await loadSyncState(database);
  if (!granted) {
    if (state.paused?.code !== 'permission')
      await pauseSync(database, { code: 'permission' }, now());
    return undefined;
  }
  if (state.paused?.code === 'permission') await resumeSync(database);

  await queueSessionChanges(database, settings, await loadSettings(), now());
  const result = await syncNow(database, config, platformFetch, now, {
    budgetMs: WORKER_BUDGET_MS,
  });
  await scheduleAfter(result, now());
  return result;
}

async function scheduleAfter(result: SyncResult, now: number): Promise<void> {
  if (result.busy) return;
  if (result.retryAt !== undefined && !result.paused) {
    await browser.alarms.create(SYNC_RETRY_ALARM, {
      when: Math.max(result.retryAt, now + SOON_MS),
    });
  } else if (result.pending > 0 && !result.paused) {
    await browser.alarms.create(SYNC_RETRY_ALARM, { when: now + SOON_MS });
  } else {
    await browser.alarms.clear(SYNC_RETRY_ALARM);
  }
}
