/**
 * The browser's side of a look back: the optional `history` permission and the history
 * API, passed to `lib/look-back` as a `HistoryReader`. Nothing here decides anything.
 */
import { browser } from 'wxt/browser';
import type { HistoryReader } from '../../lib/look-back/history-visit';

export const HISTORY_PERMISSION = { permissions: ['history'] } as const;

type Request = Parameters<typeof browser.permissions.request>[0];

/** A permission call's answer; `false` when the browser refuses or lacks the API. */
async function answer(call: () => Promise<boolean>): Promise<boolean> {
  try {
    return await call();
  } catch {
    return false;
  }
}

/** Asks for `history`; call it during the click itself (it asks before its first await). */
export function requestHistory(): Promise<boolean> {
  return answer(() => browser.permissions.request(HISTORY_PERMISSION as unknown as Request));
}

/** Whether `history` is granted now. */
export function holdsHistory(): Promise<boolean> {
  return answer(() => browser.permissions.contains(HISTORY_PERMISSION as unknown as Request));
}

/** Gives `history` back. */
export function releaseHistory(): Promise<boolean> {
  return answer(() => browser.permissions.remove(HISTORY_PERMISSION as unknown as Request));
}

/** The history API as the look back reads it; only once the permission is granted. */
export function browserHistory(): HistoryReader {
  return {
    search: (query) => browser.history.search(query),
    getVisits: (details) => browser.history.getVisits(details),
  };
}
