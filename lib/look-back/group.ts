/**
 * Visits found in the history grouped into the sessions the tracker would have made of
 * them, by the tracker's own rules (`lib/tracking/`): queries on one engine within
 * `searchGapMs` of the session's last activity are one search session (a query already in
 * it, page 2 or a return to the results, is the same search); a page reached from its
 * results joins it; any other page that looks like reading is a reading session of its
 * own, continued by the same page within `continueWithinMs`.
 *
 * Which search a page came from: the visit the browser names as its referrer (Chromium),
 * else — the browser names none (Firefox) — the visit just before it, when that one was a
 * results page or a result of a search still open and the learner did not type the
 * address or pick a bookmark (the transitions the tracker treats as the browser's own UI).
 * A page on an engine's own host that is not a results page (its click redirect) passes
 * the link on and is not itself a page read.
 *
 * Visits are added oldest first, a few at a time, so a long history never blocks a frame.
 */
import type { Settings } from '../settings/settings';
import { FROM_BROWSER_UI } from '../tracking/lineage';
import type { LookBackVisit } from './history-visit';

/** A page of a candidate: first and last visit, and the search it was reached from. */
export interface CandidatePage {
  url: string;
  title: string;
  domain: string;
  firstAt: number;
  lastAt: number;
  /** The results page of a search session (its queries are in `queries`). */
  serp: boolean;
  /** The query (`queryKey`) whose results led here, or that this results page shows. */
  queryKey?: string;
}

export interface CandidateQuery {
  query: string;
  queryKey: string;
  url: string;
  at: number;
}

/** A session found in the history, offered to the learner and stored only if kept. */
export interface LookBackCandidate {
  /** Stable for the same visits: the kind and the first visit's id. */
  id: string;
  kind: 'search' | 'reading';
  title: string;
  url: string;
  domain: string;
  engine?: string;
  queries: CandidateQuery[];
  pages: CandidatePage[];
  startedAt: number;
  endedAt: number;
  /** An estimate from the gaps between visits, never measured: at most `MAX_GAP_MS` a visit. */
  estimatedMs: number;
}

/** The longest gap to the next visit that counts toward an estimate: a visit, not an afternoon. */
export const MAX_GAP_MS = 5 * 60_000;

interface Working extends LookBackCandidate {
  lastActivityAt: number;
  /** Its pages by URL and kind, and its queries' keys: looked up on every visit. */
  pageIndex: Map<string, CandidatePage>;
  queryKeys: Set<string>;
}

export interface Grouper {
  /** Adds visits, oldest first (each call's visits after the last call's). */
  add: (visits: readonly LookBackVisit[]) => void;
  /** The candidates, newest first. */
  finish: () => LookBackCandidate[];
}

/**
 * A grouper for one look back.
 * @example const g = createGrouper(settings); g.add(sortedVisits); g.finish()
 */
export function createGrouper(
  settings: Pick<Settings, 'searchGapMs' | 'continueWithinMs'>,
): Grouper {
  const candidates: Working[] = [];
  const openSearch = new Map<string, Working>();
  const openReading = new Map<string, Working>();
  /** Visit id → the search session (and query) it belongs to or passes on. */
  const linkOf = new Map<string, { candidate: Working; queryKey?: string }>();
  let previous: { visit: LookBackVisit; link?: { candidate: Working; queryKey?: string } } | null =
    null;
  let creditTo: Working | null = null;

  const open = (c: Working | undefined, at: number, gap: number) =>
    c !== undefined && at - c.lastActivityAt <= gap ? c : undefined;

  const start = (visit: LookBackVisit, kind: 'search' | 'reading'): Working => {
    const c: Working = {
      id: `${kind}:${visit.visitId}`,
      kind,
      title: visit.title,
      url: visit.url,
      domain: visit.domain,
      ...(visit.serp ? { engine: visit.serp.engine } : {}),
      queries: [],
      pages: [],
      startedAt: visit.at,
      endedAt: visit.at,
      estimatedMs: 0,
      lastActivityAt: visit.at,
      pageIndex: new Map(),
      queryKeys: new Set(),
    };
    candidates.push(c);
    return c;
  };

  const addPage = (c: Working, visit: LookBackVisit, serp: boolean, queryKey?: string) => {
    c.endedAt = Math.max(c.endedAt, visit.at);
    c.lastActivityAt = Math.max(c.lastActivityAt, visit.at);
    const key = `${serp ? 's' : 'p'} ${visit.url}`;
    const page = c.pageIndex.get(key);
    if (page) {
      page.lastAt = visit.at;
      return;
    }
    const added: CandidatePage = {
      url: visit.url,
      title: visit.title,
      domain: visit.domain,
      firstAt: visit.at,
      lastAt: visit.at,
      serp,
      ...(queryKey === undefined ? {} : { queryKey }),
    };
    c.pages.push(added);
    c.pageIndex.set(key, added);
  };

  /** The search `visit` was reached from, if it was. */
  const searchLink = (visit: LookBackVisit) => {
    if (visit.transition && FROM_BROWSER_UI.has(visit.transition)) return undefined;
    const link = visit.from
      ? linkOf.get(visit.from)
      : previous && visit.at - previous.visit.at <= settings.searchGapMs
        ? previous.link
        : undefined;
    return link && open(link.candidate, visit.at, settings.searchGapMs) ? link : undefined;
  };

  const addOne = (visit: LookBackVisit) => {
    if (creditTo && previous) {
      creditTo.estimatedMs += Math.min(MAX_GAP_MS, Math.max(0, visit.at - previous.visit.at));
    }
    creditTo = null;
    let link: { candidate: Working; queryKey?: string } | undefined;
    if (visit.serp) {
      const { engine, query, queryKey } = visit.serp;
      const c =
        open(openSearch.get(engine), visit.at, settings.searchGapMs) ?? start(visit, 'search');
      openSearch.set(engine, c);
      if (!c.queryKeys.has(queryKey)) {
        c.queryKeys.add(queryKey);
        c.queries.push({ query, queryKey, url: visit.url, at: visit.at });
      }
      addPage(c, visit, true, queryKey);
      link = { candidate: c, queryKey };
      creditTo = c;
    } else {
      const from = searchLink(visit);
      if (from && visit.engineHost) {
        // The engine's click redirect: not a page read, but the result after it was reached from the search.
        link = from;
      } else if (from) {
        addPage(from.candidate, visit, false, from.queryKey);
        link = from;
        creditTo = from.candidate;
      } else if (visit.readingLike) {
        const c =
          open(openReading.get(visit.url), visit.at, settings.continueWithinMs) ??
          start(visit, 'reading');
        openReading.set(visit.url, c);
        addPage(c, visit, false);
        creditTo = c;
      }
    }
    if (link) linkOf.set(visit.visitId, link);
    previous = { visit, ...(link ? { link } : {}) };
  };

  return {
    add: (visits) => {
      for (const visit of visits) addOne(visit);
    },
    finish: () =>
      candidates
        .map(({ lastActivityAt: _last, pageIndex: _pages, queryKeys: _keys, ...c }) => c)
        .sort((a, b) => b.startedAt - a.startedAt),
  };
}
