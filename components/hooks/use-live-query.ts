import { watchQuery } from '../../lib/store/live';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, re-run whenever the tables it read change (in this page or
 * any other extension context). `undefined` until the first result.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = watchQuery(query, {
      next: setValue,
      error: (error: unknown) => console.error('Skilltrail query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on, as with useEffect: the lint rule checks
    // that list at every call (useLiveQuery is among its additionalHooks in eslint.config.js),
    // which it cannot do here, where the list arrives as a value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
