import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BulkTagBar } from '../../../../components/BulkTagBar';
import { ExportPanel, type ExportPanelProps } from '../../../../components/ExportPanel';
import { FollowUpList } from '../../../../components/FollowUpList';
import { FollowUpPrompt } from '../../../../components/FollowUpPrompt';
import {
  badgeStrings,
  csvStrings,
  reportStrings,
  sessionLabelStrings,
} from '../../../../components/i18n/export-strings';
import { t, uiLocale } from '../../../../components/i18n/i18n';
import { ImportBackup } from '../../../../components/ImportBackup';
import { ReviewSession } from '../../../../components/ReviewSession';
import { SessionFilters } from '../../../../components/SessionFilters';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { DayChart, SkillChart } from '../../../../components/WeekChart';
import { WeekPicker } from '../../../../components/WeekPicker';
import { WeekTotals } from '../../../../components/WeekTotals';
import { WalletFiles, type WalletFile } from '../../../../components/WalletFiles';
import { getOrCreateSigningKey } from '../../../../lib/credentials/keys';
import { db } from '../../../../lib/store/db';
import { parseBackup } from '../../../../lib/export/backup-parse';
import { exportBackup, importBackup } from '../../../../lib/store/backup';
import { exportHtml } from '../../../../lib/export/html';
import { actorFromSettings } from '../../../../lib/export/identity';
import { getOrCreateInstallId } from '../../../../lib/store/install-id';
import { exportMarkdown } from '../../../../lib/export/markdown';
import { exportCsv } from '../../../../lib/export/csv';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import { exportWeekAsXapi } from '../../../../lib/export/xapi';
import { formatNumber } from '../../../../lib/format';
import { deleteSession, setSessionDismissed, tagSession } from '../../../../lib/store/sessions';
import type { Settings } from '../../../../lib/settings/settings';
import { loadSettings, watchSettings } from '../../../../lib/settings/store';
import { addSkillToSessions, removeSkillFromSessions } from '../../../../lib/skills/library';
import { ensureSkill } from '../../../../lib/skills/names';
import { answerFollowUp, dismissFollowUp, loadDueFollowUp } from '../../../../lib/followup/record';
import {
  addToSuggestionIndex,
  buildSuggestionIndex,
  type SuggestionIndex,
} from '../../../../lib/suggest/skill-index';
import { loadSuggestionHistory } from '../../../../lib/suggest/history';
import { suggest, type Suggestion } from '../../../../lib/suggest/rank';
import { summarise } from '../../../../lib/week/summary';
import { shiftWeek, weekFromKey, weekOf, type Week } from '../../../../lib/time';
import {
  filterReview,
  loadWeek,
  NO_FILTER,
  reviewOrder,
  sitesInReview,
  suggestionContextOf,
  type ReviewFilter,
  type ReviewItem,
  type WeekData,
} from '../../../../lib/week/review';
import { navigate } from '../../router';
import { WeekStorySection } from './WeekStorySection';

/** Sessions rendered at first; "Show more" adds as many again. A busy week stays quick. */
const PAGE_SIZE = 50;
/** Suggested skills per untagged session. */
const SUGGESTIONS = 3;
const NO_SUGGESTIONS: Suggestion[] = [];

/** The learner's settings, kept current when any extension page changes them. */
function useLearnerSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

/** The week the route names (`#/week/2026-W48`), or this week. */
export function WeekView({ params }: { params: string[] }) {
  const settings = useLearnerSettings();
  if (!settings) return <p role="status">{t('loading')}</p>;
  return <WeekReview settings={settings} routeKey={params[0]} />;
}

/**
 * Positions that stay put while the learner works: tagging an untagged session or marking
 * one "not learning" does not make it jump away from the keyboard focus. Sessions that
 * appear later (the tracker records while the page is open) go on top.
 */
