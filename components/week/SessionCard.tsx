import type { ComponentChildren } from 'preact';
import { formatDateTime, formatDay, formatDuration, formatNumber } from '@/lib/format';
import type { Search, Session, Skill, Visit } from '@/lib/model';
import { isLinkable } from '@/lib/url';
import { t, uiLocale } from '../i18n/i18n';
import { PROVENANCE_KEYS } from '../i18n/provenance-strings';
import { LEARNING_KIND_KEYS } from '../i18n/learning-kind-strings';

const KIND_LABEL = {
  reading: 'kindReading',
  search: 'kindSearch',
  watching: 'kindWatching',
  away: 'kindAway',
} as const;

export interface SessionCardProps {
  session: Session;
  skillsById: ReadonlyMap<string, Skill>;
  /** Extra lines (queries, pages) and controls (edit, delete). */
  children?: ComponentChildren;
  /** The session's pages, listed when given. */
  visits?: readonly Visit[];
  /** The session's queries, listed when given. */
  searches?: readonly Search[];
  /** Shown before the title, e.g. a selection checkbox. */
  leading?: ComponentChildren;
  /** Who vouched for this one stated activity, by name as they signed. */
  vouchedBy?: readonly string[];
}

/** One session in a list: title, kind, site, date, active time, skills, note. Page data is text only. */
export function SessionCard(props: SessionCardProps) {
  const { session, skillsById, children, visits, searches, leading, vouchedBy } = props;
  const locale = uiLocale();
  const title = session.title || session.domain || session.url;
  const dismissed = session.status === 'dismissed';
  const away = session.kind === 'away';
  // Every stored session has one (Dexie version 4); a record written around the store lacks it.
  const provenance = PROVENANCE_KEYS[session.provenance] as
    (typeof PROVENANCE_KEYS)[keyof typeof PROVENANCE_KEYS] | undefined;
  // The title keeps its own direction inside the line, and the line follows the page's: an
  // English title in an Arabic week starts at the right, as the rest of the card does.
  const heading = (
    <h3 class="session-title">
      {isLinkable(session.url) ? (
        <a href={session.url} target="_blank" rel="noopener noreferrer" dir="auto">
          {title}
        </a>
      ) : (
        <bdi>{title}</bdi>
      )}
    </h3>
  );
  return (
    <article
      class={dismissed ? 'session-card is-dismissed' : 'session-card'}
      data-session-id={session.id}
      data-status={session.status}
      data-provenance={session.provenance}
    >
      {leading ? (
        <div class="session-head">
          {leading}
          {heading}
        </div>
      ) : (
        heading
      )}
      <p class="session-meta muted">
        {provenance && (
          <>
            <span class="provenance" title={t(provenance.how)}>
              {t('sessionProvenanceLabel', t(provenance.label))}
            </span>
            {' · '}
          </>
        )}
        {(away
          ? [
              dismissed ? t('notLearningBadge') : '',
              t(KIND_LABEL.away),
              session.learningKind ? t(LEARNING_KIND_KEYS[session.learningKind].name) : '',
              // The day the learner named; its hour is only noon, never a time they gave.
              formatDay(session.startedAt, locale),
              t('statedTimeShown', formatDuration(session.statedMs ?? 0, locale)),
            ]
          : [
              dismissed ? t('notLearningBadge') : '',
              t(KIND_LABEL[session.kind]),
              session.domain,
              formatDateTime(session.startedAt, locale),
              // The history holds visit times only: no time to show for what was found there.
              session.provenance === 'from-history' ? '' : formatDuration(session.activeMs, locale),
            ]
        )
          .filter(Boolean)
          .join(' · ')}
      </p>
      {away && (session.place || session.people) && (
        <p class="session-meta muted stated-where">
          {session.place && <span dir="auto">{t('statedPlaceShown', session.place)}</span>}
          {session.place && session.people && ' · '}
          {session.people && <span dir="auto">{t('statedPeopleShown', session.people)}</span>}
        </p>
      )}
      {vouchedBy && vouchedBy.length > 0 && (
        <p class="session-meta session-vouched" data-provenance="vouched">
          <strong dir="auto">{t('activityVouchedBy', vouchedBy.join(', '))}</strong>
        </p>
      )}
      {session.skills.length > 0 ? (
        <ul class="chips" aria-label={t('navSkills')}>
          {session.skills.map((id) => {
            const skill = skillsById.get(id);
            return skill ? (
              <li
                key={id}
                class="chip"
                style={{ '--chip': skill.colour, paddingInlineEnd: '0.6rem' }}
              >
                {skill.name}
              </li>
            ) : null;
          })}
        </ul>
      ) : (
        <p class="muted session-untagged">{t('noSkills')}</p>
      )}
      {searches && searches.length > 0 && (
        <div class="session-queries">
          <span class="muted">{t('sessionQueries')}</span>
          <ul>
            {searches.map((q) => (
              <li key={q.id}>{q.query}</li>
            ))}
          </ul>
        </div>
      )}
      {visits && visits.length > 0 && (
        <details class="session-pages">
          <summary>{t('sessionPagesCount', formatNumber(visits.length, locale))}</summary>
          <ul>
            {visits.map((v) => (
              <li key={v.id}>
                {isLinkable(v.url) ? (
                  <a href={v.url} target="_blank" rel="noopener noreferrer">
                    <bdi>{v.title || v.domain || v.url}</bdi>
                  </a>
                ) : (
                  <bdi>{v.title || v.domain || v.url}</bdi>
                )}
                <span class="muted"> · {formatDuration(v.activeMs, locale)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {session.note && (
        <p class="session-note" data-provenance="written">
          <span class="provenance muted">{t(PROVENANCE_KEYS.written.label)} · </span>
          <span class="note-text" dir="auto">
            {session.note}
          </span>
        </p>
      )}
      {children}
    </article>
  );
}
