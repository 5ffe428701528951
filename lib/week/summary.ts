/**
 * What a week (or any date range) of learning adds up to: totals, per skill, per local day,
 * and the untagged rest. Pure: records and options in, numbers out. Every export and the
 * dashboard read the same summary, so a figure never differs between two views.
 */
import type { Endorsement, FollowUp, Search, Session, Skill, Visit } from '../model';
import { measuredMs, statedMs } from '../provenance';
import { localDays, rangeLabel } from './days';
import { sessionsInRange } from './learning-sessions';
import { factTotals, sessionFacts, type SessionFacts } from './session-facts';
import { skillSummary, type SkillSummary } from './skill-summary';

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

export interface DaySummary {
  /** Local calendar date, `2026-11-23`. */
  date: string;
  /** First instant of the day within the range, and the first instant after it. */
  start: number;
  end: number;
  /** Measured time only. */
  activeMs: number;
  /** Time stated for learning away from the screen that day, never in `activeMs`. */
  statedMs: number;
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
    /** Measured time only (`lib/provenance.ts`). */
    activeMs: number;
    /** Time stated for learning away from the screen, kept apart from `activeMs`. */
    statedMs: number;
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
  const skillById = new Map(data.skills.map((s) => [s.id, s]));
  const facts = sessionFacts(sessions, data, days, (id) => skillById.has(id));

  const daySummaries: DaySummary[] = days.map((d) => ({
    ...d,
    activeMs: 0,
    statedMs: 0,
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
    if (day) {
      day.sessions += 1;
      day.statedMs += statedMs(f.session);
    }
    for (const [i, ms] of f.dayMs) {
      const d = daySummaries[i];
      if (!d) continue;
      d.activeMs += ms;
      if (f.skillIds.length === 0) d.untaggedMs += ms;
    }
    if (f.skillIds.length === 0) {
      untagged.activeMs += measuredMs(f.session);
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
      ...factTotals(facts),
      sites: allSites.size,
      skills: skills.length,
      notes,
    },
    skills,
    days: daySummaries,
    untagged,
  };
}
