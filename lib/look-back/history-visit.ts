/**
 * What the browser's history gives, reduced to what a look back reads: one visit of one
 * page, at one instant, with how the browser says the learner got there where it says it.
 * Chromium gives `referringVisitId` and a transition; Firefox gives a transition only.
 */

/** A page of the history (`history.search`): its address and the title it had last. */
export interface HistoryPage {
  url?: string;
  title?: string;
  lastVisitTime?: number;
}

/** One visit of a page (`history.getVisits`). */
export interface HistoryVisitItem {
  visitId: string;
  visitTime?: number;
  /** The visit this one was reached from; absent, `"0"` or `"-1"` when unknown. */
  referringVisitId?: string;
  transition?: string;
}

/** The history as the look back reads it: passed in, so the logic runs on fakes in tests. */
export interface HistoryReader {
  search: (query: {
    text: string;
    startTime: number;
    endTime: number;
    maxResults: number;
  }) => Promise<HistoryPage[]>;
  getVisits: (details: { url: string }) => Promise<HistoryVisitItem[]>;
}

/** One visit as the look back groups it: the page as the tracker would record it, and when. */
export interface LookBackVisit {
  visitId: string;
  /** The page's recorded URL (canonical, or the site only when the learner keeps sites only). */
  url: string;
  /** The title as the tracker would store it, cleaned as a live page's is. */
  title: string;
  domain: string;
  at: number;
  /** The visit this one came from, when the browser says. */
  from?: string;
  transition?: string;
  /** On a search engine's host but not a results page (its click redirect, its home). */
  engineHost: boolean;
  /** The page looks like reading (`reading-like.ts`). */
  readingLike: boolean;
  /** A results page: its engine, query and the key that tells two queries apart. */
  serp?: { engine: string; query: string; queryKey: string };
}

/**
 * The referring visit's id, or undefined when the browser does not know it.
 * @example referrerOf({ visitId: '2', referringVisitId: '0' }) // undefined
 */
export function referrerOf(visit: HistoryVisitItem): string | undefined {
  const id = visit.referringVisitId;
  return id && id !== '0' && id !== '-1' ? id : undefined;
}
