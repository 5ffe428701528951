import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatDuration, formatNumber } from '../lib/format';
import type { Skill } from '../lib/model';
import {
  MAX_ALIASES,
  MAX_ALIAS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_GOAL_MINUTES,
  validateSkillPatch,
  type GoalProgress as GoalProgressData,
  type SkillChange,
  type SkillPatch,
  type SkillTotals,
} from '../lib/skills/library';
import { cleanSkillName } from '../lib/skills/names';
import { isLinkable } from '../lib/url';
import { FollowUpList, type FollowUpItem } from './FollowUpList';
import { GoalProgress } from './GoalProgress';
import { t } from './i18n/i18n';

type Field = NonNullable<Extract<SkillChange, { ok: false }>['field']>;

type Mode =
  | { kind: 'view' }
  | { kind: 'edit' }
  | { kind: 'merge' }
  | { kind: 'delete' }
  /** The new name belongs to `target`: offer to merge into it instead. */
  | { kind: 'conflict'; target: Skill };

export interface SkillRowProps {
  skill: Skill;
  totals: SkillTotals | undefined;
  /** This week's progress, when the skill has a weekly goal. */
  goal: GoalProgressData | undefined;
  /** Every skill of the library (this one included): where this one can be merged. */
  skills: readonly Skill[];
  locale: string;
  onRename: (name: string) => Promise<SkillChange>;
  onUpdate: (patch: SkillPatch) => Promise<SkillChange>;
  /** Merges this skill into `targetId`; the row goes away. */
  onMerge: (targetId: string) => Promise<void>;
  /** Deletes this skill; the row goes away. */
  onDelete: () => Promise<void>;
  /** Says something in the view's status line. */
  announce: (message: string) => void;
  /** Answered follow-ups on this skill, newest first. */
  followUps?: readonly FollowUpItem[];
}

const FIELD_ERRORS: Record<Field, () => string> = {
  name: () => t('skillErrorName'),
  colour: () => t('skillErrorColour'),
  aliases: () => t('skillErrorAliases', [MAX_ALIASES, MAX_ALIAS_LENGTH]),
  uri: () => t('skillErrorUri'),
  description: () => t('skillErrorDescription', MAX_DESCRIPTION_LENGTH),
  goalMinutes: () => t('skillErrorGoal', MAX_GOAL_MINUTES),
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(ts: number, locale: string): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, f);
  }
  return f.format(ts);
}

/** The form's text, as typed: what the learner sees is what is checked and saved. */
interface Draft {
  name: string;
  colour: string;
  aliases: string;
  uri: string;
  description: string;
  goal: string;
}

function draftOf(skill: Skill): Draft {
  return {
    name: skill.name,
    colour: skill.colour,
    aliases: skill.aliases.join('\n'),
    uri: skill.uri ?? '',
    description: skill.description ?? '',
    goal: skill.goalMinutes === undefined ? '' : String(skill.goalMinutes),
  };
}

function patchOf(draft: Draft): SkillPatch {
  const goal = draft.goal.trim();
  return {
    colour: draft.colour,
    aliases: draft.aliases.split(/\r?\n/).filter((a) => a.trim()),
    uri: draft.uri.trim() || null,
    description: draft.description.trim() || null,
    // Not a number stays not a number, so validation names the field.
    goalMinutes: goal === '' ? null : Number(goal),
  };
}

/**
 * One skill of the library: its totals and weekly goal, and inline panels to edit it
 * (name, colour, aliases, framework identifier, description, goal), merge it into another
 * skill, or delete it. Each panel takes the keyboard focus when it opens and gives it
 * back to the button that opened it; Escape closes it.
 */
