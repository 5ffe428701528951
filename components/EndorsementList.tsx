import { formatDay } from '../lib/format';
import type { Endorsement } from '../lib/model';
import './controls.css';
import { t } from './i18n/i18n';

/** What a list shows of an endorsement. */
export type EndorsementItem = Pick<
  Endorsement,
  'id' | 'issuerName' | 'issuerDescription' | 'comment' | 'issuedAt'
>;

/** Endorsements of one skill: who, in their own words, when they signed, and what they wrote. */
export function EndorsementList({
  items,
  locale,
}: {
  items: readonly EndorsementItem[];
  locale: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="follow-up-list endorsement-list">
      {items.map((e) => (
        <li key={e.id} data-endorsement-id={e.id}>
          <p>
            <strong class="endorser" dir="auto">
              {t('endorsedBy', e.issuerName)}
            </strong>
          </p>
          {e.issuerDescription && (
            <p class="muted endorser-description" dir="auto">
              {e.issuerDescription}
            </p>
          )}
          <p class="muted">{t('endorsementSigned', formatDay(e.issuedAt, locale))}</p>
          <p class="answer endorsement-comment" dir="auto">
            {e.comment}
          </p>
        </li>
      ))}
    </ul>
  );
}
