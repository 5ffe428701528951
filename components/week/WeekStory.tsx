import { useId } from 'preact/hooks';
import { formatDuration, formatList, formatNumber } from '@/lib/format';
import type { WeekStory as Story } from '@/lib/week/story';
import { t } from '../i18n/i18n';
import './week-story.css';

export interface WeekStoryProps {
  story: Story;
  locale: string;
}

/**
 * The week in words, at the top of the week view: what the learner learned, what grew,
 * a gentle prompt where a skill rests on one site, and their reflection streak. It says
 * only what is there: no warnings about what is missing, no countdowns.
 */
export function WeekStory({ story, locale }: WeekStoryProps) {
  const id = useId();
  const duration = (ms: number) => formatDuration(ms, locale);
  const { skills, reflections, grew, singleSource, streak } = story;
  if (skills.length === 0 && story.reflectionCount === 0) return null;

  return (
    <section class="week-story" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('storyHeading')}</h2>
      <p class="story-learned">
        {skills.length > 0
          ? t(
              'storyLearned',
              formatList(
                skills.map((s) => s.name),
                locale,
              ),
            )
          : t('storyNoSkills')}{' '}
        {story.reflectionCount > 0 &&
          t('storyReflectionCount', formatNumber(story.reflectionCount, locale))}
      </p>

      {reflections.length > 0 && (
        <>
          <h3 id={`${id}-words`}>{t('storyInYourWords')}</h3>
          <ul class="story-reflections" aria-labelledby={`${id}-words`}>
            {reflections.map((r) => (
              <li key={r.sessionId}>
                <q>
                  <bdi>{r.text}</bdi>
                </q>{' '}
                <span class="muted">
                  — <bdi>{r.title}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {grew.length > 0 && (
        <>
          <h3 id={`${id}-grew`}>{t('storyGrewHeading')}</h3>
          <ul class="story-grew" aria-labelledby={`${id}-grew`}>
            {grew.map((g) => (
              <li key={g.skillId}>
                {g.previousMs > 0
                  ? t('storyGrewFrom', [g.name, duration(g.activeMs), duration(g.previousMs)])
                  : t('storyGrewNew', [g.name, duration(g.activeMs)])}
              </li>
            ))}
          </ul>
        </>
      )}

      {singleSource.map((s) => (
        <p key={s.skillId} class="story-prompt">
          {t('storyOneSite', [s.name, s.site])}
        </p>
      ))}

      {streak.weeks > 0 && (
        <p class="story-streak">
          {t(
            streak.includesThisWeek ? 'storyStreak' : 'storyStreakUntilBefore',
            formatNumber(streak.weeks, locale),
          )}
        </p>
      )}
    </section>
  );
}
