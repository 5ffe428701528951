import { useId, useState } from 'preact/hooks';
import {
  CredentialResult,
  type CredentialCheck,
} from '../../../../components/verify/CredentialResult';
import { t, uiLocale } from '../../../../components/i18n/i18n';
import { describeCredential } from '../../../../lib/credentials/badge-view';
import { MAX_BADGES_FILE_CHARS, parseBadgesFile } from '../../../../lib/credentials/badges-file';
import type { CredentialVerdict } from '../../../../lib/credentials/verify';
import { formatNumber } from '../../../../lib/format';
import type { VerifyReply, VerifyRequest } from './verify-worker';

/** Credentials checked per file; the rest are counted, not verified. */
const MAX_CREDENTIALS = 200;

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; done?: number; total?: number }
  | { kind: 'error'; detail: string }
  | { kind: 'done'; fileName: string; checks: CredentialCheck[]; skipped: number };

/** A task boundary: the page paints and answers input between two credentials. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Check = (item: unknown, now: number) => Promise<CredentialVerdict>;

/**
 * Where the checks run: a worker of their own, so a credential that takes seconds never
 * freezes the page; in this page only where workers are missing.
 */
async function checker(): Promise<{ check: Check; end: () => void }> {
  if (typeof Worker !== 'function') {
    // The JSON-LD stack loads only here, when a learner checks badges.
    const { checkCredential } = await import('../../../../lib/credentials/verify');
    return { check: (item, now) => checkCredential(item, { now }), end: () => {} };
  }
  const worker = new Worker(new URL('./verify-worker.ts', import.meta.url));
  const waiting = new Map<number, (v: CredentialVerdict) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<VerifyReply>) => {
    waiting.get(event.data.id)?.(event.data.verdict);
    waiting.delete(event.data.id);
  };
  return {
    check: (item, now) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, resolve);
        worker.onerror = (e) => reject(new Error(e.message || 'the check stopped'));
        const request: VerifyRequest = { id, item, now };
        worker.postMessage(request);
      }),
    end: () => worker.terminate(),
  };
}

/**
 * Checks every credential of a badges text: signature, issuer key, claims and validity now,
 * one at a time with a task boundary between them, telling how far it is.
 */
async function checkAll(
  text: string,
  fileName: string,
  onProgress: (done: number, total: number) => void,
): Promise<State> {
  const parsed = parseBadgesFile(text);
  if (!parsed.ok) return { kind: 'error', detail: parsed.message };
  const { check, end } = await checker();
  try {
    return await checkEach(parsed.credentials, fileName, check, onProgress);
  } finally {
    end();
  }
}

async function checkEach(
  credentials: readonly unknown[],
  fileName: string,
  check: Check,
  onProgress: (done: number, total: number) => void,
): Promise<State> {
  const now = Date.now();
  const checks: CredentialCheck[] = [];
  const items = credentials.slice(0, MAX_CREDENTIALS);
  for (const [i, item] of items.entries()) {
    onProgress(i, items.length);
    await nextTask();
    const v = await check(item, now);
    checks.push(
      v.status === 'invalid'
        ? {
            status: 'invalid',
            proof: v.proof,
            key: v.key,
            detail: v.detail,
            // What an invalid credential claims is still worth seeing, marked as unverified.
            view: v.credential ? describeCredential(v.credential) : null,
          }
        : {
            status: v.status,
            proof: v.proof,
            signer: v.signer,
            view: describeCredential(v.credential),
            endorsements: v.endorsements,
          },
    );
  }
  return {
    kind: 'done',
    fileName,
    checks,
    skipped: Math.max(0, credentials.length - MAX_CREDENTIALS),
  };
}

/** Verify badges: choose or drop a badges file and see each credential's result and evidence. */
export function VerifyView(_: { params: string[] }) {
  const id = useId();
  const locale = uiLocale();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'checking' });
    if (file.size > MAX_BADGES_FILE_CHARS * 4) {
      setState({ kind: 'error', detail: '' });
      return;
    }
    try {
      setState(
        await checkAll(await file.text(), file.name, (done, total) =>
          setState({ kind: 'checking', done, total }),
        ),
      );
    } catch (error) {
      setState({ kind: 'error', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const count = (status: CredentialCheck['status']) =>
    state.kind === 'done' ? state.checks.filter((c) => c.status === status).length : 0;

  return (
    <section aria-labelledby="verify-heading" class="verify-view">
      <h1 id="verify-heading">{t('verifyHeading')}</h1>
      <p>{t('verifyIntro')}</p>
      <div
        class={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <label for={id}>{t('verifyChoose')}</label>
        <input
          id={id}
          type="file"
          accept=".json,.jwt,.txt,application/json,text/plain"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void read(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        <p id={`${id}-hint`} class="muted">
          {t('verifyDropHint')}
        </p>
      </div>
      <div role="status" class="status">
        {state.kind === 'checking' && <p>{t('verifyChecking')}</p>}
        {state.kind === 'error' && (
          <>
            <p class="error">{t('verifyNotBadges')}</p>
            {state.detail && <p class="muted">{state.detail}</p>}
          </>
        )}
        {state.kind === 'done' && (
          <p>
            {t('verifySummary', [
              state.fileName,
              formatNumber(state.checks.length, locale),
              formatNumber(count('valid'), locale),
              formatNumber(count('issuer-unconfirmed'), locale),
              formatNumber(count('invalid'), locale),
            ])}
          </p>
        )}
      </div>
      {/* Outside the live region: a reader hears "Checking" once, not every credential. */}
      {state.kind === 'checking' && state.total !== undefined && state.total > 1 && (
        <p class="muted">
          <progress max={state.total} value={state.done} aria-label={t('verifyChecking')} />{' '}
          {t('verifyProgress', [
            formatNumber(state.done ?? 0, locale),
            formatNumber(state.total, locale),
          ])}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          {state.checks.map((check, i) => (
            <CredentialResult key={i} position={i + 1} check={check} locale={locale} />
          ))}
          {state.skipped > 0 && (
            <p class="muted">{t('verifySkipped', formatNumber(state.skipped, locale))}</p>
          )}
        </>
      )}
    </section>
  );
}
