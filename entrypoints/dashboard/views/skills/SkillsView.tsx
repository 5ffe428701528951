import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import '../../../../components/skills/skills.css';
import { t, uiLocale } from '../../../../components/i18n/i18n';
import { AddEndorsement } from '../../../../components/skills/AddEndorsement';
import { PortfolioPanel } from '../../../../components/skills/PortfolioPanel';
import { SkillRow } from '../../../../components/skills/SkillRow';
import { StarterSkillPicker } from '../../../../components/skills/StarterSkillPicker';
import { TaxonomyImport } from '../../../../components/skills/TaxonomyImport';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { useSettings } from '../../../../components/hooks/use-settings';
import { db } from '../../../../lib/store/records';
import { addEndorsement, endorsementsBySkill } from '../../../../lib/store/endorsements';
import { sessionsBetween } from '../../../../lib/store/sessions';
import { allFollowUps } from '../../../../lib/store/follow-ups';
import { formatNumber } from '../../../../lib/format';
import type { Settings } from '../../../../lib/settings/settings';
import { answeredBySkill } from '../../../../lib/followup/answer';
import { goalProgress } from '../../../../lib/skills/totals';
import { rankSkillMatches } from '../../../../lib/skills/names';
import { weekOf } from '../../../../lib/time';
import {
  allSkills,
  deleteSkill,
  mergeSkills,
  renameSkill,
  updateSkill,
  loadSkillTotals,
} from '../../../../lib/store/skills';
import { addStarterSkills, importTaxonomy } from '../../../../lib/store/skill-imports';

/** Below this many skills the starter list is offered: a new library, not a curated one. */
const FEW_SKILLS = 5;
/** Skills rendered at first; "Show more" adds as many again. An imported framework has thousands. */
const PAGE_SIZE = 50;
/** From this many skills on, a search field helps find one. */
const FILTER_FROM = 10;

function focusSkill(skillId: string): void {
  document.querySelector<HTMLElement>(`[data-skill-heading="${skillId}"]`)?.focus();
}

/**
 * The skill library: every skill with its totals and weekly goal; rename, merge, delete
 * and edit; common skills to start from; and the import of a skills framework.
 */
export function SkillsView(_: { params: string[] }) {
  const [settings] = useSettings();
  if (settings === undefined) return <p role="status">{t('loading')}</p>;
  return <SkillLibrary settings={settings} />;
}

/** This browser's key and its fingerprint, for the learner to read out to a mentor. */
function useLearnerKey(): { did: string; fingerprint: string } | null {
  const [key, setKey] = useState<{ did: string; fingerprint: string } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [{ getOrCreateDidKey }, { keyFingerprint }, { didKeyStore }] = await Promise.all([
        import('../../../../lib/credentials/did-key'),
        import('../../../../lib/credentials/fingerprint'),
        import('../../../../lib/store/keys'),
      ]);
      const { did } = await getOrCreateDidKey(didKeyStore(db()));
      const fingerprint = await keyFingerprint(did);
      if (live) setKey({ did, fingerprint });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return key;
}

