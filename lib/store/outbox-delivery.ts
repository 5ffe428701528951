/**
 * Delivers the outbox to the LRS: batches of at most 50, one by one when a batch is
 * refused, back-off on transient failures, a pause when the learner must act. Safe to
 * call from any context at any time: a lease in the database keeps two runners (the
 * background alarm and a "Sync now" click) from sending the same batch twice.
 */
import type { SkilltrailDb } from './db';
import { DEFAULT_BACKOFF, retryAt as nextRetryAt, type BackoffOptions } from '../sync/backoff';
import { getStatement, postStatements } from '../sync/lrs-client';
import type { LrsConfig } from '../sync/lrs-endpoint';
import { isTransient, needsLearner, type LrsError } from '../sync/lrs-errors';
import type { FetchLike } from '../sync/lrs-exchange';
import {
  countByState,
  markAttempted,
  markFailed,
  markSent,
  nextPending,
  requeueForNewEndpoint,
} from './outbox';
import { type OutboxEntry } from '../sync/outbox-entry';
import { sameStatement } from '../sync/statement';
import type { SyncResult, SyncState, SyncStatus } from '../sync/sync-status';

/** xAPI leaves batch size to the LRS; 50 keeps requests small enough for any of them. */
export const MAX_BATCH = 50;

/** How long a runner may hold the lease without renewing it (it renews every batch). */
const LEASE_MS = 90_000;

const STATE_KEY = 'syncState';
const LEASE_KEY = 'syncLease';

export interface SyncOptions {
  /** The learner asked: run despite a pause or a pending back-off. */
  force?: boolean;
  batchSize?: number;
  timeoutMs?: number;
  /** Stop starting new batches after this long (a worker may be stopped; the rest waits). */
  budgetMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
}

/**
 * The sync state, complete even when nothing was stored yet.
 * @example (await loadSyncState(db)).failures // 0
 */
export async function loadSyncState(db: SkilltrailDb): Promise<SyncState> {
  const stored = (await db.meta.get(STATE_KEY))?.value as Partial<SyncState> | undefined;
  return { failures: 0, ...stored };
}

async function updateState(
  db: SkilltrailDb,
  patch: (s: SyncState) => SyncState,
): Promise<SyncState> {
  return db.transaction('rw', db.meta, async () => {
    const next = patch(await loadSyncState(db));
    await db.meta.put({ key: STATE_KEY, value: next });
    return next;
  });
}

/**
 * Lifts a pause and any back-off: the learner changed the endpoint or credentials.
 * @example await resumeSync(db)
 */
export async function resumeSync(db: SkilltrailDb): Promise<void> {
  await updateState(db, ({ lastSyncAt, lastError }) => ({
    failures: 0,
    ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
    ...(lastError !== undefined ? { lastError } : {}),
  }));
}

/**
 * Pauses syncing with a reason the learner must act on (e.g. the LRS's site permission was
 * withdrawn). `resumeSync` or a forced run lifts it.
 * @example await pauseSync(db, { code: 'permission' }, Date.now())
 */
export async function pauseSync(db: SkilltrailDb, error: LrsError, now: number): Promise<void> {
  await updateState(db, (s) => ({ ...s, paused: error, lastError: { ...error, at: now } }));
}

/**
 * Counts and the last error, for the dashboard.
 * @example await syncStatus(db) // { pending: 2, sent: 40, failed: 0 }
 */
export async function syncStatus(db: SkilltrailDb): Promise<SyncStatus> {
  const [counts, state] = await Promise.all([countByState(db), loadSyncState(db)]);
  return {
    pending: counts.pending,
    sent: counts.sent,
    failed: counts.failed,
    ...(state.lastError ? { lastError: state.lastError } : {}),
    ...(state.retryAt !== undefined ? { retryAt: state.retryAt } : {}),
    ...(state.paused ? { paused: state.paused } : {}),
    ...(state.lastSyncAt !== undefined ? { lastSyncAt: state.lastSyncAt } : {}),
  };
}

/** Takes (or renews) the lease for `owner`; false while another runner holds it. Atomic. */
async function takeLease(db: SkilltrailDb, owner: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const lease = (await db.meta.get(LEASE_KEY))?.value as
      { owner: string; until: number } | undefined;
    if (lease && lease.owner !== owner && lease.until > now) return false;
    await db.meta.put({ key: LEASE_KEY, value: { owner, until: now + LEASE_MS } });
    return true;
  });
}

async function releaseLease(db: SkilltrailDb, owner: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const lease = (await db.meta.get(LEASE_KEY))?.value as { owner: string } | undefined;
    if (lease?.owner === owner) await db.meta.delete(LEASE_KEY);
  });
}

/** A batch's result; `stop` ends the run, `refusal` is the last statement-level refusal. */
type Outcome = { sent: number; failed: number; stop?: LrsError; refusal?: LrsError };

/**
 * Sends what the outbox holds, until it is empty, the LRS fails transiently (back-off, or
 * its `Retry-After`), the learner must act (401/403/wrong endpoint: paused), or the time
 * budget runs out. A statement the LRS refuses (400) is marked failed with its message;
 * a 409 counts as sent when the LRS holds the very same statement. Without `force`, a
 * pause or a back-off still running makes this a no-op. Never throws for LRS trouble.
 * @example const r = await syncNow(db, config, fetch, Date.now); if (r.retryAt) scheduleAt(r.retryAt);
 */
