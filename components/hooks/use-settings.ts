import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/store';

// Saves run one after another: each reads the stored settings and writes them back, so
// two quick changes (week start, then reminder day) must not overwrite each other.
let saving: Promise<unknown> = Promise.resolve();

/**
 * The learner's settings, kept current when any extension page changes them, and a `save`
 * that stores a change and tells the background to re-read them (pause, exclusions and
 * thresholds take effect at once). `undefined` until loaded.
 */
export function useSettings(): [
  Settings | undefined,
  (patch: Partial<Settings>) => Promise<Settings>,
] {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const save = useCallback((patch: Partial<Settings>) => {
    const run = saving.then(async () => {
      const next = await updateSettings(patch);
      setSettings(next);
      await notifySettingsChanged();
      return next;
    });
    saving = run.catch(() => undefined);
    return run;
  }, []);
  return [settings, save];
}

/** Tells the background the settings changed; a missing listener is not an error. */
export async function notifySettingsChanged(): Promise<void> {
  await browser.runtime.sendMessage({ type: 'settings-changed' }).catch(() => undefined);
}
