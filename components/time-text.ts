import { formatDuration } from '../lib/format';
import { t } from './i18n/i18n';

/**
 * A total of time as the learner reads it: the measured time alone, or, when some time was
 * stated, "measured 3 hr 20 min · stated 5 hr", the two side by side and never added.
 * @example timeText(12_000_000, 18_000_000, 'en') // 'measured 3 hr 20 min · stated 5 hr'
 */
export function timeText(measuredMs: number, statedMs: number | undefined, locale: string): string {
  const measured = formatDuration(measuredMs, locale);
  if (!statedMs || statedMs <= 0) return measured;
  return t('timesMeasuredStated', [measured, formatDuration(statedMs, locale)]);
}
