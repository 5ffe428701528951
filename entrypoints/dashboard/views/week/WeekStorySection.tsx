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
  const options = { weekStart };
  const before = shiftWeek(week, -1, options);
  const now = Math.min(Date.now(), week.end - 1);
  // Growth compares skill time only: the sessions are enough, without pages or searches.
  const previous = useLiveQuery(
    async () =>
      summarise(
        {
          sessions: await sessionsBetween(db(), before.start, before.end),
          visits: [],
          searches: [],
          skills: data.skills,
        },
        { start: before.start, end: before.end, weekStart },
      ),
    // Not the skills array itself: it is new on every change of the week's records.
    [before.key, data.skills.map((s) => `${s.id}:${s.name}`).join('\n'), weekStart],
  );
  const streakSessions = useLiveQuery(
    () => loadStreakSessions(db(), { now, weekStart }),
    [week.key, weekStart],
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
    [summary, previous, streakSessions, data.sessions],
  );
  return story ? <WeekStory story={story} locale={locale} /> : null;
}
