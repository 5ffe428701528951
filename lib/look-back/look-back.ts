/**
 * A look back through the browser's history: read the pages visited in the last weeks and
 * their visits, keep only what the tracker would have recorded, group them into candidate
 * sessions and leave out what is already in the record. Nothing is stored here: the
 * learner keeps what they choose from the review list.
 *
 * The rules are the tracker's, applied before anything else: a page in a private window
 * never reaches the history Skilltrail can read (`incognito: 'not_allowed'`), and a page
 * that is not an ordinary web page (browser and extension pages, Skilltrail's own), or is
 * on an excluded site, is dropped by its address before its visits are even asked for.
 * Titles and queries are cleaned as live ones (`pageFor`: control and bidi characters,
 * whole characters, the learner's "sites only").
 *
 * The work runs in slices of at most `sliceMs` on the clock passed in, with `pause` (a turn
 * for the page) between them, so a long history never holds the page's main thread.
 */
import { engineForHost } from '../search-engines';
import type { Settings } from '../settings/settings';
import { pageFor } from '../tracking/pages';
import type { PageState } from '../tracking/state';
import { parseUrl } from '../url';
import { createGrouper, type LookBackCandidate } from './group';
import {
  referrerOf,
  type HistoryPage,
  type HistoryReader,
  type HistoryVisitItem,
  type LookBackVisit,
} from './history-visit';
import { withoutKnown, type KnownVisits } from './known';
import { looksLikeReading } from './reading-like';

export const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The look backs offered: 1, 4 or 12 weeks. */
export const LOOK_BACK_WEEKS = [1, 4, 12] as const;
export type LookBackWeeks = (typeof LOOK_BACK_WEEKS)[number];

/** Pages asked for at most: twelve heavy weeks are far fewer. */
export const MAX_HISTORY_PAGES = 100_000;

/** Pages whose visits are asked for at once. */
const PAGES_AT_ONCE = 100;