function useStableOrder(items: ReviewItem[], weekKey: string): ReviewItem[] {
  const ranks = useRef({ week: '', map: new Map<string, number>(), top: 0 });
  if (ranks.current.week !== weekKey) ranks.current = { week: weekKey, map: new Map(), top: 0 };
  const { map } = ranks.current;
  const first = map.size === 0;
  items.forEach((item, i) => {
    if (!map.has(item.session.id)) map.set(item.session.id, first ? i : --ranks.current.top);
  });
  return [...items].sort((a, b) => map.get(a.session.id)! - map.get(b.session.id)!);
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

function WeekReview({ settings, routeKey }: { settings: Settings; routeKey?: string }) {
  const locale = uiLocale();
  const options = { weekStart: settings.weekStart };
  const current = weekOf(Date.now(), options);
  const routed = routeKey ? weekFromKey(routeKey, options) : null;
  const week: Week = routed ?? current;
  const badRoute = routeKey !== undefined && routed === null;

  const data = useLiveQuery(() => loadWeek(db(), week.start, week.end), [week.start, week.end]);
  const due = useLiveQuery(
    () => loadDueFollowUp(db(), settings, Date.now()),
    [settings.followUpsEnabled, settings.followUpDays],
  );

  return (
    <section aria-labelledby="week-heading" class="week-view">
      <FollowUpPrompt
        due={due}
        locale={locale}
        onAnswer={async (answer) =>
          !!due && (await answerFollowUp(db(), due, answer, Date.now())) !== null
        }
        onDismiss={async () => !!due && (await dismissFollowUp(db(), due, Date.now())) !== null}
      />
      <WeekPicker
        week={week}
        current={current}
        previous={shiftWeek(week, -1, options)}
        next={shiftWeek(week, 1, options)}
        locale={locale}
        onSelect={(key) => {
          const chosen = weekFromKey(key, options);
          if (!chosen) return false;
          navigate('week', chosen.key);
          return true;
        }}
      />
      {badRoute && (
        <p class="notice" role="status">
          {t('weekRouteInvalid')}
        </p>
      )}
      {!data ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <WeekContent key={week.key} week={week} data={data} settings={settings} locale={locale} />
      )}
    </section>
  );
}

interface WeekContentProps {
  week: Week;
  data: WeekData;
  settings: Settings;
  locale: string;
}

