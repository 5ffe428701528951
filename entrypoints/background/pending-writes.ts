import { browser } from 'wxt/browser';
import { storageItem } from '../../lib/settings/storage-item';
import { db, type SkilltrailDb } from '../../lib/store/records';
import { eraseEverything, eraseSessions, eraseSite, type EraseCounts } from '../../lib/store/erase';
import { recordCapture, sessionUrls } from '../../lib/store/sessions';
import { putTrackedRecords, type WaitingRows } from '../../lib/store/tracker';
import { newId } from '../../lib/ids';
import {
  errorLabel,
  forgetCaptures,
  type ForgetRecords,
  forgetRecords,
  isRetryableWriteError,
  isStorageFullError,
  keepWrite,
  type PendingWrite,
  type PendingWriteOf,
  readQueue,
  type RecordPuts,
  retryDelayMs,
  settleAttempt,
  type WaitingWriters,
  waitingRows,
  type WriterName,
  WRITES_WAITING,
} from '../../lib/store/pending-writes';

/**
 * Writes that fail because the disk is full (or storage is briefly unavailable) are kept
 * in memory and retried on an alarm; the learner gets one notification. A failed write is
 * one aborted transaction, so nothing already stored is touched, and nothing is deleted
 * to make room.
 */

/**
 * What stores each waiting write, by writer name (`WaitingWriters` names the payloads).
 * Every write must be idempotent: a retry may replay it after a later write of the same
 * record.
 */
const writerTable = {
  'put-records': putTrackedRecords,
  capture: (database: SkilltrailDb, p: WaitingWriters['capture']) =>
    recordCapture(database, p.shaped, {
      now: p.now,
      currentSessionId: p.sessionId,
      automatic: p.automatic,
    }),
} satisfies {
  [W in WriterName]: (database: SkilltrailDb, payload: WaitingWriters[W]) => Promise<unknown>;
};

/** What a writer's write returns once stored. */
export type WriterResult<W extends WriterName> = Awaited<ReturnType<(typeof writerTable)[W]>>;

// The same table, indexed by a name the compiler pairs with its payload and result.
const writers: {
  [W in WriterName]: (
    database: SkilltrailDb,
    payload: WaitingWriters[W],
  ) => Promise<WriterResult<W>>;
} = writerTable;

/** Stores one waiting write with its writer. */
function store<W extends WriterName>(writer: W, payload: WaitingWriters[W]) {
  return writers[writer](db(), payload);
}

export const RETRY_ALARM = 'pending-writes-retry';
export const UNSAVED_NOTIFICATION = 'skilltrail-unsaved';

// storage.session lives in memory (never on the full disk) and outlasts a stopped worker.
const queueItem = storageItem<PendingWrite[]>('session:pendingWrites', []);
// This worker's copy of the queue, which only it writes: read once per worker, so a write
// asks no extension API first (on a toolbar click the browser is busy making the popup,
// and that round trip waited behind it). It also holds the queue when storage.session
// itself refuses (its own quota), for as long as this worker lives.
let known: PendingWrite[] | null = null;

/**
 * The writes that wait, read from storage once per worker. Also called ahead of time (while
 * a page is read), so the next write starts at once.
 */
export async function loadQueue(): Promise<PendingWrite[]> {
  if (known) return known;
  try {
    known = readQueue(await queueItem.getValue());
    return known;
  } catch {
    return [];
  }
}

async function saveQueue(queue: PendingWrite[]): Promise<void> {
  known = queue;
  await queueItem.setValue(queue).catch(() => {});
}

// One write or retry at a time, so replays keep their order and never race a new write.
let chain: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/** Stores one kept write (each member of the union with its own writer). */
function replayOne(write: PendingWrite): Promise<unknown> {
  switch (write.writer) {
    case 'put-records':
      return store(write.writer, write.payload);
    case 'capture':
      return store(write.writer, write.payload);
  }
}

/** Replays waiting writes in order until one fails again; returns what still waits. */
async function replay(queue: PendingWrite[]): Promise<PendingWrite[]> {
  let stored = 0;
  for (const write of queue) {
    try {
      await replayOne(write);
      stored++;
    } catch (error) {
      if (isRetryableWriteError(error)) return settleAttempt(queue, stored, errorLabel(error));
      // Replaying it can never succeed (the data itself is refused); keeping it would
      // block every write behind it.
      console.error('Skilltrail dropped a write it cannot store', write.writer, error);
      stored++;
    }
  }
  return [];
}

async function scheduleRetry(queue: PendingWrite[]): Promise<void> {
  const attempts = queue[0]?.attempts ?? 0;
  await browser.alarms.create(RETRY_ALARM, { delayInMinutes: retryDelayMs(attempts) / 60_000 });
}

async function notify(key: 'unsavedFull' | 'unsavedOther' | 'unsavedDone'): Promise<void> {
  try {
    await browser.notifications.create(UNSAVED_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: browser.i18n.getMessage(key === 'unsavedDone' ? 'unsavedDoneTitle' : 'unsavedTitle'),
      message: browser.i18n.getMessage(key),
    });
  } catch (error) {
    // A notification is a courtesy; the data is safe without it.
    console.warn('Skilltrail could not show a notification', error);
  }
}

export type WriteOutcome<R> =
  | { stored: true; value: R }
  /** `kept`: waiting in memory for a retry; otherwise the write was refused for good. */
  | { stored: false; kept: boolean; error: unknown };

/** Replays what waits, before anything new is written; returns what still waits. */
async function flush(): Promise<PendingWrite[]> {
  const queue = await loadQueue();
  if (queue.length === 0) return queue;
  const rest = await replay(queue);
  await saveQueue(rest);
  if (rest.length === 0) await drained();
  return rest;
}

