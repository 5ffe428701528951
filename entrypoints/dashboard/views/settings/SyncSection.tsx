import { useEffect, useState } from 'preact/hooks';
import {
  errorNotice,
  permissionRefused,
  requestLrsPermission,
  SyncSettingsView,
  type Notice,
  type SyncSettingsViewProps,
} from '../../../../components/settings/SyncSettings';
import { useLiveQuery } from '../../../../components/hooks/use-live-query';
import { t } from '../../../../components/i18n/i18n';
import type { ExportPrivacy } from '../../../../lib/settings/settings';
import { loadSettings, watchSettings } from '../../../../lib/settings/settings-storage';
import { db } from '../../../../lib/store/records';
import { testConnection } from '../../../../lib/sync/lrs-client';
import type { FetchLike } from '../../../../lib/sync/lrs-exchange';
import { retryFailed } from '../../../../lib/store/outbox';
import { queueSessionChanges } from '../../../../lib/store/session-statements';
import {
  DEFAULT_SYNC_SETTINGS,
  lrsConfig,
  type SyncSettings as Settings,
} from '../../../../lib/sync/sync-config';
import { loadSyncSettings, updateSyncSettings } from '../../../../lib/sync/sync-settings';
import { resumeSync, syncNow, syncStatus } from '../../../../lib/store/outbox-delivery';

const platformFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * The dashboard's LRS settings: reads and saves the sync settings, shows the outbox status
 * live, tests the connection and syncs on request.
 */
export function SyncSection() {
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
    const permission = draft.enabled
      ? requestLrsPermission(draft.endpoint, true)
      : Promise.resolve(true);
    void run('save', async () => {
      const granted = await permission;
      const next = await updateSyncSettings({ ...draft, enabled: draft.enabled && granted });
      setSettings(next);
      if (draft.enabled && !lrsConfig({ ...draft, enabled: true })) {
        setNotice({ kind: 'error', text: t('syncErrorInvalidEndpoint') });
      } else if (draft.enabled && !granted) {
        setNotice(permissionRefused(draft.endpoint, true));
      } else {
        if (granted) await resumeSync(db());
        setNotice({ kind: 'ok', text: t('syncSaved') });
      }
    });
  };

  const onTest = (draft: Settings) => {
    const permission = requestLrsPermission(draft.endpoint, false);
    void run('test', async () => {
      const config = lrsConfig({ ...draft, enabled: true });
      if (!config) {
        setNotice({ kind: 'error', text: t('syncErrorInvalidEndpoint') });
        return;
      }
      if (!(await permission)) {
        setNotice(permissionRefused(draft.endpoint, false));
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
    const permission = requestLrsPermission(settings.endpoint, true);
    void run('sync', async () => {
      const config = lrsConfig(settings);
      if (!config) return;
      if (!(await permission)) {
        setNotice(permissionRefused(settings.endpoint, true));
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
