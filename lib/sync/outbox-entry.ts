/**
 * One row of the LRS outbox as the database stores it. Apart from the outbox's logic so
 * that the database's schema (`lib/store/db.ts`) can name the row without importing the
 * code that reads and writes it.
 */
import type { XapiStatement } from '../export/xapi/statement';

/**
 * `pending`: waiting to be sent. `sent`: the LRS has it. `failed`: the LRS refused it
 * for good (its message is in `error`). `superseded`: an edit replaced it before or after
 * sending (a sent one gets a voiding statement in the queue).
 */
export type OutboxState = 'pending' | 'sent' | 'failed' | 'superseded';

export interface OutboxEntry {
  /** The statement's id as the LRS sees it. */
  id: string;
  sessionId: string;
  /** The id the exporter gave the statement; revisions derive their ids from it. */
  sourceId: string;
  /** 0 for a session's first statements, +1 for each edit after them. */
  revision: number;
  kind: 'statement' | 'void';
  statement: XapiStatement;
  /** Digest of the statement as the exporter built it, to notice edits (`contentHash`). */
  fingerprint: string;
  state: OutboxState;
  queuedAt: number;
  /** Requests that carried it: after one, the LRS may have it even without an answer. */
  attempts: number;
  sentAt?: number;
  /** The LRS's reason, for `failed` (never containing credentials). */
  error?: string;
}
