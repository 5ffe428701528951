import { useId, useState } from 'preact/hooks';
import type { BackupErrorKey, ImportBackupResult } from '@/lib/export/backup';
import type { ImportProgress } from '@/lib/export/backup';
import { formatNumber } from '@/lib/format';
import { t, type MessageKey } from '../i18n/i18n';

const ERROR_MESSAGE: Record<BackupErrorKey, MessageKey> = {
  'too-large': 'backupErrorTooLarge',
  'not-json': 'backupErrorNotJson',
  'not-backup': 'backupErrorNotBackup',
  'unsupported-version': 'backupErrorVersion',
  'forbidden-key': 'backupErrorForbiddenKey',
  'invalid-field': 'backupErrorInvalidField',
  'unknown-field': 'backupErrorUnknownField',
  'too-many-records': 'backupErrorTooMany',
  'duplicate-id': 'backupErrorDuplicateId',
  'duplicate-key': 'backupErrorDuplicateKey',
  'orphan-record': 'backupErrorOrphan',
  'orphan-skill': 'backupErrorOrphanSkill',
  'endorsement-refused': 'backupErrorEndorsement',
  'needs-passphrase': 'backupErrorNeedsPassphrase',
  'wrong-passphrase': 'backupErrorWrongPassphrase',
  'bad-identity': 'backupErrorBadIdentity',
  'other-identity': 'backupErrorOtherIdentity',
  'write-failed': 'backupErrorWriteFailed',
};

/** Files larger than this are refused before being read into memory (the format's own limit is in characters). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface ImportBackupProps {
  locale: string;
  /**
   * Checks the whole text, then imports it in one transaction, or changes nothing.
   * `passphrase` opens the signing key the backup carries, if it carries one.
   */
  onImport: (
    text: string,
    onProgress: (progress: ImportProgress) => void,
    passphrase: string,
  ) => Promise<ImportBackupResult>;
}

type Status =
  | { kind: 'idle' | 'reading' }
  | ({ kind: 'restoring' } & ImportProgress)
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string; detail?: string };

/** "Import backup": a file chooser that restores a JSON backup and says what it added. */
export function ImportBackup({ locale, onImport }: ImportBackupProps) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const n = (v: number) => formatNumber(v, locale);

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'reading' });
    try {
      if (file.size > MAX_FILE_BYTES) {
        setStatus({ kind: 'error', text: t('backupErrorTooLarge') });
        return;
      }
      const result = await onImport(
        await file.text(),
        (progress) => setStatus({ kind: 'restoring', ...progress }),
        passphrase,
      );
      if (result.ok) {
        const { added, skipped } = result;
        const already = Object.values(skipped).reduce((a, b) => a + b, 0);
        setStatus({
          kind: 'done',
          text: [
            t('importAdded', [
              n(added.sessions),
              n(added.visits),
              n(added.searches),
              n(added.skills),
              n(added.captures),
            ]),
            added.followUps + added.endorsements > 0
              ? t('importAddedEvidence', [n(added.followUps), n(added.endorsements)])
              : '',
            already > 0 ? t('importSkipped', n(already)) : '',
          ]
            .filter(Boolean)
            .join(' '),
        });
      } else {
        setStatus({
          kind: 'error',
          text: `${t(ERROR_MESSAGE[result.key] ?? 'backupErrorNotBackup')} ${t('importNothingChanged')}`,
          detail: result.detail,
        });
      }
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `${t('backupErrorNotJson')} ${t('importNothingChanged')}`,
        detail: error instanceof Error ? error.message : String(error),
      });
    } finally {
      // The same file may be chosen again after a fix.
      input.value = '';
    }
  };

  return (
    <div class="import-backup">
      <label for={`${id}-passphrase`}>{t('importKeyLabel')}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autocomplete="current-password"
        value={passphrase}
        onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
      />
      <label for={id}>{t('importBackup')}</label>
      <p id={`${id}-hint`} class="muted">
        {t('importBackupHint')}
      </p>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint`}
        disabled={status.kind === 'reading' || status.kind === 'restoring'}
        onChange={(e) => void restore(e.target as HTMLInputElement)}
      />
      <div class="status" role="status">
        {status.kind === 'reading' && t('importReading')}
        {status.kind === 'restoring' && t('importRestoring')}
        {status.kind === 'done' && <p class="ok">{status.text}</p>}
        {status.kind === 'error' && (
          <>
            <p class="error">{status.text}</p>
            {status.detail && <p class="muted import-detail">{status.detail}</p>}
          </>
        )}
      </div>
      {status.kind === 'restoring' && (
        // Outside the live region: a reader hears "Restoring" once, not every chunk.
        <p class="muted">
          <progress max={status.total} value={status.done} aria-label={t('importRestoring')} />{' '}
          {t('importProgress', [n(status.done), n(status.total)])}
        </p>
      )}
    </div>
  );
}
