import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab } from '../../../entrypoints/background/capture';
import {
  deleteSessionsEverywhere,
  eraseAllRecords,
  forgetSiteEverywhere,
  registerPendingWrites,
  RETRY_ALARM,
  retryPendingWrites,
  UNSAVED_NOTIFICATION,
  writeOrKeep,
  writeThrough,
} from '../../../entrypoints/background/pending-writes';
import { db } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import type { Session } from '../../../lib/model';
import { deleteSession } from '../../../lib/store/sessions';
import type { RecordPuts } from '../../../lib/store/pending-writes';

/** The writes waiting in storage.session for a retry, as the worker keeps them. */
async function countPendingWrites(): Promise<number> {
  const { pendingWrites } = await fakeBrowser.storage.session.get('pendingWrites');
  return Array.isArray(pendingWrites) ? pendingWrites.length : 0;
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function session(id: string, title = id): Session {
  return {
    id,
    kind: 'reading',
    startedAt: 1,
    endedAt: 2,
    activeMs: 60_000,
    title,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: [],
    note: '',
    status: 'auto',
    provenance: 'measured',
    updatedAt: 2,
  };
}

const notifications = { create: vi.fn(), clear: vi.fn() };

async function fireRetryAlarm() {
  await fakeBrowser.alarms.onAlarm.trigger({
    name: RETRY_ALARM,
    scheduledTime: Date.now(),
    persistAcrossSessions: false,
  });
}

beforeEach(async () => {
  await eraseEverything(db());
  notifications.create = vi.fn(async () => UNSAVED_NOTIFICATION);
  notifications.clear = vi.fn(async () => true);
  Object.assign(fakeBrowser.notifications, notifications);
  registerPendingWrites();
});

describe('a write that fails because the disk is full', () => {
  it('is kept in memory, the learner is told, and a later retry stores it; nothing stored is touched', async () => {
    await db().sessions.put(session('stored', 'Already stored'));
    const put = vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(quotaExceeded());

    const outcome = await writeOrKeep('put-records', [
      { table: 'sessions', rows: [session('new', 'New session')] },
    ]);

    expect(outcome).toMatchObject({ stored: false, kept: true });
    expect(await countPendingWrites()).toBe(1);
    expect(await db().sessions.get('new')).toBeUndefined();
    expect(await db().sessions.get('stored')).toMatchObject({ title: 'Already stored' });
    expect(notifications.create).toHaveBeenCalledTimes(1);
    expect(notifications.create).toHaveBeenCalledWith(
      UNSAVED_NOTIFICATION,
      expect.objectContaining({
        type: 'basic',
        title: 'Skilltrail could not save',
        message: expect.stringMatching(/full/),
      }),
    );
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();

    // Space is freed; the alarm fires.
    put.mockRestore();
    await fireRetryAlarm();
    await vi.waitFor(async () => expect(await db().sessions.get('new')).toBeDefined());
    expect(await db().sessions.get('new')).toMatchObject({ title: 'New session' });
    expect(await db().sessions.get('stored')).toMatchObject({ title: 'Already stored' });
    expect(await countPendingWrites()).toBe(0);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(notifications.create).toHaveBeenLastCalledWith(
      UNSAVED_NOTIFICATION,
      expect.objectContaining({ title: 'Skilltrail saved everything' }),
    );
  });

  it('waits longer after each retry that fails again, and warns only once', async () => {
    vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(quotaExceeded());
    await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('a')] }]);
    const first = (await fakeBrowser.alarms.get(RETRY_ALARM))!.scheduledTime;
    expect(await retryPendingWrites()).toBe(1);
    const second = (await fakeBrowser.alarms.get(RETRY_ALARM))!.scheduledTime;
    expect(second - Date.now()).toBeGreaterThan(first - Date.now() + 20_000);
    await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('b')] }]);
    // Consecutive puts wait as one batch.
    expect(await countPendingWrites()).toBe(1);
    expect(notifications.create).toHaveBeenCalledTimes(1);
    vi.mocked(db().sessions.bulkPut).mockRestore();
    expect(await retryPendingWrites()).toBe(0);
    expect(await db().sessions.bulkGet(['a', 'b'])).toEqual([session('a'), session('b')]);
  });

  it('stores writes made while others wait after them, in order', async () => {
    const put = vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(quotaExceeded());
    await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('s', 'first')] }]);
    await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('s', 'second')] }]);
    put.mockRestore();
    // The next write flushes the queue first, so the older version never lands last.
    const outcome = await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('t')] }]);
    expect(outcome.stored).toBe(true);
    expect(await db().sessions.get('s')).toMatchObject({ title: 'second' });
    expect(await db().sessions.get('t')).toBeDefined();
    expect(await countPendingWrites()).toBe(0);
  });

  it('keeps only the latest waiting write of the same record', async () => {
    const put = vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(quotaExceeded());
    for (let i = 0; i < 20; i++) {
      await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('s', `v${i}`)] }], {
        key: 'sessions:s',
      });
    }
    expect(await countPendingWrites()).toBe(1);
    put.mockRestore();
    await retryPendingWrites();
    expect(await db().sessions.get('s')).toMatchObject({ title: 'v19' });
  });

  it('does not keep a write the database refuses for good', async () => {
    vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(new DOMException('bad key', 'DataError'));
    const outcome = await writeOrKeep('put-records', [{ table: 'sessions', rows: [session('x')] }]);
    expect(outcome).toMatchObject({ stored: false, kept: false });
    expect(await countPendingWrites()).toBe(0);
    expect(notifications.create).not.toHaveBeenCalled();
  });
});

