import type { Ref } from 'preact';
import type { PrivacyLevel } from '@/lib/export/privacy';
import { t } from '../i18n/i18n';
import { PrivacyLevelChoice } from '../PrivacyLevelChoice';

export interface EndorsementRequestPanelProps {
  id: string;
  panelRef: Ref<HTMLDivElement>;
  skillName: string;
  /** What the page holds, when it is not a skill's record (one stated activity). */
  help?: string;
  level: PrivacyLevel;
  onLevel: (level: PrivacyLevel) => void;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/**
 * "Ask for an endorsement": what the request page holds, the privacy level of the evidence
 * in it (as for exports), and the button that saves it.
 */
export function EndorsementRequestPanel(props: EndorsementRequestPanelProps) {
  const { id } = props;
  return (
    <div
      ref={props.panelRef}
      class="skill-panel endorsement-request"
      role="group"
      aria-labelledby={`${id}-endorse`}
      onKeyDown={props.onKeyDown}
    >
      <p id={`${id}-endorse`}>{props.help ?? t('endorseAskHelp', props.skillName)}</p>
      <PrivacyLevelChoice level={props.level} onChange={props.onLevel} />
      <div class="button-row">
        <button
          type="button"
          data-autofocus
          data-endorse-save
          disabled={props.busy}
          aria-busy={props.busy}
          onClick={props.onSave}
        >
          {props.busy ? t('endorseAskSaving') : t('endorseAskSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
