import type { JSX } from 'preact';
import type { Skill } from '@/lib/model';
import {
  MAX_ALIASES,
  MAX_ALIAS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_GOAL_MINUTES,
  type SkillChange,
  type SkillPatch,
} from '@/lib/skills/library';
import { Field } from './Field';
import { t } from '../i18n/i18n';

/** A field of the skill form that validation can name. */
export type SkillField = NonNullable<Extract<SkillChange, { ok: false }>['field']>;

export const FIELD_ERRORS: Record<SkillField, () => string> = {
  name: () => t('skillErrorName'),
  colour: () => t('skillErrorColour'),
  aliases: () => t('skillErrorAliases', [MAX_ALIASES, MAX_ALIAS_LENGTH]),
  uri: () => t('skillErrorUri'),
  description: () => t('skillErrorDescription', MAX_DESCRIPTION_LENGTH),
  goalMinutes: () => t('skillErrorGoal', MAX_GOAL_MINUTES),
};

/** The form's text, as typed: what the learner sees is what is checked and saved. */
export interface Draft {
  name: string;
  colour: string;
  aliases: string;
  uri: string;
  description: string;
  goal: string;
}

export function draftOf(skill: Skill): Draft {
  return {
    name: skill.name,
    colour: skill.colour,
    aliases: skill.aliases.join('\n'),
    uri: skill.uri ?? '',
    description: skill.description ?? '',
    goal: skill.goalMinutes === undefined ? '' : String(skill.goalMinutes),
  };
}

export function patchOf(draft: Draft): SkillPatch {
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

export interface SkillEditFormProps {
  /** The row's id: every input's id starts with it. */
  id: string;
  skillName: string;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  error: { field: SkillField; message: string } | null;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}

/** The skill's edit form: name, colour, aliases, framework identifier, description, goal. */
export function SkillEditForm(props: SkillEditFormProps) {
  const { id, draft, error } = props;
  const fieldProps = (field: SkillField) => ({
    'data-field': field,
    'aria-invalid': error?.field === field ? true : undefined,
    'aria-describedby': error?.field === field ? `${id}-error` : `${id}-${field}-hint`,
  });
  const set =
    (key: keyof Draft) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement, Event>) =>
      props.onDraft({ ...draft, [key]: e.currentTarget.value });
  /** The label, hint and error around a field's input. */
  const around = (field: SkillField, inputId: string, label: string, hint?: string) => ({
    inputId,
    label,
    hint,
    hintId: `${id}-${field}-hint`,
    error: error?.field === field ? error.message : null,
    errorId: `${id}-error`,
  });

  return (
    <form
      noValidate
      aria-label={t('skillEditNamed', props.skillName)}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <Field {...around('name', `${id}-name-input`, t('skillNameLabel'))}>
        <input
          id={`${id}-name-input`}
          type="text"
          maxLength={80}
          value={draft.name}
          onInput={set('name')}
          {...fieldProps('name')}
        />
      </Field>
      <Field {...around('colour', `${id}-colour`, t('skillColourLabel'))}>
        <input
          id={`${id}-colour`}
          type="color"
          class="colour-input"
          value={draft.colour}
          onInput={set('colour')}
          {...fieldProps('colour')}
        />
      </Field>
      <Field {...around('aliases', `${id}-aliases`, t('skillAliasesLabel'), t('skillAliasesHint'))}>
        <textarea
          id={`${id}-aliases`}
          rows={3}
          value={draft.aliases}
          onInput={set('aliases')}
          {...fieldProps('aliases')}
        />
      </Field>
      <Field {...around('uri', `${id}-uri`, t('skillUriLabel'), t('skillUriHint'))}>
        <input
          id={`${id}-uri`}
          type="url"
          value={draft.uri}
          onInput={set('uri')}
          {...fieldProps('uri')}
        />
      </Field>
      <Field {...around('description', `${id}-description`, t('skillDescriptionLabel'))}>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={draft.description}
          onInput={set('description')}
          {...fieldProps('description')}
        />
      </Field>
      <Field {...around('goalMinutes', `${id}-goal`, t('skillGoalLabel'), t('skillGoalHint'))}>
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
      </Field>

      <div class="button-row skill-panel-buttons">
        <button type="submit" class="primary" disabled={props.busy}>
          {t('skillSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
