/**
 * The outbox: every statement bound for the Learning Record Store, with its delivery
 * state. Statements are immutable once an LRS has them, so an edited session never
 * changes a queued statement: its old statements are voided and a new revision queued.
 */
import { Dexie } from 'dexie';
import type { SkilltrailDb } from './db';
import {
  contentHash,
  derivedId,
  remapStatementRefs,
  revisionId,
  voidingStatement,
} from '../sync/statement';
import type { XapiStatement } from '../export/xapi/statement';
import type { OutboxEntry, OutboxState } from '../sync/outbox-entry';

export interface SessionStatements {
  sessionId: string;
  /** The session's statements now; empty when it was dismissed or deleted. */
  statements: readonly XapiStatement[];
}

export interface QueueResult {
  /** New statements put in the outbox. */
  queued: number;
  /** Voiding statements put in the outbox for statements the LRS may already have. */
  voided: number;
  /** Sessions whose statements were already queued exactly like this. */
  unchanged: number;
}

/**
 * Queues one session's statements: see `queueSessions`.
 * @example await queueSession(db, session.id, sessionStatements(session), Date.now())
 */
export async function queueSession(
  db: SkilltrailDb,
  sessionId: string,
  statements: readonly XapiStatement[],
  now: number,
): Promise<QueueResult> {
  return queueSessions(db, [{ sessionId, statements }], now);
}

/**
 * Queues the statements of several sessions, in one transaction (atomic: all or none).
 * Idempotent: the same statements for a session queue nothing the second time. When a
 * session's statements differ from those last queued, the old ones are superseded — the
 * ones that may have reached the LRS get a voiding statement — and the new ones are
 * queued as the next revision with new ids (StatementRefs among them follow).
 * @example await queueSessions(db, [{ sessionId, statements }], Date.now())
 */
export async function queueSessions(
  db: SkilltrailDb,
  items: readonly SessionStatements[],
  now: number,
): Promise<QueueResult> {
  const result: QueueResult = { queued: 0, voided: 0, unchanged: 0 };
  if (items.length === 0) return result;
  const timestamp = new Date(now).toISOString();
  return db.transaction('rw', db.outbox, async () => {
    const sessionIds = [...new Set(items.map((i) => i.sessionId))];
    // One equality lookup per session, in parallel: anyOf() walks a cursor, which is far
    // slower on fake-indexeddb (quadratic) and no faster on a real IndexedDB.
    const lists = await Promise.all(
      sessionIds.map((id) => db.outbox.where('sessionId').equals(id).toArray()),
    );
    const bySession = new Map(sessionIds.map((id, i) => [id, lists[i]!]));
    // Which session already holds each exporter id: a statement id names one statement,
    // so a record that moved to another session gets a new id there.
    const sourceIds = [...new Set(items.flatMap((i) => i.statements.map((s) => s.id)))];
    const holders = await db.outbox.bulkGet(sourceIds);
    const holder = new Map(sourceIds.map((id, i) => [id, holders[i]?.sessionId]));

    const writes = new Map<string, OutboxEntry>();
    for (const item of items) {
      const entries = bySession.get(item.sessionId) ?? [];
      const live = entries.filter((e) => e.kind === 'statement' && e.state !== 'superseded');
      const fingerprints = new Map(item.statements.map((s) => [s.id, contentHash(s)]));
      const unchanged =
        live.length === fingerprints.size &&
        live.every((e) => fingerprints.get(e.sourceId) === e.fingerprint);
      if (unchanged) {
        result.unchanged++;
        continue;
      }
      const foreign = (id: string) => {
        const owner = writes.get(id)?.sessionId ?? holder.get(id);
        return owner !== undefined && owner !== item.sessionId;
      };
      const next = reviseSession(item, entries, fingerprints, foreign, now, timestamp);
      for (const w of next.writes) writes.set(w.id, w);
      result.queued += next.queued;
      result.voided += next.voided;
      // The same session twice in one call: the second sees the first's rows.
      bySession.set(item.sessionId, [
        ...entries.filter((e) => !writes.has(e.id)),
        ...next.writes.filter((w) => w.sessionId === item.sessionId),
      ]);
    }
    if (writes.size === 0) return result;
    // Last guard: never overwrite another session's row (derived ids make this unreachable).
    const ids = [...writes.keys()];
    const current = await db.outbox.bulkGet(ids);
    current.forEach((e, i) => {
      if (e && e.sessionId !== writes.get(ids[i]!)!.sessionId) {
        const skipped = writes.get(ids[i]!)!;
        writes.delete(ids[i]!);
        if (skipped.kind === 'statement' && skipped.state === 'pending') result.queued--;
      }
    });
    await db.outbox.bulkPut([...writes.values()]);
    return result;
  });
}