export interface LookBackOptions {
  history: HistoryReader;
  /** The instant the look back reads up to (epoch ms). */
  now: number;
  weeks: number;
  settings: Settings;
  /** What the record already holds (`lib/store/look-back.ts`). */
  known: KnownVisits;
  /** Domains the learner kept sessions with skills on: reading there is learning. */
  learningSites: ReadonlySet<string>;
  /** Milliseconds for timing the slices, as `performance.now`. */
  clock: () => number;
  /** Gives the page a turn (to paint, to handle input) between slices of work. */
  pause: () => Promise<void>;
  /** Longest slice of work between pauses. */
  sliceMs?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface LookBackResult {
  candidates: LookBackCandidate[];
  pagesRead: number;
  visitsRead: number;
  /** The longest run of work between two pauses, by `clock`. */
  longestSliceMs: number;
}

/** A page of the history as the tracker would record it, with what grouping asks of it. */
interface ShownPage {
  url: string;
  shown: PageState;
  domain: string;
  engineHost: boolean;
  readingLike: boolean;
}

/** The page as recorded, or `null` for a page never recorded. Once per page, never per visit. */
function showPage(
  page: HistoryPage,
  settings: Settings,
  to: number,
  learningSites: ReadonlySet<string>,
): ShownPage | null {
  const url = page.url ?? '';
  const shown = pageFor(url, page.title, false, settings, to);
  if (shown.untracked) return null;
  const host = parseUrl(shown.url)?.hostname ?? '';
  const domain = host.replace(/^www\./, '');
  return {
    url,
    shown,
    domain,
    engineHost: !shown.serp && engineForHost(host) !== null,
    readingLike: !shown.serp && looksLikeReading(shown.url, domain, learningSites),
  };
}

/** The visits of one page, within `[from, to]`, as the look back groups them. */
function visitsOf(
  page: ShownPage,
  items: readonly HistoryVisitItem[],
  from: number,
  to: number,
  out: LookBackVisit[],
): void {
  const { shown } = page;
  const serp = shown.serp
    ? { engine: shown.serp.engine, query: shown.serp.query, queryKey: shown.serp.queryKey }
    : undefined;
  for (const item of items) {
    const at = item.visitTime;
    if (at === undefined || at < from || at > to) continue;
    const referrer = referrerOf(item);
    out.push({
      visitId: item.visitId,
      url: shown.url,
      title: shown.title,
      domain: page.domain,
      at,
      engineHost: page.engineHost,
      readingLike: page.readingLike,
      ...(referrer ? { from: referrer } : {}),
      ...(item.transition ? { transition: item.transition } : {}),
      ...(serp ? { serp } : {}),
    });
  }
}

/**
 * Reads `weeks` of history up to now and answers the candidates, newest first.
 * Rejects with an `AbortError` when `signal` aborts.
 * @example await lookBack({ history, now: Date.now(), weeks: 4, settings, known, learningSites, clock: () => performance.now(), pause })
 */
export async function lookBack(options: LookBackOptions): Promise<LookBackResult> {
  const { history, clock, pause, signal, now: to } = options;
  const sliceMs = options.sliceMs ?? 40;
  // The learner's click is the yes for this reading; a pause in Settings is about live tracking.
  const settings: Settings = { ...options.settings, pausedUntil: 0, trackingConsent: true };
  const from = to - options.weeks * WEEK_MS;
  let longestSliceMs = 0;
  let sliceStart = clock();
  const stopIfAborted = () => {
    if (signal?.aborted) throw new DOMException('The look back was cancelled.', 'AbortError');
  };
  /** Pauses once the slice has run its time; measures it. */
  const breathe = async (force = false) => {
    const spent = clock() - sliceStart;
    if (!force && spent < sliceMs) return;
    longestSliceMs = Math.max(longestSliceMs, spent);
    await pause();
    stopIfAborted();
    sliceStart = clock();
  };

  stopIfAborted();
  const found = await history.search({
    text: '',
    startTime: from,
    endTime: to,
    maxResults: MAX_HISTORY_PAGES,
  });
  sliceStart = clock();
  // Addresses first: a page never recorded is never asked about.
  const pages: ShownPage[] = [];
  for (let i = 0; i < found.length; i++) {
    const page = found[i]!;
    if (page.lastVisitTime !== undefined && page.lastVisitTime < from) continue;
    const shown = showPage(page, settings, to, options.learningSites);
    if (shown) pages.push(shown);
    if (i % 256 === 255) await breathe();
  }
  const total = pages.length;
  options.onProgress?.(0, total);

  const visits: LookBackVisit[] = [];
  for (let i = 0; i < pages.length; i += PAGES_AT_ONCE) {
    const chunk = pages.slice(i, i + PAGES_AT_ONCE);
    longestSliceMs = Math.max(longestSliceMs, clock() - sliceStart);
    const items = await Promise.all(chunk.map((p) => history.getVisits({ url: p.url })));
    stopIfAborted();
    sliceStart = clock();
    chunk.forEach((page, j) => visitsOf(page, items[j] ?? [], from, to, visits));
    options.onProgress?.(Math.min(total, i + chunk.length), total);
    // Asking for a hundred pages' visits takes the main thread too (the API's own work for
    // each call): it starts a task of its own rather than end this one.
    await breathe(true);
  }

  visits.sort((a, b) => a.at - b.at || (a.visitId < b.visitId ? -1 : 1));
  await breathe();
  const grouper = createGrouper(settings);
  const GROUP_AT_ONCE = 1000;
  for (let i = 0; i < visits.length; i += GROUP_AT_ONCE) {
    grouper.add(visits.slice(i, i + GROUP_AT_ONCE));
    await breathe();
  }
  const grouped = grouper.finish();
  await breathe();
  const candidates = withoutKnown(grouped, options.known);
  longestSliceMs = Math.max(longestSliceMs, clock() - sliceStart);
  return { candidates, pagesRead: total, visitsRead: visits.length, longestSliceMs };
}
