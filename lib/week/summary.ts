/**
 * What a week (or any date range) of learning adds up to: totals, per skill, per local day,
 * and the untagged rest. Pure: records and options in, numbers out. Every export and the
 * dashboard read the same summary, so a figure never differs between two views.
 */
import type { Endorsement, FollowUp, Search, Session, Skill, Visit } from '../model';
import { domainOf } from '../url';
import { dayIndex, localDays, rangeLabel, safeMs, splitOverDays } from './days';

export interface SummaryData {
  sessions: readonly Session[];
  visits: readonly Visit[];
  searches: readonly Search[];
  skills: readonly Skill[];
  /** Follow-ups on these sessions; answered ones join their skill's summary. */
  followUps?: readonly FollowUp[];
  /** Endorsements received; each joins its skill's summary. */
  endorsements?: readonly Endorsement[];
}

export interface SummaryOptions {
  /** First instant of the range (a week's local midnight for a week). */
  start: number;
  /** First instant after the range. */
  end: number;
  /** IANA time zone for days and weeks; the runtime's own when omitted. */
  timeZone?: string;
  /** 0 = Sunday … 6 = Saturday; 1 (Monday) when omitted. */
  weekStart?: number;
}

export interface SourceStat {
  /** Host name without `www.`. */
  site: string;
  activeMs: number;
  pages: number;
}

export interface NoteSummary {
  sessionId: string;
  /** When the session started: notes have no time of their own. */
  at: number;
  title: string;
  text: string;
}

/** An answered follow-up: what stayed and where it was used, some days on. */
export interface FollowUpSummary {
  id: string;
  at: number;
  recall: string;
  application: string;
  link?: string;
  /** Its sessions among this summary's. */
  sessionIds: string[];
}

/** An endorsement of a skill, as exports show it and badges embed it. */
export interface EndorsementSummary {
  id: string;
  credentialId: string;
  /** What it endorses: the skill's achievement id, or one badge's id. */
  subjectId: string;
  /** The endorser's name and description of themselves, as they gave them. */
  issuerName: string;
  issuerDescription?: string;
  comment: string;
  issuedAt: number;
  /** The signed credential as received, JSON text. */
  credential: string;
}

export interface DayShare {
  activeMs: number;
  /** Sessions that started on this day. */
  sessions: number;
}

export interface SkillSummary {
  skillId: string;
  name: string;
  uri?: string;
  colour: string;
  activeMs: number;
  sessions: number;
  sessionIds: string[];
  pages: number;
  searches: number;
  /** Distinct queries, in the order first asked. */
  queries: string[];
  /** Sites by active time, at most `TOP_SOURCES`. */
  topSources: SourceStat[];
  notes: NoteSummary[];
  /** Answered follow-ups on this skill's sessions in the range, oldest first. */
  followUps: FollowUpSummary[];
  /** Every endorsement of this skill (not only the range's), newest first. */
  endorsements: EndorsementSummary[];
  /** Distinct sites read for this skill. */
  sourceDiversity: number;
  /** One entry per `Summary.days` entry. */
  perDay: DayShare[];
}

export interface DaySummary {
  /** Local calendar date, `2026-11-23`. */
  date: string;
  /** First instant of the day within the range, and the first instant after it. */
  start: number;
  end: number;
  activeMs: number;
  sessions: number;
  untaggedMs: number;
}

export interface Summary {
  start: number;
  end: number;
  timeZone?: string;
  weekStart: number;
  /** ISO week key (`2026-W48`) when the range is exactly one week, else `null`. */
  weekKey: string | null;
  /** The week key, or `2026-11-01_2026-11-30` (local dates, end inclusive). */
  label: string;
  totals: {
    activeMs: number;
    sessions: number;
    pages: number;
    searches: number;
    /** Distinct sites read. */
    sites: number;
    /** Skills with at least one session in the range. */
    skills: number;
    notes: number;
  };
  /** Most active time first. A session tagged with two skills counts fully for each. */
  skills: SkillSummary[];
  days: DaySummary[];
  untagged: { activeMs: number; sessions: number };
}

/** How many sites a skill lists as its top sources. */
export const TOP_SOURCES = 5;

