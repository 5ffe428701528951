import type { Ref } from 'preact';
import { t } from '../i18n/i18n';

export interface SkillDeleteConfirmProps {
  id: string;
  panelRef: Ref<HTMLDivElement>;
  skillName: string;
  /** How many sessions carry the skill, already formatted for the locale. */
  sessions: string;
  busy: boolean;
  onDelete: () => void;
  onCancel: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/** Asks before deleting a skill, saying how many sessions carry it. */
export function SkillDeleteConfirm(props: SkillDeleteConfirmProps) {
  const { id } = props;
  return (
    <div
      ref={props.panelRef}
      class="skill-panel"
      role="group"
      aria-labelledby={`${id}-delete`}
      onKeyDown={props.onKeyDown}
    >
      <p id={`${id}-delete`}>{t('skillDeleteConfirm', [props.skillName, props.sessions])}</p>
      <div class="button-row">
        <button type="button" class="danger" disabled={props.busy} onClick={props.onDelete}>
          {t('skillDeleteConfirmButton')}
        </button>
        <button type="button" data-autofocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
