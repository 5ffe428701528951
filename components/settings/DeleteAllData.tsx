import { useEffect, useId, useRef, useState } from 'preact/hooks';
import '../controls.css';
import { t } from '../i18n/i18n';

export interface DeleteAllDataProps {
  /** Deletes every record and setting; rejects if it could not. */
  onDelete: () => Promise<void>;
}

/**
 * "Delete all my data", behind a word the learner types (shown on screen, in their
 * language), so neither a slip nor a stray Enter can erase a history.
 */
export function DeleteAllData({ onDelete }: DeleteAllDataProps) {
  const id = useId();
  const word = t('deleteAllWord');
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<'idle' | 'deleting' | 'done' | 'error'>('idle');
  // The button that opened the form disappears with it: move focus to the field.
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  const matches = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!matches || state === 'deleting') return;
    setState('deleting');
    try {
      await onDelete();
      setState('done');
      setOpen(false);
      setTyped('');
    } catch (error) {
      console.error('Skilltrail could not delete everything', error);
      setState('error');
    }
  };

  return (
    <div class="delete-all">
      <p>{t('deleteAllExplain')}</p>
      {!open && (
        <button
          type="button"
          class="danger"
          aria-expanded="false"
          aria-controls={`${id}-form`}
          onClick={() => {
            setOpen(true);
            setState('idle');
          }}
        >
          {t('deleteAllButton')}
        </button>
      )}
      {open && (
        <form id={`${id}-form`} class="danger-zone" onSubmit={(e) => void submit(e)}>
          <label for={`${id}-confirm`}>{t('deleteAllConfirmLabel', word)}</label>
          <input
            ref={field}
            id={`${id}-confirm`}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          />
          <div class="row">
            <button type="submit" class="danger" disabled={!matches || state === 'deleting'}>
              {t('deleteAllConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setTyped('');
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      <p role="status" class={state === 'error' ? 'error' : 'ok'}>
        {state === 'deleting' && t('deleteAllRunning')}
        {state === 'done' && t('deleteAllDone')}
        {state === 'error' && t('deleteAllFailed')}
      </p>
    </div>
  );
}
