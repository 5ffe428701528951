/**
 * The one message protocol between extension pages, content scripts and the background.
 * Content scripts never open Dexie (their IndexedDB belongs to the page), so everything
 * that writes goes through the background.
 */

/** Why a tab could not be captured; each has a message for the learner. */
export type CaptureBlockReason =
  | 'browser-page'
  | 'store-page'
  | 'file-access'
  | 'extension-page'
  | 'incognito'
  | 'excluded'
  | 'no-tab'
  /** The disk is full: the capture waits in memory and is stored when there is room. */
  | 'kept-for-later'
  | 'failed';

export type CaptureResult =
  | { ok: true; sessionId: string; captureId: string; readerable: boolean }
  | { ok: false; reason: CaptureBlockReason };

export type Request =
  /** Capture a tab now (popup, shortcut and context menu all end here). */
  | { type: 'capture-tab'; tabId: number }
  /** Engagement evidence from the optional content script, at most one per 15 s. */
  | {
      type: 'engagement';
      url: string;
      visible: boolean;
      scrollPct: number;
      inputAt: number;
      audible: boolean;
    }
  /** The session the tab is part of right now, if any. */
  | { type: 'current-session'; tabId: number }
  /** Settings changed in a page: re-read them (pause, thresholds, exclusions). */
  | { type: 'settings-changed' }
  /** Sessions were deleted in a page (by id, or a whole site): forget their waiting writes. */
  | { type: 'forget-waiting'; sessionIds?: string[]; site?: string }
  /** "Delete all my data": drop the waiting writes, then empty every table. */
  | { type: 'erase-everything' };

export interface Responses {
  'capture-tab': CaptureResult;
  engagement: void;
  'current-session': { sessionId: string | null };
  'settings-changed': void;
  'forget-waiting': void;
  'erase-everything': void;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** True for a value shaped like one of our requests (messages from pages are untrusted). */
export function isRequest(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    [
      'capture-tab',
      'engagement',
      'current-session',
      'settings-changed',
      'forget-waiting',
      'erase-everything',
    ].includes((value as { type: string }).type)
  );
}
