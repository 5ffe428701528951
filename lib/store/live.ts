/**
 * A read of the database re-run whenever the tables it read change, in this page or any
 * other extension context (Dexie's live query). The one way pages watch records.
 */
import { liveQuery } from 'dexie';

/** Stops watching. */
export interface Watch {
  unsubscribe(): void;
}

/**
 * Calls `next` with the query's result now and after every change to what it read.
 * @example const watch = watchQuery(() => sessionsBetween(db(), start, end), { next: show, error: console.error });
 */
export function watchQuery<T>(
  query: () => Promise<T> | T,
  observer: { next: (value: T) => void; error: (error: unknown) => void },
): Watch {
  return liveQuery(query).subscribe(observer);
}
