import { useEffect, useId, useState } from 'preact/hooks';
import type { Week } from '@/lib/time';
import { t } from '../i18n/i18n';

export interface WeekPickerProps {
  week: Week;
  /** The week holding today: "This week" goes there, and "Next week" stops there. */
  current: Week;
  previous: Week;
  next: Week;
  locale: string;
  timeZone?: string;
  /** Asked to show the week with this key; `false` when the key names no week. */
  onSelect: (key: string) => boolean;
}

/** The week being shown, its dates, and the ways to move: previous, next, this week, or any week. */
export function WeekPicker(props: WeekPickerProps) {
  const { week, current, previous, next, locale, timeZone, onSelect } = props;
  const inputId = useId();
  const [typed, setTyped] = useState(week.key);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setTyped(week.key);
    setInvalid(false);
  }, [week.key]);

  // The last day is the instant before the next week starts.
  const range = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).formatRange(week.start, week.end - 1);

  return (
    <div class="week-picker">
      <div class="week-title">
        <h1 id="week-heading">{t('weekHeading', week.key)}</h1>
        <p class="muted week-range">{range}</p>
      </div>
      <div class="week-moves">
        <button type="button" onClick={() => onSelect(previous.key)}>
          <span class="arrow" aria-hidden="true">
            ←
          </span>
          {t('weekPrevious')}
        </button>
        <button
          type="button"
          onClick={() => onSelect(next.key)}
          disabled={week.start >= current.start}
        >
          {t('weekNext')}
          <span class="arrow" aria-hidden="true">
            →
          </span>
        </button>
        <button
          type="button"
          onClick={() => onSelect(current.key)}
          disabled={week.key === current.key}
        >
          {t('weekThis')}
        </button>
        <form
          class="week-go"
          onSubmit={(e) => {
            e.preventDefault();
            setInvalid(!onSelect(typed));
          }}
        >
          <label for={inputId}>{t('weekGoLabel')}</label>
          {/* A week input in Chromium; browsers without one show text, read the same way. */}
          <input
            id={inputId}
            type="week"
            value={typed}
            placeholder={t('weekGoPlaceholder')}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${inputId}-error` : undefined}
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('weekGo')}</button>
          {invalid && (
            <p id={`${inputId}-error`} class="error" role="status">
              {t('weekGoInvalid')}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}
