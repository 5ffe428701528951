/**
 * What each session of a summary brings, worked out once: its skills, pages, searches,
 * sites and active time per day. The totals, the days and every skill add these up.
 */
import type { Search, Session, Visit } from '../model';
import { measuredMs, statedMs } from '../provenance';
import { domainOf } from '../url';
import { dayIndex, safeMs, splitOverDays } from './days';

export interface SourceStat {
  /** Host name without `www.`. */
  site: string;
  activeMs: number;
  pages: number;
}

export interface SessionFacts {
  session: Session;
  skillIds: string[];
  pages: number;
  searches: Search[];
  sources: Map<string, SourceStat>;
  /** Active ms per day index. */
  dayMs: Map<number, number>;
  startDay: number;
}

function siteOf(domain: string, url: string): string {
  return (domain || domainOf(url)).replace(/^www\./, '').toLowerCase();
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The facts of each session, in the order given; only skills `isSkill` knows count.
 * @example sessionFacts(sessions, { visits, searches }, localDays(start, end), (id) => skillById.has(id))
 */
export function sessionFacts(
  sessions: readonly Session[],
  records: { visits: readonly Visit[]; searches: readonly Search[] },
  days: readonly { start: number; end: number }[],
  isSkill: (id: string) => boolean,
): SessionFacts[] {
  const ids = new Set(sessions.map((s) => s.id));
  const visitsBySession = groupBy(
    records.visits.filter((v) => ids.has(v.sessionId)),
    (v) => v.sessionId,
  );
  const searchesBySession = groupBy(
    records.searches.filter((q) => ids.has(q.sessionId)),
    (q) => q.sessionId,
  );
  return sessions.map((session) => {
    const visits = (visitsBySession.get(session.id) ?? []).sort(
      (a, b) => a.startedAt - b.startedAt,
    );
    const searches = (searchesBySession.get(session.id) ?? []).sort((a, b) => a.at - b.at);
    const sources = new Map<string, SourceStat>();
    for (const v of visits) {
      const site = siteOf(v.domain, v.url);
      if (!site) continue;
      const s = sources.get(site) ?? { site, activeMs: 0, pages: 0 };
      s.activeMs += safeMs(v.activeMs);
      s.pages += 1;
      sources.set(site, s);
    }
    // A captured page with no visits is still a page read; a search with none read nothing.
    const pageless = visits.length === 0 && session.kind !== 'search';
    if (pageless) {
      const site = siteOf(session.domain, session.url);
      if (site) sources.set(site, { site, activeMs: measuredMs(session), pages: 1 });
    }
    return {
      session,
      skillIds: [...new Set(session.skills)].filter(isSkill),
      pages: pageless ? (session.url ? 1 : 0) : visits.length,
      searches,
      sources,
      dayMs: splitOverDays(session, visits, days),
      startDay: dayIndex(days, session.startedAt),
    };
  });
}

/**
 * What a set of sessions adds up to: measured time, stated time apart, sessions, pages and
 * searches.
 * @example factTotals(facts).activeMs
 */
export function factTotals(facts: readonly SessionFacts[]): {
  activeMs: number;
  /** Time stated for learning away from the screen: never part of `activeMs`. */
  statedMs: number;
  sessions: number;
  pages: number;
  searches: number;
} {
  let activeMs = 0;
  let stated = 0;
  let pages = 0;
  let searches = 0;
  for (const f of facts) {
    activeMs += measuredMs(f.session);
    stated += statedMs(f.session);
    pages += f.pages;
    searches += f.searches.length;
  }
  return { activeMs, statedMs: stated, sessions: facts.length, pages, searches };
}
