/**
 * When a session can still continue: a reading session while the same page comes back
 * within `continueWithinMs` of its last activity, a search session while queries and
 * results on its engine come within `searchGapMs`.
 */
import type { Settings } from '../settings/settings';
import type { OpenSession } from './state';

/**
 * Whether `session` can take more activity at `now`.
 * @example isSessionOpen(session, DEFAULT_SETTINGS, session.lastActivityAt + 60_000) // true
 */
export function isSessionOpen(
  session: OpenSession | undefined,
  settings: Pick<Settings, 'continueWithinMs' | 'searchGapMs'>,
  now: number,
): boolean {
  if (!session) return false;
  const gap = session.kind === 'search' ? settings.searchGapMs : settings.continueWithinMs;
  return now - session.lastActivityAt <= gap;
}
