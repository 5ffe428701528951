import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LookBackCandidate } from '../../lib/look-back/group';
import { firstOfDays, type CandidateDay } from '../../lib/look-back/by-day';
import type { Skill } from '../../lib/model';
import type { Suggestion } from '../../lib/suggest/rank';
import { formatDay, formatDuration, formatList, formatTime } from '../../lib/format';
import { isLinkable } from '../../lib/url';
import { t, uiLocale } from '../i18n/i18n';
import { SkillPicker } from '../SkillPicker';
import { SuggestedSkills } from '@/components/popup/SuggestedSkills';

export interface LookBackReviewProps {
  /** What was found, by day (`candidatesByDay`: worked out before, not while rendering). */
  days: readonly CandidateDay[];
  skills: readonly Skill[];
  /** Suggested skills for a candidate, as the popup suggests them for a page. */
  suggest: (candidate: LookBackCandidate) => Promise<Suggestion[]>;
  onCreateSkill: (name: string) => Promise<Skill>;
  /** Stores a kept candidate with its skills. */
  onKeep: (candidate: LookBackCandidate, skills: readonly string[]) => Promise<unknown>;
}

type Decision = 'kept' | 'dismissed' | 'failed';

/** Candidates shown at a time: a page's frames stay short however much was found. */
const PAGE = 20;

/**
 * What a look back found, newest day first: each candidate with its title, site and
 * queries, suggested skills and a skill field, and Keep (or Ctrl+Enter) or Dismiss — one at
 * a time or a whole day (all of it, shown yet or not). Candidates show a page at a time.
 * Nothing is stored until Keep; a skill typed but not entered is kept with it, as the
 * popup saves one. Every page text is shown as text.
 */
export function LookBackReview(props: LookBackReviewProps) {
  const { days, skills, suggest, onCreateSkill, onKeep } = props;
  const locale = uiLocale();
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [decided, setDecided] = useState<Record<string, Decision>>({});
  const total = useMemo(() => days.reduce((n, d) => n + d.candidates.length, 0), [days]);
  const [shown, setShown] = useState(PAGE);
  // The first candidate a "Show more" revealed: the keyboard goes to its title.
  const [focusOn, setFocusOn] = useState<string | null>(null);
  useEffect(() => {
    if (focusOn !== null) document.getElementById(`look-back-title-${focusOn}`)?.focus();
  }, [focusOn]);
  // The latest skills per candidate, read after an await (a skill typed, then Keep).
  const latest = useRef(chosen);
  const choose = (id: string, ids: string[]) => {
    latest.current = { ...latest.current, [id]: ids };
    setChosen((before) => ({ ...before, [id]: ids }));
  };
  // Each skill field's "add what is typed", and the skills being created, which Keep waits for.
  const commits = useRef(new Map<string, { current: (() => Promise<void>) | null }>());
  const commitOf = (id: string) => {
    const ref = commits.current.get(id) ?? { current: null };
    commits.current.set(id, ref);
    return ref;
  };
  const creating = useRef(new Set<Promise<unknown>>());
  const createSkill = (name: string) => {
    const created = onCreateSkill(name);
    creating.current.add(created);
    void created.finally(() => creating.current.delete(created)).catch(() => {});
    return created;
  };
  // One loader per candidate, made when it shows: a new one would load again on every render.
  const loaders = useRef(new Map<string, () => Promise<Suggestion[]>>());
  const loaderOf = (c: LookBackCandidate) => {
    const load = loaders.current.get(c.id) ?? (() => suggest(c));
    loaders.current.set(c.id, load);
    return load;
  };

  const decide = (id: string, decision: Decision) =>
    setDecided((before) => ({ ...before, [id]: decision }));
  const keep = async (candidate: LookBackCandidate) => {
    try {
      // A skill still in the field is on screen: add it as Enter would, then wait for every
      // skill being created (the field selects each as it is stored).
      await commits.current.get(candidate.id)?.current?.();
      while (creating.current.size > 0) {
        await Promise.allSettled([...creating.current]);
        await Promise.resolve();
      }
      await onKeep(candidate, latest.current[candidate.id] ?? []);
      decide(candidate.id, 'kept');
    } catch (error) {
      console.error('Skilltrail could not keep a session from history', error);
      decide(candidate.id, 'failed');
    }
  };
  const open = (list: readonly LookBackCandidate[]) =>
    list.filter((c) => decided[c.id] === undefined || decided[c.id] === 'failed');

  if (total === 0) return <p role="status">{t('lookBackNothing')}</p>;
  const keptCount = Object.values(decided).filter((d) => d === 'kept').length;

  return (
    <div class="look-back-review">
      <p role="status">
        {t('lookBackFound', total)}
        {keptCount > 0 ? ` ${t('lookBackKeptCount', keptCount)}` : ''}
      </p>
      <p class="muted">{t('lookBackReviewHelp')}</p>
      {firstOfDays(days, shown).map((day) => {
        const dayName = formatDay(day.start, locale);
        const headingId = `look-back-day-${day.start}`;
        // The whole day, shown yet or not: "Keep all of" a day means all of it.
        const undecided = open(days.find((d) => d.start === day.start)?.candidates ?? []);
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
                      <h4 id={titleId} dir="auto" tabIndex={-1}>
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
                            void keep(c);
                          }}
                          onKeyDown={(e) => {
                            if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
                            e.preventDefault();
                            void keep(c);
                          }}
                        >
                          <SkillPicker
                            skills={skills}
                            selected={chosen[c.id] ?? []}
                            onChange={(ids) => choose(c.id, ids)}
                            onCreate={createSkill}
                            commitRef={commitOf(c.id)}
                          />
                          <SuggestedSkills
                            sessionId={c.id}
                            load={loaderOf(c)}
                            selected={chosen[c.id] ?? []}
                            onAdd={(skillId) => {
                              const before = latest.current[c.id] ?? [];
                              if (!before.includes(skillId)) choose(c.id, [...before, skillId]);
                            }}
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
      {shown < total && (
        <p>
          <button
            type="button"
            onClick={() => {
              setFocusOn(
                firstOfDays(days, shown + 1)
                  .at(-1)!
                  .candidates.at(-1)!.id,
              );
              setShown(shown + PAGE);
            }}
          >
            {t('lookBackShowMore', [Math.min(PAGE, total - shown), total - shown])}
          </button>
        </p>
      )}
    </div>
  );
}
