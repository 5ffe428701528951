import type { Settings } from '../../lib/settings/settings';
import { loadSettings, watchSettings } from '../../lib/settings/settings-storage';

/**
 * The settings as this life of the worker knows them: read from storage once, then kept
 * from the change events. Each tracker event and badge refresh used to read
 * `storage.local`, an extension call that goes through the browser's main thread, the
 * thread that also runs the page loads the events come from.
 */
let known: Promise<Settings> | undefined;

export function workerSettings(): Promise<Settings> {
  if (!known) {
    const reading = loadSettings();
    known = reading;
    // A failed read is not kept: the next caller reads again.
    reading.catch(() => {
      if (known === reading) known = undefined;
    });
  }
  return known;
}

/**
 * Starts keeping the settings for this life of the worker (its first turn). A change
 * replaces them before any listener registered after this one hears of it.
 */
export function keepWorkerSettings(): void {
  known = undefined;
  watchSettings((settings) => {
    known = Promise.resolve(settings);
  });
}
