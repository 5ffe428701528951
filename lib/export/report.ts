/**
 * The readable report as plain data: headings, tables and lists of plain strings. The
 * Markdown and HTML exports render this one model, so both say the same thing, and every
 * English string of the report lives here; the dashboard passes its own `strings` in the
 * learner's language.
 *
 * Strings here are raw page data: each renderer escapes them for its own format. A link
 * carries an `href` only when `isLinkable` allows it (never `javascript:` or `data:`).
 */
import { formatDuration, formatNumber } from '../format';
import { statedAsked } from '../followup/asked-about';
import type { SessionKind } from '../model';
import { LEARNING_KIND_NAMES } from '../learning-away/kinds';
import { PROVENANCE_TEXT } from '../provenance';
import { isLinkable } from '../url';
import { PRIVACY_TEXT, type SharedData, type SharedSession } from './privacy';

export const REPORT_TEXT = {
  /** Privacy levels as the report names them. */
  levels: PRIVACY_TEXT,
  title: (label: string) => `Learning report — ${label}`,
  weekOf: (key: string) => `Week ${key}`,
  generatedBy: 'Made with Skilltrail from reading and web searches tracked on this device.',
  exportedAt: (when: string) => `Exported ${when}.`,
  privacy: (name: string, shares: string) => `Privacy: ${name} (${shares}).`,
  timeZone: (tz: string) => `Times in ${tz}.`,
  summary: 'Summary',
  bySkill: 'By skill',
  byDay: 'By day',
  sessions: 'Sessions',
  totals: {
    time: 'Active learning time',
    sessions: 'Sessions',
    pages: 'Pages read',
    searches: 'Searches',
    sites: 'Sites',
    notes: 'Reflections',
    stated: 'Stated time (not measured)',
  },
  skillColumns: ['Skill', 'Time', 'Sessions', 'Pages', 'Searches', 'Sites'],
  dayColumns: ['Day', 'Time', 'Sessions'],
  untagged: 'Not tagged with a skill',
  topSources: 'Top sources',
  queries: 'Searches',
  reflections: 'Reflections',
  framework: 'Framework',
  pages: 'Pages',
  note: 'Reflection',
  skills: 'Skills',
  noSkills: 'no skill',
  noActivity: 'No learning recorded in this period.',
  /** Where each piece of evidence came from, as the report labels it. */
  provenance: PROVENANCE_TEXT.label,
  kind: {
    reading: 'Reading',
    search: 'Web search',
    watching: 'Watching',
    away: 'Away from the screen',
  } as Record<SessionKind, string>,
  active: (d: string) => `${d} active`,
  /** Learning away from the screen: its kind, its stated time, where and with whom. */
  learning: LEARNING_KIND_NAMES,
  stated: (d: string) => `stated ${d}`,
  measuredAndStated: (measured: string, stated: string) =>
    `measured ${measured} · stated ${stated}`,
  where: (place: string) => `Where: ${place}`,
  withWhom: (people: string) => `With: ${people}`,
  /** A stated activity someone vouched for: their names, as they signed them. */
  vouched: (names: string) => `Vouched for by ${names}`,
  scrolled: (pct: number) => `${Math.round(pct)}% scrolled`,
  words: (n: string) => `${n} words`,
  sessionsCount: (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`,
  pagesCount: (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`,
  searchesCount: (n: number) => `${n} ${n === 1 ? 'search' : 'searches'}`,
  sitesCount: (n: number) => `${n} ${n === 1 ? 'site' : 'sites'}`,
  followUps: 'Follow-ups',
  followUpAsked: (when: string, sessions: string) => `${when}, on ${sessions}`,
  recall: 'What stayed',
  application: 'Where it was used',
  endorsements: 'Endorsements',
  endorsedBy: (name: string) => `Endorsed by ${name} (as they describe themselves)`,
  endorsementSigned: (when: string) => `Signed ${when}`,
  endorsementExpired: (when: string) => `Expired ${when}`,
  endorsementNote:
    'An endorsement says only what its author wrote; their name and role are their own claim. Each is signed by its author, and the skill’s Open Badges credentials carry it with that signature.',
};

/** The words of a report: `REPORT_TEXT` or the same in another language. */
export type ReportText = typeof REPORT_TEXT;

export interface ReportLink {
  text: string;
  /** Present only for `http(s)` URLs. */
  href?: string;
}

export interface ReportTable {
  header: string[];
  rows: string[][];
}

export interface ReportSkill {
  name: string;
  facts: string;
  framework?: ReportLink;
  sources: string[];
  queries: string[];
  notes: { heading: string; text: string }[];
  followUps: ReportFollowUp[];
  endorsements: ReportEndorsement[];
}

/** An endorsement under its skill: who, in their own words, when, and what they wrote. */
export interface ReportEndorsement {
  heading: string;
  /** The endorser's description of themselves and when they signed. */
  meta: string;
  comment: string;
}

/** An answered follow-up under its skill. */
export interface ReportFollowUp {
  heading: string;
  recall?: string;
  application?: string;
  link?: ReportLink;
}

export interface ReportSession {
  heading: string;
  meta: string;
  link?: ReportLink;
  pages: { link: ReportLink; detail: string }[];
  queries: string[];
  note?: string;
}

export interface Report {
  title: string;
  intro: string[];
  totals: [string, string][];
  skillsTable: ReportTable;
  daysTable: ReportTable;
  untagged?: string;
  skills: ReportSkill[];
  sessions: ReportSession[];
  empty: boolean;
}

export interface ReportOptions {
  /** BCP 47 locale for numbers and dates; `en` when omitted. */
  locale?: string;
  /** When the export is made; omitted, the report carries no export time (deterministic). */
  now?: number;
  /** The report's words; English (`REPORT_TEXT`) when omitted. */
  strings?: ReportText;
}

/**
 * A link when the URL may be one; plain text otherwise.
 * @example toLink('javascript:alert(1)') // { text: 'javascript:alert(1)' }
 */
export function toLink(url: string, text = url): ReportLink {
  if (!isLinkable(url)) return { text };
  return { text, href: new URL(url).href };
}

function dateTime(ts: number, locale: string, timeZone?: string, withYear = false): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(ts);
}

