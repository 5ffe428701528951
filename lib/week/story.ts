/**
 * The week told back to the learner: what they learned (skills and reflections), which
 * skills grew since the week before, where a skill rests on a single site, and how many
 * weeks in a row they wrote a reflection. Encouragement only: nothing here counts what is
 * missing or how long is left.
 */
import type { Session } from '../model';
import { countsAsLearning, sessionsInRange } from './learning-sessions';
import type { Summary } from './summary';
import { shiftWeek, weekOf } from '../time';

/** Less than this more time than last week is noise, not growth. */
export const MIN_GROWTH_MS = 60_000;
/** Reflections the story quotes; the session list has them all. */
export const STORY_REFLECTIONS = 3;
/** How far back a streak is looked for: ten years of weeks. */
export const MAX_STREAK_WEEKS = 520;

export interface SkillGrowth {
  skillId: string;
  name: string;
  /** Active time this week. */
  activeMs: number;
  /** Active time the week before: 0 for a skill new this week. */
  previousMs: number;
}

/**
 * Skills with more active time this week than the week before (at least `MIN_GROWTH_MS`
 * more), the largest growth first. A skill not practised the week before grew from zero.
 * @example skillsThatGrew(thisWeek, lastWeek) // [{ skillId, name: 'CSS', activeMs: 1_800_000, previousMs: 600_000 }]
 */
export function skillsThatGrew(
  current: Pick<Summary, 'skills'>,
  previous: Pick<Summary, 'skills'>,
): SkillGrowth[] {
  const before = new Map(previous.skills.map((s) => [s.skillId, s.activeMs]));
  return current.skills
    .map((s) => ({
      skillId: s.skillId,
      name: s.name,
      activeMs: s.activeMs,
      previousMs: before.get(s.skillId) ?? 0,
    }))
    .filter((g) => g.activeMs - g.previousMs >= MIN_GROWTH_MS)
    .sort(
      (a, b) =>
        b.activeMs - b.previousMs - (a.activeMs - a.previousMs) || a.name.localeCompare(b.name),
    );
}

export interface StoryReflection {
  sessionId: string;
  at: number;
  title: string;
  text: string;
}

export interface WeekStory {
  /** Skills practised this week, most time first. */
  skills: { skillId: string; name: string; activeMs: number }[];
  /** Reflections written on this week's sessions (tagged or not). */
  reflectionCount: number;
  /** The latest `STORY_REFLECTIONS` of them, newest first. */
  reflections: StoryReflection[];
  grew: SkillGrowth[];
  /** Skills whose evidence all comes from one site: a gentle "second view?" prompt. */
  singleSource: { skillId: string; name: string; site: string }[];
  /** Weeks in a row with at least one reflection, up to this week or the week before. */
  streak: { weeks: number; includesThisWeek: boolean };
}

/**
 * The story of a week from its summary, the week before's summary, the week's sessions and
 * the sessions that carry the streak (see `loadStreakSessions`).
 * @example
 * const story = weekStory({ summary, previous, sessions: data.sessions, streakSessions, now: Date.now(), weekStart: 1 });
 * story.grew[0]?.name // 'CSS'
 */
export function weekStory(input: {
  summary: Summary;
  previous: Pick<Summary, 'skills'>;
  sessions: readonly Session[];
  streakSessions: readonly Pick<Session, 'startedAt' | 'note' | 'status'>[];
  now: number;
  timeZone?: string;
  weekStart?: number;
}): WeekStory {
  const { summary } = input;
  const noted = sessionsInRange(input.sessions, summary.start, summary.end).filter(
    (s) => s.note.trim() !== '',
  );
  return {
    skills: summary.skills.map((s) => ({ skillId: s.skillId, name: s.name, activeMs: s.activeMs })),
    reflectionCount: noted.length,
    reflections: noted
      .slice(-STORY_REFLECTIONS)
      .reverse()
      .map((s) => ({ sessionId: s.id, at: s.startedAt, title: s.title, text: s.note.trim() })),
    grew: skillsThatGrew(summary, input.previous),
    singleSource: singleSourceSkills(summary),
    streak: reflectionStreak(input.streakSessions, {
      // A past week's streak ends with that week.
      now: Math.min(input.now, summary.end - 1),
      timeZone: input.timeZone,
      weekStart: input.weekStart,
    }),
  };
}

/**
 * Skills whose evidence all comes from one site, for a gentle "all from one site — want a
 * second view?" prompt. Skills with fewer than `minSessions` sessions are too young to nag.
 * @example singleSourceSkills(summary) // [{ skillId, name: 'CSS', site: 'developer.mozilla.org' }]
 */
export function singleSourceSkills(
  summary: Pick<Summary, 'skills'>,
  options: { minSessions?: number } = {},
): { skillId: string; name: string; site: string }[] {
  const min = options.minSessions ?? 2;
  return summary.skills
    .filter((s) => s.sourceDiversity === 1 && s.sessions >= min)
    .map((s) => ({ skillId: s.skillId, name: s.name, site: s.topSources[0]!.site }));
}

/**
 * Consecutive weeks with at least one reflection (a note on a session that counts as
 * learning), ending this week — or last week, so a streak is not "broken" on Monday
 * morning before the learner had a chance to write. A note belongs to the week its
 * session started in.
 * @example reflectionStreak(sessions, { now: Date.now(), timeZone, weekStart: 1 }) // { weeks: 3, includesThisWeek: false }
 */
export function reflectionStreak(
  sessions: readonly Pick<Session, 'startedAt' | 'note' | 'status'>[],
  options: { now: number; timeZone?: string; weekStart?: number },
): { weeks: number; includesThisWeek: boolean } {
  const weekOptions = { timeZone: options.timeZone, weekStart: options.weekStart ?? 1 };
  const noted = new Set(
    sessions
      .filter((s) => countsAsLearning(s) && s.note.trim() !== '')
      .map((s) => weekOf(s.startedAt, weekOptions).key),
  );
  let week = weekOf(options.now, weekOptions);
  const includesThisWeek = noted.has(week.key);
  if (!includesThisWeek) week = shiftWeek(week, -1, weekOptions);
  let weeks = 0;
  // Bounded by the number of noted weeks: each step back must find one.
  while (noted.has(week.key) && weeks <= noted.size) {
    weeks += 1;
    week = shiftWeek(week, -1, weekOptions);
  }
  return { weeks, includesThisWeek };
}
