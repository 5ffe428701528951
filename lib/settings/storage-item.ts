import { browser, type Browser } from 'wxt/browser';

/** Where an item lives: `local` on disk, `session` in memory while the browser runs. */
type StorageAreaName = 'local' | 'session';

/** One value in the extension's storage, the same in every extension context. */
export interface StorageItem<T> {
  /** The stored value, or the fallback when nothing is stored. */
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `listener` when any context changes the value. Returns the unsubscribe. */
  watch(listener: (value: T, before: T) => void): () => void;
}

/**
 * A value in `browser.storage`, under `key` (`local:settings`, `session:pendingWrites`):
 * the three calls Skilltrail makes of WXT's storage items, under the same keys, without the
 * versions, metadata and migrations it never uses. Those weighed about 2.5 KB gzip of the
 * service worker's 60 KB budget (bench/bundle-size.bench.ts).
 * @example const settings = storageItem<Partial<Settings>>('local:settings', {});
 */
export function storageItem<T>(key: `${StorageAreaName}:${string}`, fallback: T): StorageItem<T> {
  const [areaName, name] = key.split(/:(.*)/s) as [StorageAreaName, string];
  const area = () => browser.storage[areaName];
  return {
    async getValue() {
      const stored = (await area().get(name))[name] as T | null | undefined;
      return stored ?? fallback;
    },
    async setValue(value) {
      await area().set({ [name]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, Browser.storage.StorageChange>) => {
        const change = changes[name];
        // Some browsers report a write of the same value: not a change.
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        listener(
          (change.newValue as T | undefined) ?? fallback,
          (change.oldValue as T | undefined) ?? fallback,
        );
      };
      area().onChanged.addListener(onChanged);
      return () => area().onChanged.removeListener(onChanged);
    },
  };
}

/** A stored record that every context reads complete and valid, and changes a part at a time. */
export interface NormalisedItem<T> {
  load(): Promise<T>;
  /** Changes some fields; the rest stay as they are. Returns the new value. */
  update(patch: Partial<T>): Promise<T>;
  /** Calls `listener` whenever any context changes the value. Returns the unsubscribe. */
  watch(listener: (value: T, before: T) => void): () => void;
}

/**
 * A record in `browser.storage` under `key`, read through `normalise` (what is stored may
 * be partial, or from an older version), so a reader never sees a missing or invalid field.
 * @example const settings = normalisedItem('local:settings', (raw) => normaliseSettings(raw));
 */
export function normalisedItem<T>(
  key: `${StorageAreaName}:${string}`,
  normalise: (raw: unknown) => T,
): NormalisedItem<T> {
  const item = storageItem<Partial<T>>(key, {});
  const load = async () => normalise(await item.getValue());
  return {
    load,
    async update(patch) {
      const next = normalise({ ...(await load()), ...patch });
      await item.setValue(next);
      return next;
    },
    watch(listener) {
      return item.watch((value, before) => listener(normalise(value), normalise(before)));
    },
  };
}
