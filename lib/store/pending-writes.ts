/**
 * Writes that could not be stored yet (the disk is full, the browser's storage quota is
 * reached) and wait in memory for a retry. Pure: the queue is data, every change returns a
 * new queue. The background keeps the queue and runs the retries.
 */
import type { MetaRecord } from './db';
import type { Capture, Search, Session, Visit } from '../model';
import { isExcluded } from '../url';

/** The rows of each table the tracker's waiting writes may put. */
export interface TrackedRows {
  sessions: Session;
  visits: Visit;
  searches: Search;
  meta: MetaRecord;
}
export type RecordTable = keyof TrackedRows;

/** Rows to put into one table. `fresh` names the rows not stored when the write was planned. */
export type RecordPutOf<T extends RecordTable> = {
  table: T;
  rows: TrackedRows[T][];
  fresh?: string[];
};
export type RecordPut = { [T in RecordTable]: RecordPutOf<T> }[RecordTable];

/**
 * The tracker's rows, table by table in order: the payload of the `put-records` writer.
 * Any row not in `fresh` that is gone by the time the write is replayed was deleted
 * meanwhile. Without `fresh`, every row is taken as new.
 */
export type RecordPuts = RecordPut[];

/** A capture to store (`recordCapture`'s arguments): the payload of the `capture` writer. */
export interface CapturePayload {
  shaped: Omit<Capture, 'id' | 'sessionId' | 'capturedAt'>;
  now: number;
  sessionId: string | null;
  automatic?: boolean;
}

/**
 * The one table of writes that may wait: each writer's name and the payload it replays.
 * The background maps each name to the function that stores it; the compiler checks that
 * every name has one and that every kept payload fits its writer.
 */
export interface WaitingWriters {
  /** The tracker's rows (`putTrackedRecords`). */
  'put-records': RecordPuts;
  /** A capture (`recordCapture`), idempotent per URL. */
  capture: CapturePayload;
}
export type WriterName = keyof WaitingWriters;

/** A write kept for later: which writer replays it, with what. */
interface KeptWrite<W extends WriterName> {
  id: string;
  writer: W;
  /**
   * Writes with the same writer and key replace each other: a capture of one URL kept
   * twice needs storing once, in its latest state.
   */
  key?: string;
  /** Plain, structured-cloneable data. */
  payload: WaitingWriters[W];
  keptAt: number;
  attempts: number;
  /** Name of the last error, for the learner and for debugging; never the payload. */
  error: string;
}
/** A kept write of one of the writers `W`, each with its own payload. */
export type PendingWriteOf<W extends WriterName> = { [K in W]: KeptWrite<K> }[W];
export type PendingWrite = PendingWriteOf<WriterName>;

/** Every writer's name, for reading a stored queue (a missing name fails to compile). */
const WRITER_NAMES: Record<WriterName, true> = { 'put-records': true, capture: true };

/**
 * The name of the error a read-modify-write throws instead of writing while older writes
 * still wait: writing now would land before them and be overwritten by stale data later.
 */
export const WRITES_WAITING = 'WritesWaitingError';

/** Error names that mean "could not store now, may work later": nothing is wrong with the data. */
const RETRYABLE = new Set([
  'QuotaExceededError',
  'AbortError',
  'UnknownError',
  'TimeoutError',
  'DatabaseClosedError',
  'OpenFailedError',
  'InvalidStateError',
  WRITES_WAITING,
]);

/** Names along an error's chain: Dexie wraps the browser's DOMException in `inner`. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return names;
}

/**
 * Whether a failed write is worth keeping and retrying: storage full or unavailable,
 * not a bug in the data (a `ConstraintError` or `DataError` would fail again forever).
 * @example isRetryableWriteError(new DOMException('full', 'QuotaExceededError')) // true
 * @example isRetryableWriteError(new TypeError('x')) // false
 */
export function isRetryableWriteError(error: unknown): boolean {
  return errorNames(error).some((name) => RETRYABLE.has(name));
}

/**
 * Whether the failure is the disk or quota being full, which the learner can fix.
 * @example isStorageFullError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }) // true
 */
export function isStorageFullError(error: unknown): boolean {
  return errorNames(error).includes('QuotaExceededError');
}

/**
 * The name to record for a failed write, most specific first.
 * @example errorLabel({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }) // 'QuotaExceededError'
 */
export function errorLabel(error: unknown): string {
  const names = errorNames(error);
  return names.includes('QuotaExceededError')
    ? 'QuotaExceededError'
    : (names[names.length - 1] ?? 'Error');
}

