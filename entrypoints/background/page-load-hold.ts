/**
 * The tracker's events wait while a tab loads a page, and go on after its load.
 */

/** The longest events wait for loading pages (a page may never finish loading). */
const MAX_HOLD_MS = 3000;

/**
 * Tabs loading a page now. While any is, queued events wait (up to MAX_HOLD_MS) and are
 * applied once the pages have loaded: a navigation brings four or five events, and each
 * one's database transaction and extension calls would otherwise run on the machine's
 * cores, and the browser's main thread, during the page's own load. Every event keeps
 * the time it was observed at and its place in the queue, so the records are the same.
 */
const loading = new Set<number>();
let hold: { released: Promise<void>; release: () => void } | undefined;

/** A tab started loading a page: events queued from now wait for it. */
export function holdWhileLoading(tabId: number): void {
  loading.add(tabId);
  if (hold) return;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const timer = setTimeout(releaseHeld, MAX_HOLD_MS);
  hold = {
    released,
    release: () => {
      clearTimeout(timer);
      release();
    },
  };
}

/** A tab finished loading (or closed): the events go on once no other tab loads. */
export function loaded(tabId: number): void {
  loading.delete(tabId);
  if (loading.size === 0) releaseHeld();
}

/** Lets the held events go on now (the longest hold passed; tests that wait for the tracker). */
export function releaseHeld(): void {
  loading.clear();
  hold?.release();
  hold = undefined;
}

/** Resolves when no page holds the events (at once when none is loading). */
export async function heldWhileLoading(): Promise<void> {
  await hold?.released;
}
