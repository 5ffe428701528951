import { formatNumber } from '@/lib/format';
import { t, type MessageKey } from '../i18n/i18n';
import { timeText } from '../time-text';

export interface TotalsRow {
  key: string;
  /** The row's name: a skill or a day. */
  label: string;
  activeMs: number;
  /** Stated time, shown beside the measured time, never added to it. */
  statedMs?: number;
  sessions: number;
}

export interface TotalsTableProps {
  /** Message key of the first column's heading. */
  heading: MessageKey;
  rows: readonly TotalsRow[];
  locale: string;
  caption?: string;
  class?: string;
  labelledBy?: string;
}

/** Active time and sessions per skill or per day: the text twin of a chart, and the totals-only preview. */
export function TotalsTable({
  heading,
  rows,
  locale,
  caption,
  labelledBy,
  ...rest
}: TotalsTableProps) {
  return (
    <table class={rest.class} aria-labelledby={labelledBy}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t(heading)}</th>
          <th scope="col">{t('totalActive')}</th>
          <th scope="col">{t('totalSessions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{timeText(r.activeMs, r.statedMs, locale)}</td>
            <td>{formatNumber(r.sessions, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
