import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { LrsError, LrsErrorCode } from '@/lib/sync/lrs-errors';
import type { ExportPrivacy } from '@/lib/settings/settings';
import { lrsPermissions, type SyncSettings as Settings } from '@/lib/sync/sync-config';
import type { SyncStatus } from '@/lib/sync/sync-status';
import { t, uiLocale } from '../i18n/i18n';

/**
 * Asks the learner to let Skilltrail reach the LRS's site (an optional host permission)
 * and, when it is to send statements there (`sending`: connecting, syncing), in Firefox to
 * let their browsing activity and search terms leave the browser (optional data collection
 * permissions), in one prompt. Browsers allow the request only during a click: call it
 * first in the click handler, before any other `await`. Resolves false for an unusable
 * endpoint or a refusal.
 */
export function requestLrsPermission(endpoint: string, sending: boolean): Promise<boolean> {
  const wanted = lrsPermissions(endpoint, { sending, manifest: browser.runtime.getManifest() });
  if (!wanted) return Promise.resolve(false);
  return browser.permissions
    .request(wanted as Parameters<typeof browser.permissions.request>[0])
    .catch(() => false);
}

/**
 * What the learner reads when the permission prompt was refused: with Firefox's data
 * collection asked for too, that the statements' data needs their yes as well.
 */
export function permissionRefused(endpoint: string, sending: boolean): Notice {
  const asked = lrsPermissions(endpoint, { sending, manifest: browser.runtime.getManifest() });
  return {
    kind: 'error',
    text: asked?.data_collection ? t('syncErrorDataPermission') : t('syncErrorPermission'),
  };
}

/** What the learner reads for each kind of trouble (the LRS's own words follow, if any). */
const ERROR_TEXT: Record<LrsErrorCode, () => string> = {
  auth: () => t('syncErrorAuth'),
  forbidden: () => t('syncErrorForbidden'),
  'not-found': () => t('syncErrorNotFound'),
  rejected: () => t('syncErrorRejected'),
  conflict: () => t('syncErrorConflict'),
  'rate-limited': () => t('syncErrorRateLimited'),
  server: () => t('syncErrorServer'),
  network: () => t('syncErrorNetwork'),
  timeout: () => t('syncErrorTimeout'),
  'bad-response': () => t('syncErrorBadResponse'),
  'invalid-endpoint': () => t('syncErrorInvalidEndpoint'),
  'insecure-endpoint': () => t('syncErrorInsecureEndpoint'),
  version: () => t('syncErrorVersion'),
  permission: () => t('syncErrorPermission'),
  redirect: () => t('syncErrorRedirect'),
};

/** A message shown after an action: a result or a problem, announced to screen readers. */
export type Notice = { kind: 'ok' | 'error'; text: string; detail?: string };

export function errorNotice(error: LrsError): Notice {
  // Where a redirect pointed is the clue itself: it goes in the sentence.
  if (error.code === 'redirect' && error.detail)
    return { kind: 'error', text: t('syncErrorRedirectTo', error.detail) };
  return {
    kind: 'error',
    text: ERROR_TEXT[error.code](),
    ...(error.detail ? { detail: error.detail } : {}),
  };
}

export interface SyncSettingsViewProps {
  settings: Settings;
  /** The export privacy level, which statements follow; `totals` sends no session. */
  privacy?: ExportPrivacy;
  status: SyncStatus | undefined;
  busy: 'save' | 'test' | 'sync' | null;
  notice: Notice | null;
  onSave: (settings: Settings) => void;
  onTest: (settings: Settings) => void;
  onSyncNow: () => void;
  onRetryFailed: () => void;
}

/**
 * The LRS form and status, data in and intents out. Saving with "send" checked turns sync
 * on (the container asks for the site permission in that same click).
 */
