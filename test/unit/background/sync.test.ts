import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ensureAlarms,
  runSync,
  SYNC_RETRY_ALARM,
  SYNC_TICK_ALARM,
} from '../../../entrypoints/background/sync';
import { db } from '../../../lib/store/db';
import type { Session } from '../../../lib/model';
import { DEFAULT_SYNC_SETTINGS } from '../../../lib/sync/sync-config';
import { updateSyncSettings } from '../../../lib/sync/sync-settings';
import { loadSyncState, syncStatus } from '../../../lib/store/outbox-delivery';
import { fakeLrs, type FakeLrs } from '../../lrs/fake-lrs';

const ENDPOINT = 'https://lrs.example.org/xAPI';
const T0 = Date.UTC(2026, 5, 8, 9);
let lrs: FakeLrs;
let contains: ReturnType<typeof vi.fn>;

function session(id: string): Session {
  return {
    id,
    kind: 'reading',
    startedAt: T0,
    endedAt: T0 + 300_000,
    activeMs: 240_000,
    title: 'CSS grid',
    url: `https://developer.mozilla.org/${id}`,
    domain: 'developer.mozilla.org',
    skills: [],
    note: '',
    status: 'kept',
    updatedAt: T0 + 300_000,
  };
}

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  lrs = fakeLrs();
  vi.stubGlobal('fetch', (url: string, init: Parameters<FakeLrs['fetch']>[1]) =>
    lrs.fetch(url, init),
  );
  contains = vi.fn(async () => true);
  // The fake browser has no permissions API.
  Object.assign(fakeBrowser, { permissions: { contains, request: vi.fn(async () => true) } });
  manifest = { manifest_version: 3, name: 'Skilltrail', version: '0.1.0' };
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(() => manifest as never);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The manifest the build has: Chromium's (no data collection) unless a test says Firefox's. */
let manifest: object;

describe('ensureAlarms', () => {
  it('keeps the periodic alarm exactly while sync is on', async () => {
    await ensureAlarms({ ...DEFAULT_SYNC_SETTINGS, enabled: true });
    expect(await fakeBrowser.alarms.get(SYNC_TICK_ALARM)).toMatchObject({ periodInMinutes: 10 });
    await ensureAlarms({ ...DEFAULT_SYNC_SETTINGS, enabled: false });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('runSync', () => {
  it('does nothing while sync is off (the default)', async () => {
    await db().sessions.put(session('a'));
    expect(await runSync(() => T0 + 3_600_000)).toBeUndefined();
    expect(lrs.requests).toHaveLength(0);
  });

  it('queues settled sessions and sends them', async () => {
    await updateSyncSettings({ enabled: true, endpoint: ENDPOINT, key: 'k', secret: 's' });
    await db().sessions.bulkPut([session('a'), session('b')]);
    const result = await runSync(() => T0 + 3_600_000);
    expect(result).toMatchObject({ sent: 2, pending: 0, failed: 0 });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://lrs.example.org/*'] });
    expect(lrs.statements.size).toBe(2);
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeUndefined();
  });

  it('schedules the next attempt after a transient failure', async () => {
    await updateSyncSettings({ enabled: true, endpoint: ENDPOINT, key: 'k', secret: 's' });
    await db().sessions.put(session('a'));
    lrs.faults.push({ status: 429, headers: { 'Retry-After': '120' } });
    const now = T0 + 3_600_000;
    const result = await runSync(() => now);
    expect(result).toMatchObject({ sent: 0, pending: 1, retryAt: now + 120_000 });
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toMatchObject({
      scheduledTime: now + 120_000,
    });
  });

  it('pauses with a clear reason when the LRS site permission is missing', async () => {
    contains.mockResolvedValue(false);
    await updateSyncSettings({ enabled: true, endpoint: ENDPOINT, key: 'k', secret: 's' });
    await db().sessions.put(session('a'));
    expect(await runSync(() => T0 + 3_600_000)).toBeUndefined();
    expect(lrs.requests).toHaveLength(0);
    expect((await loadSyncState(db())).paused).toEqual({ code: 'permission' });

    // Granted later (e.g. in the browser's extension settings): the next run resumes.
    contains.mockResolvedValue(true);
    expect(await runSync(() => T0 + 3_700_000)).toMatchObject({ sent: 1 });
    expect((await syncStatus(db())).paused).toBeUndefined();
  });

  it('in Firefox, needs the learner’s yes to send browsing activity and search terms too', async () => {
    manifest = {
      ...manifest,
      browser_specific_settings: {
        gecko: {
          data_collection_permissions: {
            required: ['none'],
            optional: ['browsingActivity', 'searchTerms'],
          },
        },
      },
    };
    // The site is granted, the data collection withdrawn in the add-on's permissions.
    contains.mockImplementation(
      async (asked: { data_collection?: string[] }) => !asked.data_collection,
    );
    await updateSyncSettings({ enabled: true, endpoint: ENDPOINT, key: 'k', secret: 's' });
    await db().sessions.put(session('a'));
    expect(await runSync(() => T0 + 3_600_000)).toBeUndefined();
    expect(contains).toHaveBeenCalledWith({
      origins: ['https://lrs.example.org/*'],
      data_collection: ['browsingActivity', 'searchTerms'],
    });
    expect(lrs.requests).toHaveLength(0);
    expect((await loadSyncState(db())).paused).toEqual({ code: 'permission' });
  });
});
