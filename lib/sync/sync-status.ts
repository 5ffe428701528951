/** What a run of the LRS sync remembers, and what it tells the learner. */
import type { LrsError } from './lrs-errors';

/** The sync's memory between runs (in `meta`, so a stopped worker resumes where it was). */
export interface SyncState {
  /** Transient failures in a row, for back-off. */
  failures: number;
  /** No automatic attempt before this instant. */
  retryAt?: number;
  /** Set when the learner must act (credentials, endpoint); no automatic attempt until then. */
  paused?: LrsError;
  lastError?: LrsError & { at: number };
  /** Last time the LRS accepted statements. */
  lastSyncAt?: number;
  /** The endpoint the `sent` entries went to. */
  deliveredTo?: string;
}

export interface SyncStatus {
  pending: number;
  sent: number;
  failed: number;
  lastError?: LrsError & { at: number };
  retryAt?: number;
  paused?: LrsError;
  lastSyncAt?: number;
}

export interface SyncResult {
  /** Statements the LRS took in this run. */
  sent: number;
  /** Statements the LRS refused for good in this run. */
  failed: number;
  /** Statements still waiting after this run. */
  pending: number;
  lastError?: LrsError & { at: number };
  /** When to try again, after a transient failure. */
  retryAt?: number;
  /** Syncing waits for the learner (see `lastError`). */
  paused: boolean;
  /** Another runner held the lease: nothing was done. */
  busy: boolean;
}
