import type { Table } from 'dexie';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { db, type SkilltrailDb } from '../../lib/db';
import { newId } from '../../lib/ids';
import {
  errorLabel,
  isRetryableWriteError,
  isStorageFullError,
  keepWrite,
  type PendingWrite,
  readQueue,
  retryDelayMs,
  settleAttempt,
} from '../../lib/pending-writes';

/**
 * Writes that fail because the disk is full (or storage is briefly unavailable) are kept
 * in memory and retried on an alarm; the learner gets one notification. A failed write is
 * one aborted transaction, so nothing already stored is touched, and nothing is deleted
 * to make room.
 */

/** A named database write whose payload can wait in memory and be replayed later. */
export interface Writer<P, R> {
  name: string;
  run: (database: SkilltrailDb, payload: P) => Promise<R>;
}

const writers = new Map<string, (database: SkilltrailDb, payload: unknown) => Promise<unknown>>();

/**
 * Names a write so it can be replayed after the worker restarts. Call at module load
 * (before any retry alarm can fire). The write must be idempotent: a retry may replay it
 * after a later write of the same record.
 */
export function defineWriter<P, R>(
  name: string,
  run: (database: SkilltrailDb, payload: P) => Promise<R>,
): Writer<P, R> {
  writers.set(name, run as (database: SkilltrailDb, payload: unknown) => Promise<unknown>);
  return { name, run };
}

/** The tables `putRecords` may write (every record table but the outbox, which sync owns). */
export type RecordTable = 'sessions' | 'visits' | 'searches' | 'skills' | 'captures' | 'meta';

/** Puts records into tables in one transaction: the tracker's writes. Idempotent. */
export const putRecords = defineWriter(
  'put-records',
  async (database, puts: { table: RecordTable; rows: unknown[] }[]) => {
    // The typed table properties, not db.table(name): the same tables tests and callers hold.
    const tableOf = (name: RecordTable) => database[name] as Table<unknown>;
    const tables = [...new Set(puts.map((p) => p.table))].map(tableOf);
    await database.transaction('rw', tables, async () => {
      for (const { table, rows } of puts) await tableOf(table).bulkPut(rows);
    });
  },
);

export const RETRY_ALARM = 'pending-writes-retry';
export const UNSAVED_NOTIFICATION = 'skilltrail-unsaved';

// storage.session lives in memory (never on the full disk) and outlasts a stopped worker.
const queueItem = storage.defineItem<PendingWrite[]>('session:pendingWrites', { fallback: [] });
// Only when storage.session itself refuses (its own quota): lasts while this worker lives.
let memoryOnly: PendingWrite[] | null = null;

async function loadQueue(): Promise<PendingWrite[]> {
  if (memoryOnly) return memoryOnly;
  return readQueue(await queueItem.getValue().catch(() => []));
}

async function saveQueue(queue: PendingWrite[]): Promise<void> {
  try {
    await queueItem.setValue(queue);
    memoryOnly = null;
  } catch {
    memoryOnly = queue;
  }
}

// One write or retry at a time, so replays keep their order and never race a new write.
let chain: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/** Replays waiting writes in order until one fails again; returns what still waits. */
async function replay(queue: PendingWrite[]): Promise<PendingWrite[]> {
  let stored = 0;
  for (const write of queue) {
    const run = writers.get(write.writer);
    try {
      if (!run) throw new Error(`No writer named ${write.writer}`);
      await run(db(), write.payload);
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

/**
 * Runs a write now, or keeps it for a retry when storage is full or unavailable. Writes
 * already waiting go first, so records are stored in the order they were made. Writes
 * with the same `key` replace each other while they wait.
 */
export function writeOrKeep<P, R>(
  writer: Writer<P, R>,
  payload: P,
  options: { key?: string; now?: number } = {},
): Promise<WriteOutcome<R>> {
  return serially(async () => {
    let queue = await loadQueue();
    const hadWaiting = queue.length > 0;
    if (hadWaiting) queue = await replay(queue);
    let failure: unknown = undefined;
    if (queue.length === 0) {
      try {
        const value = await writer.run(db(), payload);
        if (hadWaiting) await saveQueue([]).then(() => drained());
        return { stored: true, value };
      } catch (error) {
        if (!isRetryableWriteError(error)) {
          if (hadWaiting) await saveQueue([]).then(() => drained());
          return { stored: false, kept: false, error };
        }
        failure = error;
      }
    }
    const before = queue.length;
    queue = keepWrite(queue, {
      id: newId(),
      writer: writer.name,
      key: options.key,
      payload,
      keptAt: options.now ?? Date.now(),
      attempts: 0,
      error: failure === undefined ? 'Waiting' : errorLabel(failure),
    });
    await saveQueue(queue);
    if (!hadWaiting || before === 0) {
      await notify(isStorageFullError(failure) ? 'unsavedFull' : 'unsavedOther');
    }
    await scheduleRetry(queue);
    return { stored: false, kept: true, error: failure };
  });
}

async function drained(): Promise<void> {
  await browser.alarms.clear(RETRY_ALARM);
  await notify('unsavedDone');
}

/** Replays the waiting writes now; returns how many still wait. */
export function retryPendingWrites(): Promise<number> {
  return serially(async () => {
    const queue = await loadQueue();
    if (queue.length === 0) return 0;
    const rest = await replay(queue);
    await saveQueue(rest);
    if (rest.length === 0) await drained();
    else await scheduleRetry(rest);
    return rest.length;
  });
}

/** How many writes wait for a retry (for the dashboard, and tests). */
export async function countPendingWrites(): Promise<number> {
  return (await loadQueue()).length;
}

/** Retries on the alarm. Call synchronously in the background's main(). */
export function registerPendingWrites(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void retryPendingWrites();
  });
}