interface SessionFacts {
  session: Session;
  skillIds: string[];
  pages: number;
  searches: Search[];
  sources: Map<string, SourceStat>;
  /** Active ms per day index. */
  dayMs: Map<number, number>;
  startDay: number;
}

/**
 * Whether a session counts as learning: the learner has not dismissed it.
 * @example countsAsLearning({ ...session, status: 'dismissed' }) // false
 */
export function countsAsLearning(session: Pick<Session, 'status'>): boolean {
  return session.status !== 'dismissed';
}

/**
 * Sessions that started in `[start, end)` and count as learning, oldest first.
 * @example sessionsInRange(sessions, week.start, week.end)
 */
export function sessionsInRange(
  sessions: readonly Session[],
  start: number,
  end: number,
): Session[] {
  return sessions
    .filter((s) => countsAsLearning(s) && s.startedAt >= start && s.startedAt < end)
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
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
 * Sums a week or range of learning. Dismissed sessions ("not learning") are left out;
 * sessions count in the range they started in. Pure and deterministic.
 * @example
 * const week = weekOf(Date.now(), { timeZone, weekStart });
 * const summary = summarise({ sessions, visits, searches, skills }, { ...week, timeZone, weekStart });
 * summary.totals.activeMs; summary.skills[0]?.name; summary.days.length // 7
 */
export function summarise(data: SummaryData, options: SummaryOptions): Summary {
  const { start, end, timeZone } = options;
  const weekStart = options.weekStart ?? 1;
  const days = localDays(start, end, timeZone);
  const sessions = sessionsInRange(data.sessions, start, end);
  const ids = new Set(sessions.map((s) => s.id));
  const visitsBySession = groupBy(
    data.visits.filter((v) => ids.has(v.sessionId)),
    (v) => v.sessionId,
  );
  const searchesBySession = groupBy(
    data.searches.filter((q) => ids.has(q.sessionId)),
    (q) => q.sessionId,
  );
  const skillById = new Map(data.skills.map((s) => [s.id, s]));

  const facts: SessionFacts[] = sessions.map((session) => {
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
      if (site) sources.set(site, { site, activeMs: safeMs(session.activeMs), pages: 1 });
    }
    return {
      session,
      skillIds: [...new Set(session.skills)].filter((id) => skillById.has(id)),
      pages: pageless ? (session.url ? 1 : 0) : visits.length,
      searches,
      sources,
      dayMs: splitOverDays(session, visits, days),
      startDay: dayIndex(days, session.startedAt),
    };
  });

  const daySummaries: DaySummary[] = days.map((d) => ({
    ...d,
    activeMs: 0,
    sessions: 0,
    untaggedMs: 0,
  }));
  const allSites = new Set<string>();
  const untagged = { activeMs: 0, sessions: 0 };
  const perSkill = new Map<string, { skill: Skill; facts: SessionFacts[] }>();
  let notes = 0;
  for (const f of facts) {
    for (const site of f.sources.keys()) allSites.add(site);
    if (f.session.note.trim()) notes += 1;
    const day = daySummaries[f.startDay];
    if (day) day.sessions += 1;
    for (const [i, ms] of f.dayMs) {
      const d = daySummaries[i];
      if (!d) continue;
      d.activeMs += ms;
      if (f.skillIds.length === 0) d.untaggedMs += ms;
    }
    if (f.skillIds.length === 0) {
      untagged.activeMs += safeMs(f.session.activeMs);
      untagged.sessions += 1;
    }
    for (const id of f.skillIds) {
      const entry = perSkill.get(id) ?? { skill: skillById.get(id)!, facts: [] };
      entry.facts.push(f);
      perSkill.set(id, entry);
    }
  }

  const followUps = (data.followUps ?? []).filter((f) => f.status === 'answered');
  const skills = [...perSkill.values()]
    .map(({ skill, facts: list }) =>
      skillSummary(skill, list, days.length, followUps, data.endorsements ?? []),
    )
    .sort((a, b) => b.activeMs - a.activeMs || a.name.localeCompare(b.name));

  return {
    start,
    end,
    timeZone,
    weekStart,
    ...rangeLabel(start, end, { timeZone, weekStart }),
    totals: {
      activeMs: facts.reduce((sum, f) => sum + safeMs(f.session.activeMs), 0),
      sessions: facts.length,
      pages: facts.reduce((sum, f) => sum + f.pages, 0),
      searches: facts.reduce((sum, f) => sum + f.searches.length, 0),
      sites: allSites.size,
      skills: skills.length,
      notes,
    },
    skills,
    days: daySummaries,
    untagged,
  };
}

