/**
 * One skill's share of a summary: its time, sessions, pages and searches, the sites it was
 * read on, its notes, answered follow-ups and endorsements, and its time per day.
 */
import type { Endorsement, FollowUp, Skill } from '../model';
import { countEvidence, noProvenanceCounts, statedMs, type ProvenanceCounts } from '../provenance';
import { factTotals, type SessionFacts, type SourceStat } from './session-facts';

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
  /** What it endorses: the achievement id of the skill, or of one merged into it. */
  subjectId: string;
  /** The endorser's name and description of themselves, as they gave them. */
  issuerName: string;
  issuerDescription?: string;
  comment: string;
  issuedAt: number;
  /** Its `validUntil`, when it has one. */
  expiresAt?: number;
  /** The signed credential as received, JSON text. */
  credential: string;
}

export interface DayShare {
  activeMs: number;
  /** Time stated that day, apart from `activeMs`. */
  statedMs: number;
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
  /** Its evidence by where it came from (`lib/provenance.ts`). */
  byProvenance: ProvenanceCounts;
  /** Time the learner stated, kept apart from `activeMs`, which is measured only. */
  statedMs: number;
  /** The first and latest evidence in the range: sessions and answered follow-ups. */
  firstAt: number;
  lastAt: number;
}

/** How many sites a skill lists as its top sources. */
export const TOP_SOURCES = 5;

/**
 * The summary of `skill` from the facts of its sessions in the range.
 * @example skillSummary(skill, facts, days.length, answeredFollowUps, endorsements).topSources
 */
export function skillSummary(
  skill: Skill,
  facts: readonly SessionFacts[],
  dayCount: number,
  followUps: readonly FollowUp[],
  endorsements: readonly Endorsement[],
) {
  const sources = new Map<string, SourceStat>();
  const queries = new Map<string, string>();
  const perDay: DayShare[] = Array.from({ length: dayCount }, () => ({
    activeMs: 0,
    statedMs: 0,
    sessions: 0,
  }));
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
    if (perDay[f.startDay]) {
      perDay[f.startDay]!.sessions += 1;
      perDay[f.startDay]!.statedMs += statedMs(f.session);
    }
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
    ...factTotals(facts),
    sessionIds: facts.map((f) => f.session.id),
    queries: [...queries.values()],
    topSources: ranked.slice(0, TOP_SOURCES),
    notes,
    followUps: followUpsOf(skill.id, facts, followUps),
    endorsements: endorsementsOf(skill.id, endorsements),
    sourceDiversity: sources.size,
    perDay,
    byProvenance: noProvenanceCounts(),
    firstAt: 0,
    lastAt: 0,
  };
  if (skill.uri) summary.uri = skill.uri;
  summary.byProvenance = countEvidence({
    sessions: facts.map((f) => f.session),
    reflections: notes.length,
    followUps: summary.followUps.length,
    endorsements: summary.endorsements.length,
  });
  // A loop, not Math.min(...times): years of sessions would overflow the call's arguments.
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (const f of facts) {
    firstAt = Math.min(firstAt, f.session.startedAt);
    lastAt = Math.max(lastAt, f.session.endedAt);
  }
  for (const f of summary.followUps) {
    firstAt = Math.min(firstAt, f.at);
    lastAt = Math.max(lastAt, f.at);
  }
  summary.firstAt = firstAt;
  summary.lastAt = lastAt;
  return summary;
}

function endorsementsOf(
  skillId: string,
  endorsements: readonly Endorsement[],
): EndorsementSummary[] {
  return (
    endorsements
      // An endorsement of one activity vouches for that activity, not for the skill.
      .filter((e) => e.skillId === skillId && !e.sessionId)
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
        if (e.expiresAt !== undefined) item.expiresAt = e.expiresAt;
        return item;
      })
  );
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