export async function syncNow(
  db: SkilltrailDb,
  config: LrsConfig,
  fetch: FetchLike,
  now: () => number,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const batchSize = Math.max(1, Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH));
  const budgetMs = options.budgetMs ?? Infinity;
  const requestOptions = { timeoutMs: options.timeoutMs, now };
  let state = await loadSyncState(db);
  const result = async (sent: number, failed: number, busy = false): Promise<SyncResult> => {
    const { pending } = await countByState(db);
    return {
      sent,
      failed,
      pending,
      ...(state.lastError ? { lastError: state.lastError } : {}),
      ...(state.retryAt !== undefined ? { retryAt: state.retryAt } : {}),
      paused: state.paused !== undefined,
      busy,
    };
  };

  if (!options.force && (state.paused || (state.retryAt ?? 0) > now())) return result(0, 0);
  const owner = crypto.randomUUID();
  if (!(await takeLease(db, owner, now()))) return result(0, 0, true);

  let sent = 0;
  let failed = 0;
  let stop: LrsError | undefined;
  let refusal: LrsError | undefined;
  const started = now();
  try {
    if (options.force)
      state = await updateState(db, ({ paused: _p, retryAt: _r, ...rest }) => rest);
    // Another LRS has none of what the last one got: everything current goes to it anew.
    if (state.deliveredTo !== config.endpoint) {
      if (state.deliveredTo !== undefined) await requeueForNewEndpoint(db);
      state = await updateState(db, (s) => ({ ...s, deliveredTo: config.endpoint }));
    }
    while (now() - started < budgetMs) {
      const batch = await nextPending(db, batchSize);
      if (batch.length === 0) break;
      const outcome = await sendBatch(db, config, fetch, now, batch, requestOptions);
      sent += outcome.sent;
      failed += outcome.failed;
      refusal = outcome.refusal ?? refusal;
      if (outcome.sent > 0)
        state = await updateState(db, (s) => ({ ...s, failures: 0, lastSyncAt: now() }));
      if (outcome.stop) {
        stop = outcome.stop;
        break;
      }
      if (!(await takeLease(db, owner, now()))) break;
    }
  } finally {
    await releaseLease(db, owner);
  }

  const at = now();
  if (stop) {
    const error = { ...stop, at };
    if (needsLearner(stop)) {
      state = await updateState(db, (s) => ({ ...s, paused: stop, lastError: error }));
    } else {
      state = await updateState(db, (s) => {
        const failures = s.failures + 1;
        const retry = nextRetryAt(
          at,
          failures,
          stop.retryAfterMs,
          options.backoff ?? DEFAULT_BACKOFF,
          options.random,
        );
        return { ...s, failures, retryAt: retry, lastError: error };
      });
    }
  } else if (refusal) {
    const error = { ...refusal, at };
    state = await updateState(db, ({ retryAt: _r, ...rest }) => ({ ...rest, lastError: error }));
  } else {
    // Everything this run touched went through: yesterday's error would only confuse.
    state = await updateState(db, ({ lastError: _e, retryAt: _r, ...rest }) => ({
      ...rest,
      failures: 0,
    }));
  }
  return result(sent, failed);
}

/** One POST for the batch; on a refusal that may concern single statements, one by one. */
async function sendBatch(
  db: SkilltrailDb,
  config: LrsConfig,
  fetch: FetchLike,
  now: () => number,
  batch: readonly OutboxEntry[],
  requestOptions: { timeoutMs?: number; now: () => number },
): Promise<Outcome> {
  const ids = batch.map((e) => e.id);
  await markAttempted(db, ids);
  const response = await postStatements(
    config,
    batch.map((e) => e.statement),
    fetch,
    requestOptions,
  );
  if (response.ok) {
    await markSent(db, ids, now());
    return { sent: ids.length, failed: 0 };
  }
  const error = response.error;
  if (isTransient(error) || needsLearner(error)) return { stop: error, sent: 0, failed: 0 };
  if (batch.length === 1)
    return settleRefusal(db, config, fetch, now, batch[0]!, error, requestOptions);

  // A 400 or 409 names no statement reliably: find the culprits by sending one at a time.
  const total: Outcome = { sent: 0, failed: 0 };
  for (const entry of batch) {
    const one = await sendBatch(db, config, fetch, now, [entry], requestOptions);
    total.sent += one.sent;
    total.failed += one.failed;
    total.refusal = one.refusal ?? total.refusal;
    if (one.stop) return { ...total, stop: one.stop };
  }
  return total;
}

/** A single statement refused with 400/409/…: sent after all, or failed with the reason. */
async function settleRefusal(
  db: SkilltrailDb,
  config: LrsConfig,
  fetch: FetchLike,
  now: () => number,
  entry: OutboxEntry,
  error: LrsError,
  requestOptions: { timeoutMs?: number; now: () => number },
): Promise<Outcome> {
  if (error.code === 'conflict') {
    const stored = await getStatement(config, entry.id, fetch, requestOptions);
    if (!stored.ok) {
      if (isTransient(stored.error)) return { stop: stored.error, sent: 0, failed: 0 };
      // Credentials that may write but not read cannot check; the id is ours (derived
      // from our own record), so the LRS holding it means an earlier send arrived.
      if (stored.error.code === 'forbidden') {
        await markSent(db, [entry.id], now());
        return { sent: 1, failed: 0 };
      }
      return { stop: stored.error, sent: 0, failed: 0 };
    }
    if (sameStatement(entry.statement, stored.statement)) {
      await markSent(db, [entry.id], now());
      return { sent: 1, failed: 0 };
    }
    await markFailed(
      db,
      entry.id,
      `409: the LRS holds a different statement with id ${entry.id}${error.detail ? ` (${error.detail})` : ''}`,
    );
    return { sent: 0, failed: 1, refusal: error };
  }
  await markFailed(
    db,
    entry.id,
    `${error.status ?? ''}${error.detail ? `: ${error.detail}` : ''}`.trim(),
  );
  return { sent: 0, failed: 1, refusal: error };
}