/** The rows that replace a session's live statements by `item.statements`. */
function reviseSession(
  item: SessionStatements,
  entries: readonly OutboxEntry[],
  fingerprints: ReadonlyMap<string, string>,
  foreign: (sourceId: string) => boolean,
  now: number,
  timestamp: string,
): { writes: OutboxEntry[]; queued: number; voided: number } {
  const writes: OutboxEntry[] = [];
  let voided = 0;
  for (const entry of entries) {
    if (entry.kind !== 'statement' || entry.state === 'superseded') continue;
    writes.push({ ...entry, state: 'superseded' });
    // A statement that never left the device, or that the LRS refused, needs no void.
    const mayBeStored = entry.state === 'sent' || (entry.state === 'pending' && entry.attempts > 0);
    if (!mayBeStored) continue;
    const statement = voidingStatement(entry.statement, timestamp);
    writes.push({
      id: statement.id,
      sessionId: item.sessionId,
      sourceId: entry.id,
      revision: entry.revision,
      kind: 'void',
      statement,
      fingerprint: '',
      state: 'pending',
      queuedAt: now,
      attempts: 0,
    });
    voided++;
  }

  const revision = entries.length === 0 ? 0 : Math.max(...entries.map((e) => e.revision)) + 1;
  const ids = new Map(
    item.statements.map((s) => [
      s.id,
      foreign(s.id)
        ? derivedId(`${s.id}:session:${item.sessionId}:rev:${revision}`)
        : revisionId(s.id, revision),
    ]),
  );
  for (const source of item.statements) {
    const statement = { ...remapStatementRefs(source, ids), id: ids.get(source.id)! };
    writes.push({
      id: statement.id,
      sessionId: item.sessionId,
      sourceId: source.id,
      revision,
      kind: 'statement',
      statement,
      fingerprint: fingerprints.get(source.id)!,
      state: 'pending',
      queuedAt: now,
      attempts: 0,
    });
  }
  return { writes, queued: item.statements.length, voided };
}

/**
 * The next statements to send, oldest first (voids queue after what they void).
 * @example await nextPending(db, 50)
 */
export async function nextPending(db: SkilltrailDb, limit: number): Promise<OutboxEntry[]> {
  return db.outbox
    .where('[state+queuedAt]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .limit(limit)
    .toArray();
}

/**
 * How many entries are in each state.
 * @example await countByState(db) // { pending: 3, sent: 120, failed: 0, superseded: 4 }
 */
export async function countByState(db: SkilltrailDb): Promise<Record<OutboxState, number>> {
  const count = (state: OutboxState) =>
    db.outbox
      .where('[state+queuedAt]')
      .between([state, Dexie.minKey], [state, Dexie.maxKey])
      .count();
  const [pending, sent, failed, superseded] = await Promise.all([
    count('pending'),
    count('sent'),
    count('failed'),
    count('superseded'),
  ]);
  return { pending, sent, failed, superseded };
}

/**
 * Marks entries sent; entries superseded meanwhile stay superseded (their void is queued).
 * Atomic.
 * @example await markSent(db, ['6f0d…'], Date.now())
 */
export async function markSent(
  db: SkilltrailDb,
  ids: readonly string[],
  now: number,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entries = await db.outbox.bulkGet([...ids]);
    await db.outbox.bulkPut(
      entries.flatMap((e) =>
        e && e.state === 'pending'
          ? [{ ...e, state: 'sent' as const, sentAt: now, error: undefined }]
          : [],
      ),
    );
  });
}

/**
 * Marks an entry refused by the LRS, with its reason. Atomic.
 * @example await markFailed(db, '6f0d…', 'Problem in statements.0.actor')
 */
export async function markFailed(db: SkilltrailDb, id: string, error: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(id);
    if (entry?.state === 'pending') await db.outbox.put({ ...entry, state: 'failed', error });
  });
}

/**
 * Counts one more request carrying these entries, before it is sent: if the worker stops
 * mid-request, the entries are known to be possibly stored. Atomic.
 * @example await markAttempted(db, batch.map((e) => e.id))
 */
export async function markAttempted(db: SkilltrailDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entries = await db.outbox.bulkGet([...ids]);
    await db.outbox.bulkPut(
      entries.flatMap((e) => (e ? [{ ...e, attempts: e.attempts + 1 }] : [])),
    );
  });
}

/**
 * Puts every failed entry back in the queue (after the learner fixed the cause, e.g. the
 * LRS's configuration). Returns how many. Atomic.
 * @example await retryFailed(db) // 2
 */
export async function retryFailed(db: SkilltrailDb): Promise<number> {
  return db.outbox
    .where('[state+queuedAt]')
    .between(['failed', Dexie.minKey], ['failed', Dexie.maxKey])
    .modify((e) => {
      e.state = 'pending';
      e.error = undefined;
    });
}

/**
 * Prepares the outbox for another LRS: the current statements of every session become
 * pending again (the new LRS has none of them) and voids are dropped (they would void
 * statements the new LRS never had). Superseded rows stay, so revision ids never repeat.
 * Atomic. Returns how many statements will be sent again.
 * @example await requeueForNewEndpoint(db) // 240
 */
export async function requeueForNewEndpoint(db: SkilltrailDb): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.toArray();
    const voids = rows.filter((e) => e.kind === 'void').map((e) => e.id);
    const again = rows.filter((e) => e.kind === 'statement' && e.state !== 'superseded');
    await db.outbox.bulkDelete(voids);
    await db.outbox.bulkPut(
      again.map(({ sentAt: _s, error: _e, ...e }) => ({
        ...e,
        state: 'pending' as const,
        attempts: 0,
      })),
    );
    return again.length;
  });
}
