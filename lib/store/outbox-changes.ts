/**
 * Finds the sessions that changed since the last look and queues their statements. Runs
 * on each sync alarm: Dexie hooks only see writes made in their own context, and the
 * tracker, popup and dashboard each write from theirs, so the database is the one place
 * every change shows (`updatedAt`).
 */
import type { SkilltrailDb } from './db';
import type { Session } from '../model';
import { queueSessions, type QueueResult, type SessionStatements } from './outbox';
import { inScope, type SyncScope } from '../sync/sync-config';
import type { XapiStatement } from '../export/xapi/statement';

const WATERMARK_KEY = 'syncWatermark';

/**
 * The watermark stays this far behind the clock: a session edited while the clock ran
 * slow (or after it ran fast and was set back) carries an `updatedAt` below the newest
 * seen, and must still be found. Sessions in that window are looked at again each run;
 * the outbox queues nothing for one whose statements did not change.
 */
const CLOCK_SKEW_MS = 24 * 60 * 60_000;

/** Sessions are read and queued this many at a time, so memory stays flat at any history size. */
const PAGE = 500;

export interface ChangeScanOptions {
  scope: SyncScope;
  /**
   * A session is sent once it ended this long ago: revisiting a page within the
   * "continue" gap extends the same session, and every extension would void and resend.
   * A stated activity (kind `away`) is never extended, so this does not hold it back.
   */
  settledAfterMs: number;
  /** An edit is sent once the learner left it alone this long (typing a note is many edits). */
  quietAfterMs?: number;
  /** The statements of some sessions, built by the xAPI exporter. */
  build: (sessions: readonly Session[]) => Promise<Map<string, XapiStatement[]>>;
}

export interface ChangeScanResult extends QueueResult {
  /** Sessions looked at. */
  scanned: number;
  /** Sessions left for a later run because they may still change. */
  unsettled: number;
}

/**
 * Queues the statements of every session changed since the last run, once it is settled,
 * and voids those of sessions that were dismissed, left the scope or were deleted.
 * Idempotent: running it twice queues nothing new. Safe to interrupt: the watermark
 * moves only after the sessions before it are queued.
 * @example await queueChangedSessions(db, Date.now(), { scope: 'kept', settledAfterMs: 30 * 60_000, build })
 */
export async function queueChangedSessions(
  db: SkilltrailDb,
  now: number,
  options: ChangeScanOptions,
): Promise<ChangeScanResult> {
  const quiet = options.quietAfterMs ?? 2 * 60_000;
  const total: ChangeScanResult = { queued: 0, voided: 0, unchanged: 0, scanned: 0, unsettled: 0 };
  const ceiling = now - CLOCK_SKEW_MS;
  // A watermark stored while the clock ran ahead is no higher than now allows.
  let cursor = Math.min(Number((await db.meta.get(WATERMARK_KEY))?.value ?? -1), ceiling);
  // Unsettled sessions hold the stored watermark back so the next run sees them again;
  // this run still pages on past them.
  let holdAt = Infinity;

  for (;;) {
    const page = await db.sessions.where('updatedAt').above(cursor).limit(PAGE).toArray();
    if (page.length === 0) break;
    // Several sessions may share the last `updatedAt`; finish that instant in this page.
    const last = page[page.length - 1]!.updatedAt;
    const sameInstant =
      page.length === PAGE ? await db.sessions.where('updatedAt').equals(last).toArray() : [];
    const sessions = [
      ...page.filter((s) => s.updatedAt !== last || page.length < PAGE),
      ...sameInstant,
    ];

    const ready: Session[] = [];
    const leave: Session[] = [];
    for (const s of sessions) {
      total.scanned++;
      // Times after now (from a backup, or a clock that ran ahead) are no live activity:
      // waiting for them would hold the session, and every later one, for good.
      // A stated activity has no end the tracker could extend: its end is noon of the day
      // stated, so only its edits are waited out.
      const live =
        (s.kind !== 'away' && s.endedAt <= now && now - s.endedAt < options.settledAfterMs) ||
        (s.updatedAt <= now && now - s.updatedAt < quiet);
      if (live) {
        total.unsettled++;
        holdAt = Math.min(holdAt, s.updatedAt);
      } else if (inScope(s.status, options.scope)) {
        ready.push(s);
      } else {
        leave.push(s);
      }
    }
    const built =
      ready.length > 0 ? await options.build(ready) : new Map<string, XapiStatement[]>();
    const items: SessionStatements[] = [
      ...ready.map((s) => ({ sessionId: s.id, statements: built.get(s.id) ?? [] })),
      // Out of scope now: whatever was sent for it is voided (nothing, if nothing was).
      ...leave.map((s) => ({ sessionId: s.id, statements: [] })),
    ];
    add(total, await queueSessions(db, items, now));
    cursor = last;
    await db.meta.put({ key: WATERMARK_KEY, value: Math.min(last, holdAt - 1, ceiling) });
    if (page.length < PAGE) break;
  }

  add(total, await voidDeletedSessions(db, now));
  return total;
}

function add(total: QueueResult, r: QueueResult): void {
  total.queued += r.queued;
  total.voided += r.voided;
  total.unchanged += r.unchanged;
}

/** Sessions the learner deleted leave no trace but their outbox rows: void what was sent. */
async function voidDeletedSessions(db: SkilltrailDb, now: number): Promise<QueueResult> {
  const queuedIds = (await db.outbox.orderBy('sessionId').uniqueKeys()) as string[];
  const gone: string[] = [];
  for (let i = 0; i < queuedIds.length; i += PAGE) {
    const ids = queuedIds.slice(i, i + PAGE);
    const found = await db.sessions.bulkGet(ids);
    found.forEach((s, j) => {
      if (!s) gone.push(ids[j]!);
    });
  }
  return queueSessions(
    db,
    gone.map((sessionId) => ({ sessionId, statements: [] })),
    now,
  );
}

/**
 * Makes the next run look at every session again (after the identity or scope changed:
 * every statement must be rebuilt). Nothing already queued identically is queued again.
 * @example await rescanAllSessions(db)
 */
export async function rescanAllSessions(db: SkilltrailDb): Promise<void> {
  await db.meta.delete(WATERMARK_KEY);
}

/** The general settings the statements are built from, as last used. */
const STATEMENT_SETTINGS_KEY = 'syncStatementSettings';

/**
 * Remembers the settings the statements are built from; when they differ from those last
 * remembered, every session is looked at again (`rescanAllSessions`). Idempotent: the
 * same settings again change nothing.
 */
export async function rescanIfStatementSettingsChanged(
  db: SkilltrailDb,
  used: Record<string, unknown>,
): Promise<void> {
  const before = (await db.meta.get(STATEMENT_SETTINGS_KEY))?.value;
  if (JSON.stringify(before) === JSON.stringify(used)) return;
  await db.meta.put({ key: STATEMENT_SETTINGS_KEY, value: used });
  if (before !== undefined) await rescanAllSessions(db);
}
