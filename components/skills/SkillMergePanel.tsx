import type { Ref } from 'preact';
import type { Skill } from '@/lib/model';
import { t } from '../i18n/i18n';

export interface SkillMergePanelProps {
  id: string;
  panelRef: Ref<HTMLDivElement>;
  skillName: string;
  /** The skills this one can be merged into. */
  others: readonly Skill[];
  target: string;
  onTarget: (targetId: string) => void;
  busy: boolean;
  onMerge: (targetId: string) => void;
  onClose: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/** Picks the skill to merge this one into, and confirms. */
export function SkillMergePanel(props: SkillMergePanelProps) {
  const { id, others, target, skillName } = props;
  return (
    <div
      ref={props.panelRef}
      class="skill-panel"
      role="group"
      aria-labelledby={`${id}-merge-label`}
      onKeyDown={props.onKeyDown}
    >
      {others.length === 0 ? (
        <>
          <p id={`${id}-merge-label`}>{t('skillMergeNone')}</p>
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target) props.onMerge(target);
          }}
        >
          <label id={`${id}-merge-label`} for={`${id}-merge-target`}>
            {t('skillMergeInto', skillName)}
          </label>
          <select
            id={`${id}-merge-target`}
            value={target}
            aria-describedby={`${id}-merge-help`}
            onChange={(e) => props.onTarget(e.currentTarget.value)}
          >
            <option value="">{t('skillMergeChoose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <p id={`${id}-merge-help`} class="muted hint">
            {t('skillMergeHelp', skillName)}
          </p>
          <div class="button-row">
            <button type="submit" class="primary" disabled={props.busy || !target}>
              {t('skillMergeConfirm')}
            </button>
            <button type="button" onClick={props.onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export interface SkillRenameConflictProps {
  id: string;
  panelRef: Ref<HTMLDivElement>;
  skillName: string;
  /** The skill that already has the new name. */
  target: Skill;
  busy: boolean;
  onMerge: (targetId: string) => void;
  onKeepEditing: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/** The new name belongs to another skill: merge into it, or go back to editing. */
export function SkillRenameConflict(props: SkillRenameConflictProps) {
  const { id, target } = props;
  return (
    <div
      ref={props.panelRef}
      class="skill-panel"
      role="group"
      aria-labelledby={`${id}-conflict`}
      onKeyDown={props.onKeyDown}
    >
      <p id={`${id}-conflict`}>{t('skillRenameConflict', [target.name, props.skillName])}</p>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          disabled={props.busy}
          onClick={() => props.onMerge(target.id)}
        >
          {t('skillMergeIntoNamed', target.name)}
        </button>
        <button type="button" data-autofocus onClick={props.onKeepEditing}>
          {t('skillKeepEditing')}
        </button>
      </div>
    </div>
  );
}
