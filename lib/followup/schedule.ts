/**
 * When to ask a follow-up: some calendar days after a skill's sessions, once per session,
 * at most one prompt a day. Pure: records, settings and the clock in, the one prompt due
 * (or none) out. Days are the learner's local calendar days, so "7 days after" is the same
 * date a week on whatever the time zone, across DST changes.
 */
import type { LearningKind } from '../learning-away/kinds';
import type { FollowUp, Session, Skill } from '../model';
import { addDays, firstInstantOf, localDate, startOfLocalDay } from '../time';
import { countsAsLearning } from '../week/learning-sessions';

export interface FollowUpSchedule {
  followUpsEnabled: boolean;
  /** Calendar days after a session before it is asked about; 0 asks the same day. */
  followUpDays: number;
}

/**
 * Sessions older than this many days past their delay are not asked about: memory of
 * them is no longer "some days after".
 */
export const FOLLOW_UP_WINDOW_DAYS = 28;

/** Most sessions one follow-up points at. */
export const MAX_FOLLOW_UP_SESSIONS = 200;

/** A stated activity a follow-up asks about, named as the learner stated it. */
export interface StatedActivityAsked {
  sessionId: string;
  learningKind: LearningKind;
  /** What the learner said they learned (the session's title). */
  learned: string;
  /** The day it happened (its session's start, noon of that day). */
  at: number;
}

export interface DueFollowUp {
  skillId: string;
  skillName: string;
  /** The sessions asked about, oldest first. */
  sessionIds: string[];
  /** When the first of them started. */
  since: number;
  /**
   * The stated activities among them, oldest first: the prompt names each by its kind and
   * what was learned, since "sessions" says nothing about a shift at the food bank.
   */
  stated: StatedActivityAsked[];
  /** Sessions on the screen (read, searched, watched) among them, and when the first began. */
  onScreen: { count: number; since: number } | null;
}

/**
 * The span of session starts a follow-up may ask about at `now`: from the start of the
 * window to the end of the last day whose sessions are due. Read sessions by `startedAt`
 * in `[from, to)` and follow-ups with `at >= from`.
 * @example followUpWindow(Date.now(), 7, 'Europe/Madrid')
 */
export function followUpWindow(
  now: number,
  days: number,
  timeZone?: string,
): { from: number; to: number } {
  const today = localDate(now, timeZone);
  return {
    from: startOfLocalDay(addDays(today, -days - FOLLOW_UP_WINDOW_DAYS), timeZone),
    to: startOfLocalDay(addDays(today, -days + 1), timeZone),
  };
}

/**
 * The instant before which a session's last activity makes it due at `now`: the first
 * instant of the day after the last local date whose due midnight has come. Computed once,
 * so a check over many sessions formats no date per session.
 */
export function dueBefore(now: number, days: number, timeZone?: string): number {
  let today = localDate(now, timeZone);
  // On a day whose midnight the clocks skip, `startOfLocalDay` answers the evening before:
  // that day's sessions count from then, as they always have.
  const tomorrow = addDays(today, 1);
  if (startOfLocalDay(tomorrow, timeZone) <= now) today = tomorrow;
  return firstInstantOf(addDays(today, 1 - days), timeZone);
}

/**
 * Whether a session is due at `now`: its last activity was `days` or more local calendar
 * days before today (due from local midnight of the day `days` after it).
 * @example sessionDue(session, now, 7, 'UTC')
 */
export function sessionDue(
  session: Pick<Session, 'endedAt'>,
  now: number,
  days: number,
  timeZone?: string,
): boolean {
  return session.endedAt < dueBefore(now, days, timeZone);
}

/**
 * The one follow-up to ask at `now`, or `null`: none when follow-ups are off, when one was
 * answered or dismissed today (at most one prompt a day), or when no skill has a session
 * that is due and not yet covered by a follow-up. Among skills with due sessions, the one
 * waiting longest; the prompt covers all of its due sessions in the window, so answering
 * or dismissing it means none of them is asked about again.
 * @example dueFollowUp({ sessions, followUps, skills }, { now, timeZone, followUpsEnabled: true, followUpDays: 7 })
 */
export function dueFollowUp(
  data: {
    sessions: readonly Session[];
    followUps: readonly Pick<FollowUp, 'at' | 'sessionIds' | 'skillId'>[];
    skills: readonly Pick<Skill, 'id' | 'name'>[];
  },
  options: FollowUpSchedule & { now: number; timeZone?: string },
): DueFollowUp | null {
  const { now, timeZone, followUpDays: days } = options;
  if (!options.followUpsEnabled) return null;
  const today = startOfLocalDay(localDate(now, timeZone), timeZone);
  if (data.followUps.some((f) => f.at >= today && f.at <= now)) return null;

  const covered = new Map<string, Set<string>>();
  for (const f of data.followUps) {
    const set = covered.get(f.skillId) ?? new Set<string>();
    for (const id of f.sessionIds) set.add(id);
    covered.set(f.skillId, set);
  }
  const { from } = followUpWindow(now, days, timeZone);
  const endedBefore = dueBefore(now, days, timeZone);
  const skillName = new Map(data.skills.map((s) => [s.id, s.name]));
  const due = new Map<string, Session[]>();
  for (const s of data.sessions) {
    // The window bounds the start and the end (only an ended session is due), not starts alone.
    if (!countsAsLearning(s) || s.startedAt < from || s.endedAt >= endedBefore) continue;
    for (const skillId of new Set(s.skills)) {
      if (!skillName.has(skillId) || covered.get(skillId)?.has(s.id)) continue;
      const list = due.get(skillId) ?? [];
      list.push(s);
      due.set(skillId, list);
    }
  }
  let best: DueFollowUp | null = null;
  for (const [skillId, list] of due) {
    list.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    const since = list[0]!.startedAt;
    const name = skillName.get(skillId)!;
    const order = best
      ? since - best.since ||
        name.localeCompare(best.skillName) ||
        skillId.localeCompare(best.skillId)
      : -1;
    if (order < 0) best = { skillId, skillName: name, since, ...askedAbout(list) };
  }
  return best;
}

/** What a follow-up asks about: its sessions (at most the cap), the stated ones named. */
function askedAbout(
  list: readonly Session[],
): Pick<DueFollowUp, 'sessionIds' | 'stated' | 'onScreen'> {
  const asked = list.slice(0, MAX_FOLLOW_UP_SESSIONS);
  const stated: StatedActivityAsked[] = [];
  const screen: Session[] = [];
  for (const s of asked) {
    if (s.kind === 'away' && s.learningKind) {
      stated.push({
        sessionId: s.id,
        learningKind: s.learningKind,
        learned: s.title,
        at: s.startedAt,
      });
    } else {
      screen.push(s);
    }
  }
  return {
    sessionIds: asked.map((s) => s.id),
    stated,
    onScreen: screen.length ? { count: screen.length, since: screen[0]!.startedAt } : null,
  };
}
