import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { OpenedFields, Skill } from '../lib/model';
import { t } from './i18n/i18n';
import { SkillPicker } from './SkillPicker';

export interface SessionEditorProps {
  skills: readonly Skill[];
  initialSkills: readonly string[];
  initialNote: string;
  /** When given, the session's title is editable too and `onSave` receives it. */
  initialTitle?: string;
  onCreateSkill: (name: string) => Promise<Skill>;
  /**
   * `opened`: what the fields held when the screen showed them (or last saved), so the
   * save changes only what the learner changed here.
   */
  onSave: (
    skills: string[],
    note: string,
    title: string | undefined,
    opened: OpenedFields,
  ) => Promise<void>;
  /** Rendered between the skill field and the note, e.g. suggested skills. */
  suggestions?: (
    add: (id: string) => void,
    selected: readonly string[],
  ) => preact.ComponentChildren;
}

/** The fields as one comparable string. */
function fieldsKey(skills: readonly string[], note: string, title: string | undefined): string {
  return JSON.stringify([skills, note, title ?? null]);
}

/** Skills and a reflection for one session, with Save (Ctrl/Cmd+Enter saves from anywhere in it). */
export function SessionEditor(props: SessionEditorProps) {
  const { skills, initialSkills, initialNote, initialTitle, onCreateSkill, onSave, suggestions } =
    props;
  const [selected, setSelectedState] = useState<string[]>([...initialSkills]);
  const [note, setNoteState] = useState(initialNote);
  const [title, setTitleState] = useState(initialTitle ?? '');
  // A save reads what is on screen now, not what the last render saw: a key can come
  // before the render of the input just before it.
  const latest = useRef({ skills: selected, note, title });
  const opened = useRef<OpenedFields>({
    skills: [...initialSkills],
    note: initialNote,
    title: initialTitle,
  });
  const setSelected = (ids: string[]) => {
    latest.current = { ...latest.current, skills: ids };
    setSelectedState(ids);
  };
  const setNote = (value: string) => {
    latest.current = { ...latest.current, note: value };
    setNoteState(value);
  };
  const setTitle = (value: string) => {
    latest.current = { ...latest.current, title: value };
    setTitleState(value);
  };
  // Skills being created; a save waits for them, and for the one it adds itself.
  const creating = useRef(new Set<Promise<unknown>>());
  const commitTyped = useRef<(() => Promise<void>) | null>(null);
  const createSkill = (name: string) => {
    const created = onCreateSkill(name);
    creating.current.add(created);
    void created.finally(() => creating.current.delete(created)).catch(() => {});
    return created;
  };
  // What the last save stored: when the stored session comes back as exactly that, the
  // screen (perhaps edited since) stays as it is.
  const stored = useRef<string | null>(null);
  const titleId = useId();
  const [status, setStatus] = useState<
    { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }
  >({
    kind: 'idle',
  });

  // The caller's skill list is a new array on each change of the stored session: the fields
  // reset when the skills in it differ, not when the array does.
  const initialSkillsKey = JSON.stringify(initialSkills);
  const storedSkills = useMemo(() => JSON.parse(initialSkillsKey) as string[], [initialSkillsKey]);
  useEffect(() => {
    if (stored.current === fieldsKey(storedSkills, initialNote, initialTitle)) return;
    setSelected([...storedSkills]);
    setNote(initialNote);
    setTitle(initialTitle ?? '');
    opened.current = { skills: [...storedSkills], note: initialNote, title: initialTitle };
  }, [storedSkills, initialNote, initialTitle]);

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      // A skill still in the field is on screen: add it as Enter would, then wait for
      // every skill being created (the picker selects each in the turn it settles).
      await commitTyped.current?.();
      while (creating.current.size > 0) {
        await Promise.allSettled([...creating.current]);
        await Promise.resolve();
      }
      // An emptied title keeps the old one: a session always has a name to show.
      const shownKey = () =>
        fieldsKey(
          latest.current.skills,
          latest.current.note.trim(),
          initialTitle === undefined ? undefined : latest.current.title.trim() || initialTitle,
        );
      const { skills: ids, note: text } = latest.current;
      const nextTitle =
        initialTitle === undefined ? undefined : latest.current.title.trim() || initialTitle;
      const saving = shownKey();
      stored.current = saving;
      await onSave(ids, text.trim(), nextTitle, opened.current);
      opened.current = { skills: [...ids], note: text.trim(), title: nextTitle };
      // "Saved" only while the screen still shows what was stored.
      setStatus({ kind: shownKey() === saving ? 'saved' : 'idle' });
    } catch (error) {
      stored.current = null;
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const edited = () => {
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

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
        commitRef={commitTyped}
      />
      {suggestions?.((id) => {
        if (!latest.current.skills.includes(id)) setSelected([...latest.current.skills, id]);
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
