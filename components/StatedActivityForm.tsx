import './stated-form.css';
import { useId, useRef, useState } from 'preact/hooks';
import { LEARNING_KINDS, type LearningKind } from '../lib/learning-away/kinds';
import {
  STATED_LIMITS,
  type StatedActivityInput,
  type StatedField,
  type StatedProblem,
  type StatedProblemReason,
} from '../lib/learning-away/validate';
import type { Session, Skill } from '../lib/model';
import { t, type MessageKey } from './i18n/i18n';
import { LEARNING_KIND_KEYS } from './i18n/learning-kind-strings';
import { SkillPicker } from './SkillPicker';

const PROBLEM_KEYS: Readonly<Record<StatedProblemReason, MessageKey>> = {
  'kind-missing': 'statedKindMissing',
  'date-invalid': 'statedDateInvalid',
  'date-future': 'statedDateFuture',
  'duration-missing': 'statedDurationMissing',
  'duration-over-day': 'statedDurationOverDay',
  'day-over-24h': 'statedDayOver24h',
  'skills-missing': 'statedSkillsMissing',
  'skills-too-many': 'statedSkillsTooMany',
  'learned-missing': 'statedLearnedMissing',
  'too-long': 'statedTooLong',
};

export type StatedSaveResult = { ok: true } | { ok: false; problems: StatedProblem[] };

export interface StatedActivityFormProps {
  skills: readonly Skill[];
  /** The activity to change; a new one when absent. */
  initial?: Session;
  /** The day a new activity starts on, `2026-12-07`: today. */
  today: string;
  onCreateSkill: (name: string) => Promise<Skill>;
  /** Checks and stores; answers the problems found, so nothing is stored with any. */
  onSave: (input: StatedActivityInput) => Promise<StatedSaveResult>;
  /** After a save that held (an edit closes; a new one clears the form). */
  onSaved?: (input: StatedActivityInput) => void;
}

interface Fields {
  learningKind: LearningKind | '';
  date: string;
  hours: string;
  minutes: string;
  skills: string[];
  learned: string;
  place: string;
  people: string;
}

function fieldsOf(session: Session | undefined, today: string): Fields {
  const ms = session?.statedMs ?? 0;
  const date = session ? new Date(session.startedAt) : null;
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    learningKind: session?.learningKind ?? '',
    date: date ? `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` : today,
    hours: session ? String(Math.floor(ms / 3_600_000)) : '',
    minutes: session ? String(Math.round((ms % 3_600_000) / 60_000)) : '',
    skills: session ? [...session.skills] : [],
    learned: session?.title ?? '',
    place: session?.place ?? '',
    people: session?.people ?? '',
  };
}

/** Whole numbers of hours and minutes as milliseconds; `NaN` for anything else. */
function durationOf(hours: string, minutes: string): number {
  const part = (text: string) => (text.trim() === '' ? 0 : Number(text.trim()));
  const h = part(hours);
  const m = part(minutes);
  if (!Number.isFinite(h) || !Number.isFinite(m) || h < 0 || m < 0) return Number.NaN;
  return h * 3_600_000 + m * 60_000;
}

/**
 * "Add learning": the form for learning away from the screen — what kind (the nine, each
 * with a plain example), the day, how long as the learner states it, the skills, what was
 * learned, and where and with whom if they like. Every field is a native control in one
 * column, so the keyboard alone and a phone-sized window both work; the problems the
 * check finds are named beside their fields and in one alert, and nothing is stored.
 */
