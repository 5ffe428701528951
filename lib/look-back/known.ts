/**
 * What is already in the record, so a look back never offers it again: every page and
 * query the tracker recorded or an earlier look back kept, as its URL and the time it
 * covered. A visit found in the history is known when a record of the same URL covers its
 * time, give or take `KNOWN_WITHIN_MS` (the history notes when a page began to load, the
 * tracker when the tab showed it).
 */
import type { CandidatePage, CandidateQuery, LookBackCandidate } from './group';

export const KNOWN_WITHIN_MS = 2 * 60_000;

/** A stored visit or search: its URL and the time it covers. */
export interface KnownSpan {
  url: string;
  startedAt: number;
  endedAt: number;
}

/** Stored spans by URL. */
export type KnownVisits = ReadonlyMap<string, readonly KnownSpan[]>;

/**
 * Spans grouped by URL for quick look-ups.
 * @example knownVisits([{ url: 'https://a.org/x', startedAt: 1, endedAt: 2 }]).size // 1
 */
export function knownVisits(spans: readonly KnownSpan[]): KnownVisits {
  const byUrl = new Map<string, KnownSpan[]>();
  for (const span of spans) {
    const list = byUrl.get(span.url);
    if (list) list.push(span);
    else byUrl.set(span.url, [span]);
  }
  return byUrl;
}

/**
 * Whether a record of `url` covers the instant `at`.
 * @example isKnown(knownVisits([{ url: u, startedAt: 0, endedAt: 10 }]), u, 60_000) // true
 */
export function isKnown(known: KnownVisits, url: string, at: number): boolean {
  return (known.get(url) ?? []).some(
    (s) => at >= s.startedAt - KNOWN_WITHIN_MS && at <= s.endedAt + KNOWN_WITHIN_MS,
  );
}

function pageKnown(known: KnownVisits, page: CandidatePage): boolean {
  return isKnown(known, page.url, page.firstAt) && isKnown(known, page.url, page.lastAt);
}

function queryKnown(known: KnownVisits, query: CandidateQuery): boolean {
  return isKnown(known, query.url, query.at);
}

/**
 * The candidates less what is already recorded: a page or query recorded for the same
 * visits goes; a search whose every query is recorded goes whole (the tracker recorded that
 * search, and what it left out it left out on purpose), as does anything left empty.
 * @example withoutKnown(candidates, knownVisits(stored))
 */
export function withoutKnown(
  candidates: readonly LookBackCandidate[],
  known: KnownVisits,
): LookBackCandidate[] {
  if (known.size === 0) return [...candidates];
  const out: LookBackCandidate[] = [];
  for (const c of candidates) {
    const queries = c.queries.filter((q) => !queryKnown(known, q));
    const pages = c.pages.filter((p) => !pageKnown(known, p));
    if (c.kind === 'search' && queries.length === 0) continue;
    if (pages.length === 0) continue;
    out.push(
      queries.length === c.queries.length && pages.length === c.pages.length
        ? c
        : { ...c, queries, pages },
    );
  }
  return out;
}