/** Keeps one write at the end of the queue; tells the learner when the queue was empty. */
async function keep(queue: PendingWrite[], write: PendingWrite, failure: unknown): Promise<void> {
  const next = keepWrite(queue, write);
  await saveQueue(next);
  if (queue.length === 0) {
    await notify(isStorageFullError(failure) ? 'unsavedFull' : 'unsavedOther');
  }
  await scheduleRetry(next);
}

/** A write to keep, as the queue holds it. */
function kept<W extends WriterName>(
  writer: W,
  payload: WaitingWriters[W],
  failure: unknown,
  options: { key?: string; now?: number },
): PendingWrite {
  const write: PendingWriteOf<W> = {
    id: newId(),
    writer,
    key: options.key,
    payload,
    keptAt: options.now ?? Date.now(),
    attempts: 0,
    error: errorLabel(failure),
  };
  // The compiler paired `writer` with its payload above; it cannot widen a generic
  // member to the union itself.
  return write as PendingWrite;
}

function writesWaiting(): Error {
  const error = new Error('Older writes are waiting for room on the disk.');
  error.name = WRITES_WAITING;
  return error;
}

/**
 * Runs a write now, or keeps it for a retry when storage is full or unavailable. Writes
 * already waiting go first, so records are stored in the order they were made. Writes
 * with the same `key` replace each other while they wait.
 */
export function writeOrKeep<W extends WriterName>(
  writer: W,
  payload: WaitingWriters[W],
  options: { key?: string; now?: number } = {},
): Promise<WriteOutcome<WriterResult<W>>> {
  return serially(async () => {
    const queue = await flush();
    try {
      if (queue.length > 0) throw writesWaiting();
      return { stored: true, value: await store(writer, payload) };
    } catch (error) {
      if (!isRetryableWriteError(error)) return { stored: false, kept: false, error };
      await keep(queue, kept(writer, payload, error, options), error);
      return { stored: false, kept: true, error };
    }
  });
}

/** The writes a read-modify-write planned, and the result it returns when they must wait. */
export interface KeptPlan<R> {
  puts: RecordPuts;
  value: R;
}

/**
 * A read-modify-write that may meet a full disk (the tracker's step). Waiting writes are
 * replayed first. `task` reads through what still waits, and calls `beforeWrite()` just
 * before writing; if it fails for storage, the puts `planned()` then names are kept (in
 * order, after what waits) and its planned result is returned, so the caller carries on.
 */
export function writeThrough<R>(
  task: (waiting: WaitingRows) => Promise<R>,
  planned: () => KeptPlan<R> | undefined,
  options: { now?: number } = {},
): Promise<{ stored: true; value: R } | { stored: false; kept: true; value: R; error: unknown }> {
  return serially(async () => {
    const queue = await flush();
    const waiting: WaitingRows = {
      rows: waitingRows(queue),
      beforeWrite: () => {
        if (queue.length > 0) throw writesWaiting();
      },
    };
    try {
      return { stored: true, value: await task(waiting) };
    } catch (error) {
      const plan = isRetryableWriteError(error) ? planned() : undefined;
      if (!plan) throw error;
      await keep(queue, kept('put-records', plan.puts, error, options), error);
      return { stored: false, kept: true, value: plan.value, error };
    }
  });
}

async function drained(): Promise<void> {
  await browser.alarms.clear(RETRY_ALARM);
  await notify('unsavedDone');
}

/** Forgets waiting tracker rows and captures of deleted sessions or of a site. Run serially. */
async function forgetWaiting(forget: ForgetRecords): Promise<void> {
  const queue = await loadQueue();
  const rest = forgetCaptures(forgetRecords(queue, forget), forget);
  if (rest.length !== queue.length || rest.some((w, i) => w !== queue[i])) await saveQueue(rest);
  if (rest.length === 0 && queue.length > 0) await browser.alarms.clear(RETRY_ALARM);
}

/**
 * Deletes sessions with their pages, queries and captures, and every waiting write that
 * would bring them back (tracker rows, captures of their pages), in one turn of the write
 * queue: no replay can land between the two. Idempotent.
 */
export function deleteSessionsEverywhere(sessionIds: readonly string[]): Promise<EraseCounts> {
  return serially(async () => {
    const urls = await sessionUrls(db(), sessionIds);
    await forgetWaiting({ sessionIds, urls });
    return eraseSessions(db(), sessionIds);
  });
}

/**
 * "Never record this site": forgets every waiting write of the site (it was not recorded
 * yet, and now may not be) and, when the learner asked, deletes its records, in one turn of
 * the write queue. Idempotent.
 */
export function forgetSiteEverywhere(site: string, eraseRecords: boolean): Promise<void> {
  return serially(async () => {
    await forgetWaiting({ site });
    if (eraseRecords) await eraseSite(db(), site, Date.now());
  });
}

/**
 * "Delete all my data": the waiting writes are dropped first, then every table emptied,
 * in one turn of the write queue, so no replay can land after the erase (which frees the
 * room it waited for) and restore old records.
 */
export function eraseAllRecords(): Promise<void> {
  return serially(async () => {
    await saveQueue([]);
    await browser.alarms.clear(RETRY_ALARM);
    await eraseEverything(db());
  });
}

/** Replays the waiting writes now; returns how many still wait. */
export function retryPendingWrites(): Promise<number> {
  return serially(async () => {
    const rest = await flush();
    if (rest.length > 0) await scheduleRetry(rest);
    return rest.length;
  });
}

/** Retries on the alarm. Call synchronously in the background's main(). */
export function registerPendingWrites(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void retryPendingWrites();
  });
}
