import { Component } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import type { OpenedFields, Skill } from '@/lib/model';
import type { Suggestion } from '@/lib/suggest/rank';
import type { ReviewItem } from '@/lib/week/review';
import { t } from '../i18n/i18n';
import { SessionCard } from './SessionCard';
import { SessionEditor } from '../SessionEditor';
import { StatedActivityForm, type StatedSaveResult } from '../StatedActivityForm';
import type { StatedActivityInput } from '@/lib/learning-away/validate';
import type { PrivacyLevel } from '@/lib/export/privacy';
import { EndorsementRequestPanel } from '../skills/EndorsementRequestPanel';

export interface ReviewSessionProps {
  item: ReviewItem;
  skills: readonly Skill[];
  skillsById: ReadonlyMap<string, Skill>;
  locale: string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Skills to offer with one click; shown only while the session has none. */
  suggestions: readonly Suggestion[];
  editing: boolean;
  onEdit: (open: boolean) => void;
  onTag: (skillId: string) => Promise<void>;
  onSave: (title: string, skills: string[], note: string, opened: OpenedFields) => Promise<void>;
  /** Saves a stated activity (kind `away`) edited in its own form. */
  onSaveStated: (input: StatedActivityInput) => Promise<StatedSaveResult>;
  /** Today, `2026-12-07`: a stated activity's day cannot be later. */
  today: string;
  onCreateSkill: (name: string) => Promise<Skill>;
  onDismiss: (dismissed: boolean) => Promise<void>;
  onDelete: () => Promise<void>;
  /** The privacy level a request for an endorsement starts at (the export default). */
  exportPrivacy: PrivacyLevel;
  /**
   * Saves the request page for an endorsement of this one stated activity at `level`;
   * answers its file name, `null` when there is nothing to ask about.
   */
  onAskEndorsement: (level: PrivacyLevel) => Promise<string | null>;
}

/**
 * One session of the week under review: its card, a selection box for bulk tagging,
 * suggested skills, and Edit, "Not learning" (or Undo) and Delete (asked first).
 * Re-renders only when its data changes, not on every keystroke in the week's filters;
 * its callbacks must therefore not read state that changes without its props changing.
 */
export class ReviewSession extends Component<ReviewSessionProps> {
  override shouldComponentUpdate(next: ReviewSessionProps): boolean {
    return !SAME_WHEN_EQUAL.every((k) => this.props[k] === next[k]);
  }

  override render(props: ReviewSessionProps) {
    return <ReviewSessionCard {...props} />;
  }
}

const SAME_WHEN_EQUAL = [
  'item',
  'selected',
  'editing',
  'suggestions',
  'skills',
  'skillsById',
  'locale',
  'exportPrivacy',
] as const;