export function SyncSettingsView(props: SyncSettingsViewProps) {
  const { status, busy, notice } = props;
  const id = useId();
  const [draft, setDraft] = useState(props.settings);
  useEffect(() => setDraft(props.settings), [props.settings]);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const locale = uiLocale();
  const lastError = status?.lastError;

  return (
    <section class="sync-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('syncTitle')}</h2>
      <p class="muted">{t('syncExplain')}</p>
      <p class="muted">{t('syncWhen')}</p>
      {props.privacy === 'totals' && <p class="error">{t('syncTotalsOnly')}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave(draft);
        }}
      >
        <p>
          <label for={`${id}-endpoint`}>{t('syncEndpoint')}</label>
          <input
            id={`${id}-endpoint`}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder={t('syncEndpointExample')}
            aria-describedby={`${id}-endpoint-hint`}
            value={draft.endpoint}
            onInput={(e) => set('endpoint', e.currentTarget.value)}
          />
          <small id={`${id}-endpoint-hint`} class="muted">
            {t('syncEndpointHint')}
          </small>
        </p>
        <p>
          <label for={`${id}-key`}>{t('syncKey')}</label>
          <input
            id={`${id}-key`}
            type="text"
            autoComplete="username"
            spellcheck={false}
            value={draft.key}
            onInput={(e) => set('key', e.currentTarget.value)}
          />
        </p>
        <p>
          <label for={`${id}-secret`}>{t('syncSecret')}</label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="current-password"
            value={draft.secret}
            onInput={(e) => set('secret', e.currentTarget.value)}
          />
        </p>
        <fieldset>
          <legend>{t('syncActorLegend')}</legend>
          <p>
            <input
              id={`${id}-actor-account`}
              type="radio"
              name={`${id}-actor`}
              checked={draft.actorMode === 'account'}
              onChange={() => set('actorMode', 'account')}
            />
            <label for={`${id}-actor-account`}>{t('syncActorAccount')}</label>
          </p>
          <p>
            <input
              id={`${id}-actor-email`}
              type="radio"
              name={`${id}-actor`}
              checked={draft.actorMode === 'email'}
              onChange={() => set('actorMode', 'email')}
            />
            <label for={`${id}-actor-email`}>{t('syncActorEmail')}</label>
          </p>
          <p>
            <label for={`${id}-name`}>{t('syncActorName')}</label>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="name"
              value={draft.actorName}
              onInput={(e) => set('actorName', e.currentTarget.value)}
            />
          </p>
          {draft.actorMode === 'email' && (
            <p>
              <label for={`${id}-email`}>{t('syncActorEmailLabel')}</label>
              <input
                id={`${id}-email`}
                type="email"
                autoComplete="email"
                required
                value={draft.actorEmail}
                onInput={(e) => set('actorEmail', e.currentTarget.value)}
              />
            </p>
          )}
        </fieldset>
        <p>
          <input
            id={`${id}-scope`}
            type="checkbox"
            checked={draft.scope === 'all'}
            onChange={(e) => set('scope', e.currentTarget.checked ? 'all' : 'kept')}
          />
          <label for={`${id}-scope`}>{t('syncScopeAll')}</label>
        </p>
        <p>
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
          />
          <label for={`${id}-enabled`}>{t('syncEnable')}</label>
        </p>
        <p class="actions">
          <button type="submit" disabled={busy !== null}>
            {t('save')}
          </button>
          <button
            type="button"
            disabled={busy !== null || !draft.endpoint}
            onClick={() => props.onTest(draft)}
          >
            {busy === 'test' ? t('syncTesting') : t('syncTest')}
          </button>
          <button
            type="button"
            disabled={busy !== null || !props.settings.enabled}
            onClick={() => props.onSyncNow()}
          >
            {busy === 'sync' ? t('syncRunning') : t('syncNow')}
          </button>
        </p>
      </form>

      <p role="status" aria-live="polite" class={notice?.kind === 'error' ? 'error' : 'ok'}>
        {notice && (
          <>
            {notice.text}
            {notice.detail && <> {t('syncLrsSaid', notice.detail)}</>}
          </>
        )}
      </p>

      {status && (
        <div class="sync-status">
          <dl>
            <dt>{t('syncPending')}</dt>
            <dd>{formatNumber(status.pending, locale)}</dd>
            <dt>{t('syncSent')}</dt>
            <dd>{formatNumber(status.sent, locale)}</dd>
            <dt>{t('syncFailed')}</dt>
            <dd>{formatNumber(status.failed, locale)}</dd>
          </dl>
          {status.lastSyncAt !== undefined && (
            <p class="muted">{t('syncLastSync', formatDateTime(status.lastSyncAt, locale))}</p>
          )}
          {lastError && (
            <p class="error">
              {t('syncLastError', formatDateTime(lastError.at, locale))}{' '}
              {ERROR_TEXT[lastError.code]()}
              {lastError.detail && <> {t('syncLrsSaid', lastError.detail)}</>}
            </p>
          )}
          {status.paused && <p class="error">{t('syncPaused')}</p>}
          {!status.paused && status.retryAt !== undefined && status.pending > 0 && (
            <p class="muted">{t('syncNextAttempt', formatDateTime(status.retryAt, locale))}</p>
          )}
          {status.failed > 0 && (
            <p>
              <button type="button" disabled={busy !== null} onClick={() => props.onRetryFailed()}>
                {t('syncRetryFailed')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
