/**
 * What the learner has done per skill (time, sessions, sources, first and last) and how far
 * each weekly goal is. Pure over arrays, with a thin database wrapper.
 */
import type { Session, Skill, Visit } from '../model';
import { measuredMs, statedMs } from '../provenance';
import { countsAsLearningIn } from '../week/learning-sessions';

/** What the learner has done for one skill. */
export interface SkillTotals {
  skillId: string;
  /** Sum of the measured active time of its sessions (never stated or estimated time). */
  activeMs: number;
  /** Time the learner stated for learning away from the screen, apart from `activeMs`. */
  statedMs: number;
  sessions: number;
  /** Distinct pages read (canonical URLs); search results pages are not sources. */
  sources: number;
  /** Distinct sites (domains) of those pages. */
  sites: number;
  /** Start of its first session, or `null` when it has none. */
  firstAt: number | null;
  /** End of its last session, or `null`. */
  lastAt: number | null;
}

export interface TotalsOptions {
  /** Visits of the sessions, for the pages of search sessions; without them a search session adds no source. */
  visits?: readonly Pick<Visit, 'sessionId' | 'url' | 'domain'>[];
  /** Only sessions that started in `[start, end)`. */
  start?: number;
  end?: number;
  /** Skills to list even with no session (the library view lists every skill). */
  skillIds?: readonly string[];
}

type TotalsSession = Pick<
  Session,
  | 'id'
  | 'kind'
  | 'startedAt'
  | 'endedAt'
  | 'activeMs'
  | 'url'
  | 'domain'
  | 'skills'
  | 'status'
  | 'provenance'
>;

/**
 * Per-skill totals over sessions, most active time first. Dismissed sessions ("not
 * learning") count for nothing. A session tagged with two skills counts fully for each:
 * the reading served both, and splitting it would invent a precision nobody measured.
 * @example skillTotals(sessions, { visits, start: week.start, end: week.end })[0] // { skillId, activeMs, sessions, sources, sites, firstAt, lastAt }
 */
export function skillTotals(
  sessions: readonly TotalsSession[],
  options: TotalsOptions = {},
): SkillTotals[] {
  const { start = -Infinity, end = Infinity } = options;
  const pagesOf = new Map<string, { url: string; domain: string }[]>();
  for (const v of options.visits ?? []) {
    const list = pagesOf.get(v.sessionId) ?? [];
    list.push(v);
    pagesOf.set(v.sessionId, list);
  }
  interface Acc {
    t: SkillTotals;
    urls: Set<string>;
    domains: Set<string>;
  }
  const acc = new Map<string, Acc>();
  const accFor = (skillId: string): Acc => {
    let a = acc.get(skillId);
    if (!a) {
      a = {
        t: {
          skillId,
          activeMs: 0,
          statedMs: 0,
          sessions: 0,
          sources: 0,
          sites: 0,
          firstAt: null,
          lastAt: null,
        },
        urls: new Set(),
        domains: new Set(),
      };
      acc.set(skillId, a);
    }
    return a;
  };
  for (const id of options.skillIds ?? []) accFor(id);

  for (const s of sessions) {
    if (!countsAsLearningIn(s, start, end)) continue;
    const pages = [...(pagesOf.get(s.id) ?? [])];
    if (s.kind !== 'search' && s.url) pages.push({ url: s.url, domain: s.domain });
    for (const skillId of new Set(s.skills)) {
      const a = accFor(skillId);
      a.t.activeMs += measuredMs(s);
      a.t.statedMs += statedMs(s);
      a.t.sessions += 1;
      a.t.firstAt = a.t.firstAt === null ? s.startedAt : Math.min(a.t.firstAt, s.startedAt);
      a.t.lastAt = a.t.lastAt === null ? s.endedAt : Math.max(a.t.lastAt, s.endedAt);
      for (const p of pages) {
        a.urls.add(p.url);
        if (p.domain) a.domains.add(p.domain);
      }
    }
  }
  return [...acc.values()]
    .map(({ t, urls, domains }) => ({ ...t, sources: urls.size, sites: domains.size }))
    .sort(
      (a, b) =>
        b.activeMs - a.activeMs || b.sessions - a.sessions || a.skillId.localeCompare(b.skillId),
    );
}

/** Where a skill stands against its weekly goal. */
export interface GoalProgress {
  skillId: string;
  goalMinutes: number;
  /** Active minutes in the week, rounded down: a goal is met by whole minutes. */
  minutes: number;
  /** minutes / goalMinutes; may pass 1. */
  ratio: number;
  met: boolean;
}

/**
 * Progress of every skill that has a weekly goal, over the sessions that started in the
 * week (dismissed ones excluded), in the order of `skills`.
 * @example goalProgress(skills, sessions, weekOf(Date.now())) // [{ skillId, goalMinutes: 120, minutes: 45, ratio: 0.375, met: false }]
 */
export function goalProgress(
  skills: readonly Pick<Skill, 'id' | 'goalMinutes'>[],
  sessions: readonly (Pick<Session, 'startedAt' | 'activeMs' | 'skills' | 'status'> &
    Partial<Pick<Session, 'provenance'>>)[],
  week: { start: number; end: number },
): GoalProgress[] {
  const ms = new Map<string, number>();
  for (const s of sessions) {
    if (!countsAsLearningIn(s, week.start, week.end)) continue;
    for (const id of new Set(s.skills)) ms.set(id, (ms.get(id) ?? 0) + measuredMs(s));
  }
  return skills
    .filter((s): s is Pick<Skill, 'id'> & { goalMinutes: number } => (s.goalMinutes ?? 0) > 0)
    .map((s) => {
      const minutes = Math.floor((ms.get(s.id) ?? 0) / 60_000);
      return {
        skillId: s.id,
        goalMinutes: s.goalMinutes,
        minutes,
        ratio: minutes / s.goalMinutes,
        met: minutes >= s.goalMinutes,
      };
    });
}
