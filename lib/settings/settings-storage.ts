/** The learner's settings in extension storage (`storage.local`): read, updated, watched. */
import { normalisedItem } from './storage-item';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';

/** The settings storage item; `storage.local` so every extension context sees the same. */
const settingsItem = normalisedItem('local:settings', (raw) => normaliseSettings(raw));

/** The learner's settings, complete and valid. */
export async function loadSettings(): Promise<Settings> {
  return settingsItem.load();
}

/** Changes some settings; the rest stay as they are. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return settingsItem.update(patch);
}

/** Calls `listener` whenever any context changes the settings. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(value));
}

export { DEFAULT_SETTINGS };