describe('the writers’ table', () => {
  it('lets the compiler refuse a payload that does not fit its writer, or an unknown writer', () => {
    // Checked by `npm run typecheck` (each line must fail to compile); never run.
    const wrongWrites = () => [
      // @ts-expect-error a capture's payload is not a batch of rows
      writeOrKeep('put-records', { shaped: { url: 'x' }, now: 1, sessionId: null }),
      // @ts-expect-error a table the tracker never writes
      writeOrKeep('put-records', [{ table: 'outbox', rows: [] }]),
      // @ts-expect-error a visit's rows are not sessions
      writeOrKeep('put-records', [{ table: 'visits', rows: [session('a')] }]),
      // @ts-expect-error no writer has this name
      writeOrKeep('put', []),
    ];
    expect(wrongWrites).toBeTypeOf('function');
  });
});

describe('a read-modify-write (the tracker’s step) when the disk is full', () => {
  /** A miniature tracker: reads its state, adds one to a counter session, writes both. */
  async function step() {
    let plan: { puts: RecordPuts; value: number } | undefined;
    const outcome = await writeThrough(
      (waiting) =>
        db().transaction('rw', [db().sessions, db().meta], async () => {
          const state = Number(
            (waiting.rows.meta.get('counter') ?? (await db().meta.get('counter')))?.value ?? 0,
          );
          const next = state + 1;
          const row = session('counted', `count ${next}`);
          plan = {
            puts: [
              { table: 'sessions', rows: [row] },
              { table: 'meta', rows: [{ key: 'counter', value: next }] },
            ],
            value: next,
          };
          waiting.beforeWrite();
          await db().sessions.bulkPut([row]);
          await db().meta.put({ key: 'counter', value: next });
          return next;
        }),
      () => plan,
    );
    return outcome;
  }

  it('carries on from what waits, and stores the latest state once there is room', async () => {
    expect(await step()).toEqual({ stored: true, value: 1 });
    const put = vi.spyOn(db().meta, 'put').mockRejectedValue(quotaExceeded());
    const bulkPut = vi.spyOn(db().meta, 'bulkPut').mockRejectedValue(quotaExceeded());
    expect(await step()).toMatchObject({ stored: false, kept: true, value: 2 });
    expect(await step()).toMatchObject({ stored: false, kept: true, value: 3 });
    // Nothing already stored was touched by the failed steps.
    expect(await db().meta.get('counter')).toEqual({ key: 'counter', value: 1 });
    expect(await db().sessions.get('counted')).toMatchObject({ title: 'count 1' });
    put.mockRestore();
    bulkPut.mockRestore();
    // The next step replays what waits first, then reads and writes on top of it.
    expect(await step()).toEqual({ stored: true, value: 4 });
    expect(await db().meta.get('counter')).toEqual({ key: 'counter', value: 4 });
    expect(await db().sessions.get('counted')).toMatchObject({ title: 'count 4' });
    expect(await countPendingWrites()).toBe(0);
  });

  it('rethrows what is not a storage failure', async () => {
    await expect(
      writeThrough(
        async () => {
          throw new TypeError('bug');
        },
        () => ({ puts: [], value: 0 }),
      ),
    ).rejects.toThrow('bug');
  });
});

