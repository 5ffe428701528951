import { useEffect, useId, useRef, useState } from 'preact/hooks';
import '../controls.css';
import { t } from '../i18n/i18n';

export interface NeverRecordSiteProps {
  /** The host name, as it will appear in the excluded sites. */
  site: string;
  /** Adds the site to the excluded sites and, if asked, deletes what was recorded from it. */
  onConfirm: (alsoDelete: boolean) => Promise<void>;
  /** After the change is stored (the popup then shows the page as excluded, if deleted). */
  onDone?: (deleted: boolean) => void;
}

/**
 * "Never record this site", in two steps: what it means and whether to delete what is
 * already recorded (not by default), then a confirmation in a status message.
 */
export function NeverRecordSite({ site, onConfirm, onDone }: NeverRecordSiteProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [alsoDelete, setAlsoDelete] = useState(false);
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' } | { kind: 'done'; deleted: boolean } | { kind: 'error' }
  >({ kind: 'idle' });
  // The button that opened the panel disappears with it: keep keyboard focus in place.
  const first = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) first.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const confirm = async () => {
    setState({ kind: 'saving' });
    try {
      await onConfirm(alsoDelete);
      setState({ kind: 'done', deleted: alsoDelete });
      setOpen(false);
      onDone?.(alsoDelete);
    } catch (error) {
      console.error('Skilltrail could not exclude a site', error);
      setState({ kind: 'error' });
    }
  };

  return (
    <div class="never-record">
      {!open && state.kind !== 'done' && (
        <button
          ref={opener}
          type="button"
          class="link-button"
          aria-expanded="false"
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(true)}
        >
          {t('neverRecordButton')}
        </button>
      )}
      {open && (
        <div id={`${id}-panel`} class="never-record-panel">
          <p>{t('neverRecordExplain', site)}</p>
          <div class="toggle">
            <input
              ref={first}
              id={`${id}-delete`}
              type="checkbox"
              checked={alsoDelete}
              onChange={(e) => setAlsoDelete((e.target as HTMLInputElement).checked)}
            />
            <label for={`${id}-delete`}>{t('neverRecordAlsoDelete', site)}</label>
          </div>
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={state.kind === 'saving'}
              onClick={() => void confirm()}
            >
              {t('neverRecordConfirm', site)}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class={state.kind === 'error' ? 'error' : 'ok'}>
        {state.kind === 'done' &&
          (state.deleted ? t('neverRecordDoneDeleted', site) : t('neverRecordDone', site))}
        {state.kind === 'error' && t('neverRecordFailed')}
      </p>
    </div>
  );
}
