import { formatNumber } from '@/lib/format';
import type { Summary } from '@/lib/week/summary';
import { t } from '../i18n/i18n';
import { timeText } from '../time-text';

/** The week in five numbers. Sessions marked "not learning" are already left out of `summary`. */
export function WeekTotals({ summary, locale }: { summary: Summary; locale: string }) {
  const { totals } = summary;
  const items: [string, string][] = [
    // Measured time, with stated time beside it (never in it) when there is some.
    [t('totalActive'), timeText(totals.activeMs, totals.statedMs, locale)],
    [t('totalSessions'), formatNumber(totals.sessions, locale)],
    [t('totalPages'), formatNumber(totals.pages, locale)],
    [t('totalSearches'), formatNumber(totals.searches, locale)],
    [t('totalSources'), formatNumber(totals.sites, locale)],
  ];
  return (
    <dl class="week-totals">
      {items.map(([name, value]) => (
        <div key={name} class="week-total">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