describe('a capture when the disk is full', () => {
  it('tells the popup it is kept, and stores it on the retry', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/guide', active: true });
    Object.assign(fakeBrowser, {
      scripting: { executeScript: vi.fn(async () => [{ result: undefined }]) },
    });
    const put = vi.spyOn(db().captures, 'put').mockRejectedValue(quotaExceeded());

    expect(await captureTab(tab.id!)).toEqual({ ok: false, reason: 'kept-for-later' });
    expect(await db().sessions.count()).toBe(0);
    expect(await db().captures.count()).toBe(0);

    put.mockRestore();
    await fireRetryAlarm();
    await vi.waitFor(async () => expect(await db().captures.count()).toBe(1));
    expect(await db().sessions.count()).toBe(1);
    expect((await db().captures.toArray())[0]).toMatchObject({ url: 'https://example.org/guide' });
  });

  /** A capture of https://example.org/guide kept for later, in the stored session `s`. */
  async function keptCapture() {
    await db().sessions.put({ ...session('s'), url: 'https://example.org/guide' });
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/guide', active: true });
    Object.assign(fakeBrowser, {
      scripting: { executeScript: vi.fn(async () => [{ result: undefined }]) },
    });
    const put = vi.spyOn(db().captures, 'put').mockRejectedValue(quotaExceeded());
    expect(await captureTab(tab.id!, { sessionId: 's' })).toEqual({
      ok: false,
      reason: 'kept-for-later',
    });
    return put;
  }

  it('never comes back after its session is deleted: the disk is freed, nothing returns', async () => {
    const put = await keptCapture();
    await deleteSessionsEverywhere(['s']);
    put.mockRestore();
    await fireRetryAlarm();
    await retryPendingWrites();
    expect(await countPendingWrites()).toBe(0);
    expect(await db().captures.count()).toBe(0);
    expect(await db().sessions.count()).toBe(0);
  });

  it('never comes back after "Never record this site", with or without deleting its records', async () => {
    for (const eraseRecords of [false, true]) {
      await eraseEverything(db());
      const put = await keptCapture();
      await forgetSiteEverywhere('example.org', eraseRecords);
      put.mockRestore();
      await fireRetryAlarm();
      await retryPendingWrites();
      expect(await countPendingWrites()).toBe(0);
      expect(await db().captures.count()).toBe(0);
      expect(await db().sessions.count()).toBe(eraseRecords ? 0 : 1);
    }
  });
});

