import { useEffect, useId, useRef, useState } from 'preact/hooks';
import '../controls.css';
import { t } from '../i18n/i18n';

export interface RetentionSettingsProps {
  /** 0 keeps everything. */
  months: number;
  onChange: (months: number) => Promise<unknown>;
}

const DEFAULT_MONTHS = 12;
const MAX_MONTHS = 120;

/** Keep everything, or delete sessions older than N months (checked once a day). */
export function RetentionSettings({ months, onChange }: RetentionSettingsProps) {
  const id = useId();
  const [n, setN] = useState(String(months > 0 ? months : DEFAULT_MONTHS));
  const [invalid, setInvalid] = useState(false);
  // Show a period changed elsewhere, never overwrite typing on mount.
  const shown = useRef(months);
  useEffect(() => {
    if (shown.current === months) return;
    shown.current = months;
    if (months > 0) setN(String(months));
  }, [months]);

  const valid = (text: string) => {
    const v = Number(text.trim());
    return Number.isInteger(v) && v >= 1 && v <= MAX_MONTHS ? v : null;
  };

  return (
    <fieldset class="retention">
      <legend>{t('retentionLegend')}</legend>
      <div class="choice">
        <input
          id={`${id}-keep`}
          type="radio"
          name={`${id}-retention`}
          checked={months === 0}
          onChange={() => void onChange(0)}
        />
        <label for={`${id}-keep`}>{t('retentionKeep')}</label>
      </div>
      <div class="choice">
        <input
          id={`${id}-purge`}
          type="radio"
          name={`${id}-retention`}
          checked={months > 0}
          aria-describedby={`${id}-help`}
          onChange={() => {
            const v = valid(n) ?? DEFAULT_MONTHS;
            void onChange(v);
          }}
        />
        <label for={`${id}-purge`}>{t('retentionPurge')}</label>
      </div>
      <div class="row indent">
        <label for={`${id}-months`} class="inline-label">
          {t('retentionMonthsLabel')}
        </label>
        <input
          id={`${id}-months`}
          type="number"
          min={1}
          max={MAX_MONTHS}
          step={1}
          value={n}
          disabled={months === 0}
          aria-invalid={invalid}
          aria-describedby={`${id}-error`}
          onInput={(e) => setN((e.target as HTMLInputElement).value)}
          onChange={() => {
            const v = valid(n);
            setInvalid(v === null);
            if (v !== null && v !== months) void onChange(v);
          }}
        />
      </div>
      <p id={`${id}-help`} class="muted hint">
        {t('retentionHelp')}
      </p>
      <p id={`${id}-error`} class="error" role="alert">
        {invalid ? t('retentionInvalid') : ''}
      </p>
    </fieldset>
  );
}
