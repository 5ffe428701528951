import type { ComponentChildren } from 'preact';
import { formatDateTime, formatDuration } from '../lib/format';
import type { Session, Skill } from '../lib/model';
import { isLinkable } from '../lib/url';
import { t, uiLocale } from './i18n';

const KIND_LABEL = {
  reading: 'kindReading',
  search: 'kindSearch',
  watching: 'kindWatching',
} as const;

export interface SessionCardProps {
  session: Session;
  skillsById: ReadonlyMap<string, Skill>;
  /** Extra lines (queries, pages) and controls (edit, delete). */
  children?: ComponentChildren;
}

/** One session in a list: title, kind, site, date, active time, skills, note. Page data is text only. */
export function SessionCard({ session, skillsById, children }: SessionCardProps) {
  const locale = uiLocale();
  const title = session.title || session.domain || session.url;
  return (
    <article class="session-card" data-session-id={session.id}>
      <h3 class="session-title">
        {isLinkable(session.url) ? (
          <a href={session.url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p class="session-meta muted">
        {[
          t(KIND_LABEL[session.kind]),
          session.domain,
          formatDateTime(session.startedAt, locale),
          formatDuration(session.activeMs, locale),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {session.skills.length > 0 ? (
        <ul class="chips" aria-label={t('navSkills')}>
          {session.skills.map((id) => {
            const skill = skillsById.get(id);
            return skill ? (
              <li key={id} class="chip" style={{ '--chip': skill.colour, paddingRight: '0.6rem' }}>
                {skill.name}
              </li>
            ) : null;
          })}
        </ul>
      ) : (
        <p class="muted session-untagged">{t('noSkills')}</p>
      )}
      {session.note && <p class="session-note">{session.note}</p>}
      {children}
    </article>
  );
}
