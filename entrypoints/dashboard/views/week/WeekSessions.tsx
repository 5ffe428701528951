import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BulkTagBar } from '../../../../components/week/BulkTagBar';
import { t } from '../../../../components/i18n/i18n';
import { ReviewSession } from '../../../../components/week/ReviewSession';
import { SessionFilters } from '../../../../components/week/SessionFilters';
import { formatNumber } from '../../../../lib/format';
import type { Skill } from '../../../../lib/model';
import { sendRequest } from '../../../../lib/messages';
import { addSkillToSessions, removeSkillFromSessions } from '../../../../lib/store/bulk-tag';
import { setSessionDismissed, tagSession } from '../../../../lib/store/sessions';
import { db } from '../../../../lib/store/records';
import { loadSuggestionHistory } from '../../../../lib/store/suggestion-history';
import { suggest, type Suggestion } from '../../../../lib/suggest/rank';
import {
  addToSuggestionIndex,
  buildSuggestionIndex,
  type SuggestionIndex,
} from '../../../../lib/suggest/skill-index';
import type { Week } from '../../../../lib/time';
import type { Settings } from '../../../../lib/settings/settings';
import {
  filterReview,
  NO_FILTER,
  reviewOrder,
  sitesInReview,
  suggestionContextOf,
  type ReviewFilter,
  type ReviewItem,
  type WeekData,
} from '../../../../lib/week/review';
import { ensureSkill } from '../../../../lib/store/skills';
import { saveStatedActivity } from '../../../../lib/store/stated';
import { dayString } from '../../../../lib/learning-away/validate';
import { localDate } from '../../../../lib/time';
import { awaitsSkill } from '../../../../lib/week/learning-sessions';

/** Sessions rendered at first; "Show more" adds as many again. A busy week stays quick. */
const PAGE_SIZE = 50;
/** Suggested skills per untagged session. */
const SUGGESTIONS = 3;
const NO_SUGGESTIONS: Suggestion[] = [];

/**
 * Positions that stay put while the learner works: tagging an untagged session or marking
 * one "not learning" does not make it jump away from the keyboard focus. Sessions that
 * appear later (the tracker records while the page is open) go on top.
 */
function useStableOrder(items: ReviewItem[], weekKey: string): ReviewItem[] {
  const ranks = useRef({ week: '', map: new Map<string, number>(), top: 0 });
  // The same array until the week's records change, so what is computed from it keeps too.
  return useMemo(() => {
    if (ranks.current.week !== weekKey) ranks.current = { week: weekKey, map: new Map(), top: 0 };
    const { map } = ranks.current;
    const first = map.size === 0;
    items.forEach((item, i) => {
      if (!map.has(item.session.id)) map.set(item.session.id, first ? i : --ranks.current.top);
    });
    return [...items].sort((a, b) => map.get(a.session.id)! - map.get(b.session.id)!);
  }, [items, weekKey]);
}

/** The suggestion index, built once from the history when some session needs suggestions. */
function useSuggestionIndex(needed: boolean, skillIds: string): SuggestionIndex | undefined {
  const [index, setIndex] = useState<SuggestionIndex>();
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void loadSuggestionHistory(db())
      .then((history) => live && setIndex(buildSuggestionIndex(history)))
      .catch((error: unknown) => console.error('Skilltrail suggestions failed', error));
    return () => {
      live = false;
    };
    // A new skill joins suggestions only through a rebuild.
  }, [needed, skillIds]);
  return index;
}

export interface WeekSessionsProps {
  week: Week;
  data: WeekData;
  skillsById: ReadonlyMap<string, Skill>;
  locale: string;
  settings: Pick<Settings, 'weekStart' | 'learnerName' | 'exportPrivacy'>;
}

/**
 * The week's sessions to review: filters, selection and bulk tagging, suggestions for the
 * untagged ones, and each session's card.
 */
