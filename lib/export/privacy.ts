/**
 * The one place that decides what an export shares. Every export renders a `SharedData`
 * made here and nothing else, so a preview of `prepareExport(...)` is exactly what leaves
 * the device.
 *
 * | level    | shares                                                  | withholds                          |
 * |----------|---------------------------------------------------------|------------------------------------|
 * | `full`   | URLs, titles, sites, queries, reflections, follow-ups   | —                                  |
 * | `titles` | page titles, sites, engines, numbers                    | URLs, queries, reflections         |
 * | `sites`  | sites (domains), engines, numbers                       | URLs, titles, queries, reflections |
 * | `totals` | time and counts per skill and per day                   | every session, page and site       |
 *
 * Endorsements (signed by someone else, added by the learner) are shared at every level.
 *
 * A search results page's title holds the query, so below `full` a search session is
 * labelled "Web search on google.com", never by its title.
 */
import { LEARNING_KIND_NAMES, type LearningKind } from '../learning-away/kinds';
import type { Endorsement, Session, SessionKind, Skill } from '../model';
import { statedMs, type SessionProvenance } from '../provenance';
import type { ExportPrivacy } from '../settings/settings';
import { sessionsInRange } from '../week/learning-sessions';
import { summarise, type Summary, type SummaryData, type SummaryOptions } from '../week/summary';
import { domainOf, isWebUrl, siteOnly } from '../url';

export type PrivacyLevel = ExportPrivacy;

export const PRIVACY_LEVELS: readonly PrivacyLevel[] = ['full', 'titles', 'sites', 'totals'];

export interface PrivacyRules {
  sessions: boolean;
  sites: boolean;
  titles: boolean;
  urls: boolean;
  queries: boolean;
  notes: boolean;
}

/** What each level lets through; exports and the preview read these, never the level name. */
export const PRIVACY_RULES: Readonly<Record<PrivacyLevel, Readonly<PrivacyRules>>> = {
  full: { sessions: true, sites: true, titles: true, urls: true, queries: true, notes: true },
  titles: { sessions: true, sites: true, titles: true, urls: false, queries: false, notes: false },
  sites: { sessions: true, sites: true, titles: false, urls: false, queries: false, notes: false },
  totals: {
    sessions: false,
    sites: false,
    titles: false,
    urls: false,
    queries: false,
    notes: false,
  },
};

/** Words shown to people about the levels (English for now; one place to translate). */
export const PRIVACY_TEXT: Readonly<Record<PrivacyLevel, { name: string; shares: string }>> = {
  full: { name: 'Full', shares: 'URLs, page titles, search queries and reflections' },
  titles: { name: 'Titles only', shares: 'page titles and sites, without URLs, queries or notes' },
  sites: { name: 'Sites only', shares: 'the sites visited (domains), without titles or URLs' },
  totals: { name: 'Totals only', shares: 'time and counts per skill and per day' },
};

/**
 * How a session is named where its title is withheld: "Web search on google.com". English;
 * the dashboard passes the same in the learner's language.
 */
export const SESSION_LABEL_TEXT = {
  kind: {
    reading: 'Reading',
    search: 'Web search',
    watching: 'Watching',
    away: 'Away from the screen',
  } satisfies Readonly<Record<SessionKind, string>> as Readonly<Record<SessionKind, string>>,
  /** An `away` session is named by its kind of learning where its title is withheld. */
  learning: LEARNING_KIND_NAMES,
  unknownSite: 'an unknown site',
  on: (kind: string, site: string) => `${kind} on ${site}`,
};

export type SessionLabelText = typeof SESSION_LABEL_TEXT;

export type ExportData = SummaryData;

export interface ExportOptions extends SummaryOptions {
  level: PrivacyLevel;
  /** Names of sessions whose title is withheld; English when omitted. */
  strings?: SessionLabelText;
}

export interface SharedPage {
  id: string;
  startedAt: number;
  endedAt: number;
  activeMs: number;
  title?: string;
  url?: string;
  site?: string;
  /** `https://site/` of a web page, for links and activity ids when the URL is withheld. */
  siteUrl?: string;
  maxScrollPct?: number;
  wordCount?: number;
  readerable?: boolean;
  watching?: boolean;
  searchId?: string;
}

export interface SharedQuery {
  id: string;
  at: number;
  engine: string;
  /** The engine's site root: the search, not its results page. */
  engineUrl?: string;
  engineSite?: string;
  query?: string;
}

