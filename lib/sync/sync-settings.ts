import { normalisedItem } from '../settings/storage-item';
import { normaliseSyncSettings, type SyncSettings } from './sync-config';

/**
 * The LRS settings item, in `storage.local` beside (never inside) the general settings, so
 * a backup or export of the general settings can never carry the key and secret.
 */
const syncSettingsItem = normalisedItem('local:syncSettings', normaliseSyncSettings);

/**
 * The LRS settings, complete and valid.
 * @example const { enabled, endpoint } = await loadSyncSettings();
 */
export async function loadSyncSettings(): Promise<SyncSettings> {
  return syncSettingsItem.load();
}

/**
 * Changes some LRS settings; the rest stay as they are.
 * @example await updateSyncSettings({ enabled: true })
 */
export async function updateSyncSettings(patch: Partial<SyncSettings>): Promise<SyncSettings> {
  return syncSettingsItem.update(patch);
}

/**
 * Calls `listener` whenever any context changes the LRS settings. Returns the unsubscribe.
 * @example const stop = watchSyncSettings((next, before) => …);
 */
export function watchSyncSettings(
  listener: (settings: SyncSettings, before: SyncSettings) => void,
): () => void {
  return syncSettingsItem.watch(listener);
}
