import { useId } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import { t } from '../i18n/i18n';

export interface GoalProgressProps {
  goalMinutes: number;
  /** Active minutes so far this week. */
  minutes: number;
  locale: string;
}

/** A weekly goal as a bar and in words: the bar alone says nothing to a screen reader. */
export function GoalProgress({ goalMinutes, minutes, locale }: GoalProgressProps) {
  const id = useId();
  const met = minutes >= goalMinutes;
  const words = [formatNumber(minutes, locale), formatNumber(goalMinutes, locale)];
  return (
    <div class={met ? 'goal-progress is-met' : 'goal-progress'}>
      <span id={`${id}-label`} class="goal-label">
        {t('goalLabel')}
      </span>
      <progress
        max={goalMinutes}
        value={Math.min(minutes, goalMinutes)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-text`}
      />
      <span id={`${id}-text`} class="goal-text">
        {met ? t('goalMet', words) : t('goalProgress', words)}
      </span>
    </div>
  );
}