function dateOnly(ts: number, locale: string, timeZone?: string, weekday = false): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: weekday ? undefined : 'numeric',
    timeZone,
  }).format(ts);
}

/**
 * The report model of a shared data set.
 * @example const report = buildReport(prepareExport(data, { ...week, level: 'full' }));
 */
export function buildReport(shared: SharedData, options: ReportOptions = {}): Report {
  const locale = options.locale ?? 'en';
  const T = options.strings ?? REPORT_TEXT;
  const { summary } = shared;
  const tz = summary.timeZone;
  const dur = (ms: number) => formatDuration(ms, locale);
  // Measured time, with stated time beside it, never added, when there is some.
  const time = (measured: number, stated: number) =>
    stated > 0 ? T.measuredAndStated(dur(measured), dur(stated)) : dur(measured);
  const num = (n: number) => formatNumber(n, locale);
  const skillName = new Map(shared.skills.map((s) => [s.id, s.name]));
  const privacy = T.levels[shared.level];
  // What a follow-up asked about: each stated activity by its kind and what was learned (a
  // mentoring afternoon is no "session"), the rest counted.
  const sessionById = new Map(shared.sessions.map((s) => [s.id, s]));
  const askedAbout = (ids: readonly string[]) => {
    const stated = statedAsked(ids, sessionById).map(
      (s) => `${T.learning[s.learningKind]}: ${s.label}`,
    );
    const others = ids.length - stated.length;
    return [...(others > 0 ? [T.sessionsCount(others)] : []), ...stated].join(', ');
  };

  const period = `${dateOnly(summary.start, locale, tz)} – ${dateOnly(Math.max(summary.start, summary.end - 1), locale, tz)}`;
  const intro = [
    summary.weekKey ? `${T.weekOf(summary.weekKey)}: ${period}` : period,
    `${T.privacy(privacy.name, privacy.shares)}${tz ? ` ${T.timeZone(tz)}` : ''}`,
    T.generatedBy,
  ];
  if (options.now !== undefined) {
    intro.push(T.exportedAt(dateTime(options.now, locale, tz, true)));
  }

  const t = summary.totals;
  const totals: [string, string][] = [
    [T.totals.time, dur(t.activeMs)],
    ...(t.statedMs > 0 ? [[T.totals.stated, dur(t.statedMs)] as [string, string]] : []),
    [T.totals.sessions, num(t.sessions)],
    [T.totals.pages, num(t.pages)],
    [T.totals.searches, num(t.searches)],
  ];
  if (shared.rules.sites) totals.push([T.totals.sites, num(t.sites)]);
  totals.push([T.totals.notes, num(t.notes)]);

  const skillsTable: ReportTable = {
    header: shared.rules.sites ? T.skillColumns : T.skillColumns.slice(0, -1),
    rows: summary.skills.map((s) => {
      const row = [
        s.name,
        time(s.activeMs, s.statedMs),
        num(s.sessions),
        num(s.pages),
        num(s.searches),
      ];
      if (shared.rules.sites) row.push(num(s.sourceDiversity));
      return row;
    }),
  };
  const daysTable: ReportTable = {
    header: T.dayColumns,
    rows: summary.days.map((d) => [
      dateOnly(d.start, locale, tz, true),
      time(d.activeMs, d.statedMs),
      num(d.sessions),
    ]),
  };

  const skills: ReportSkill[] = summary.skills.map((s) => {
    const facts = [
      time(s.activeMs, s.statedMs),
      T.sessionsCount(s.sessions),
      T.pagesCount(s.pages),
      T.searchesCount(s.searches),
    ];
    if (shared.rules.sites) facts.push(T.sitesCount(s.sourceDiversity));
    const out: ReportSkill = {
      name: s.name,
      facts: facts.join(' · '),
      sources: s.topSources.map((src) => `${src.site} (${dur(src.activeMs)})`),
      queries: s.queries,
      notes: s.notes.map((n) => ({
        heading: `${dateTime(n.at, locale, tz)} — ${n.title} · ${T.provenance.written}`,
        text: n.text,
      })),
      followUps: s.followUps.map((f) => {
        const item: ReportFollowUp = {
          heading: `${T.followUpAsked(
            dateTime(f.at, locale, tz),
            askedAbout(f.sessionIds),
          )} · ${T.provenance.written}`,
        };
        if (f.recall) item.recall = f.recall;
        if (f.application) item.application = f.application;
        if (f.link) item.link = toLink(f.link);
        return item;
      }),
      endorsements: s.endorsements.map((e) => ({
        heading: T.endorsedBy(e.issuerName),
        meta: [
          e.issuerDescription,
          T.endorsementSigned(dateOnly(e.issuedAt, locale, tz)),
          // Past its validUntil (at export time, or the period's end without one): it no longer counts.
          e.expiresAt !== undefined && e.expiresAt < (options.now ?? summary.end)
            ? T.endorsementExpired(dateOnly(e.expiresAt, locale, tz))
            : '',
          T.provenance.vouched,
        ]
          .filter(Boolean)
          .join(' · '),
        comment: e.comment,
      })),
    };
    if (s.uri) out.framework = toLink(s.uri);
    return out;
  });

  const sessions = shared.sessions.map((s) => reportSession(s, skillName, locale, tz, T));
  const untagged =
    summary.untagged.sessions > 0
      ? `${T.untagged}: ${dur(summary.untagged.activeMs)} (${T.sessionsCount(summary.untagged.sessions)})`
      : undefined;

  return {
    title: T.title(summary.label),
    intro,
    totals,
    skillsTable,
    daysTable,
    ...(untagged ? { untagged } : {}),
    skills,
    sessions,
    empty: summary.totals.sessions === 0,
  };
}

