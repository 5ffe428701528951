/**
 * Which sessions count as learning: those the learner has not dismissed ("not learning"),
 * in the range they started in. The summary, the story, the totals, the reminders, the
 * follow-ups, the portfolio, the endorsement request, the suggestions and the exports all
 * ask here. Whether a session's time was measured is another question: lib/provenance.ts.
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
 * Whether a session counts as learning in `[start, end)`: it started there and the learner
 * has not dismissed it.
 * @example countsAsLearningIn(session, week.start, week.end)
 */
export function countsAsLearningIn(
  session: Pick<Session, 'status' | 'startedAt'>,
  start: number,
  end: number,
): boolean {
  return countsAsLearning(session) && session.startedAt >= start && session.startedAt < end;
}

/**
 * Whether a session counts as learning and carries no skill that still exists, so a skill
 * is worth suggesting for it.
 * @example awaitsSkill(session, (id) => skillsById.has(id))
 */
export function awaitsSkill(
  session: Pick<Session, 'status' | 'skills'>,
  isSkill: (id: string) => boolean,
): boolean {
  return countsAsLearning(session) && !session.skills.some(isSkill);
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
    .filter((s) => countsAsLearningIn(s, start, end))
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
