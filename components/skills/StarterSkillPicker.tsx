import { useId, useMemo, useState } from 'preact/hooks';
import {
  STARTER_SKILLS,
  localizeStarterSkill,
  starterSkillKeys,
  type StarterSkill,
} from '@/lib/skills/starter';
import { t } from '../i18n/i18n';

export interface StarterSkillPickerProps {
  /** Keys of the skills the learner has: starters among them are not offered again. */
  existingKeys: ReadonlySet<string>;
  locale: string;
  /** Adds the starters with these (English) names. */
  onAdd: (names: string[]) => Promise<void>;
}

/** Common skills to start from, in the interface language, as a list of checkboxes. */
export function StarterSkillPicker({ existingKeys, locale, onAdd }: StarterSkillPickerProps) {
  const id = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const offered = useMemo(
    () =>
      STARTER_SKILLS.filter((s) => !starterSkillKeys(s).some((k) => existingKeys.has(k))).map(
        (s: StarterSkill) => ({ key: s.name, ...localizeStarterSkill(s, locale) }),
      ),
    [existingKeys, locale],
  );
  if (offered.length === 0) return null;

  return (
    <form
      class="starter-skills"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length === 0) return;
        setBusy(true);
        void onAdd(picked)
          .then(() => setPicked([]))
          .finally(() => setBusy(false));
      }}
    >
      <fieldset>
        <legend>{t('starterSkillsLegend')}</legend>
        <p class="muted hint">{t('starterSkillsHint')}</p>
        <ul class="starter-list">
          {offered.map((s, i) => (
            <li key={s.key} class="starter-option">
              <input
                id={`${id}-${i}`}
                type="checkbox"
                checked={picked.includes(s.key)}
                aria-describedby={`${id}-${i}-help`}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPicked(on ? [...picked, s.key] : picked.filter((n) => n !== s.key));
                }}
              />
              <label for={`${id}-${i}`}>{s.name}</label>
              <p id={`${id}-${i}-help`} class="muted hint">
                {s.description}
              </p>
            </li>
          ))}
        </ul>
        <button type="submit" class="primary" disabled={busy || picked.length === 0}>
          {t('starterSkillsAdd')}
        </button>
      </fieldset>
    </form>
  );
}
