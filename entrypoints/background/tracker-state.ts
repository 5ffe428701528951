/**
 * The tracker's last committed state, as the worker keeps it in the database between
 * events. Its own file so that capturing (which asks which session a tab is in) and
 * tracking (which writes the state) both read it without reaching into each other.
 */
import { db } from '../../lib/store/db';
import { restoreTrackerState } from '../../lib/tracking/state';
import { sessionIdForTab } from '../../lib/tracking/tracker';

/** The `meta` row holding the tracker state between events. */
export const TRACKER_STATE_KEY = 'tracker';

/**
 * The stored session the page in a tab belongs to, or null (not recorded, or not yet
 * past the reading threshold). Reads the last committed state, so it never waits for
 * events in flight.
 */
export async function currentSessionIdForTab(tabId: number): Promise<string | null> {
  const row = await db().meta.get(TRACKER_STATE_KEY);
  return sessionIdForTab(restoreTrackerState(row?.value), tabId);
}
