/**
 * The tracker in the database: its state between events (`meta`, under `tracker`), and one
 * event applied as one transaction over sessions, visits, searches and the state. What
 * the tracker decides is `lib/tracking/` (step, records); this file only reads and writes.
 */
import type { SkilltrailDb } from './db';
import type { RecordPuts, WaitingRowsByTable } from './pending-writes';
import type { Session } from '../model';
import type { Settings } from '../settings/settings';
import type { TrackerEvent } from '../tracking/events';
import { canAdopt, combineWrites, mergeTrackedSession, planWrites } from '../tracking/records';
import { restoreTrackerState, type TrackerState } from '../tracking/state';
import { sessionIdForTab, step, type StepResult } from '../tracking/tracker';

/** The `meta` row holding the tracker state between events. */
export const TRACKER_STATE_KEY = 'tracker';

/**
 * The stored session the page in a tab belongs to, or null (not recorded, or not yet
 * past the reading threshold). Reads the last committed state, so it never waits for
 * events in flight. Read-only.
 */
export async function currentSessionIdForTab(
  db: SkilltrailDb,
  tabId: number,
): Promise<string | null> {
  const row = await db.meta.get(TRACKER_STATE_KEY);
  return sessionIdForTab(restoreTrackerState(row?.value), tabId);
}

/** What a read-modify-write sees of the writes still waiting for room on the disk. */
export interface WaitingRows {
  /** The latest waiting version of each session and meta row, where any waits. */
  rows: WaitingRowsByTable;
  /** Throws (a retryable error) when older writes still wait: write nothing. */
  beforeWrite(): void;
}

/** What the caller does after a step: capture pages that passed the threshold, refresh the badge. */
export type StepOutcome = { captures: StepResult['captures']; wrote: boolean };

/** Continues a session the learner captured before the tracker stored its own for the page. */
async function adoptStoredSessions(
  db: SkilltrailDb,
  result: StepResult,
  settings: Settings,
  now: number,
): Promise<StepResult> {
  for (const id of result.writes.newSessionIds) {
    const tracked = result.writes.sessions.find((s) => s.id === id);
    if (!tracked || tracked.kind === 'search') continue;
    const sameUrl = await db.sessions.where('url').equals(tracked.url).toArray();
    const stored = sameUrl
      .filter((s) => canAdopt(s, tracked, settings))
      .sort((a, b) => b.endedAt - a.endedAt)[0];
    if (!stored) continue;
    const adopted = step(
      result.state,
      { type: 'session-adopted', sessionId: id, storedId: stored.id, activeMs: stored.activeMs },
      settings,
      now,
    );
    result = {
      state: adopted.state,
      writes: combineWrites(result.writes, adopted.writes, id),
      captures: result.captures.map((c) =>
        c.sessionId === id ? { ...c, sessionId: stored.id } : c,
      ),
    };
  }
  return result;
}

/**
 * Applies one tracker event: reads the state (through what still waits), steps, and
 * writes the records and the next state in one transaction over sessions, visits,
 * searches and meta (atomic: a failed write leaves the previous state). Before writing it
 * hands `plan` the puts that would store the same, so a caller whose write meets a full
 * disk can keep them (`putTrackedRecords` replays them). Idempotent per event only in
 * the sense the tracker is: the same event twice is two events.
 */
export async function applyTrackerEvent(
  db: SkilltrailDb,
  waiting: WaitingRows,
  input: { event: TrackerEvent; settings: Settings; now: number },
  plan: (puts: RecordPuts, value: StepOutcome) => void,
): Promise<StepOutcome> {
  const { event, settings, now } = input;
  return db.transaction('rw', [db.sessions, db.visits, db.searches, db.meta], async () => {
    const saved =
      waiting.rows.meta.get(TRACKER_STATE_KEY) ?? (await db.meta.get(TRACKER_STATE_KEY));
    const state = restoreTrackerState(saved?.value);
    const result = await adoptStoredSessions(db, step(state, event, settings, now), settings, now);
    const ids = result.writes.sessions.map((s) => s.id);
    const existing = await db.sessions.bulkGet(ids);
    const stored = new Map<string, Session | undefined>(
      ids.map((id, i) => [id, waiting.rows.sessions.get(id) ?? existing[i]]),
    );
    const writes = planWrites(result.writes, stored);
    const value = { captures: result.captures, wrote: writes.sessions.length > 0 };
    plan(
      [
        // Sessions not stored yet; any other gone at the replay was deleted meanwhile.
        { table: 'sessions', rows: writes.sessions, fresh: ids.filter((_, i) => !existing[i]) },
        { table: 'visits', rows: writes.visits },
        { table: 'searches', rows: writes.searches },
        { table: 'meta', rows: [{ key: TRACKER_STATE_KEY, value: result.state }] },
      ],
      value,
    );
    waiting.beforeWrite();
    if (writes.sessions.length) await db.sessions.bulkPut(writes.sessions);
    if (writes.visits.length) await db.visits.bulkPut(writes.visits);
    if (writes.searches.length) await db.searches.bulkPut(writes.searches);
    await db.meta.put({ key: TRACKER_STATE_KEY, value: result.state satisfies TrackerState });
    return value;
  });
}

/**
 * Stores the tracker's waiting writes in one transaction, as a merge with what is stored by
 * then (it may run long after it was planned, when there is room again): a session deleted
 * meanwhile stays deleted, with its pages and queries; the learner's skills, note, status
 * and title stay as they are; the tracker's times are its own. Idempotent.
 */
export async function putTrackedRecords(db: SkilltrailDb, puts: RecordPuts): Promise<void> {
  await db.transaction('rw', [db.sessions, db.visits, db.searches, db.meta], async () => {
    for (const put of puts) {
      switch (put.table) {
        case 'sessions': {
          const { rows, fresh } = put;
          const stored = await db.sessions.bulkGet(rows.map((s) => s.id));
          const next = rows.flatMap((row, i) => {
            const existing = stored[i];
            if (existing) {
              const merged = mergeTrackedSession(existing, row);
              return [{ ...merged, updatedAt: Math.max(existing.updatedAt, row.updatedAt) }];
            }
            // Without `fresh`, every row is new (a plain put).
            return !fresh || fresh.includes(row.id) ? [row] : [];
          });
          await db.sessions.bulkPut(next);
          break;
        }
        // Pages and queries only of sessions stored now (sessions are put first).
        case 'visits':
          await db.visits.bulkPut(await ofStoredSessions(db, put.rows));
          break;
        case 'searches':
          await db.searches.bulkPut(await ofStoredSessions(db, put.rows));
          break;
        case 'meta':
          await db.meta.bulkPut(put.rows);
          break;
      }
    }
  });
}

/** The rows whose session is stored now. */
async function ofStoredSessions<R extends { sessionId: string }>(
  db: SkilltrailDb,
  rows: R[],
): Promise<R[]> {
  const ids = [...new Set(rows.map((r) => r.sessionId))];
  const present = new Set((await db.sessions.bulkGet(ids)).flatMap((s) => (s ? [s.id] : [])));
  return rows.filter((r) => present.has(r.sessionId));
}