export function WeekSessions({ week, data, skillsById, locale, settings }: WeekSessionsProps) {
  const [filter, setFilter] = useState<ReviewFilter>({ ...NO_FILTER });
  const [shown, setShown] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const sessionsHeading = useRef<HTMLHeadingElement>(null);

  const ordered = useStableOrder(
    useMemo(() => reviewOrder(data), [data]),
    week.key,
  );
  const sites = useMemo(() => sitesInReview(ordered), [ordered]);
  const filtered = useMemo(
    () => filterReview(ordered, filter, data.skills),
    [ordered, filter, data.skills],
  );
  const visible = filtered.slice(0, shown);

  // Selection holds only sessions that still exist.
  const present = new Set(data.sessions.map((s) => s.id));
  const chosen = [...selected].filter((id) => present.has(id));

  const isSkill = (id: string) => skillsById.has(id);
  const needsSuggestions = ordered.some((i) => awaitsSkill(i.session, isSkill));
  const index = useSuggestionIndex(needsSuggestions, data.skills.map((s) => s.id).join(','));
  // Ranked once per change of the week's records, not on every keystroke in the filters.
  const suggestions = useMemo(() => {
    const out = new Map<string, Suggestion[]>();
    if (!index) return out;
    const now = Date.now();
    for (const item of ordered) {
      if (!awaitsSkill(item.session, (id) => skillsById.has(id))) continue;
      out.set(item.session.id, suggest(index, suggestionContextOf(item), now, SUGGESTIONS));
    }
    return out;
  }, [index, ordered, skillsById]);
  const learn = (item: ReviewItem, skills: string[]) => {
    if (!index) return;
    const ctx = suggestionContextOf(item);
    addToSuggestionIndex(index, {
      id: item.session.id,
      domain: item.session.domain,
      title: item.session.title,
      url: item.session.url,
      queries: ctx.queries ?? [],
      skills,
      updatedAt: Date.now(),
    });
  };

  const skillName = (id: string) => skillsById.get(id)?.name ?? '';
  const today = dayString(localDate(Date.now()));

  return (
    <>
      <h2 id="sessions-heading" ref={sessionsHeading} tabIndex={-1}>
        {t('sessionsHeading')}
      </h2>
      {data.sessions.length === 0 ? (
        <p>{t('weekEmpty')}</p>
      ) : (
        <>
          <SessionFilters
            filter={filter}
            onChange={(f) => {
              setFilter(f);
              setShown(PAGE_SIZE);
            }}
            skills={data.skills}
            sites={sites}
          />
          <div class="list-tools">
            <p class="muted" role="status">
              {t('sessionsShowing', [
                formatNumber(filtered.length, locale),
                formatNumber(ordered.length, locale),
              ])}
            </p>
            {filtered.length > 0 && (
              <button
                type="button"
                onClick={() =>
                  setSelected(new Set([...chosen, ...visible.map((i) => i.session.id)]))
                }
              >
                {t('selectAllShown')}
              </button>
            )}
          </div>
          {chosen.length > 0 && (
            <BulkTagBar
              count={chosen.length}
              skills={data.skills}
              locale={locale}
              onClear={() => setSelected(new Set())}
              onAdd={async (skillId) => {
                const n = await addSkillToSessions(db(), chosen, skillId, Date.now());
                for (const item of ordered) {
                  if (chosen.includes(item.session.id)) {
                    learn(item, [...item.session.skills, skillId]);
                  }
                }
                setMessage(t('bulkAdded', [skillName(skillId), formatNumber(n, locale)]));
              }}
              onRemove={async (skillId) => {
                const n = await removeSkillFromSessions(db(), chosen, skillId, Date.now());
                setMessage(t('bulkRemoved', [skillName(skillId), formatNumber(n, locale)]));
              }}
            />
          )}
          <p class="status" role="status">
            {message}
          </p>
          <ol class="session-list">
            {visible.map((item) => (
              <li key={item.session.id}>
                <ReviewSession
                  item={item}
                  skills={data.skills}
                  skillsById={skillsById}
                  locale={locale}
                  selected={selected.has(item.session.id)}
                  onSelect={(on) =>
                    setSelected((prev) => {
                      const next = new Set(prev);
                      if (on) next.add(item.session.id);
                      else next.delete(item.session.id);
                      return next;
                    })
                  }
                  suggestions={suggestions.get(item.session.id) ?? NO_SUGGESTIONS}
                  editing={editing === item.session.id}
                  onEdit={(open) => setEditing(open ? item.session.id : null)}
                  onTag={async (skillId) => {
                    await addSkillToSessions(db(), [item.session.id], skillId, Date.now());
                    learn(item, [...item.session.skills, skillId]);
                    setMessage(t('taggedWith', [item.session.title, skillName(skillId)]));
                  }}
                  onSave={async (title, skills, note, opened) => {
                    await tagSession(db(), item.session.id, {
                      title,
                      skills,
                      note,
                      opened,
                      now: Date.now(),
                    });
                    learn(item, skills);
                  }}
                  onCreateSkill={(name) => ensureSkill(db(), name, Date.now())}
                  today={today}
                  exportPrivacy={settings.exportPrivacy}
                  onAskEndorsement={async (level) => {
                    const { saveActivityEndorsementRequest } =
                      await import('./activity-endorsement-request');
                    return saveActivityEndorsementRequest(item.session.id, level, settings, locale);
                  }}
                  onSaveStated={async (input) => {
                    const result = await saveStatedActivity(db(), input, {
                      now: Date.now(),
                      sessionId: item.session.id,
                    });
                    if (result.ok) learn(item, result.session.skills);
                    return result;
                  }}
                  onDismiss={async (dismissed) => {
                    await setSessionDismissed(db(), item.session.id, dismissed, Date.now());
                    setMessage(
                      t(dismissed ? 'dismissedMessage' : 'undismissedMessage', item.session.title),
                    );
                  }}
                  onDelete={async () => {
                    // One call to the worker: the records and every write waiting for disk
                    // space that would bring them back go together.
                    await sendRequest(browser.runtime, 'delete-sessions', {
                      sessionIds: [item.session.id],
                    });
                    setEditing((open) => (open === item.session.id ? null : open));
                    setMessage(t('deletedMessage', item.session.title));
                    // The card is gone: keep the keyboard in the list rather than on the page body.
                    sessionsHeading.current?.focus();
                  }}
                />
              </li>
            ))}
          </ol>
          {filtered.length > visible.length && (
            <button type="button" class="show-more" onClick={() => setShown(shown + PAGE_SIZE)}>
              {t('showMore', formatNumber(filtered.length - visible.length, locale))}
            </button>
          )}
        </>
      )}
    </>
  );
}
