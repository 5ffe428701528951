/**
 * Which sessions count as learning: those the learner has not dismissed ("not learning"),
 * in the range they started in. The summary, the story and the exports all ask here.
 */
import type { Session } from '../model';

/**
 * Whether a session counts as learning: the learner has not dismissed it.
 * @example countsAsLearning({ ...session, status: 'dismissed' }) // false
 */
export function countsAsLearning(session: Pick<Session, 'status'>): boolean {
  return session.status !== 'dismissed';
}

/**
 * Sessions that started in `[start, end)` and count as learning, oldest first.
 * @example sessionsInRange(sessions, week.start, week.end)
 */
export function sessionsInRange(
  sessions: readonly Session[],
  start: number,
  end: number,
): Session[] {
  return sessions
    .filter((s) => countsAsLearning(s) && s.startedAt >= start && s.startedAt < end)
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