function WeekContent({ week, data, settings, locale }: WeekContentProps) {
  const summaryOptions = { start: week.start, end: week.end, weekStart: settings.weekStart };
  const summary = useMemo(() => summarise(data, summaryOptions), [data, week.key]);
  const skillsById = useMemo(() => new Map(data.skills.map((s) => [s.id, s])), [data.skills]);

  const [filter, setFilter] = useState<ReviewFilter>({ ...NO_FILTER });
  const [shown, setShown] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [level, setLevel] = useState<PrivacyLevel>(settings.exportPrivacy);
  const [wallet, setWallet] = useState<WalletFile[]>([]);
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

  const needsSuggestions = ordered.some(
    (i) => i.session.status !== 'dismissed' && !i.session.skills.some((s) => skillsById.has(s)),
  );
  const index = useSuggestionIndex(needsSuggestions, data.skills.map((s) => s.id).join(','));
  // Ranked once per change of the week's records, not on every keystroke in the filters.
  const suggestions = useMemo(() => {
    const out = new Map<string, Suggestion[]>();
    if (!index) return out;
    const now = Date.now();
    for (const item of ordered) {
      if (item.session.status === 'dismissed') continue;
      if (item.session.skills.some((s) => skillsById.has(s))) continue;
      out.set(item.session.id, suggest(index, suggestionContextOf(item), now, SUGGESTIONS));
    }
    return out;
  }, [index, data]);
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

  const shared = useMemo(
    () => prepareExport(data, { ...summaryOptions, level, strings: sessionLabelStrings() }),
    [data, week.key, level],
  );
  const exporters: ExportPanelProps['exporters'] = {
    markdown: async () => [
      exportMarkdown(shared, { locale, now: Date.now(), strings: reportStrings(locale) }),
    ],
    csv: async () => [exportCsv(shared, { strings: csvStrings() })],
    xapi: async () => {
      const installId = await getOrCreateInstallId(db());
      return [await exportWeekAsXapi(shared, actorFromSettings(settings, installId))];
    },
    badges: async (progress) => {
      // The JSON-LD stack loads only here, when the learner exports badges.
      const [{ badgesHtmlFile, badgesJsonFile, issueBadges, walletFile }, { getOrCreateDidKey }] =
        await Promise.all([
          import('../../../../lib/export/openbadges'),
          import('../../../../lib/credentials/did-key'),
        ]);
      // The keys are made once and kept in `meta`; every badge of this learner carries them.
      const keys = {
        didKey: await getOrCreateDidKey(db()),
        jwtKey: await getOrCreateSigningKey(db()),
      };
      const strings = badgeStrings(locale);
      const badges = await issueBadges(
        shared,
        keys,
        { learnerName: settings.learnerName, now: Date.now(), locale, strings },
        progress,
      );
      setWallet(
        badges.map((b) => ({
          name: b.credential.credentialSubject.achievement.name,
          file: walletFile(shared, b),
        })),
      );
      return [
        badgesJsonFile(shared, badges, keys.didKey.did),
        badgesHtmlFile(shared, badges, { locale, strings }),
      ];
    },
  };

  const skillName = (id: string) => skillsById.get(id)?.name ?? '';
  // The follow-ups on this week's sessions, as each skill's summary holds them.
  const followUps = summary.skills.flatMap((s) =>
    s.followUps.map((f) => ({ ...f, skillName: s.name })),
  );

  return (
    <>
      <WeekStorySection
        week={week}
        data={data}
        summary={summary}
        weekStart={settings.weekStart}
        locale={locale}
      />
      <h2>{t('summaryHeading')}</h2>
      <WeekTotals summary={summary} locale={locale} />

      <div class="week-charts">
        <div>
          <h2>{t('bySkillHeading')}</h2>
          <SkillChart summary={summary} locale={locale} />
        </div>
        <div>
          <h2>{t('byDayHeading')}</h2>
          <DayChart summary={summary} locale={locale} />
        </div>
      </div>

      {followUps.length > 0 && (
        <>
          <h2>{t('followUpsHeading')}</h2>
          <FollowUpList items={followUps} locale={locale} />
        </>
      )}

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
                  onSave={async (title, skills, note) => {
                    await tagSession(db(), item.session.id, {
                      title,
                      skills,
                      note,
                      now: Date.now(),
                    });
                    learn(item, skills);
                  }}
                  onCreateSkill={(name) => ensureSkill(db(), name, Date.now())}
                  onDismiss={async (dismissed) => {
                    await setSessionDismissed(db(), item.session.id, dismissed, Date.now());
                    setMessage(
                      t(dismissed ? 'dismissedMessage' : 'undismissedMessage', item.session.title),
                    );
                  }}
                  onDelete={async () => {
                    await deleteSession(db(), item.session.id);
                    // A tracker write waiting for disk space must not bring it back.
                    await browser.runtime
                      .sendMessage({ type: 'forget-waiting', sessionIds: [item.session.id] })
                      .catch(() => undefined);
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

      <h2>{t('exportHeading')}</h2>
      <ExportPanel
        level={level}
        onLevelChange={setLevel}
        shared={shared}
        locale={locale}
        exporters={exporters}
        report={() =>
          exportHtml(shared, { locale, now: Date.now(), strings: reportStrings(locale) })
        }
        backup={() => exportBackup(db(), { now: Date.now(), weekKey: week.key })}
        results={<WalletFiles files={wallet} />}
      >
        <ImportBackup
          locale={locale}
          onImport={async (text, onProgress) => {
            const parsed = parseBackup(text);
            return parsed.ok ? importBackup(db(), parsed.backup, onProgress) : parsed;
          }}
        />
      </ExportPanel>
    </>
  );
}
