import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatTime } from '../lib/format';
import { pauseState, pauseUntil, type PauseChoice } from '../lib/settings/pause';
import type { Settings } from '../lib/settings/settings';
import './controls.css';
import { t, uiLocale, type MessageKey } from './i18n/i18n';
import { RecordingOff } from './RecordingOff';

export interface PauseControlsProps {
  settings: Pick<Settings, 'pausedUntil' | 'trackingConsent'>;
  onChange: (patch: Partial<Settings>) => Promise<unknown>;
  /** The popup shows only a pause in force and Resume; Settings shows every choice. */
  compact?: boolean;
}

const CHOICES: { choice: PauseChoice; label: MessageKey }[] = [
  { choice: 'hour', label: 'pauseHour' },
  { choice: 'tomorrow', label: 'pauseTomorrow' },
  { choice: 'resumed', label: 'pauseUntilResumed' },
];

/**
 * Whether Skilltrail records right now, with Pause (three lengths) and Resume; before the
 * learner said yes, only the way to the welcome page, where they choose.
 */
export function PauseControls({ settings, onChange, compact = false }: PauseControlsProps) {
  const [now, setNow] = useState(Date.now);
  const state = pauseState(settings, now);

  // Show "recording" again the moment a timed pause ends, without a reload.
  const until = state.kind === 'until' ? state.until : null;
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(until - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until, now]);

  const locale = uiLocale();
  const pause = (choice: PauseChoice) => {
    const at = Date.now();
    setNow(at);
    void onChange({ pausedUntil: pauseUntil(choice, at) });
  };
  const resume = () => {
    setNow(Date.now());
    void onChange({ pausedUntil: 0 });
  };

  if (compact && state.kind === 'running') return null;
  if (state.kind === 'off')
    return (
      <div class="pause-controls pause-off">
        <RecordingOff />
      </div>
    );

  let text: string;
  if (state.kind === 'running') text = t('trackingOn');
  else if (state.kind === 'until-resumed') text = t('pausedUntilResumed');
  else
    text = t(
      'pausedUntil',
      state.sameDay ? formatTime(state.until, locale) : formatDateTime(state.until, locale),
    );

  return (
    <div class={`pause-controls pause-${state.kind}`}>
      <p role="status" class="pause-state">
        {text}
      </p>
      {(state.kind === 'until' || state.kind === 'until-resumed') && (
        <button type="button" class="primary" onClick={resume}>
          {t('resume')}
        </button>
      )}
      {!compact && (
        <fieldset class="button-row">
          <legend>{t('pauseLegend')}</legend>
          {CHOICES.map(({ choice, label }) => (
            <button key={choice} type="button" onClick={() => pause(choice)}>
              {t(label)}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