function reportSession(
  s: SharedSession,
  skillName: ReadonlyMap<string, string>,
  locale: string,
  timeZone: string | undefined,
  T: ReportText,
): ReportSession {
  const names = s.skillIds.map((id) => skillName.get(id)).filter((n): n is string => !!n);
  if (s.kind === 'away') return reportStatedSession(s, names, locale, timeZone, T);
  const meta = [
    T.provenance[s.provenance],
    T.kind[s.kind],
    T.active(formatDuration(s.activeMs, locale)),
    `${T.skills}: ${names.length ? names.join(', ') : T.noSkills}`,
  ];
  if (s.site && !s.url) meta.push(s.site);
  const out: ReportSession = {
    heading: `${dateTime(s.startedAt, locale, timeZone)} — ${s.label}`,
    meta: meta.join(' · '),
    pages: s.pages.map((p) => {
      const text = p.title ?? p.site ?? p.url ?? '';
      const detail = [T.active(formatDuration(p.activeMs, locale))];
      if (p.title && p.site) detail.unshift(p.site);
      if (p.maxScrollPct !== undefined) detail.push(T.scrolled(p.maxScrollPct));
      if (p.wordCount) detail.push(T.words(formatNumber(p.wordCount, locale)));
      return { link: p.url ? toLink(p.url, text || p.url) : { text }, detail: detail.join(' · ') };
    }),
    queries: s.queries.map((q) => q.query).filter((q): q is string => !!q),
  };
  if (s.url) out.link = toLink(s.url);
  if (s.note) out.note = s.note;
  return out;
}

/** Learning away from the screen: the day (its hour is not the learner's), the kind, the stated time. */
function reportStatedSession(
  s: SharedSession,
  names: readonly string[],
  locale: string,
  timeZone: string | undefined,
  T: ReportText,
): ReportSession {
  const meta = [
    T.provenance[s.provenance],
    T.kind[s.kind],
    s.learningKind ? T.learning[s.learningKind] : '',
    T.stated(formatDuration(s.statedMs ?? 0, locale)),
    `${T.skills}: ${names.length ? names.join(', ') : T.noSkills}`,
    s.place ? T.where(s.place) : '',
    s.people ? T.withWhom(s.people) : '',
    s.vouchedBy?.length ? T.vouched(s.vouchedBy.map((v) => v.name).join(', ')) : '',
  ];
  const out: ReportSession = {
    heading: `${dateOnly(s.startedAt, locale, timeZone, true)} — ${s.label}`,
    meta: meta.filter(Boolean).join(' · '),
    pages: [],
    queries: [],
  };
  if (s.note) out.note = s.note;
  return out;
}