export function SkillRow(props: SkillRowProps) {
  const { skill, totals, goal, locale, announce } = props;
  const id = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [draft, setDraft] = useState<Draft>(() => draftOf(skill));
  const [error, setError] = useState<{ field: Field; message: string } | null>(null);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  // Set when a panel closes: the focus goes back to the button that opened it.
  const returnFocus = useRef(false);
  const focusField = useRef<Field | null>(null);

  useLayoutEffect(() => {
    if (mode.kind === 'view') {
      if (returnFocus.current) opener.current?.focus();
      returnFocus.current = false;
      return;
    }
    const root = panel.current;
    if (!root) return;
    const field = focusField.current;
    focusField.current = null;
    const wanted =
      (field && root.querySelector<HTMLElement>(`[data-field="${field}"]`)) ||
      root.querySelector<HTMLElement>('[data-autofocus]') ||
      root.querySelector<HTMLElement>('input, select, textarea, button');
    wanted?.focus();
  }, [mode, error]);

  const open = (kind: 'edit' | 'merge' | 'delete', event: Event) => {
    opener.current = event.currentTarget as HTMLButtonElement;
    setError(null);
    if (kind === 'edit') setDraft(draftOf(skill));
    if (kind === 'merge') setTarget('');
    setMode({ kind });
  };
  const close = () => {
    returnFocus.current = true;
    setError(null);
    setMode({ kind: 'view' });
  };
  const fail = (field: Field, message = FIELD_ERRORS[field]()) => {
    focusField.current = field;
    setError({ field, message });
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      console.error('Skilltrail could not change a skill', e);
      announce(t('skillChangeFailed'));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const patch = patchOf(draft);
      const problem = validateSkillPatch(patch);
      if (problem) return fail(problem.field);
      const name = cleanSkillName(draft.name);
      if (!name) return fail('name');
      if (name !== skill.name) {
        const renamed = await props.onRename(name);
        if (!renamed.ok) {
          if (renamed.reason === 'conflict' && renamed.conflict) {
            setError(null);
            return setMode({ kind: 'conflict', target: renamed.conflict });
          }
          if (renamed.reason === 'not-found') return announce(t('skillErrorGone'));
          return fail('name');
        }
      }
      const updated = await props.onUpdate(patch);
      if (!updated.ok) {
        if (updated.reason === 'not-found') return announce(t('skillErrorGone'));
        return fail(updated.field ?? 'name');
      }
      announce(t('skillSaved', updated.skill.name));
      close();
    });

  const merge = (targetId: string) => run(() => props.onMerge(targetId));

  const onPanelKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  const fieldProps = (field: Field) => ({
    'data-field': field,
    'aria-invalid': error?.field === field ? true : undefined,
    'aria-describedby': error?.field === field ? `${id}-error` : `${id}-${field}-hint`,
  });
  const set =
    (key: keyof Draft) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement, Event>) =>
      setDraft({ ...draft, [key]: e.currentTarget.value });
  const errorFor = (field: Field) =>
    error?.field === field ? (
      <p id={`${id}-error`} class="error field-error">
        {error.message}
      </p>
    ) : null;

  // Worked out only while merging: a library can hold thousands of skills.
  const others = mode.kind === 'merge' ? props.skills.filter((s) => s.id !== skill.id) : null;
  const heading = `${id}-name`;
  const sessions = totals?.sessions ?? 0;

  return (
    <article class="skill-row" aria-labelledby={heading} data-skill-id={skill.id}>
      <h3 id={heading} class="skill-name" tabIndex={-1} data-skill-heading={skill.id}>
        <span class="swatch" style={{ background: skill.colour }} aria-hidden="true" />
        {skill.name}
      </h3>
      {skill.aliases.length > 0 && (
        <p class="muted skill-aliases">{t('skillAliasesShown', skill.aliases.join(', '))}</p>
      )}
      {skill.description && <p class="skill-description">{skill.description}</p>}
      {skill.uri && (
        <p class="skill-uri">
          <span class="muted">{t('skillUriShown')} </span>
          {isLinkable(skill.uri) ? (
            <a href={skill.uri} target="_blank" rel="noopener noreferrer">
              {skill.uri}
            </a>
          ) : (
            <code>{skill.uri}</code>
          )}
        </p>
      )}
      <dl class="skill-totals">
        <div>
          <dt>{t('skillTotalActive')}</dt>
          <dd>{formatDuration(totals?.activeMs ?? 0, locale)}</dd>
        </div>
        <div>
          <dt>{t('skillTotalSessions')}</dt>
          <dd>{formatNumber(sessions, locale)}</dd>
        </div>
        <div>
          <dt>{t('skillTotalSources')}</dt>
          <dd>{formatNumber(totals?.sources ?? 0, locale)}</dd>
        </div>
        <div>
          <dt>{t('skillTotalFirst')}</dt>
          <dd>{totals?.firstAt != null ? formatDate(totals.firstAt, locale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('skillTotalLast')}</dt>
          <dd>{totals?.lastAt != null ? formatDate(totals.lastAt, locale) : '–'}</dd>
        </div>
      </dl>
      {props.followUps && props.followUps.length > 0 && (
        <details class="skill-follow-ups">
          <summary>{t('skillFollowUps', props.followUps.length)}</summary>
          <FollowUpList items={props.followUps} locale={locale} />
        </details>
      )}
      {goal && (
        <GoalProgress goalMinutes={goal.goalMinutes} minutes={goal.minutes} locale={locale} />
      )}

      <div class="skill-actions">
        <button
          type="button"
          aria-label={t('skillEditNamed', skill.name)}
          aria-expanded={mode.kind === 'edit' || mode.kind === 'conflict'}
          onClick={(e) => (mode.kind === 'edit' ? close() : open('edit', e))}
        >
          {t('skillEdit')}
        </button>
        <button
          type="button"
          aria-label={t('skillMergeNamed', skill.name)}
          aria-expanded={mode.kind === 'merge'}
          onClick={(e) => (mode.kind === 'merge' ? close() : open('merge', e))}
        >
          {t('skillMerge')}
        </button>
        <button
          type="button"
          aria-label={t('skillDeleteNamed', skill.name)}
          aria-expanded={mode.kind === 'delete'}
          onClick={(e) => (mode.kind === 'delete' ? close() : open('delete', e))}
        >
          {t('skillDelete')}
        </button>
      </div>

      {mode.kind === 'edit' && (
        <div ref={panel} class="skill-panel" onKeyDown={onPanelKey}>
          <form
            noValidate
            aria-label={t('skillEditNamed', skill.name)}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label for={`${id}-name-input`}>{t('skillNameLabel')}</label>
            <input
              id={`${id}-name-input`}
              type="text"
              maxLength={80}
              value={draft.name}
              onInput={set('name')}
              {...fieldProps('name')}
            />
            {errorFor('name')}

            <label for={`${id}-colour`}>{t('skillColourLabel')}</label>
            <input
              id={`${id}-colour`}
              type="color"
              class="colour-input"
              value={draft.colour}
              onInput={set('colour')}
              {...fieldProps('colour')}
            />
            {errorFor('colour')}

            <label for={`${id}-aliases`}>{t('skillAliasesLabel')}</label>
            <p id={`${id}-aliases-hint`} class="muted hint">
              {t('skillAliasesHint')}
            </p>
            <textarea
              id={`${id}-aliases`}
              rows={3}
              value={draft.aliases}
              onInput={set('aliases')}
              {...fieldProps('aliases')}
            />
            {errorFor('aliases')}

            <label for={`${id}-uri`}>{t('skillUriLabel')}</label>
            <p id={`${id}-uri-hint`} class="muted hint">
              {t('skillUriHint')}
            </p>
            <input
              id={`${id}-uri`}
              type="url"
              value={draft.uri}
              onInput={set('uri')}
              {...fieldProps('uri')}
            />
            {errorFor('uri')}

            <label for={`${id}-description`}>{t('skillDescriptionLabel')}</label>
            <textarea
              id={`${id}-description`}
              rows={3}
              value={draft.description}
              onInput={set('description')}
              {...fieldProps('description')}
            />
            {errorFor('description')}

            <label for={`${id}-goal`}>{t('skillGoalLabel')}</label>
            <p id={`${id}-goalMinutes-hint`} class="muted hint">
              {t('skillGoalHint')}
            </p>
            <input
              id={`${id}-goal`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_GOAL_MINUTES}
              step={1}
              value={draft.goal}
              onInput={set('goal')}
              {...fieldProps('goalMinutes')}
            />
            {errorFor('goalMinutes')}

            <div class="button-row skill-panel-buttons">
              <button type="submit" class="primary" disabled={busy}>
                {t('skillSave')}
              </button>
              <button type="button" onClick={close}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </div>
      )}

      {mode.kind === 'conflict' && (
        <div
          ref={panel}
          class="skill-panel"
          role="group"
          aria-labelledby={`${id}-conflict`}
          onKeyDown={onPanelKey}
        >
          <p id={`${id}-conflict`}>{t('skillRenameConflict', [mode.target.name, skill.name])}</p>
          <div class="button-row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => void merge(mode.target.id)}
            >
              {t('skillMergeIntoNamed', mode.target.name)}
            </button>
            <button
              type="button"
              data-autofocus
              onClick={() => {
                focusField.current = 'name';
                setMode({ kind: 'edit' });
              }}
            >
              {t('skillKeepEditing')}
            </button>
          </div>
        </div>
      )}

      {mode.kind === 'merge' && others && (
        <div
          ref={panel}
          class="skill-panel"
          role="group"
          aria-labelledby={`${id}-merge-label`}
          onKeyDown={onPanelKey}
        >
          {others.length === 0 ? (
            <>
              <p id={`${id}-merge-label`}>{t('skillMergeNone')}</p>
              <button type="button" onClick={close}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (target) void merge(target);
              }}
            >
              <label id={`${id}-merge-label`} for={`${id}-merge-target`}>
                {t('skillMergeInto', skill.name)}
              </label>
              <select
                id={`${id}-merge-target`}
                value={target}
                aria-describedby={`${id}-merge-help`}
                onChange={(e) => setTarget(e.currentTarget.value)}
              >
                <option value="">{t('skillMergeChoose')}</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <p id={`${id}-merge-help`} class="muted hint">
                {t('skillMergeHelp', skill.name)}
              </p>
              <div class="button-row">
                <button type="submit" class="primary" disabled={busy || !target}>
                  {t('skillMergeConfirm')}
                </button>
                <button type="button" onClick={close}>
                  {t('cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}

      {mode.kind === 'delete' && (
        <div
          ref={panel}
          class="skill-panel"
          role="group"
          aria-labelledby={`${id}-delete`}
          onKeyDown={onPanelKey}
        >
          <p id={`${id}-delete`}>
            {t('skillDeleteConfirm', [skill.name, formatNumber(sessions, locale)])}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => void run(props.onDelete)}
            >
              {t('skillDeleteConfirmButton')}
            </button>
            <button type="button" data-autofocus onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
