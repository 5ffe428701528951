/**
 * What a request for an endorsement of one skill covers: every session of that skill, from
 * the local day of its first one to the end of today, so the claim is the skill's whole
 * record, not one week's. Sessions of other skills stay out (a session tagged with several
 * skills is evidence for each).
 */
import { addDays, localDate, startOfLocalDay } from '../time';
import type { SummaryData } from '../week/summary';
import { countsAsLearning } from '../week/learning-sessions';

export interface RequestScope {
  start: number;
  end: number;
  data: SummaryData;
}

/**
 * The range and records of a request for `skillId`, or `null` when it has no session.
 * @example const scope = requestScope(await loadWeek(db, 0, now + 1), skill.id, now);
 */
export function requestScope(
  data: SummaryData,
  skillId: string,
  now: number,
  timeZone?: string,
): RequestScope | null {
  const sessions = data.sessions.filter((s) => s.skills.includes(skillId) && countsAsLearning(s));
  if (sessions.length === 0) return null;
  const first = Math.min(...sessions.map((s) => s.startedAt));
  const start = startOfLocalDay(localDate(Math.min(first, now), timeZone), timeZone);
  const end = startOfLocalDay(addDays(localDate(now, timeZone), 1), timeZone);
  const ids = new Set(sessions.map((s) => s.id));
  return {
    start,
    end,
    data: {
      sessions,
      visits: data.visits.filter((v) => ids.has(v.sessionId)),
      searches: data.searches.filter((q) => ids.has(q.sessionId)),
      skills: data.skills,
      ...(data.followUps
        ? {
            followUps: data.followUps.filter(
              (f) => f.skillId === skillId && f.sessionIds.some((id) => ids.has(id)),
            ),
          }
        : {}),
      // What others already said of the skill travels in its credential, as in a badge.
      ...(data.endorsements
        ? {
            endorsements: data.endorsements.filter((e) =>
              e.sessionId ? ids.has(e.sessionId) : e.skillId === skillId,
            ),
          }
        : {}),
    },
  };
}
