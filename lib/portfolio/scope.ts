/**
 * What a portfolio's skill records cover: the sessions of the chosen skills from the day the
 * learner picks (by default the local day of the first of them: everything so far) to the
 * end of today, with their pages, queries, answered follow-ups and endorsements. A session
 * tagged with a skill not chosen is evidence only for the chosen ones.
 */
import { addDays, localDate, startOfLocalDay } from '../time';
import type { SummaryData } from '../week/summary';
import { countsAsLearningIn } from '../week/learning-sessions';

export interface RecordScope {
  start: number;
  end: number;
  data: SummaryData;
}

/**
 * The range and records of the skill records of `skillIds`, or `null` when none of them has
 * a session in it.
 * @example const scope = recordScope(data, [css.id], { now: Date.now() });
 */
export function recordScope(
  data: SummaryData,
  skillIds: readonly string[],
  options: { now: number; from?: number; timeZone?: string },
): RecordScope | null {
  const { now, timeZone } = options;
  const chosen = new Set(skillIds);
  const end = startOfLocalDay(addDays(localDate(now, timeZone), 1), timeZone);
  const from = options.from ?? -Infinity;
  const sessions = data.sessions.filter(
    (s) => countsAsLearningIn(s, from, end) && s.skills.some((id) => chosen.has(id)),
  );
  if (sessions.length === 0) return null;
  let first = now;
  for (const s of sessions) first = Math.min(first, s.startedAt);
  const start = startOfLocalDay(localDate(first, timeZone), timeZone);
  const ids = new Set(sessions.map((s) => s.id));
  return {
    start,
    end,
    data: {
      // Only the chosen skills, so no other skill gets a record or a share of the totals.
      sessions: sessions.map((s) => ({ ...s, skills: s.skills.filter((id) => chosen.has(id)) })),
      visits: data.visits.filter((v) => ids.has(v.sessionId)),
      searches: data.searches.filter((q) => ids.has(q.sessionId)),
      skills: data.skills.filter((s) => chosen.has(s.id)),
      followUps: (data.followUps ?? []).filter(
        (f) => chosen.has(f.skillId) && f.sessionIds.some((id) => ids.has(id)),
      ),
      // A skill's own, and those of one of these activities (its evidence says who vouched).
      endorsements: (data.endorsements ?? []).filter((e) =>
        e.sessionId ? ids.has(e.sessionId) : chosen.has(e.skillId),
      ),
    },
  };
}