function SkillLibrary({ settings }: { settings: Settings }) {
  const { weekStart } = settings;
  const locale = uiLocale();
  const week = weekOf(Date.now(), { weekStart });
  const [message, setMessage] = useState('');
  const [query, setQuery] = useState('');
  const [shownCount, setShownCount] = useState(PAGE_SIZE);
  const learnerKey = useLearnerKey();
  const listHeading = useRef<HTMLHeadingElement>(null);
  // After "Show more", the first newly shown skill takes the focus.
  const focusAfterMore = useRef<string | null>(null);

  const data = useLiveQuery(async () => {
    const database = db();
    const [skills, totals, weekSessions, followUps, endorsements] = await Promise.all([
      allSkills(database),
      loadSkillTotals(database),
      sessionsBetween(database, week.start, week.end),
      allFollowUps(database),
      endorsementsBySkill(database),
    ]);
    return {
      skills,
      totals,
      goals: goalProgress(skills, weekSessions, week),
      followUps: answeredBySkill(followUps),
      endorsements,
    };
  }, [week.key, weekStart]);

  const sorted = useMemo(
    () =>
      [...(data?.skills ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name, locale, { sensitivity: 'base' }),
      ),
    [data?.skills, locale],
  );
  const keys = useMemo(() => new Set(sorted.map((s) => s.key)), [sorted]);
  const matching = useMemo(
    () => (query.trim() ? rankSkillMatches(query, sorted, sorted.length) : sorted),
    [query, sorted],
  );
  // After an endorsement is added, its skill scrolls into view once it is rendered.
  const revealAfterAdd = useRef<string | null>(null);
  useEffect(() => {
    const id = revealAfterAdd.current;
    const heading = id && document.querySelector(`[data-skill-heading="${id}"]`);
    if (!heading) return;
    revealAfterAdd.current = null;
    heading.scrollIntoView({ block: 'nearest' });
  });
  useEffect(() => {
    const id = focusAfterMore.current;
    focusAfterMore.current = null;
    if (id) focusSkill(id);
  }, [shownCount]);
  if (!data) return <p role="status">{t('loading')}</p>;
  const shown = matching.slice(0, shownCount);

  /** Shows `skillId` in the list (clearing the filter, showing more if need be). */
  const showSkill = (skillId: string) => {
    const index = sorted.findIndex((s) => s.id === skillId);
    if (index < 0) return;
    setQuery('');
    if (index >= shownCount) setShownCount(Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE);
    revealAfterAdd.current = skillId;
  };
  const totalsOf = new Map(data.totals.map((x) => [x.skillId, x]));
  const portfolioSkills = sorted.flatMap((s) => {
    const totals = totalsOf.get(s.id);
    return totals && totals.sessions > 0
      ? [{ id: s.id, name: s.name, sessions: totals.sessions, measuredMs: totals.activeMs }]
      : [];
  });
  const goalOf = new Map(data.goals.map((g) => [g.skillId, g]));

  return (
    <div class="skills-view">
      <h1>{t('skillsHeading')}</h1>
      <p role="status" class="status skills-status">
        {message}
      </p>

      {sorted.length > 0 && (
        <section aria-labelledby="skills-endorse-heading">
          <h2 id="skills-endorse-heading">{t('endorsementsHeading')}</h2>
          <p class="muted">{t('endorsementsIntro')}</p>
          {learnerKey && (
            <p class="muted your-key" data-did={learnerKey.did}>
              {t('endorsementsYourKey', learnerKey.fingerprint)}
            </p>
          )}
          <AddEndorsement
            onAdd={async (file) => {
              // Whose work it must be about: this browser's key, loaded on first use.
              const [{ getOrCreateDidKey }, { didKeyStore }] = await Promise.all([
                import('../../../../lib/credentials/did-key'),
                import('../../../../lib/store/keys'),
              ]);
              const key = await getOrCreateDidKey(didKeyStore(db()));
              return addEndorsement(db(), file, Date.now(), key.did);
            }}
            onAdded={showSkill}
          />
        </section>
      )}

      {portfolioSkills.length > 0 && (
        <section aria-labelledby="skills-portfolio-heading">
          <h2 id="skills-portfolio-heading">{t('portfolioHeading')}</h2>
          <PortfolioPanel
            skills={portfolioSkills}
            defaultLevel={settings.exportPrivacy}
            learnerName={settings.learnerName}
            locale={locale}
            onSave={async (skillIds, level, from) => {
              const { savePortfolio } = await import('./portfolio');
              return savePortfolio(skillIds, level, settings, locale, from);
            }}
          />
        </section>
      )}

      <section aria-labelledby="skills-list-heading">
        <h2 id="skills-list-heading" ref={listHeading} tabIndex={-1}>
          {t('skillsListHeading')}
        </h2>
        {sorted.length >= FILTER_FROM && (
          <div class="skills-filter">
            <label for="skills-filter">{t('skillsFilterLabel')}</label>
            <input
              id="skills-filter"
              type="search"
              value={query}
              aria-describedby="skills-filter-count"
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setShownCount(PAGE_SIZE);
              }}
            />
            <p id="skills-filter-count" class="muted hint">
              {t('skillsShownCount', [
                formatNumber(shown.length, locale),
                formatNumber(sorted.length, locale),
              ])}
            </p>
          </div>
        )}
        {sorted.length === 0 ? (
          <p class="muted">{t('skillsEmpty')}</p>
        ) : matching.length === 0 ? (
          <p class="muted">{t('skillsNoMatch')}</p>
        ) : (
          <ul class="skill-list">
            {shown.map((skill) => (
              <li key={skill.id}>
                <SkillRow
                  skill={skill}
                  totals={totalsOf.get(skill.id)}
                  goal={goalOf.get(skill.id)}
                  skills={sorted}
                  locale={locale}
                  announce={setMessage}
                  followUps={data.followUps.get(skill.id)}
                  exportPrivacy={settings.exportPrivacy}
                  onAskEndorsement={async (level) => {
                    // The page, its script and the signing stack load only when asked for.
                    const { saveEndorsementRequest } = await import('./endorsement-request');
                    return saveEndorsementRequest(skill, level, settings, locale);
                  }}
                  endorsements={data.endorsements.get(skill.id)}
                  onRename={(name) => renameSkill(db(), skill.id, name, Date.now())}
                  onUpdate={(patch) => updateSkill(db(), skill.id, patch, Date.now())}
                  onMerge={async (targetId) => {
                    const result = await mergeSkills(db(), [skill.id], targetId, Date.now());
                    if (!result.ok) return setMessage(t('skillErrorGone'));
                    setMessage(
                      t('skillMerged', [
                        skill.name,
                        result.skill.name,
                        formatNumber(result.sessionsChanged, locale),
                      ]),
                    );
                    focusSkill(targetId);
                  }}
                  onDelete={async () => {
                    const { sessionsChanged } = await deleteSkill(db(), skill.id, Date.now());
                    setMessage(
                      t('skillDeleted', [skill.name, formatNumber(sessionsChanged, locale)]),
                    );
                    listHeading.current?.focus();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        {matching.length > shown.length && (
          <button
            type="button"
            class="show-more-skills"
            onClick={() => {
              focusAfterMore.current = matching[shown.length]?.id ?? null;
              setShownCount(shownCount + PAGE_SIZE);
            }}
          >
            {t('skillsShowMore')}
          </button>
        )}
      </section>

      {sorted.length < FEW_SKILLS && (
        <section aria-labelledby="skills-starter-heading">
          <h2 id="skills-starter-heading">{t('starterSkillsHeading')}</h2>
          <StarterSkillPicker
            existingKeys={keys}
            locale={locale}
            onAdd={async (names) => {
              const added = await addStarterSkills(db(), names, Date.now(), { locale });
              setMessage(t('starterSkillsAdded', formatNumber(added.length, locale)));
              // The starter list may go away now: the focus goes to the list it fed.
              listHeading.current?.focus();
            }}
          />
        </section>
      )}

      <section aria-labelledby="skills-import-heading">
        <h2 id="skills-import-heading">{t('taxonomyHeading')}</h2>
        <TaxonomyImport
          existing={data.skills}
          locale={locale}
          onImport={(text) => importTaxonomy(db(), text, Date.now())}
        />
      </section>
    </div>
  );
}