export interface SharedSession {
  id: string;
  kind: SessionKind;
  startedAt: number;
  endedAt: number;
  /** Measured time for `measured` and `captured` sessions (`lib/provenance.ts`); 0 for `away`. */
  activeMs: number;
  /**
   * An `away` session's stated time and kind of learning: shared wherever sessions are, as
   * they say how to weigh it; never added to `activeMs`.
   */
  statedMs?: number;
  learningKind?: LearningKind;
  /** Where and with whom, the learner's own words: shared with the notes. */
  place?: string;
  people?: string;
  /**
   * Who vouched for this one stated activity (an endorsement of it, `Endorsement.sessionId`),
   * newest first: shared at every level, as it says how to weigh the activity.
   */
  vouchedBy?: { name: string; credentialId: string }[];
  /** How the learning was noticed: shared at every level, as it says how to weigh the rest. */
  provenance: SessionProvenance;
  /** What this session may be called at this level; always set. */
  label: string;
  title?: string;
  url?: string;
  site?: string;
  siteUrl?: string;
  engine?: string;
  /** Skills of this session that exist in the library. */
  skillIds: string[];
  note?: string;
  pages: SharedPage[];
  queries: SharedQuery[];
}

export interface SharedSkill {
  id: string;
  name: string;
  uri?: string;
  description?: string;
  colour: string;
}

export interface SharedData {
  level: PrivacyLevel;
  rules: PrivacyRules;
  /** Range, totals, per skill and per day, with what the level withholds removed. */
  summary: Summary;
  /** Skills with activity in the range. */
  skills: SharedSkill[];
  /** Oldest first; empty at `totals`. */
  sessions: SharedSession[];
}

function siteRoot(url: string): string | undefined {
  return isWebUrl(url) ? siteOnly(url) : undefined;
}

function siteName(domain: string, url: string): string | undefined {
  const site = (domain || domainOf(url)).replace(/^www\./, '').toLowerCase();
  return site || undefined;
}

/** A search session's own title and URL are its results page: they hold the query. */
function titleAllowed(session: Session, rules: PrivacyRules): boolean {
  return session.kind === 'search' ? rules.queries : rules.titles;
}

function label(
  session: Session,
  site: string | undefined,
  rules: PrivacyRules,
  T: SessionLabelText,
): string {
  if (titleAllowed(session, rules) && session.title.trim()) return session.title;
  if (session.kind === 'away') return T.learning[session.learningKind ?? 'work'] ?? T.kind.away;
  return T.on(T.kind[session.kind], site ?? T.unknownSite);
}

/**
 * The data an export may share: the range's sessions (without dismissed ones), their pages
 * and queries, and the summary, redacted for `level`. Call it once, show it as the preview,
 * and pass the same object to the export.
 * @example
 * const shared = prepareExport(data, { ...week, timeZone, weekStart, level: 'titles' });
 * const file = exportMarkdown(shared); // shares exactly what `shared` holds
 */
export function prepareExport(data: ExportData, options: ExportOptions): SharedData {
  const rules = rulesFor(options.level);
  const full = summarise(data, options);
  const summary = redactSummary(full, rules);
  const active = new Set(full.skills.map((s) => s.skillId));
  const skills = shareSkills(data.skills.filter((s) => active.has(s.id)));
  const sessions = rules.sessions
    ? redactSessions(
        data,
        sessionsInRange(data.sessions, options.start, options.end),
        options.level,
        options.strings,
      )
    : [];
  markVouched(sessions, data.endorsements ?? []);
  return { level: options.level, rules, summary, skills, sessions };
}

/**
 * Sets `vouchedBy` on each stated activity someone endorsed (`Endorsement.sessionId`), newest
 * first. Only here, not in `redactSessions`: the service worker's sync carries no endorsements.
 */
function markVouched(sessions: SharedSession[], endorsements: readonly Endorsement[]): void {
  const by = new Map<string, { name: string; credentialId: string }[]>();
  for (const e of [...endorsements].sort((a, b) => b.issuedAt - a.issuedAt)) {
    if (e.sessionId)
      by.set(e.sessionId, [
        ...(by.get(e.sessionId) ?? []),
        { name: e.issuerName, credentialId: e.credentialId },
      ]);
  }
  for (const s of sessions) {
    const names = s.kind === 'away' ? by.get(s.id) : undefined;
    if (names) s.vouchedBy = names;
  }
}

function rulesFor(level: PrivacyLevel): PrivacyRules {
  const rules = PRIVACY_RULES[level];
  if (!rules) throw new Error(`Unknown privacy level: ${String(level)}`);
  return rules;
}

/**
 * Skills as exports show them, by name.
 * @example shareSkills(skills)[0] // { id, name: 'CSS', uri: 'http://data.europa.eu/esco/…', colour }
 */
