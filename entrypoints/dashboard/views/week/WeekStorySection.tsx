import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { WeekStory } from '../../../../components/week/WeekStory';
import { db } from '../../../../lib/store/records';
import { sessionsBetween } from '../../../../lib/store/sessions';
import { summarise, type Summary } from '../../../../lib/week/summary';
import { shiftWeek, type Week } from '../../../../lib/time';
import type { WeekData } from '../../../../lib/week/review';
import { weekStory } from '../../../../lib/week/story';
import { loadStreakSessions } from '../../../../lib/store/week';

export interface WeekStorySectionProps {
  week: Week;
  data: WeekData;
  summary: Summary;
  weekStart: number;
  locale: string;
}

/**
 * The week story with what it needs beyond the week itself: the week before (for growth)
 * and the weeks of reflections behind the streak, both kept current as records change.
 */
export function WeekStorySection({
  week,
  data,
  summary,
  weekStart,
  locale,
}: WeekStorySectionProps) {
  const before = shiftWeek(week, -1, { weekStart });
  // Any instant of the week names it: the streak ends with this week, or now if it is this one.
  const now = useMemo(() => Math.min(Date.now(), week.end - 1), [week.end]);
  // Growth compares skill time only: the sessions are enough, without pages or searches.
  // The query reads them; summing them with the week's skills is a computation, redone
  // when the skills change without reading the database again.
  const previousSessions = useLiveQuery(
    () => sessionsBetween(db(), before.start, before.end),
    [before.start, before.end],
  );
  const previous = useMemo(
    () =>
      previousSessions &&
      summarise(
        { sessions: previousSessions, visits: [], searches: [], skills: data.skills },
        { start: before.start, end: before.end, weekStart },
      ),
    [previousSessions, data.skills, before.start, before.end, weekStart],
  );
  const streakSessions = useLiveQuery(
    () => loadStreakSessions(db(), { now, weekStart }),
    [now, weekStart],
  );
  const story = useMemo(
    () =>
      previous && streakSessions
        ? weekStory({
            summary,
            previous,
            sessions: data.sessions,
            streakSessions,
            now,
            weekStart,
          })
        : undefined,
    [summary, previous, streakSessions, data.sessions, now, weekStart],
  );
  return story ? <WeekStory story={story} locale={locale} /> : null;
}
