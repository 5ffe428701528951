import { firstInstantOf, localDate, startOfLocalDay } from '../time';
import type { LookBackCandidate } from './group';

/** The candidates of one local day. */
export interface CandidateDay {
  /** The day's first instant. */
  start: number;
  candidates: LookBackCandidate[];
}

/**
 * Candidates grouped by the local day they started on, newest day first, newest first
 * within a day (the review list's order).
 * @example candidatesByDay(candidates)[0].start // today's first instant
 */
export function candidatesByDay(
  candidates: readonly LookBackCandidate[],
  timeZone?: string,
): CandidateDay[] {
  const days: CandidateDay[] = [];
  let day: CandidateDay | undefined;
  let dayBegins = Infinity;
  for (const c of [...candidates].sort((a, b) => b.startedAt - a.startedAt)) {
    // Newest first: a candidate from the current day's first instant on is on that day. The
    // time zone is asked once a day, not once a candidate (thousands in twelve weeks).
    if (!day || c.startedAt < dayBegins) {
      const date = localDate(c.startedAt, timeZone);
      day = { start: startOfLocalDay(date, timeZone), candidates: [] };
      dayBegins = firstInstantOf(date, timeZone);
      days.push(day);
    }
    day.candidates.push(c);
  }
  return days;
}

/**
 * The first `count` candidates of `days`, in their days (days with none left out): a long
 * look back is reviewed a page at a time, so the page never builds thousands of forms at once.
 * @example firstOfDays([{ start, candidates: [a, b] }, { start: s2, candidates: [c] }], 2) // [{ start, candidates: [a, b] }]
 */
export function firstOfDays(days: readonly CandidateDay[], count: number): CandidateDay[] {
  const out: CandidateDay[] = [];
  let left = count;
  for (const day of days) {
    if (left <= 0) break;
    out.push(
      left >= day.candidates.length ? day : { ...day, candidates: day.candidates.slice(0, left) },
    );
    left -= day.candidates.length;
  }
  return out;
}
