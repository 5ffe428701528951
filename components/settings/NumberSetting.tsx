import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import '../controls.css';
import { t, uiLocale } from '../i18n/i18n';

export interface NumberSettingProps {
  label: string;
  /** What the number does, read with the field. */
  hint: string;
  /** The unit after the field ("seconds", "minutes"). */
  unit: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => Promise<unknown>;
}

/** A whole-number setting in human units, saved when the learner leaves the field or presses Enter. */
export function NumberSetting({
  label,
  hint,
  unit,
  value,
  min,
  max,
  onCommit,
}: NumberSettingProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  // Show a value changed elsewhere (another tab, a reset), never overwrite typing on mount.
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    setText(String(value));
  }, [value]);
  const locale = uiLocale();

  const commit = () => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (n !== value) void onCommit(n);
  };

  return (
    <div class="number-setting">
      <label for={`${id}-n`}>{label}</label>
      <p id={`${id}-hint`} class="muted hint">
        {hint}
      </p>
      <div class="row">
        <input
          id={`${id}-n`}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={text}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint ${id}-unit ${id}-error`}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onChange={commit}
        />
        <span id={`${id}-unit`}>{unit}</span>
      </div>
      <p id={`${id}-error`} class="error" role="alert">
        {invalid ? t('numberRange', [formatNumber(min, locale), formatNumber(max, locale)]) : ''}
      </p>
    </div>
  );
}
