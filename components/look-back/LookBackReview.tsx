import { useState } from 'preact/hooks';
import type { LookBackCandidate } from '../../lib/look-back/group';
import { candidatesByDay } from '../../lib/look-back/by-day';
import type { Skill } from '../../lib/model';
import type { Suggestion } from '../../lib/suggest/rank';
import { formatDay, formatDuration, formatList, formatTime } from '../../lib/format';
import { isLinkable } from '../../lib/url';
import { t, uiLocale } from '../i18n/i18n';
import { SkillPicker } from '../SkillPicker';
import { SuggestedSkills } from '@/components/popup/SuggestedSkills';

export interface LookBackReviewProps {
  candidates: readonly LookBackCandidate[];
  skills: readonly Skill[];
  /** Suggested skills for a candidate, as the popup suggests them for a page. */
  suggest: (candidate: LookBackCandidate) => Promise<Suggestion[]>;
  onCreateSkill: (name: string) => Promise<Skill>;
  /** Stores a kept candidate with its skills. */
  onKeep: (candidate: LookBackCandidate, skills: readonly string[]) => Promise<unknown>;
}

type Decision = 'kept' | 'dismissed' | 'failed';

/**
 * What a look back found, newest day first: each candidate with its title, site and
 * queries, suggested skills and a skill field, and Keep or Dismiss — one at a time or a
 * whole day. Nothing is stored until Keep. Every page text is shown as text.
 */
export function LookBackReview(props: LookBackReviewProps) {
  const { candidates, skills, suggest, onCreateSkill, onKeep } = props;
  const locale = uiLocale();
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [decided, setDecided] = useState<Record<string, Decision>>({});
  const byId = new Map(candidates.map((c) => [c.id, c]));

  const decide = (id: string, decision: Decision) =>
    setDecided((before) => ({ ...before, [id]: decision }));
  const keep = async (candidate: LookBackCandidate) => {
    try {
      await onKeep(candidate, chosen[candidate.id] ?? []);
      decide(candidate.id, 'kept');
    } catch (error) {
      console.error('Skilltrail could not keep a session from history', error);
      decide(candidate.id, 'failed');
    }
  };
  const open = (list: readonly LookBackCandidate[]) =>
    list.filter((c) => decided[c.id] === undefined || decided[c.id] === 'failed');

  if (candidates.length === 0) return <p role="status">{t('lookBackNothing')}</p>;
  const keptCount = Object.values(decided).filter((d) => d === 'kept').length;

  return (
    <div class="look-back-review">
      <p role="status">
        {t('lookBackFound', candidates.length)}
        {keptCount > 0 ? ` ${t('lookBackKeptCount', keptCount)}` : ''}
      </p>
      <p class="muted">{t('lookBackReviewHelp')}</p>
      {candidatesByDay(candidates).map((day) => {
        const dayName = formatDay(day.start, locale);
        const headingId = `look-back-day-${day.start}`;
        const undecided = open(day.candidates);
        return (
          <section key={day.start} aria-labelledby={headingId} class="look-back-day">
            <h3 id={headingId}>{dayName}</h3>
            <p class="look-back-day-actions">
              <button
                type="button"
                disabled={undecided.length === 0}
                onClick={() => {
                  void (async () => {
                    for (const c of undecided) await keep(c);
                  })();
                }}
              >
                {t('lookBackKeepDay', dayName)}
              </button>{' '}
              <button
                type="button"
                disabled={undecided.length === 0}
                onClick={() => {
                  for (const c of undecided) decide(c.id, 'dismissed');
                }}
              >
                {t('lookBackDismissDay', dayName)}
              </button>
            </p>
            <ul class="look-back-list">
              {day.candidates.map((c) => {
                const state = decided[c.id];
                const titleId = `look-back-title-${c.id}`;
                const queries = c.queries.map((q) => q.query).filter(Boolean);
                const results = c.pages.filter((p) => !p.serp);
                return (
                  <li key={c.id} data-candidate={c.kind} data-decision={state ?? ''}>
                    <article aria-labelledby={titleId} class="look-back-candidate">
                      <h4 id={titleId} dir="auto">
                        {isLinkable(c.url) ? (
                          <a href={c.url} target="_blank" rel="noopener noreferrer">
                            {c.title || c.domain}
                          </a>
                        ) : (
                          c.title || c.domain
                        )}
                      </h4>
                      <p class="muted">
                        {[
                          t(c.kind === 'search' ? 'kindSearch' : 'kindReading'),
                          c.domain,
                          formatTime(c.startedAt, locale),
                          c.estimatedMs > 0
                            ? t('lookBackEstimate', formatDuration(c.estimatedMs, locale))
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                      {queries.length > 0 && (
                        <p dir="auto">{t('lookBackQueries', formatList(queries, locale))}</p>
                      )}
                      {results.length > 0 && (
                        <ul class="look-back-pages" aria-label={t('lookBackPagesLabel')}>
                          {results.map((p) => (
                            <li key={p.url} dir="auto">
                              {p.title || p.domain} <span class="muted">({p.domain})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {state === 'kept' || state === 'dismissed' ? (
                        <p role="status" class={state === 'kept' ? 'ok' : 'muted'}>
                          {t(state === 'kept' ? 'lookBackKept' : 'lookBackDismissed')}
                        </p>
                      ) : (
                        <form
                          class="look-back-tag"
                          aria-labelledby={titleId}
                          onSubmit={(e) => {
                            e.preventDefault();
                            const candidate = byId.get(c.id);
                            if (candidate) void keep(candidate);
                          }}
                        >
                          <SkillPicker
                            skills={skills}
                            selected={chosen[c.id] ?? []}
                            onChange={(ids) => setChosen((before) => ({ ...before, [c.id]: ids }))}
                            onCreate={onCreateSkill}
                          />
                          <SuggestedSkills
                            sessionId={c.id}
                            load={() => suggest(c)}
                            selected={chosen[c.id] ?? []}
                            onAdd={(skillId) =>
                              setChosen((before) => ({
                                ...before,
                                [c.id]: [...(before[c.id] ?? []), skillId],
                              }))
                            }
                          />
                          <p>
                            <button type="submit" class="primary">
                              {t('lookBackKeep')}
                            </button>{' '}
                            <button type="button" onClick={() => decide(c.id, 'dismissed')}>
                              {t('lookBackDismiss')}
                            </button>
                          </p>
                          {state === 'failed' && (
                            <p role="alert" class="error">
                              {t('lookBackKeepFailed')}
                            </p>
                          )}
                        </form>
                      )}
                    </article>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
