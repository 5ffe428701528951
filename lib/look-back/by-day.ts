import { localDate, startOfLocalDay } from '../time';
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
  const days = new Map<number, LookBackCandidate[]>();
  for (const c of [...candidates].sort((a, b) => b.startedAt - a.startedAt)) {
    const start = startOfLocalDay(localDate(c.startedAt, timeZone), timeZone);
    const list = days.get(start);
    if (list) list.push(c);
    else days.set(start, [c]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b - a)
    .map(([start, list]) => ({ start, candidates: list }));
}
