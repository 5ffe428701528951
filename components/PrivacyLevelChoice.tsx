import { useId } from 'preact/hooks';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../lib/export/privacy';
import { PRIVACY_LEVEL_KEYS } from './i18n/export-strings';
import { t } from './i18n/i18n';

export interface PrivacyLevelChoiceProps {
  level: PrivacyLevel;
  onChange: (level: PrivacyLevel) => void;
}

/** The privacy level of what leaves the device: each level with what it shares. */
export function PrivacyLevelChoice({ level, onChange }: PrivacyLevelChoiceProps) {
  const id = useId();
  return (
    <fieldset class="privacy-levels">
      <legend>{t('privacyLegend')}</legend>
      {PRIVACY_LEVELS.map((l) => (
        <div key={l} class="privacy-level">
          <input
            type="radio"
            id={`${id}-${l}`}
            name={`${id}-level`}
            value={l}
            checked={level === l}
            aria-describedby={`${id}-${l}-shares`}
            onChange={() => onChange(l)}
          />
          <label for={`${id}-${l}`}>{t(PRIVACY_LEVEL_KEYS[l].name)}</label>
          <span id={`${id}-${l}-shares`} class="muted">
            {t(PRIVACY_LEVEL_KEYS[l].shares)}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
