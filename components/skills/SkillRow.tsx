import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import type { Skill } from '@/lib/model';
import { validateSkillPatch, type SkillChange, type SkillPatch } from '@/lib/skills/library';
import { cleanSkillName } from '@/lib/skills/names';
import { type GoalProgress as GoalProgressData, type SkillTotals } from '@/lib/skills/totals';
import { isLinkable } from '@/lib/url';
import type { PrivacyLevel } from '@/lib/export/privacy';
import { EndorsementRequestPanel } from './EndorsementRequestPanel';
import { EndorsementList, type EndorsementItem } from './EndorsementList';
import { FollowUpList, type FollowUpItem } from '../FollowUpList';
import { GoalProgress } from './GoalProgress';
import { t } from '../i18n/i18n';
import { timeText } from '../time-text';
import { SkillDeleteConfirm } from './SkillDeleteConfirm';
import {
  draftOf,
  FIELD_ERRORS,
  patchOf,
  SkillEditForm,
  type Draft,
  type SkillField as Field,
} from './SkillEditForm';
import { SkillMergePanel, SkillRenameConflict } from './SkillMergePanel';

type Mode =
  | { kind: 'view' }
  | { kind: 'edit' }
  | { kind: 'merge' }
  | { kind: 'delete' }
  | { kind: 'endorse' }
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
  /** The privacy level a request for an endorsement starts at (the export default). */
  exportPrivacy: PrivacyLevel;
  /** Saves the endorsement request page at `level`; answers its file name, `null` if nothing to ask about. */
  onAskEndorsement: (level: PrivacyLevel) => Promise<string | null>;
  /** Endorsements of this skill, newest first. */
  endorsements?: readonly EndorsementItem[];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(ts: number, locale: string): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, f);
  }
  return f.format(ts);
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
  const [level, setLevel] = useState<PrivacyLevel>(props.exportPrivacy);
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

  const open = (kind: 'edit' | 'merge' | 'delete' | 'endorse', event: Event) => {
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

  const askEndorsement = async () => {
    setBusy(true);
    try {
      const filename = await props.onAskEndorsement(level);
      announce(filename ? t('endorseAskSaved', filename) : t('endorseAskNothing', skill.name));
      if (filename) close();
    } catch (e) {
      console.error('Skilltrail could not make an endorsement request', e);
      announce(t('endorseAskFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const onPanelKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

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
          <dd>{timeText(totals?.activeMs ?? 0, totals?.statedMs, locale)}</dd>
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
      {props.endorsements && props.endorsements.length > 0 && (
        <details class="skill-endorsements" open>
          <summary>{t('skillEndorsements', props.endorsements.length)}</summary>
          <EndorsementList items={props.endorsements} locale={locale} />
        </details>
      )}
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
        {sessions > 0 && (
          <button
            type="button"
            data-ask-endorsement
            aria-label={t('skillAskEndorsementNamed', skill.name)}
            aria-expanded={mode.kind === 'endorse'}
            onClick={(e) => (mode.kind === 'endorse' ? close() : open('endorse', e))}
          >
            {t('skillAskEndorsement')}
          </button>
        )}
      </div>

      {mode.kind === 'edit' && (
        <div ref={panel} class="skill-panel" onKeyDown={onPanelKey}>
          <SkillEditForm
            id={id}
            skillName={skill.name}
            draft={draft}
            onDraft={setDraft}
            error={error}
            busy={busy}
            onSave={() => void save()}
            onCancel={close}
          />
        </div>
      )}

      {mode.kind === 'conflict' && (
        <SkillRenameConflict
          id={id}
          panelRef={panel}
          skillName={skill.name}
          target={mode.target}
          busy={busy}
          onMerge={(targetId) => void merge(targetId)}
          onKeepEditing={() => {
            focusField.current = 'name';
            setMode({ kind: 'edit' });
          }}
          onKeyDown={onPanelKey}
        />
      )}

      {mode.kind === 'merge' && others && (
        <SkillMergePanel
          id={id}
          panelRef={panel}
          skillName={skill.name}
          others={others}
          target={target}
          onTarget={setTarget}
          busy={busy}
          onMerge={(targetId) => void merge(targetId)}
          onClose={close}
          onKeyDown={onPanelKey}
        />
      )}

      {mode.kind === 'endorse' && (
        <EndorsementRequestPanel
          id={id}
          panelRef={panel}
          skillName={skill.name}
          level={level}
          onLevel={setLevel}
          busy={busy}
          onSave={() => void askEndorsement()}
          onCancel={close}
          onKeyDown={onPanelKey}
        />
      )}

      {mode.kind === 'delete' && (
        <SkillDeleteConfirm
          id={id}
          panelRef={panel}
          skillName={skill.name}
          sessions={formatNumber(sessions, locale)}
          busy={busy}
          onDelete={() => void run(props.onDelete)}
          onCancel={close}
          onKeyDown={onPanelKey}
        />
      )}
    </article>
  );
}
