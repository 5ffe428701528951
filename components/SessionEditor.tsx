import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Skill } from '../lib/model';
import { t } from './i18n/i18n';
import { SkillPicker } from './SkillPicker';

export interface SessionEditorProps {
  skills: readonly Skill[];
  initialSkills: readonly string[];
  initialNote: string;
  /** When given, the session's title is editable too and `onSave` receives it. */
  initialTitle?: string;
  onCreateSkill: (name: string) => Promise<Skill>;
  onSave: (skills: string[], note: string, title?: string) => Promise<void>;
  /** Rendered between the skill field and the note, e.g. suggested skills. */
  suggestions?: (
    add: (id: string) => void,
    selected: readonly string[],
  ) => preact.ComponentChildren;
}

/** Skills and a reflection for one session, with Save (Ctrl/Cmd+Enter saves from anywhere in it). */
export function SessionEditor(props: SessionEditorProps) {
  const { skills, initialSkills, initialNote, initialTitle, onCreateSkill, onSave, suggestions } =
    props;
  const [selected, setSelectedState] = useState<string[]>([...initialSkills]);
  // Save reads the latest selection and first waits for skills still being created, so
  // Ctrl+Enter straight after typing a new skill keeps it.
  const latest = useRef<string[]>(selected);
  const creating = useRef(new Set<Promise<unknown>>());
  const setSelected = (ids: string[]) => {
    latest.current = ids;
    setSelectedState(ids);
  };
  const createSkill = (name: string) => {
    const created = onCreateSkill(name);
    creating.current.add(created);
    void created.finally(() => creating.current.delete(created)).catch(() => {});
    return created;
  };
  const [note, setNote] = useState(initialNote);
  const [title, setTitle] = useState(initialTitle ?? '');
  const titleId = useId();
  const [status, setStatus] = useState<
    { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }
  >({
    kind: 'idle',
  });

  useEffect(() => {
    setSelected([...initialSkills]);
    setNote(initialNote);
    setTitle(initialTitle ?? '');
  }, [initialSkills.join(','), initialNote, initialTitle]);

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      // An emptied title keeps the old one: a session always has a name to show.
      const nextTitle = initialTitle === undefined ? undefined : title.trim() || initialTitle;
      await Promise.allSettled([...creating.current]);
      // The picker adds a created skill in the same turn its promise settles.
      await Promise.resolve();
      await onSave(latest.current, note.trim(), nextTitle);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const edited = () => status.kind === 'saved' && setStatus({ kind: 'idle' });

  return (
    <form
      class="session-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      {initialTitle !== undefined && (
        <>
          <label for={titleId}>{t('sessionTitleLabel')}</label>
          <input
            id={titleId}
            type="text"
            value={title}
            maxLength={500}
            onInput={(e) => {
              setTitle((e.target as HTMLInputElement).value);
              edited();
            }}
          />
        </>
      )}
      <SkillPicker
        skills={skills}
        selected={selected}
        onChange={(ids) => {
          setSelected(ids);
          edited();
        }}
        onCreate={createSkill}
      />
      {suggestions?.((id) => {
        if (!latest.current.includes(id)) setSelected([...latest.current, id]);
        edited();
      }, selected)}
      <label for="session-note">{t('noteLabel')}</label>
      <textarea
        id="session-note"
        value={note}
        maxLength={2000}
        placeholder={t('notePlaceholder')}
        onInput={(e) => {
          setNote((e.target as HTMLTextAreaElement).value);
          edited();
        }}
      />
      <div class="actions">
        <span class="status" role="status" aria-live="polite">
          {status.kind === 'saved' && <span class="ok">{t('saved')}</span>}
          {status.kind === 'error' && <span class="error">{t('saveFailed', status.message)}</span>}
        </span>
        <span>
          <span class="muted visually-hidden">{t('saveHint')}</span>
          <button
            type="submit"
            class="primary"
            disabled={status.kind === 'saving'}
            title={t('saveHint')}
          >
            {t('save')}
          </button>
        </span>
      </div>
    </form>
  );
}