export function shareSkills(skills: readonly Skill[]): SharedSkill[] {
  return skills
    .map((s) => {
      const out: SharedSkill = { id: s.id, name: s.name, colour: s.colour };
      if (s.uri) out.uri = s.uri;
      if (s.description) out.description = s.description;
      return out;
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Given sessions with their pages and queries (from `data`), redacted for `level`, in the
 * order given. For callers that pick sessions themselves (the LRS sync) rather than a range.
 * Sessions at `totals` are withheld entirely: the answer is empty.
 * @example const [shared] = redactSessions(data, [session], 'full');
 */
export function redactSessions(
  data: Pick<ExportData, 'visits' | 'searches' | 'skills'>,
  sessions: readonly Session[],
  level: PrivacyLevel,
  strings: SessionLabelText = SESSION_LABEL_TEXT,
): SharedSession[] {
  const rules = rulesFor(level);
  if (!rules.sessions) return [];
  const known = new Set(data.skills.map((s) => s.id));
  const ids = new Set(sessions.map((s) => s.id));
  const pagesBy = new Map<string, SharedPage[]>();
  for (const v of data.visits) {
    if (!ids.has(v.sessionId)) continue;
    const site = siteName(v.domain, v.url);
    const page: SharedPage = {
      id: v.id,
      startedAt: v.startedAt,
      endedAt: v.endedAt,
      activeMs: finiteMs(v.activeMs),
    };
    if (rules.titles) page.title = v.title;
    if (rules.urls) page.url = v.url;
    if (site) page.site = site;
    const root = siteRoot(v.url);
    if (root) page.siteUrl = root;
    if (v.maxScrollPct !== undefined) page.maxScrollPct = v.maxScrollPct;
    if (v.wordCount !== undefined) page.wordCount = v.wordCount;
    if (v.readerable !== undefined) page.readerable = v.readerable;
    if (v.watching) page.watching = true;
    if (v.searchId) page.searchId = v.searchId;
    const list = pagesBy.get(v.sessionId);
    if (list) list.push(page);
    else pagesBy.set(v.sessionId, [page]);
  }
  const queriesBy = new Map<string, SharedQuery[]>();
  for (const q of data.searches) {
    if (!ids.has(q.sessionId)) continue;
    const shared: SharedQuery = { id: q.id, at: q.at, engine: q.engine };
    const root = siteRoot(q.url);
    if (root) shared.engineUrl = root;
    const site = siteName('', q.url);
    if (site) shared.engineSite = site;
    if (rules.queries) shared.query = q.query;
    const list = queriesBy.get(q.sessionId);
    if (list) list.push(shared);
    else queriesBy.set(q.sessionId, [shared]);
  }

  return sessions.map((s): SharedSession => {
    const site = siteName(s.domain, s.url);
    const out: SharedSession = {
      id: s.id,
      kind: s.kind,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      activeMs: finiteMs(s.activeMs),
      provenance: s.provenance,
      label: label(s, site, rules, strings),
      skillIds: [...new Set(s.skills)].filter((id) => known.has(id)),
      pages: (pagesBy.get(s.id) ?? []).sort(
        (a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id),
      ),
      queries: (queriesBy.get(s.id) ?? []).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    };
    if (titleAllowed(s, rules) && s.title) out.title = s.title;
    if (rules.urls && s.url) out.url = s.url;
    if (site) out.site = site;
    const root = siteRoot(s.url);
    if (root) out.siteUrl = root;
    if (s.engine) out.engine = s.engine;
    if (rules.notes && s.note.trim()) out.note = s.note.trim();
    if (s.kind === 'away') {
      out.statedMs = statedMs(s);
      if (s.learningKind) out.learningKind = s.learningKind;
      if (rules.notes && s.place) out.place = s.place;
      if (rules.notes && s.people) out.people = s.people;
    }
    return out;
  });
}

function finiteMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

function redactSummary(summary: Summary, rules: PrivacyRules): Summary {
  return {
    ...summary,
    totals: { ...summary.totals },
    days: summary.days.map((d) => ({ ...d })),
    untagged: { ...summary.untagged },
    skills: summary.skills.map((s) => ({
      ...s,
      perDay: s.perDay.map((d) => ({ ...d })),
      sessionIds: rules.sessions ? [...s.sessionIds] : [],
      topSources: rules.sites ? s.topSources.map((t) => ({ ...t })) : [],
      queries: rules.queries ? [...s.queries] : [],
      notes: rules.notes ? s.notes.map((n) => ({ ...n })) : [],
      // The learner's own words, like reflections; their links, like URLs.
      followUps: rules.notes
        ? s.followUps.map(({ link, ...f }) => ({
            ...f,
            sessionIds: [...f.sessionIds],
            ...(link && rules.urls ? { link } : {}),
          }))
        : [],
      // Someone else's signed words about the skill, which the learner chose to add: shared
      // at every level, whole, since a signed credential cannot be shared in part.
      endorsements: s.endorsements.map((e) => ({ ...e })),
    })),
  };
}
