/**
 * The rules a stated activity must meet before anything is stored, each with a reason a
 * person can act on: a day that has not come yet, more than 24 hours in one day, no skill,
 * a text too long. Pure: today and the time already stated that day are passed in.
 */
import type { LocalDate } from '../time';
import { isLearningKind, type LearningKind } from './kinds';

/** Longest texts, in characters: one line of what was learned, a place, some names. */
export const STATED_LIMITS = {
  learned: 200,
  place: 120,
  people: 120,
  /** Skills on one activity: a few is honest, hundreds is not. */
  skills: 20,
} as const;

/** The most time one day can hold. */
export const DAY_MS = 24 * 3_600_000;

/** What the form gives: the kind, the day, the stated time, skills and words. */
export interface StatedActivityInput {
  learningKind: string;
  /** The local calendar day, `2026-12-07` (what `<input type="date">` gives). */
  date: string;
  /** The time the learner states, in ms. */
  durationMs: number;
  skills: readonly string[];
  /** What was learned: one line is enough. */
  learned: string;
  /** Where, optional. */
  place?: string;
  /** With whom, optional. */
  people?: string;
}

/** A stated activity that meets every rule, its texts trimmed. */
export interface StatedActivity {
  learningKind: LearningKind;
  day: LocalDate;
  statedMs: number;
  skills: string[];
  learned: string;
  place?: string;
  people?: string;
}

export type StatedField = 'kind' | 'date' | 'duration' | 'skills' | 'learned' | 'place' | 'people';

export type StatedProblemReason =
  | 'kind-missing'
  | 'date-invalid'
  | 'date-future'
  | 'duration-missing'
  | 'duration-over-day'
  | 'day-over-24h'
  | 'skills-missing'
  | 'skills-too-many'
  | 'learned-missing'
  | 'too-long';

export interface StatedProblem {
  field: StatedField;
  reason: StatedProblemReason;
}

export type StatedCheck =
  { ok: true; activity: StatedActivity } | { ok: false; problems: StatedProblem[] };

/** What each problem tells a person (English; the dashboard says the same in six languages). */
export const STATED_PROBLEM_TEXT: Readonly<Record<StatedProblemReason, string>> = {
  'kind-missing': 'Choose what kind of learning it was.',
  'date-invalid': 'Give the day it happened.',
  'date-future': 'This day has not come yet. Give the day it happened.',
  'duration-missing': 'Say how long it took: more than zero minutes.',
  'duration-over-day': 'One day has 24 hours. Give a time of 24 hours or less.',
  'day-over-24h': 'With what you already stated that day, it comes to more than 24 hours.',
  'skills-missing': 'Choose at least one skill.',
  'skills-too-many': `Choose at most ${STATED_LIMITS.skills} skills.`,
  'learned-missing': 'Say in a few words what you learned.',
  'too-long': 'This is too long. Make it shorter.',
};

/**
 * The local day a date field names, or `null` when it names none (`2026-02-30`, text).
 * @example parseDay('2026-12-07') // { year: 2026, month: 12, day: 7 }
 */
export function parseDay(date: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  // Times a record can hold (the backup's range).
  if (year < 1990 || year > 2099) return null;
  return { year, month, day };
}

/**
 * A day as a date field writes it.
 * @example dayString({ year: 2026, month: 12, day: 7 }) // '2026-12-07'
 */
export function dayString(day: LocalDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(day.year).padStart(4, '0')}-${two(day.month)}-${two(day.day)}`;
}

function compareDays(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function length(text: string): number {
  return [...text].length;
}

/**
 * Checks a stated activity: every problem at once, so the form can mark each field.
 * @example
 * checkStatedActivity(input, { today: { year: 2026, month: 12, day: 7 }, statedThatDayMs: 0 })
 * // { ok: false, problems: [{ field: 'date', reason: 'date-future' }] } for 2026-12-08
 */
export function checkStatedActivity(
  input: StatedActivityInput,
  context: {
    today: LocalDate;
    /** Time already stated on that day by other activities (not the one being edited). */
    statedThatDayMs: number;
  },
): StatedCheck {
  const problems: StatedProblem[] = [];
  const problem = (field: StatedField, reason: StatedProblemReason) =>
    problems.push({ field, reason });

  if (!isLearningKind(input.learningKind)) problem('kind', 'kind-missing');
  const day = parseDay(input.date);
  if (!day) problem('date', 'date-invalid');
  else if (compareDays(day, context.today) > 0) problem('date', 'date-future');

  const ms = input.durationMs;
  if (!Number.isFinite(ms) || ms < 60_000) problem('duration', 'duration-missing');
  else if (ms > DAY_MS) problem('duration', 'duration-over-day');
  else if (ms + Math.max(0, context.statedThatDayMs) > DAY_MS) problem('duration', 'day-over-24h');

  const skills = [...new Set(input.skills.filter((s) => s.trim() !== ''))];
  if (skills.length === 0) problem('skills', 'skills-missing');
  else if (skills.length > STATED_LIMITS.skills) problem('skills', 'skills-too-many');

  const learned = input.learned.trim();
  if (!learned) problem('learned', 'learned-missing');
  else if (length(learned) > STATED_LIMITS.learned) problem('learned', 'too-long');
  const place = (input.place ?? '').trim();
  if (length(place) > STATED_LIMITS.place) problem('place', 'too-long');
  const people = (input.people ?? '').trim();
  if (length(people) > STATED_LIMITS.people) problem('people', 'too-long');

  if (problems.length > 0 || !day) return { ok: false, problems };
  const activity: StatedActivity = {
    learningKind: input.learningKind as LearningKind,
    day,
    statedMs: Math.round(ms / 60_000) * 60_000,
    skills,
    learned,
  };
  if (place) activity.place = place;
  if (people) activity.people = people;
  return { ok: true, activity };
}