function skillSummary(
  skill: Skill,
  facts: readonly SessionFacts[],
  dayCount: number,
  followUps: readonly FollowUp[],
  endorsements: readonly Endorsement[],
) {
  const sources = new Map<string, SourceStat>();
  const queries = new Map<string, string>();
  const perDay: DayShare[] = Array.from({ length: dayCount }, () => ({ activeMs: 0, sessions: 0 }));
  const notes: NoteSummary[] = [];
  for (const f of facts) {
    for (const s of f.sources.values()) {
      const acc = sources.get(s.site) ?? { site: s.site, activeMs: 0, pages: 0 };
      acc.activeMs += s.activeMs;
      acc.pages += s.pages;
      sources.set(s.site, acc);
    }
    for (const q of f.searches) {
      const text = q.query.trim();
      const k = text.toLowerCase();
      if (text && !queries.has(k)) queries.set(k, text);
    }
    for (const [i, ms] of f.dayMs) if (perDay[i]) perDay[i].activeMs += ms;
    if (perDay[f.startDay]) perDay[f.startDay]!.sessions += 1;
    const text = f.session.note.trim();
    if (text) {
      notes.push({
        sessionId: f.session.id,
        at: f.session.startedAt,
        title: f.session.title,
        text,
      });
    }
  }
  const ranked = [...sources.values()].sort(
    (a, b) => b.activeMs - a.activeMs || b.pages - a.pages || a.site.localeCompare(b.site),
  );
  const summary: SkillSummary = {
    skillId: skill.id,
    name: skill.name,
    colour: skill.colour,
    activeMs: facts.reduce((sum, f) => sum + safeMs(f.session.activeMs), 0),
    sessions: facts.length,
    sessionIds: facts.map((f) => f.session.id),
    pages: facts.reduce((sum, f) => sum + f.pages, 0),
    searches: facts.reduce((sum, f) => sum + f.searches.length, 0),
    queries: [...queries.values()],
    topSources: ranked.slice(0, TOP_SOURCES),
    notes,
    followUps: followUpsOf(skill.id, facts, followUps),
    endorsements: endorsementsOf(skill.id, endorsements),
    sourceDiversity: sources.size,
    perDay,
  };
  if (skill.uri) summary.uri = skill.uri;
  return summary;
}

function endorsementsOf(
  skillId: string,
  endorsements: readonly Endorsement[],
): EndorsementSummary[] {
  return endorsements
    .filter((e) => e.skillId === skillId)
    .sort((a, b) => b.issuedAt - a.issuedAt || a.id.localeCompare(b.id))
    .map((e) => {
      const item: EndorsementSummary = {
        id: e.id,
        credentialId: e.credentialId,
        subjectId: e.subjectId,
        issuerName: e.issuerName,
        comment: e.comment,
        issuedAt: e.issuedAt,
        credential: e.credential,
      };
      if (e.issuerDescription) item.issuerDescription = e.issuerDescription;
      return item;
    });
}

function followUpsOf(
  skillId: string,
  facts: readonly SessionFacts[],
  followUps: readonly FollowUp[],
): FollowUpSummary[] {
  const ids = new Set(facts.map((f) => f.session.id));
  const out: FollowUpSummary[] = [];
  for (const f of followUps) {
    if (f.skillId !== skillId) continue;
    const sessionIds = f.sessionIds.filter((id) => ids.has(id));
    if (sessionIds.length === 0) continue;
    const item: FollowUpSummary = {
      id: f.id,
      at: f.at,
      recall: f.recall,
      application: f.application,
      sessionIds,
    };
    if (f.link) item.link = f.link;
    out.push(item);
  }
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
