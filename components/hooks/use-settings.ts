import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/settings-storage';

// Saves run one after another: each reads the stored settings and writes them back, so
// two quick changes (week start, then reminder day) must not overwrite each other.
let saving: Promise<unknown> = Promise.resolve();

/**
 * Stores a change to the settings after any save still running. The background watches
 * the stored settings, so a pause, an exclusion or a threshold applies from this write on.
 * @example await saveSettings({ pausedUntil: Date.now() + 3_600_000 });
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = saving.then(() => updateSettings(patch));
  saving = run.catch(() => undefined);
  return run;
}

/**
 * The learner's settings, kept current when any extension page changes them, and a `save`
 * that stores a change (see `saveSettings`). `undefined` until loaded.
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
  const save = useCallback(async (patch: Partial<Settings>) => {
    const next = await saveSettings(patch);
    setSettings(next);
    return next;
  }, []);
  return [settings, save];
}