/**
 * The queue with one more write at its end. A write with the same writer and key as one
 * already waiting replaces it in place (its first kept time stays), so order holds and
 * the queue grows with distinct records, not with every change. Two `put-records` writes
 * with nothing between them become one (`mergeRecordPuts`).
 * @example keepWrite([], { id: '1', writer: 'put-records', payload: [], keptAt: 0, attempts: 0, error: '' }).length // 1
 */
export function keepWrite(queue: readonly PendingWrite[], write: PendingWrite): PendingWrite[] {
  const last = queue[queue.length - 1];
  if (
    last?.writer === 'put-records' &&
    write.writer === 'put-records' &&
    last.key === undefined &&
    write.key === undefined
  ) {
    const payload = mergeRecordPuts(last.payload, write.payload);
    return [...queue.slice(0, -1), { ...last, payload }];
  }
  if (write.key !== undefined) {
    const i = queue.findIndex((w) => w.writer === write.writer && w.key === write.key);
    if (i >= 0) {
      const next = [...queue];
      next[i] = { ...write, keptAt: queue[i]!.keptAt, attempts: queue[i]!.attempts };
      return next;
    }
  }
  return [...queue, write];
}

/**
 * The queue after an attempt at its writes in order: the first `stored` are gone; the
 * write that failed (if any) counts one more attempt; the rest wait untouched.
 * @example settleAttempt(queue, 2, 'QuotaExceededError') // queue from its third write on
 */
export function settleAttempt(
  queue: readonly PendingWrite[],
  stored: number,
  error?: string,
): PendingWrite[] {
  const rest = queue.slice(stored);
  if (error === undefined || rest.length === 0) return rest;
  const [failed, ...others] = rest;
  return [{ ...failed!, attempts: failed!.attempts + 1, error }, ...others];
}

/** The first retry comes after 30 s (the shortest alarm Chrome allows), the longest gap is 15 min. */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 15 * 60_000;

/**
 * How long to wait before the next retry, doubling with each failed attempt.
 * @example retryDelayMs(0) // 30_000
 * @example retryDelayMs(10) // 900_000
 */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(0, Math.min(20, Math.floor(attempts)));
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** n);
}

/**
 * Reads a stored queue, trusting nothing: entries without a known writer or an id are dropped.
 * @example readQueue(undefined) // []
 */
export function readQueue(value: unknown): PendingWrite[] {
  if (!Array.isArray(value)) return [];
  return value.filter((w: unknown): w is PendingWrite => {
    if (!w || typeof w !== 'object') return false;
    const { id, writer, keptAt, attempts } = w as Record<string, unknown>;
    return (
      typeof id === 'string' &&
      typeof writer === 'string' &&
      Object.hasOwn(WRITER_NAMES, writer) &&
      typeof keptAt === 'number' &&
      typeof attempts === 'number'
    );
  });
}

/**
 * The primary key of a row: `key` in the `meta` table, `id` everywhere else.
 * @example recordKey({ key: 'tracker', value: {} }) // 'tracker'
 */
export function recordKey(row: TrackedRows[RecordTable]): string {
  return 'key' in row ? row.key : row.id;
}

/** Each row's latest version, in the order first put. */
function latestRows<R extends TrackedRows[RecordTable]>(rows: readonly R[]): R[] {
  const byKey = new Map<string, R>();
  for (const row of rows) byKey.set(recordKey(row), row);
  return [...byKey.values()];
}

/** The rows and fresh ids of every put into one table, as one put. */
function mergeTable<T extends RecordTable>(
  table: T,
  puts: readonly RecordPutOf<T>[],
): RecordPutOf<T> {
  const rows = latestRows(puts.flatMap((p) => p.rows));
  const fresh = puts.some((p) => p.fresh)
    ? [...new Set(puts.flatMap((p) => p.fresh ?? []))]
    : undefined;
  return { table, rows, ...(fresh ? { fresh } : {}) };
}

/** The puts into one table (a type guard on the table's name). */
function putsInto<T extends RecordTable>(
  puts: readonly RecordPut[],
  table: T,
): Extract<RecordPut, { table: T }>[] {
  return puts.filter((p): p is Extract<RecordPut, { table: T }> => p.table === table);
}

/**
 * Two batches of puts as one: each row's latest version, in the order first put. Puts
 * are idempotent, so storing the merged batch leaves what storing both in turn would.
 * @example mergeRecordPuts([{ table: 'sessions', rows: [a1] }], [{ table: 'sessions', rows: [a2] }]) // [{ table: 'sessions', rows: [a2] }]
 */
