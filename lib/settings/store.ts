import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';

/** The settings storage item; `storage.local` so every extension context sees the same. */
const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

/**
 * The defaults of this build. Mozilla's add-on policy asks for consent before collecting
 * browsing data, so on Firefox tracking stays off until the learner agrees on the welcome page.
 */
const BUILD_DEFAULTS: Settings = import.meta.env.FIREFOX
  ? { ...DEFAULT_SETTINGS, trackingConsent: false }
  : DEFAULT_SETTINGS;

/** The learner's settings, complete and valid. */
export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue(), BUILD_DEFAULTS);
}

/** Changes some settings; the rest stay as they are. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await loadSettings()), ...patch }, BUILD_DEFAULTS);
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` whenever any context changes the settings. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(normaliseSettings(value, BUILD_DEFAULTS)));
}

export { DEFAULT_SETTINGS };
