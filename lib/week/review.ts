/**
 * The dashboard's week review as data: one week's records (read by `loadWeek` in
 * `lib/store/week.ts`), the order a learner reviews them in, and the search and filters over them.
 */
import type { Endorsement, FollowUp, Search, Session, SessionKind, Skill, Visit } from '../model';
import type { SuggestionContext } from '../suggest/rank';
import type { SummaryData } from './summary';

/** A session with its pages and queries. */
export interface ReviewItem {
  session: Session;
  /** Oldest first. */
  visits: Visit[];
  /** Oldest first. */
  searches: Search[];
  /** Who vouched for this one stated activity (its endorsements), newest first. */
  vouchedBy?: string[];
}

/** Everything one week's view and exports need. */
export interface WeekData extends SummaryData {
  sessions: Session[];
  visits: Visit[];
  searches: Search[];
  skills: Skill[];
  /** Follow-ups on these sessions. */
  followUps: FollowUp[];
  /**
   * Every endorsement received (they are few; each belongs to a skill, or to one stated
   * activity, not to a week).
   */
  endorsements: Endorsement[];
}

function untagged(session: Session, known: ReadonlySet<string>): boolean {
  return !session.skills.some((id) => known.has(id));
}

/**
 * Sessions with their visits and searches, in review order: untagged sessions first (they
 * need the learner), then tagged ones, then those marked "not learning"; newest first
 * within each group. A skill id with no skill behind it does not count as a tag.
 * @example reviewOrder(data)[0]?.session.skills // [] when anything is untagged
 */
export function reviewOrder(
  data: Pick<WeekData, 'sessions' | 'visits' | 'searches' | 'skills'> &
    Partial<Pick<WeekData, 'endorsements'>>,
) {
  const known = new Set(data.skills.map((s) => s.id));
  const vouched = new Map<string, string[]>();
  for (const e of [...(data.endorsements ?? [])].sort((a, b) => b.issuedAt - a.issuedAt)) {
    if (e.sessionId) vouched.set(e.sessionId, [...(vouched.get(e.sessionId) ?? []), e.issuerName]);
  }
  const visits = new Map<string, Visit[]>();
  for (const v of data.visits) {
    const list = visits.get(v.sessionId);
    if (list) list.push(v);
    else visits.set(v.sessionId, [v]);
  }
  const searches = new Map<string, Search[]>();
  for (const q of data.searches) {
    const list = searches.get(q.sessionId);
    if (list) list.push(q);
    else searches.set(q.sessionId, [q]);
  }
  const group = (s: Session) => (s.status === 'dismissed' ? 2 : untagged(s, known) ? 0 : 1);
  return [...data.sessions]
    .sort((a, b) => group(a) - group(b) || b.startedAt - a.startedAt || a.id.localeCompare(b.id))
    .map((session): ReviewItem => {
      const item: ReviewItem = {
        session,
        visits: (visits.get(session.id) ?? []).sort((a, b) => a.startedAt - b.startedAt),
        searches: (searches.get(session.id) ?? []).sort((a, b) => a.at - b.at),
      };
      const by = vouched.get(session.id);
      if (by) item.vouchedBy = by;
      return item;
    });
}

/** `skill` is a skill id, `UNTAGGED`, or `''` for any. */
export interface ReviewFilter {
  text: string;
  skill: string;
  kind: SessionKind | '';
  site: string;
}

/** The `skill` filter value that keeps sessions without a skill. */
export const UNTAGGED = ':untagged';

export const NO_FILTER: Readonly<ReviewFilter> = { text: '', skill: '', kind: '', site: '' };

/**
 * Case-, accent- and space-insensitive form for matching what the learner types.
 * @example foldText('  Café  Grid ') // 'cafe grid'
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function sitesOfItem(item: ReviewItem): string[] {
  return [item.session.domain, ...item.visits.map((v) => v.domain)].filter(Boolean);
}

/**
 * The items that match every filter. Text matches (all of its words, in any order) the
 * session's title, note, queries, page titles and sites; `site` matches the session's site
 * or any of its pages'.
 * @example filterReview(items, { ...NO_FILTER, text: 'grid', kind: 'search' }, skills)
 */
export function filterReview(
  items: readonly ReviewItem[],
  filter: ReviewFilter,
  skills: readonly Pick<Skill, 'id'>[],
): ReviewItem[] {
  const words = foldText(filter.text).split(' ').filter(Boolean);
  const known = new Set(skills.map((s) => s.id));
  return items.filter((item) => {
    const { session } = item;
    if (filter.kind && session.kind !== filter.kind) return false;
    if (filter.skill === UNTAGGED) {
      if (!untagged(session, known)) return false;
    } else if (filter.skill && !session.skills.includes(filter.skill)) return false;
    if (filter.site && !sitesOfItem(item).includes(filter.site)) return false;
    if (words.length === 0) return true;
    const haystack = foldText(
      [
        session.title,
        session.note,
        // Learning away from the screen: where and with whom, in the learner's words.
        session.place ?? '',
        session.people ?? '',
        ...item.searches.map((q) => q.query),
        ...item.visits.map((v) => v.title),
        ...sitesOfItem(item),
      ].join('\n'),
    );
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * The sites of a week's sessions and pages, most sessions first, for the site filter.
 * @example sitesInReview(items)[0] // 'developer.mozilla.org'
 */
export function sitesInReview(items: readonly ReviewItem[]): string[] {
  const count = new Map<string, number>();
  for (const item of items) {
    for (const site of new Set(sitesOfItem(item))) count.set(site, (count.get(site) ?? 0) + 1);
  }
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s]) => s);
}

/**
 * What skill suggestions know about a session, from records already in memory (no capture
 * excerpt: reading one per session would cost a query each).
 * @example suggest(index, suggestionContextOf(item), Date.now())
 */
export function suggestionContextOf(item: ReviewItem): SuggestionContext {
  const { session } = item;
  const context: SuggestionContext = {
    sessionId: session.id,
    url: session.url,
    domain: session.domain,
    title: session.title,
    queries: [...new Set(item.searches.map((q) => q.query))],
    skills: session.skills,
  };
  if (session.engine) context.engine = session.engine;
  return context;
}
