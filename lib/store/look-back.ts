/**
 * What a look back through the browser's history reads from the record and what it
 * writes: the spans already recorded (so nothing is offered twice) and the sessions the
 * learner keeps from the review list.
 */
import type { SkilltrailDb } from './db';
import type { CandidatePage, LookBackCandidate } from '../look-back/group';
import type { KnownSpan } from '../look-back/known';
import { newId } from '../ids';
import type { Search, Session, Visit } from '../model';
import { currentSkillIds, ensureSkill } from './skills';
import { loadSuggestionHistory } from './suggestion-history';
import type { SuggestionHistory } from '../suggest/skill-index';

/** How far before the look back's first day a stored visit may start and still cover it. */
const SPAN_MARGIN_MS = 24 * 60 * 60_000;

/**
 * Every stored visit and search from `start` to `end` as a URL and the time it covers.
 * Read-only, one transaction over visits and searches (the `startedAt` and `at` indexes).
 * @example knownVisits(await recordedSpans(db, from, now))
 */
export async function recordedSpans(
  db: SkilltrailDb,
  start: number,
  end: number,
): Promise<KnownSpan[]> {
  return db.transaction('r', db.visits, db.searches, async () => {
    const visits = await db.visits
      .where('startedAt')
      .between(start - SPAN_MARGIN_MS, end, true, true)
      .toArray();
    const searches = await db.searches.where('at').between(start, end, true, true).toArray();
    return [
      ...visits.map((v) => ({ url: v.url, startedAt: v.startedAt, endedAt: v.endedAt })),
      ...searches.map((s) => ({ url: s.url, startedAt: s.at, endedAt: s.at })),
    ];
  });
}

/**
 * What a look back from `start` to `end` needs from the record: the spans already recorded
 * and the recent tagged history suggestions learn from (whose sites are learning sites).
 * Read-only.
 * @example const { spans, history } = await readForLookBack(db, from, now)
 */
export async function readForLookBack(
  db: SkilltrailDb,
  start: number,
  end: number,
): Promise<{ spans: KnownSpan[]; history: SuggestionHistory }> {
  const [spans, history] = await Promise.all([
    recordedSpans(db, start, end),
    loadSuggestionHistory(db),
  ]);
  return { spans, history };
}

function visitOf(sessionId: string, page: CandidatePage, searchId?: string): Visit {
  return {
    id: newId(),
    sessionId,
    url: page.url,
    title: page.title,
    domain: page.domain,
    startedAt: page.firstAt,
    endedAt: page.lastAt,
    // Visit times only: the history says nothing of reading time.
    activeMs: 0,
    ...(searchId ? { searchId } : {}),
  };
}

/**
 * Stores a candidate the learner kept: a session `from-history` with no measured time,
 * its pages as visits and its queries as searches, tagged with `skills`. Atomic (one
 * transaction over sessions, visits, searches, skills and meta) and idempotent: keeping
 * the same candidate again answers the session kept first.
 * @example await keepFromHistory(db, candidate, [skillId], Date.now())
 */
export async function keepFromHistory(
  db: SkilltrailDb,
  candidate: LookBackCandidate,
  skills: readonly string[],
  now: number,
): Promise<Session> {
  return db.transaction(
    'rw',
    [db.sessions, db.visits, db.searches, db.skills, db.meta],
    async () => {
      const first = candidate.pages[0];
      if (first) {
        const same = await db.visits
          .where('startedAt')
          .equals(first.firstAt)
          .filter((v) => v.url === first.url)
          .first();
        const kept = same && (await db.sessions.get(same.sessionId));
        if (kept && kept.provenance === 'from-history') return kept;
      }
      const session: Session = {
        id: newId(),
        kind: candidate.kind,
        startedAt: candidate.startedAt,
        endedAt: candidate.endedAt,
        activeMs: 0,
        title: candidate.title,
        url: candidate.url,
        domain: candidate.domain,
        ...(candidate.engine ? { engine: candidate.engine } : {}),
        skills: await currentSkillIds(db, skills),
        note: '',
        status: 'kept',
        provenance: 'from-history',
        updatedAt: now,
      };
      const searches: Search[] = candidate.queries.map((q) => ({
        id: newId(),
        sessionId: session.id,
        engine: candidate.engine ?? '',
        query: q.query,
        url: q.url,
        at: q.at,
      }));
      const searchIdOf = new Map(candidate.queries.map((q, i) => [q.queryKey, searches[i]!.id]));
      const visits = candidate.pages.map((p) =>
        visitOf(session.id, p, p.queryKey === undefined ? undefined : searchIdOf.get(p.queryKey)),
      );
      await db.sessions.add(session);
      await db.visits.bulkAdd(visits);
      if (searches.length > 0) await db.searches.bulkAdd(searches);
      return session;
    },
  );
}

/**
 * The look back's reads and writes on `db`, as the callbacks its component takes.
 * @example <LookBack settings={settings} skills={skills} {...lookBackStore(db())} />
 */
export function lookBackStore(db: SkilltrailDb) {
  return {
    read: (start: number, end: number) => readForLookBack(db, start, end),
    keep: (candidate: LookBackCandidate, skills: readonly string[]) =>
      keepFromHistory(db, candidate, skills, Date.now()),
    createSkill: (name: string) => ensureSkill(db, name, Date.now()),
  };
}
