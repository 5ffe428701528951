import type {
  HistoryPage,
  HistoryReader,
  HistoryVisitItem,
} from '../../../lib/look-back/history-visit';

/** One visit as a test writes it. */
export interface FakeVisit {
  id: string;
  url: string;
  title?: string;
  at: number;
  from?: string;
  transition?: string;
}

/**
 * A browser's history made of `visits`, answered as `history.search` and `getVisits` do
 * (one page per URL with its last title, visits per URL). Notes every URL asked about.
 */
export function fakeHistory(visits: readonly FakeVisit[]): HistoryReader & { asked: string[] } {
  const pages = new Map<string, HistoryPage>();
  const byUrl = new Map<string, HistoryVisitItem[]>();
  for (const v of visits) {
    const page = pages.get(v.url);
    if (!page || (page.lastVisitTime ?? 0) < v.at) {
      pages.set(v.url, { url: v.url, title: v.title ?? '', lastVisitTime: v.at });
    }
    const list = byUrl.get(v.url) ?? [];
    list.push({
      visitId: v.id,
      visitTime: v.at,
      ...(v.from ? { referringVisitId: v.from } : { referringVisitId: '0' }),
      transition: v.transition ?? 'link',
    });
    byUrl.set(v.url, list);
  }
  const asked: string[] = [];
  return {
    asked,
    search: async ({ startTime, endTime, maxResults }) =>
      [...pages.values()]
        .filter((p) => (p.lastVisitTime ?? 0) >= startTime && (p.lastVisitTime ?? 0) <= endTime)
        .slice(0, maxResults),
    getVisits: async ({ url }) => {
      asked.push(url);
      return byUrl.get(url) ?? [];
    },
  };
}