describe('a replayed tracker write', () => {
  /** A tracker step that meets a full disk and keeps `puts` for later. */
  async function keptStep(puts: RecordPuts) {
    const put = vi.spyOn(db().sessions, 'bulkPut').mockRejectedValue(quotaExceeded());
    const outcome = await writeThrough(
      async (waiting) => {
        waiting.beforeWrite();
        await db().sessions.bulkPut(puts[0]!.rows as Session[]);
      },
      () => ({ puts, value: undefined }),
    );
    put.mockRestore();
    expect(outcome).toMatchObject({ stored: false, kept: true });
  }
  const visit = (id: string, sessionId: string) => ({
    id,
    sessionId,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    title: id,
    startedAt: 1,
    endedAt: 1,
    activeMs: 1,
  });

  it('merges: skills, a note and the status added while it waited stay', async () => {
    await db().sessions.put(session('read'));
    await keptStep([
      { table: 'sessions', rows: [{ ...session('read'), endedAt: 50, activeMs: 90_000 }] },
    ]);
    await db().sessions.update('read', {
      skills: ['css'],
      note: 'Grid areas',
      status: 'kept',
      updatedAt: 60,
    });
    await fireRetryAlarm();
    await vi.waitFor(async () => expect(await countPendingWrites()).toBe(0));
    expect(await db().sessions.get('read')).toMatchObject({
      skills: ['css'],
      note: 'Grid areas',
      status: 'kept',
      endedAt: 50,
      activeMs: 90_000,
      updatedAt: 60,
    });
  });

  it('skips a session deleted while it waited, and its pages; a new one is still stored', async () => {
    await db().sessions.put(session('deleted'));
    await keptStep([
      { table: 'sessions', rows: [session('deleted'), session('new')], fresh: ['new'] },
      { table: 'visits', rows: [visit('v1', 'deleted'), visit('v2', 'new')] },
    ]);
    await deleteSession(db(), 'deleted');
    await fireRetryAlarm();
    await vi.waitFor(async () => expect(await countPendingWrites()).toBe(0));
    expect(await db().sessions.get('deleted')).toBeUndefined();
    expect(await db().visits.get('v1')).toBeUndefined();
    expect(await db().sessions.get('new')).toBeDefined();
    expect(await db().visits.get('v2')).toBeDefined();
  });

  it('is dropped when its session is deleted, even one never stored', async () => {
    await keptStep([
      { table: 'sessions', rows: [session('fresh'), session('other')], fresh: ['fresh', 'other'] },
      { table: 'visits', rows: [visit('v1', 'fresh'), visit('v2', 'other')] },
    ]);
    await deleteSessionsEverywhere(['fresh']);
    await fireRetryAlarm();
    await vi.waitFor(async () => expect(await countPendingWrites()).toBe(0));
    expect(await db().sessions.get('fresh')).toBeUndefined();
    expect(await db().visits.get('v1')).toBeUndefined();
    expect(await db().sessions.get('other')).toBeDefined();
    // "Never record this site" drops what waits from the site, by domain.
    await keptStep([{ table: 'sessions', rows: [session('site')], fresh: ['site'] }]);
    await forgetSiteEverywhere('example.org', false);
    expect(await countPendingWrites()).toBe(0);
  });

  it('never lands after "Delete all my data": the queue is cleared before the erase', async () => {
    await db().sessions.put(session('old'));
    await keptStep([{ table: 'sessions', rows: [session('old')] }]);
    await eraseAllRecords();
    expect(await countPendingWrites()).toBe(0);
    await fireRetryAlarm();
    await retryPendingWrites();
    expect(await db().sessions.count()).toBe(0);
  });
});

describe('the queue of writes waiting', () => {
  it('is read from storage once per worker, not before every write', async () => {
    const sessionStorage = vi.spyOn(fakeBrowser.storage.session, 'get');
    for (const id of ['one', 'two', 'three']) {
      const outcome = await writeOrKeep('put-records', [
        { table: 'sessions', rows: [session(id)] },
      ]);
      expect(outcome.stored).toBe(true);
    }
    expect(sessionStorage.mock.calls.length).toBeLessThanOrEqual(1);
    expect((await db().sessions.toArray()).map((s) => s.id).sort()).toEqual([
      'one',
      'three',
      'two',
    ]);
    sessionStorage.mockRestore();
  });
});
