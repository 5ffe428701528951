import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import '../../../components/skills.css';
import { t, uiLocale } from '../../../components/i18n';
import { SkillRow } from '../../../components/SkillRow';
import { StarterSkillPicker } from '../../../components/StarterSkillPicker';
import { TaxonomyImport } from '../../../components/TaxonomyImport';
import { useLiveQuery } from '../../../components/use-live-query';
import { db } from '../../../lib/db';
import { formatNumber } from '../../../lib/format';
import { loadSettings, watchSettings } from '../../../lib/settings-store';
import {
  deleteSkill,
  goalProgress,
  loadSkillTotals,
  mergeSkills,
  renameSkill,
  updateSkill,
} from '../../../lib/skill-library';
import { addStarterSkills } from '../../../lib/starter-skills';
import { importTaxonomy } from '../../../lib/taxonomy-import';
import { weekOf } from '../../../lib/time';

/** Below this many skills the starter list is offered: a new library, not a curated one. */
const FEW_SKILLS = 5;

/** The day the learner's week starts on, kept current; `undefined` until read. */
function useWeekStart(): number | undefined {
  const [weekStart, setWeekStart] = useState<number>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setWeekStart(s.weekStart));
    const stop = watchSettings((s) => live && setWeekStart(s.weekStart));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return weekStart;
}

/**
 * The skill library: every skill with its totals and weekly goal; rename, merge, delete
 * and edit; common skills to start from; and the import of a skills framework.
 */
export function SkillsView(_: { params: string[] }) {
  const weekStart = useWeekStart();
  if (weekStart === undefined) return <p role="status">{t('loading')}</p>;
  return <SkillLibrary weekStart={weekStart} />;
}

function SkillLibrary({ weekStart }: { weekStart: number }) {
  const locale = uiLocale();
  const week = weekOf(Date.now(), { weekStart });
  const [message, setMessage] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  const data = useLiveQuery(async () => {
    const database = db();
    const [skills, totals, weekSessions] = await Promise.all([
      database.skills.toArray(),
      loadSkillTotals(database),
      database.sessions.where('startedAt').between(week.start, week.end, true, false).toArray(),
    ]);
    return { skills, totals, goals: goalProgress(skills, weekSessions, week) };
  }, [week.key, weekStart]);

  const sorted = useMemo(
    () =>
      [...(data?.skills ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name, locale, { sensitivity: 'base' }),
      ),
    [data?.skills, locale],
  );
  const keys = useMemo(() => new Set(sorted.map((s) => s.key)), [sorted]);
  if (!data) return <p role="status">{t('loading')}</p>;

  const totalsOf = new Map(data.totals.map((x) => [x.skillId, x]));
  const goalOf = new Map(data.goals.map((g) => [g.skillId, g]));
  const focusSkill = (skillId: string) =>
    document.querySelector<HTMLElement>(`[data-skill-heading="${skillId}"]`)?.focus();

  return (
    <div class="skills-view">
      <h1>{t('skillsHeading')}</h1>
      <p role="status" class="status skills-status">
        {message}
      </p>

      <section aria-labelledby="skills-list-heading">
        <h2 id="skills-list-heading" ref={listHeading} tabIndex={-1}>
          {t('skillsListHeading')}
        </h2>
        {sorted.length === 0 ? (
          <p class="muted">{t('skillsEmpty')}</p>
        ) : (
          <ul class="skill-list">
            {sorted.map((skill) => (
              <li key={skill.id}>
                <SkillRow
                  skill={skill}
                  totals={totalsOf.get(skill.id)}
                  goal={goalOf.get(skill.id)}
                  others={sorted.filter((s) => s.id !== skill.id)}
                  locale={locale}
                  announce={setMessage}
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
