import { formatDuration, formatNumber } from '@/lib/format';
import type { Summary } from '@/lib/week/summary';
import { t } from '../i18n/i18n';

/** The week in five numbers. Sessions marked "not learning" are already left out of `summary`. */
export function WeekTotals({ summary, locale }: { summary: Summary; locale: string }) {
  const { totals } = summary;
  const items: [string, string][] = [
    [t('totalActive'), formatDuration(totals.activeMs, locale)],
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
