import { formatDay } from '../lib/format';
import './controls.css';
import { isLinkable } from '../lib/url';
import { t } from './i18n/i18n';

/** What a list shows of an answered follow-up. */
export interface FollowUpItem {
  id: string;
  at: number;
  recall: string;
  application: string;
  link?: string;
  /** The skill's name, when the list holds several skills. */
  skillName?: string;
  /** The stated activities it asked about, each named by its kind and what was learned. */
  about?: readonly string[];
}

/** Answered follow-ups: when, what stayed, where it was used and the link to the work. */
export function FollowUpList({
  items,
  locale,
}: {
  items: readonly FollowUpItem[];
  locale: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="follow-up-list">
      {items.map((f) => (
        <li key={f.id} data-follow-up-id={f.id}>
          <p class="muted">
            {[f.skillName, ...(f.about ?? []), t('followUpAnsweredOn', formatDay(f.at, locale))]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {f.recall && (
            <p>
              <strong>{t('followUpRecallShort')}:</strong> <span class="answer">{f.recall}</span>
            </p>
          )}
          {f.application && (
            <p>
              <strong>{t('followUpApplicationShort')}:</strong>{' '}
              <span class="answer">{f.application}</span>
            </p>
          )}
          {f.link && isLinkable(f.link) && (
            <p>
              <a href={f.link} target="_blank" rel="noopener noreferrer">
                {t('followUpWorkLink')}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
