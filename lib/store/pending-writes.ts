/**
 * Writes that could not be stored yet (the disk is full, the browser's storage quota is
 * reached) and wait in memory for a retry. Pure: the queue is data, every change returns a
 * new queue. The background keeps the queue and runs the retries.
 */
import { isExcluded } from '../url';

/** A write kept for later: which writer replays it, with what. */
export interface PendingWrite {
  id: string;
  /** The name of the writer that replays it (registered by the background). */
  writer: string;
  /**
   * Writes with the same writer and key replace each other: the tracker puts one session
   * many times, and only the latest state needs storing.
   */
  key?: string;
  /** Plain, structured-cloneable data. */
  payload: unknown;
  keptAt: number;
  attempts: number;
  /** Name of the last error, for the learner and for debugging; never the payload. */
  error: string;
}

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
 * the queue grows with distinct records, not with every change.
 * @example keepWrite([], { id: '1', writer: 'put', payload: {}, keptAt: 0, attempts: 0, error: '' }).length // 1
 */
export function keepWrite(
  queue: readonly PendingWrite[],
  write: PendingWrite,
  merge?: (earlier: unknown, later: unknown) => unknown,
): PendingWrite[] {
  const last = queue[queue.length - 1];
  // Two writes of the same writer with nothing between them can become one.
  if (
    merge &&
    last &&
    last.writer === write.writer &&
    last.key === undefined &&
    write.key === undefined
  ) {
    return [...queue.slice(0, -1), { ...last, payload: merge(last.payload, write.payload) }];
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
 * Reads a stored queue, trusting nothing: entries without a writer or id are dropped.
 * @example readQueue(undefined) // []
 */
export function readQueue(value: unknown): PendingWrite[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (w): w is PendingWrite =>
      !!w &&
      typeof w === 'object' &&
      typeof (w as PendingWrite).id === 'string' &&
      typeof (w as PendingWrite).writer === 'string' &&
      typeof (w as PendingWrite).keptAt === 'number' &&
      typeof (w as PendingWrite).attempts === 'number',
  );
}

/**
 * Rows to put into tables, in order: the payload of the background's `putRecords` writer.
 * `fresh` names the rows that were not stored when the write was planned (new records):
 * any other row gone by the time the write is replayed was deleted meanwhile. Without
 * `fresh`, every row is taken as new.
 */
export type RecordPuts = { table: string; rows: unknown[]; fresh?: string[] }[];

/**
 * The primary key of a row: `key` in the `meta` table, `id` everywhere else.
 * @example recordKey('meta', { key: 'tracker', value: {} }) // 'tracker'
 */
export function recordKey(table: string, row: unknown): string {
  const r = (row ?? {}) as { id?: unknown; key?: unknown };
  return String(table === 'meta' ? r.key : r.id);
}

/**
 * Two batches of puts as one: each row's latest version, in the order first put. Puts
 * are idempotent, so storing the merged batch leaves what storing both in turn would.
 * @example mergeRecordPuts([{ table: 'sessions', rows: [a1] }], [{ table: 'sessions', rows: [a2] }]) // [{ table: 'sessions', rows: [a2] }]
 */
export function mergeRecordPuts(earlier: unknown, later: unknown): RecordPuts {
  const rows = new Map<string, Map<string, unknown>>();
  const fresh = new Map<string, Set<string>>();
  for (const batch of [earlier, later] as RecordPuts[]) {
    for (const { table, rows: list, fresh: ids } of Array.isArray(batch) ? batch : []) {
      const byKey = rows.get(table) ?? new Map<string, unknown>();
      rows.set(table, byKey);
      for (const row of list) byKey.set(recordKey(table, row), row);
      if (ids) fresh.set(table, new Set([...(fresh.get(table) ?? []), ...ids]));
    }
  }
  return [...rows].map(([table, byKey]) => {
    const ids = fresh.get(table);
    return { table, rows: [...byKey.values()], ...(ids ? { fresh: [...ids] } : {}) };
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
 * @example forgetCaptures(queue, 'capture', { site: 'example.org' })
 */
export function forgetCaptures(
  queue: readonly PendingWrite[],
  writer: string,
  forget: ForgetRecords,
): PendingWrite[] {
  const ids = new Set(forget.sessionIds ?? []);
  const urls = new Set(forget.urls ?? []);
  return queue.filter((write) => {
    if (write.writer !== writer) return true;
    const p = (write.payload ?? {}) as { shaped?: { url?: unknown }; sessionId?: unknown };
    const url = typeof p.shaped?.url === 'string' ? p.shaped.url : '';
    if (typeof p.sessionId === 'string' && ids.has(p.sessionId)) return false;
    if (urls.has(url)) return false;
    return !(forget.site !== undefined && url && isExcluded(url, [forget.site]));
  });
}

/**
 * The queue without the waiting rows of deleted sessions (their pages and queries too),
 * so a replay never brings back what the learner deleted. Writes left empty go.
 * @example forgetRecords(queue, 'put-records', { sessionIds: ['a1'] })
 */
export function forgetRecords(
  queue: readonly PendingWrite[],
  writer: string,
  forget: ForgetRecords,
): PendingWrite[] {
  const ours = (w: PendingWrite) => w.writer === writer && Array.isArray(w.payload);
  const ids = new Set(forget.sessionIds ?? []);
  const site = forget.site;
  const ofSite = (row: unknown): boolean => {
    const r = (row ?? {}) as { url?: unknown; domain?: unknown };
    const url = typeof r.url === 'string' ? r.url : `https://${String(r.domain)}/`;
    return site !== undefined && isExcluded(url, [site]);
  };
  // A session forgotten by its site takes its pages and queries with it.
  for (const write of queue.filter(ours)) {
    for (const { table, rows } of write.payload as RecordPuts) {
      if (table !== 'sessions') continue;
      for (const row of rows) if (ofSite(row)) ids.add(recordKey(table, row));
    }
  }
  const forgotten = (table: string, row: unknown): boolean => {
    if (table === 'sessions') return ids.has(recordKey(table, row));
    if (table !== 'visits' && table !== 'searches') return false;
    return ids.has(String((row as { sessionId?: unknown }).sessionId)) || ofSite(row);
  };
  return queue.flatMap((write) => {
    if (!ours(write)) return [write];
    const puts = (write.payload as RecordPuts)
      .map((p) => ({ ...p, rows: p.rows.filter((row) => !forgotten(p.table, row)) }))
      .filter((p) => p.rows.length > 0);
    return puts.length > 0 ? [{ ...write, payload: puts }] : [];
  });
}

/**
 * The latest waiting version of each row in a queue's `putRecords` writes, so a
 * read-modify-write sees what it wrote before even while the disk is full.
 * @example waitingRows(queue, 'put-records').get('sessions')?.get(id)
 */
export function waitingRows(
  queue: readonly PendingWrite[],
  writer: string,
): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const write of queue) {
    if (write.writer !== writer) continue;
    for (const { table, rows } of mergeRecordPuts([], write.payload)) {
      const byKey = out.get(table) ?? new Map<string, unknown>();
      out.set(table, byKey);
      for (const row of rows) byKey.set(recordKey(table, row), row);
    }
  }
  return out;
}
