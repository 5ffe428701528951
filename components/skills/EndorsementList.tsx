import { formatDay } from '@/lib/format';
import type { Endorsement } from '@/lib/model';
import '../controls.css';
import { t } from '../i18n/i18n';

/** What a list shows of an endorsement. */
export type EndorsementItem = Pick<
  Endorsement,
  'id' | 'issuerName' | 'issuerDescription' | 'comment' | 'issuedAt' | 'expiresAt'
>;

/**
 * Endorsements of one skill: who, in their own words, when they signed, what they wrote,
 * and whether it has expired (past its `validUntil` at `now`).
 */
export function EndorsementList({
  items,
  locale,
  now = Date.now(),
}: {
  items: readonly EndorsementItem[];
  locale: string;
  now?: number;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="follow-up-list endorsement-list">
      {items.map((e) => (
        <li
          key={e.id}
          data-endorsement-id={e.id}
          data-expired={e.expiresAt !== undefined && e.expiresAt < now ? 'true' : undefined}
        >
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
          {e.expiresAt !== undefined && e.expiresAt < now && (
            <p class="error endorsement-expired">
              {t('endorsementExpiredMark', formatDay(e.expiresAt, locale))}
            </p>
          )}
          <p class="answer endorsement-comment" dir="auto">
            {e.comment}
          </p>
        </li>
      ))}
    </ul>
  );
}
