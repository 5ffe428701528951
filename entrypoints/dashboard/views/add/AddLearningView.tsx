import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { useSettings } from '../../../../components/hooks/use-settings';
import { t } from '../../../../components/i18n/i18n';
import { StatedActivityForm } from '../../../../components/StatedActivityForm';
import { dayString } from '../../../../lib/learning-away/validate';
import { db } from '../../../../lib/store/records';
import { allSkills, ensureSkill } from '../../../../lib/store/skills';
import { saveStatedActivity } from '../../../../lib/store/stated';
import { localDate, weekOf } from '../../../../lib/time';

/**
 * "Add learning": learning away from the screen, stated by the learner (`#/add`). Saving
 * stores it and offers the week it landed in; the form stays for the next one.
 */
export function AddLearningView(_: { params: string[] }) {
  const [settings] = useSettings();
  const skills = useLiveQuery(() => allSkills(db()), []);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  if (!settings || !skills) return <p role="status">{t('loading')}</p>;
  const week = savedAt === null ? null : weekOf(savedAt, { weekStart: settings.weekStart });
  return (
    <section aria-labelledby="add-learning-heading" class="add-learning">
      <h1 id="add-learning-heading">{t('addLearningHeading')}</h1>
      <p>{t('addLearningIntro')}</p>
      <StatedActivityForm
        skills={skills}
        today={dayString(localDate(Date.now()))}
        onCreateSkill={(name) => ensureSkill(db(), name, Date.now())}
        onSave={async (input) => {
          const result = await saveStatedActivity(db(), input, { now: Date.now() });
          if (result.ok) setSavedAt(result.session.startedAt);
          return result;
        }}
      />
      {week && (
        <p>
          <a href={`#/week/${week.key}`}>{t('addLearningSeeWeek')}</a>
        </p>
      )}
    </section>
  );
}