export function StatedActivityForm(props: StatedActivityFormProps) {
  const { skills, initial, today, onCreateSkill } = props;
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initial, today));
  const latest = useRef(fields);
  const [problems, setProblems] = useState<StatedProblem[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const commitTyped = useRef<(() => Promise<void>) | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<Fields>) => {
    latest.current = { ...latest.current, ...patch };
    setFields(latest.current);
    if (status === 'saved') setStatus('idle');
  };
  const problemOf = (field: StatedField) => problems.find((p) => p.field === field);
  const errorId = (field: StatedField) => `${id}-${field}-error`;
  const describe = (field: StatedField, hint?: string) =>
    [hint, problemOf(field) ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;
  const error = (field: StatedField) => {
    const problem = problemOf(field);
    return problem ? (
      <p id={errorId(field)} class="error field-error">
        {t(PROBLEM_KEYS[problem.reason])}
      </p>
    ) : null;
  };

  const save = async () => {
    setStatus('saving');
    try {
      // A skill typed but not yet entered is on screen: it is saved too.
      await commitTyped.current?.();
      const f = latest.current;
      const input: StatedActivityInput = {
        learningKind: f.learningKind,
        date: f.date,
        durationMs: durationOf(f.hours, f.minutes),
        skills: f.skills,
        learned: f.learned,
        place: f.place,
        people: f.people,
      };
      const result = await props.onSave(input);
      if (!result.ok) {
        setProblems(result.problems);
        setStatus(result.problems.length > 0 ? 'idle' : 'failed');
        summary.current?.focus();
        return;
      }
      setProblems([]);
      setStatus('saved');
      if (!initial) {
        const fresh = { ...fieldsOf(undefined, f.date), learningKind: f.learningKind };
        latest.current = fresh;
        setFields(fresh);
      }
      props.onSaved?.(input);
    } catch {
      setStatus('failed');
    }
  };

  const kindHint = (kind: LearningKind) => `${id}-kind-${kind}-hint`;
  return (
    <form
      class="stated-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div ref={summary} tabIndex={-1} class="stated-problems" role="alert">
        {problems.length > 0 && (
          <>
            <p>{t('statedProblemsIntro')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p.field}>{t(PROBLEM_KEYS[p.reason])}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <fieldset
        class="learning-kinds"
        aria-invalid={problemOf('kind') ? true : undefined}
        aria-describedby={describe('kind')}
      >
        <legend>{t('statedKindLegend')}</legend>
        {LEARNING_KINDS.map((kind) => (
          <div key={kind} class="learning-kind">
            <input
              type="radio"
              id={`${id}-kind-${kind}`}
              name={`${id}-kind`}
              value={kind}
              checked={fields.learningKind === kind}
              aria-describedby={kindHint(kind)}
              onChange={() => set({ learningKind: kind })}
            />
            <label for={`${id}-kind-${kind}`}>
              {t(LEARNING_KIND_KEYS[kind].name)}
              <span id={kindHint(kind)} class="muted hint">
                {t(LEARNING_KIND_KEYS[kind].example)}
              </span>
            </label>
          </div>
        ))}
        {error('kind')}
      </fieldset>

      <label for={`${id}-date`}>{t('statedDate')}</label>
      <input
        id={`${id}-date`}
        type="date"
        value={fields.date}
        max={today}
        required
        aria-invalid={problemOf('date') ? true : undefined}
        aria-describedby={describe('date')}
        onInput={(e) => set({ date: (e.target as HTMLInputElement).value })}
      />
      {error('date')}

      <fieldset
        class="stated-duration"
        aria-invalid={problemOf('duration') ? true : undefined}
        aria-describedby={describe('duration', `${id}-duration-hint`)}
      >
        <legend>{t('statedDurationLegend')}</legend>
        <p id={`${id}-duration-hint`} class="muted hint">
          {t('statedDurationHint')}
        </p>
        <span class="stated-duration-parts">
          <span>
            <label for={`${id}-hours`}>{t('statedHours')}</label>
            <input
              id={`${id}-hours`}
              type="number"
              inputMode="numeric"
              min={0}
              max={24}
              step={1}
              value={fields.hours}
              onInput={(e) => set({ hours: (e.target as HTMLInputElement).value })}
            />
          </span>
          <span>
            <label for={`${id}-minutes`}>{t('statedMinutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={0}
              max={59}
              step={5}
              value={fields.minutes}
              onInput={(e) => set({ minutes: (e.target as HTMLInputElement).value })}
            />
          </span>
        </span>
        {error('duration')}
      </fieldset>

      <SkillPicker
        skills={skills}
        selected={fields.skills}
        onChange={(ids) => set({ skills: ids })}
        onCreate={onCreateSkill}
        commitRef={commitTyped}
      />
      {error('skills')}

      <label for={`${id}-learned`}>{t('statedLearned')}</label>
      <input
        id={`${id}-learned`}
        type="text"
        value={fields.learned}
        maxLength={STATED_LIMITS.learned + 50}
        aria-invalid={problemOf('learned') ? true : undefined}
        aria-describedby={describe('learned')}
        onInput={(e) => set({ learned: (e.target as HTMLInputElement).value })}
      />
      {error('learned')}

      <label for={`${id}-place`}>{t('statedPlace')}</label>
      <input
        id={`${id}-place`}
        type="text"
        value={fields.place}
        aria-invalid={problemOf('place') ? true : undefined}
        aria-describedby={describe('place')}
        onInput={(e) => set({ place: (e.target as HTMLInputElement).value })}
      />
      {error('place')}

      <label for={`${id}-people`}>{t('statedPeople')}</label>
      <input
        id={`${id}-people`}
        type="text"
        value={fields.people}
        aria-invalid={problemOf('people') ? true : undefined}
        aria-describedby={describe('people')}
        onInput={(e) => set({ people: (e.target as HTMLInputElement).value })}
      />
      {error('people')}

      <div class="actions">
        <span class="status" role="status" aria-live="polite">
          {status === 'saved' && <span class="ok">{t('statedSaved')}</span>}
          {status === 'failed' && <span class="error">{t('statedSaveFailed')}</span>}
        </span>
        <button type="submit" class="primary" disabled={status === 'saving'}>
          {t('statedSave')}
        </button>
      </div>
    </form>
  );
}
