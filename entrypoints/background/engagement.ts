import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../../lib/settings/settings-storage';

/** A browser call that may fail or be missing: undefined instead of an error. */
async function attempt<T>(call: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}

const SCRIPT_ID = 'engagement';
/** Where WXT puts the built `engagement.content.ts`. */
const SCRIPT_FILE = 'content-scripts/engagement.js';
const WEB_ORIGINS = ['http://*/*', 'https://*/*'];

/** The web origins the learner granted (the optional host permission), if any. */
async function grantedOrigins(): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of WEB_ORIGINS) {
    if (await attempt(() => browser.permissions.contains({ origins: [origin] }))) {
      granted.push(origin);
    }
  }
  return granted;
}

/**
 * Registers the engagement script exactly when the learner turned on deeper reading
 * evidence and granted host access, and unregisters it otherwise. Idempotent.
 */
export async function syncEngagementScript(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const [settings, origins, registered] = await Promise.all([
    loadSettings(),
    grantedOrigins(),
    attempt(() => scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })),
  ]);
  const wanted = settings.engagement && origins.length > 0;
  const current = registered?.[0];
  const same = current && [...(current.matches ?? [])].sort().join() === [...origins].sort().join();
  if (wanted && same) return;
  if (current) await attempt(() => scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }));
  if (!wanted) return;
  await scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [SCRIPT_FILE],
      matches: origins,
      runAt: 'document_idle',
      allFrames: false,
      // Registered again on every start from the settings, so nothing outlives a change.
      persistAcrossSessions: false,
    },
  ]);
}

/**
 * Keeps the engagement script in step with the setting and the host permission.
 * Listeners are added synchronously (the worker is woken by these events).
 */
export function registerEngagement(): void {
  const sync = () => void syncEngagementScript().catch((error) => console.error(error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  watchSettings(sync);
}
