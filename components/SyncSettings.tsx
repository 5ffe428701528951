import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../lib/store/db';
import { formatDateTime, formatNumber } from '../lib/format';
import {
  testConnection,
  type FetchLike,
  type LrsError,
  type LrsErrorCode,
} from '../lib/sync/lrs-client';
import type { ExportPrivacy } from '../lib/settings/settings';
import { loadSettings, watchSettings } from '../lib/settings/store';
import { retryFailed } from '../lib/sync/outbox';
import { queueSessionChanges } from '../lib/sync/session-statements';
import {
  DEFAULT_SYNC_SETTINGS,
  lrsConfig,
  originPattern,
  type SyncSettings as Settings,
} from '../lib/sync/sync-config';
import { loadSyncSettings, updateSyncSettings } from '../lib/sync/sync-settings';
import { resumeSync, syncNow, syncStatus, type SyncStatus } from '../lib/sync/sync-now';
import { t, uiLocale } from './i18n/i18n';
import { useLiveQuery } from './hooks/use-live-query';

const platformFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Asks the learner to let Skilltrail reach the LRS's site (an optional host permission).
 * Browsers allow the request only during a click: call it first in the click handler,
 * before any other `await`. Resolves false for an unusable endpoint or a refusal.
 */
export function requestLrsPermission(endpoint: string): Promise<boolean> {
  const pattern = originPattern(endpoint);
  if (!pattern) return Promise.resolve(false);
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
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

/**
 * The dashboard's LRS settings: reads and saves the sync settings, shows the outbox status
 * live, tests the connection and syncs on request.
 */
export function SyncSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SYNC_SETTINGS);
  const [busy, setBusy] = useState<SyncSettingsViewProps['busy']>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [privacy, setPrivacy] = useState<ExportPrivacy | undefined>(undefined);
  const status = useLiveQuery(() => syncStatus(db()), []);
  useEffect(() => {
    void loadSyncSettings().then(setSettings);
    void loadSettings().then((s) => setPrivacy(s.exportPrivacy));
    return watchSettings((s) => setPrivacy(s.exportPrivacy));
  }, []);

  const run = async (
    kind: NonNullable<SyncSettingsViewProps['busy']>,
    task: () => Promise<void>,
  ) => {
    setBusy(kind);
    setNotice(null);
    try {
      await task();
    } catch (error) {
      console.error('Skilltrail sync action failed', error instanceof Error ? error.name : 'error');
      setNotice({ kind: 'error', text: t('syncErrorUnexpected') });
    } finally {
      setBusy(null);
    }
  };

  const onSave = (draft: Settings) => {
    // The permission prompt must open within the click: ask before anything else awaits.
    const permission = draft.enabled ? requestLrsPermission(draft.endpoint) : Promise.resolve(true);
    void run('save', async () => {
      const granted = await permission;
      const next = await updateSyncSettings({ ...draft, enabled: draft.enabled && granted });
      setSettings(next);
      if (draft.enabled && !lrsConfig({ ...draft, enabled: true })) {
        setNotice({ kind: 'error', text: t('syncErrorInvalidEndpoint') });
      } else if (draft.enabled && !granted) {
        setNotice({ kind: 'error', text: t('syncErrorPermission') });
      } else {
        if (granted) await resumeSync(db());
        setNotice({ kind: 'ok', text: t('syncSaved') });
      }
    });
  };

  const onTest = (draft: Settings) => {
    const permission = requestLrsPermission(draft.endpoint);
    void run('test', async () => {
      const config = lrsConfig({ ...draft, enabled: true });
      if (!config) {
        setNotice({ kind: 'error', text: t('syncErrorInvalidEndpoint') });
        return;
      }
      if (!(await permission)) {
        setNotice({ kind: 'error', text: t('syncErrorPermission') });
        return;
      }
      const result = await testConnection(config, platformFetch);
      if (!result.ok) {
        setNotice(errorNotice(result.error));
        return;
      }
      const versions = result.versions.join(', ');
      setNotice({
        kind: 'ok',
        text:
          result.credentials === 'accepted'
            ? t('syncTestOk', versions)
            : t('syncTestOkWriteOnly', versions),
      });
    });
  };

  const onSyncNow = () => {
    const permission = requestLrsPermission(settings.endpoint);
    void run('sync', async () => {
      const config = lrsConfig(settings);
      if (!config) return;
      if (!(await permission)) {
        setNotice({ kind: 'error', text: t('syncErrorPermission') });
        return;
      }
      await queueSessionChanges(db(), settings, await loadSettings(), Date.now());
      const result = await syncNow(db(), config, platformFetch, Date.now, {
        force: true,
        budgetMs: 120_000,
      });
      if (result.busy) setNotice({ kind: 'ok', text: t('syncBusy') });
      else if (result.lastError && (result.paused || result.retryAt !== undefined)) {
        setNotice(errorNotice(result.lastError));
      } else setNotice({ kind: 'ok', text: t('syncDone', [result.sent, result.failed]) });
    });
  };

  const onRetryFailed = () => {
    void run('sync', async () => {
      await retryFailed(db());
    });
  };

  return (
    <SyncSettingsView
      settings={settings}
      privacy={privacy}
      status={status}
      busy={busy}
      notice={notice}
      onSave={onSave}
      onTest={onTest}
      onSyncNow={onSyncNow}
      onRetryFailed={onRetryFailed}
    />
  );
}
