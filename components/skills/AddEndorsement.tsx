import { useId, useState } from 'preact/hooks';
import type { AddEndorsementResult, EndorsementErrorKey } from '@/lib/credentials/endorsement';
import { t, type MessageKey } from '../i18n/i18n';

/** The message for each reason a file is refused. */
const REFUSED: Record<EndorsementErrorKey, MessageKey> = {
  'too-large': 'endorsementTooLarge',
  'not-json': 'endorsementNotJson',
  'not-endorsement': 'endorsementNotEndorsement',
  'bad-proof': 'endorsementBadProof',
  'not-issuer': 'endorsementNotIssuer',
  'foreign-subject': 'endorsementForeign',
  'not-yet-valid': 'endorsementNotYetValid',
  'too-complex': 'endorsementTooComplex',
  'earlier-version': 'endorsementEarlierVersion',
  'someone-else': 'endorsementSomeoneElse',
  expired: 'endorsementExpired',
};

type Status =
  { kind: 'idle' | 'checking' } | { kind: 'ok' | 'error'; text: string; detail?: string };

export interface AddEndorsementProps {
  /** Checks the chosen file and stores it, or changes nothing and says why. */
  onAdd: (file: File) => Promise<AddEndorsementResult>;
  /** Hears an endorsement stored, or found already stored, for the skill it is about. */
  onAdded?: (skillId: string) => void;
}

/**
 * "Add endorsement": one file chooser for the whole library, since the file itself says
 * which skill it endorses. Says what was added, or why nothing was.
 */
export function AddEndorsement({ onAdd, onAdded }: AddEndorsementProps) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'checking' });
    try {
      const r = await onAdd(file);
      if (r.ok) {
        setStatus({
          kind: 'ok',
          text: t('endorsementAdded', [r.endorsement.issuerName, r.skillName]),
        });
        onAdded?.(r.endorsement.skillId);
      } else if (r.key === 'already-added') {
        setStatus({
          kind: 'ok',
          text: t('endorsementAlready', [r.existing.issuerName, r.skillName]),
        });
        onAdded?.(r.existing.skillId);
      } else {
        setStatus({
          kind: 'error',
          text: `${t(REFUSED[r.key] ?? 'endorsementNotEndorsement')} ${t('importNothingChanged')}`,
          detail: r.detail,
        });
      }
    } catch (error) {
      console.error('Skilltrail could not add an endorsement', error);
      setStatus({
        kind: 'error',
        text: `${t('endorsementNotEndorsement')} ${t('importNothingChanged')}`,
      });
    } finally {
      // The same file may be chosen again.
      input.value = '';
    }
  };

  return (
    <div class="add-endorsement">
      <label for={id}>{t('endorsementAdd')}</label>
      <p id={`${id}-hint`} class="muted">
        {t('endorsementAddHint')}
      </p>
      <input
        id={id}
        type="file"
        accept=".json,application/json,application/ld+json"
        aria-describedby={`${id}-hint`}
        disabled={status.kind === 'checking'}
        onChange={(e) => void choose(e.currentTarget)}
      />
      <div class="status" role="status">
        {status.kind === 'checking' && t('endorsementChecking')}
        {status.kind === 'ok' && <p class="ok">{status.text}</p>}
        {status.kind === 'error' && (
          <>
            <p class="error">{status.text}</p>
            {status.detail && <p class="muted import-detail">{status.detail}</p>}
          </>
        )}
      </div>
    </div>
  );
}