function ReviewSessionCard(props: ReviewSessionProps) {
  const { item, skills, skillsById, locale, selected, onSelect, suggestions, editing } = props;
  const { session, visits, searches } = item;
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const askPanel = useRef<HTMLDivElement>(null);
  const [asking, setAsking] = useState(false);
  const [level, setLevel] = useState<PrivacyLevel>(props.exportPrivacy);
  const [askStatus, setAskStatus] = useState('');
  const title = session.title || session.domain || session.url;
  const dismissed = session.status === 'dismissed';
  const tagged = session.skills.some((s) => skillsById.has(s));
  // One stated activity, with a skill, may be vouched for by someone who saw it.
  const askable = session.kind === 'away' && !dismissed && tagged;

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (asking) askPanel.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [asking]);

  const closeAsk = () => {
    setAsking(false);
    askRef.current?.focus();
  };

  const ask = async () => {
    setBusy(true);
    try {
      const filename = await props.onAskEndorsement(level);
      setAskStatus(filename ? t('endorseAskSaved', filename) : t('endorseActivityNothing'));
      if (filename) closeAsk();
    } catch (e) {
      console.error('Skilltrail could not make an endorsement request', e);
      setAskStatus(t('endorseAskFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <SessionCard
      session={session}
      skillsById={skillsById}
      vouchedBy={item.vouchedBy}
      visits={visits}
      searches={searches}
      leading={
        <span class="select-session">
          <input
            type="checkbox"
            id={`${id}-select`}
            checked={selected}
            onChange={(e) => onSelect((e.target as HTMLInputElement).checked)}
          />
          <label for={`${id}-select`} class="visually-hidden">
            {t('selectSession', title)}
          </label>
        </span>
      }
    >
      {!tagged && !dismissed && suggestions.length > 0 && (
        <div class="suggestions">
          <span id={`${id}-suggested`} class="muted">
            {t('suggestedSkills')}
          </span>
          <ul class="chips" aria-labelledby={`${id}-suggested`}>
            {suggestions.map((s) => (
              <li key={s.skillId}>
                <button
                  type="button"
                  class="suggestion"
                  data-skill-id={s.skillId}
                  disabled={busy}
                  aria-label={t('suggestionTag', s.name)}
                  onClick={() => void run(() => props.onTag(s.skillId))}
                >
                  <span aria-hidden="true">+ </span>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing && session.kind === 'away' && (
        <div class="session-edit">
          <StatedActivityForm
            skills={skills}
            initial={session}
            today={props.today}
            onCreateSkill={props.onCreateSkill}
            onSave={props.onSaveStated}
            onSaved={() => {
              props.onEdit(false);
              editRef.current?.focus();
            }}
          />
        </div>
      )}
      {editing && session.kind !== 'away' && (
        <div class="session-edit">
          <SessionEditor
            skills={skills}
            initialSkills={session.skills}
            initialNote={session.note}
            initialTitle={session.title}
            onCreateSkill={props.onCreateSkill}
            onSave={(ids, note, nextTitle, opened) =>
              props.onSave(nextTitle ?? session.title, ids, note, opened)
            }
          />
        </div>
      )}
      {asking && (
        <EndorsementRequestPanel
          id={`${id}-ask`}
          panelRef={askPanel}
          skillName={title}
          help={t('endorseActivityHelp', title)}
          level={level}
          onLevel={setLevel}
          busy={busy}
          onSave={() => void ask()}
          onCancel={closeAsk}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              closeAsk();
            }
          }}
        />
      )}
      {askable && (
        <p class="status ask-status" role="status">
          {askStatus}
        </p>
      )}
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {visits.length + searches.length === 0
              ? t('deleteConfirmSimple', title)
              : t('deleteConfirm', [
                  title,
                  formatNumber(visits.length, locale),
                  formatNumber(searches.length, locale),
                ])}
          </p>
          <div class="session-actions">
            <button
              type="button"
              class="danger"
              data-action="confirm-delete"
              disabled={busy}
              onClick={() => void run(props.onDelete)}
            >
              {t('deleteSession')}
            </button>
            <button
              type="button"
              ref={cancelRef}
              onClick={() => {
                setConfirming(false);
                editRef.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="session-actions">
          <button
            type="button"
            ref={editRef}
            data-action="edit"
            aria-expanded={editing}
            aria-describedby={`${id}-name`}
            onClick={() => props.onEdit(!editing)}
          >
            {editing ? t('editDone') : t('editSession')}
          </button>
          <button
            type="button"
            data-action={dismissed ? 'undo-dismiss' : 'dismiss'}
            aria-describedby={`${id}-name`}
            disabled={busy}
            onClick={() => void run(() => props.onDismiss(!dismissed))}
          >
            {dismissed ? t('undoNotLearning') : t('markNotLearning')}
          </button>
          <button
            type="button"
            data-action="delete"
            aria-describedby={`${id}-name`}
            onClick={() => setConfirming(true)}
          >
            {t('deleteSession')}
          </button>
          {askable && (
            <button
              type="button"
              ref={askRef}
              data-action="ask-endorsement"
              aria-expanded={asking}
              aria-describedby={`${id}-name`}
              onClick={() => (asking ? closeAsk() : setAsking(true))}
            >
              {t('skillAskEndorsement')}
            </button>
          )}
          <span id={`${id}-name`} hidden>
            {title}
          </span>
        </div>
      )}
    </SessionCard>
  );
}
