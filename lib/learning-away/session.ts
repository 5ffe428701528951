/**
 * A stated activity as a session: kind `away`, provenance `stated`, its time in `statedMs`
 * and none in `activeMs`, so every total of measured time leaves it out whatever way it
 * sums. Pure: the id and the clock are passed in.
 */
import type { Session } from '../model';
import { firstInstantOf, type LocalDate } from '../time';
import type { StatedActivity } from './validate';

/**
 * Noon of the day: the session's time, so it stays on the day the learner named in any
 * zone change of a few hours, and a day's activities sort after its morning.
 * @example statedStart({ year: 2026, month: 12, day: 7 }, 'UTC') // Date.UTC(2026, 11, 7, 12)
 */
export function statedStart(day: LocalDate, timeZone?: string): number {
  return firstInstantOf(day, timeZone) + 12 * 3_600_000;
}

/**
 * The session that records a stated activity; given the session it replaces (an edit),
 * it keeps that one's id, note, status and creation, and takes everything the form gave.
 * @example statedSession(activity, { id: newId(), now: Date.now() }).provenance // 'stated'
 */
export function statedSession(
  activity: StatedActivity,
  options: { id: string; now: number; timeZone?: string; previous?: Session },
): Session {
  const { previous } = options;
  const at = statedStart(activity.day, options.timeZone);
  const session: Session = {
    id: previous?.id ?? options.id,
    kind: 'away',
    startedAt: at,
    endedAt: at,
    activeMs: 0,
    title: activity.learned,
    url: '',
    domain: '',
    skills: [...activity.skills],
    note: previous?.note ?? '',
    status: previous?.status === 'dismissed' ? 'dismissed' : 'kept',
    provenance: 'stated',
    learningKind: activity.learningKind,
    statedMs: activity.statedMs,
    updatedAt: options.now,
  };
  if (activity.place) session.place = activity.place;
  if (activity.people) session.people = activity.people;
  return session;
}

/**
 * Whether a session records learning away from the screen.
 * @example isStatedActivity({ kind: 'away' }) // true
 */
export function isStatedActivity(session: Pick<Session, 'kind'>): boolean {
  return session.kind === 'away';
}