export function mergeRecordPuts(earlier: RecordPuts, later: RecordPuts): RecordPuts {
  const all = [...earlier, ...later];
  const tables = [...new Set(all.map((p) => p.table))];
  return tables.map((table): RecordPut => {
    switch (table) {
      case 'sessions':
        return mergeTable(table, putsInto(all, table));
      case 'visits':
        return mergeTable(table, putsInto(all, table));
      case 'searches':
        return mergeTable(table, putsInto(all, table));
      case 'meta':
        return mergeTable(table, putsInto(all, table));
    }
  });
}

/** Which waiting records to forget: those of some sessions (by id, or their pages' URLs), or of one site. */
export interface ForgetRecords {
  sessionIds?: readonly string[];
  /** The URLs of the deleted sessions: a capture waiting for one would make its session anew. */
  urls?: readonly string[];
  site?: string;
}

/**
 * The queue without the waiting captures of deleted sessions (by session id or URL) or of
 * a site, so a replay never makes again what the learner deleted or excluded.
 * @example forgetCaptures(queue, { site: 'example.org' })
 */
export function forgetCaptures(
  queue: readonly PendingWrite[],
  forget: ForgetRecords,
): PendingWrite[] {
  const ids = new Set(forget.sessionIds ?? []);
  const urls = new Set(forget.urls ?? []);
  return queue.filter((write) => {
    if (write.writer !== 'capture') return true;
    const { shaped, sessionId } = write.payload;
    if (sessionId !== null && ids.has(sessionId)) return false;
    if (urls.has(shaped.url)) return false;
    return !(forget.site !== undefined && isExcluded(shaped.url, [forget.site]));
  });
}

/** Whether a session, page or query belongs to a site (by its URL). */
function ofSite(row: Session | Visit | Search, site: string | undefined): boolean {
  return site !== undefined && isExcluded(row.url, [site]);
}

/** A put without the rows `forgotten` names (the same table, fewer rows). */
function withoutRows<T extends RecordTable>(
  put: RecordPutOf<T>,
  forgotten: (row: TrackedRows[T]) => boolean,
): RecordPutOf<T> {
  return { ...put, rows: put.rows.filter((row) => !forgotten(row)) };
}

/**
 * The queue without the waiting rows of deleted sessions (their pages and queries too),
 * so a replay never brings back what the learner deleted. Writes left empty go.
 * @example forgetRecords(queue, { sessionIds: ['a1'] })
 */
export function forgetRecords(
  queue: readonly PendingWrite[],
  forget: ForgetRecords,
): PendingWrite[] {
  const ids = new Set(forget.sessionIds ?? []);
  const { site } = forget;
  // A session forgotten by its site takes its pages and queries with it.
  for (const write of queue) {
    if (write.writer !== 'put-records') continue;
    for (const put of putsInto(write.payload, 'sessions')) {
      for (const row of put.rows) if (ofSite(row, site)) ids.add(row.id);
    }
  }
  const ofForgotten = (row: Visit | Search) => ids.has(row.sessionId) || ofSite(row, site);
  return queue.flatMap((write): PendingWrite[] => {
    if (write.writer !== 'put-records') return [write];
    const puts = write.payload
      .map((put): RecordPut => {
        switch (put.table) {
          case 'sessions':
            return withoutRows(put, (row) => ids.has(row.id));
          case 'visits':
            return withoutRows(put, ofForgotten);
          case 'searches':
            return withoutRows(put, ofForgotten);
          case 'meta':
            return put;
        }
      })
      .filter((p) => p.rows.length > 0);
    return puts.length > 0 ? [{ ...write, payload: puts }] : [];
  });
}

/** The latest waiting version of the rows a read-modify-write reads through. */
export interface WaitingRowsByTable {
  sessions: Map<string, Session>;
  meta: Map<string, MetaRecord>;
}

/**
 * The latest waiting version of each session and meta row in a queue's `put-records`
 * writes, so a read-modify-write sees what it wrote before even while the disk is full.
 * @example waitingRows(queue).sessions.get(id)
 */
export function waitingRows(queue: readonly PendingWrite[]): WaitingRowsByTable {
  const out: WaitingRowsByTable = { sessions: new Map(), meta: new Map() };
  for (const write of queue) {
    if (write.writer !== 'put-records') continue;
    for (const put of putsInto(write.payload, 'sessions')) {
      for (const row of put.rows) out.sessions.set(row.id, row);
    }
    for (const put of putsInto(write.payload, 'meta')) {
      for (const row of put.rows) out.meta.set(row.key, row);
    }
  }
  return out;
}
