import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';

/** The settings storage item; `storage.local` so every extension context sees the same. */
const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

/** The learner's settings, complete and valid. */
export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Changes some settings; the rest stay as they are. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` whenever any context changes the settings. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normaliseSettings(value)));
}

export { DEFAULT_SETTINGS };
