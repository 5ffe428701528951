/**
 * Reading what suggestions need from the database: the recent tagged history and the
 * context of the session being tagged. Read-only.
 */
import type { SkilltrailDb } from './db';
import type { Session } from '../model';
import { DAY_MS } from '../time';
import { buildSuggestionIndex, type SuggestionHistory } from '../suggest/skill-index';
import { suggest, type Suggestion, type SuggestionContext } from '../suggest/rank';
import { countsAsLearning } from '../week/learning-sessions';

/** Tagged sessions `loadSuggestionHistory` reads by default: plenty for good suggestions, bounded for a fast popup. */
export const SUGGESTION_HISTORY_LIMIT = 2000;

/** The first span of `updatedAt` read for recent tagged sessions; each next reaches twice as far back. */
const HISTORY_FIRST_SPAN_MS = 30 * DAY_MS;
/**
 * Whole sessions read by time, at most `limit` times this, before the keys-only way takes
 * over: in a history where few sessions are tagged, the skills index is the short list.
 */
const HISTORY_SCAN_FACTOR = 4;

/**
 * The history suggestions learn from: the most recently updated tagged, not dismissed
 * sessions (at most `limit`) with their queries, and every skill. One read-only transaction.
 *
 * Cheap on a big database either way a learner tags. Recent sessions are read by time
 * (`updatedAt` index), a month, then two, then four… back, until `limit` tagged ones are
 * found: a learner who tags much finds them in the first spans. When that has read
 * `HISTORY_SCAN_FACTOR × limit` sessions without finding enough, few are tagged: those are
 * found through the skills index and ordered through the updatedAt index, both read as keys
 * only, and only the chosen sessions are read whole. (Reading both indexes' keys of a
 * 100,000-session history took over a second and held up the popup's next capture;
 * bench/scale.bench.ts.)
 * @example const index = buildSuggestionIndex(await loadSuggestionHistory(db))
 */
export async function loadSuggestionHistory(
  db: SkilltrailDb,
  options: { limit?: number } = {},
): Promise<SuggestionHistory> {
  const limit = options.limit ?? SUGGESTION_HISTORY_LIMIT;
  return db.transaction('r', db.sessions, db.searches, db.skills, async () => {
    const sessions = (await recentTaggedByTime(db, limit)) ?? (await recentTaggedByKeys(db, limit));
    const queries = new Map<string, string[]>();
    for (const q of await searchesOf(db, sessions)) {
      const list = queries.get(q.sessionId) ?? [];
      list.push(q.query);
      queries.set(q.sessionId, list);
    }
    const skills = await db.skills.toArray();
    return {
      skills,
      sessions: sessions.map((s: Session) => ({
        id: s.id,
        domain: s.domain,
        title: s.title,
        url: s.url,
        queries: queries.get(s.id) ?? [],
        skills: s.skills,
        updatedAt: s.updatedAt,
      })),
    };
  });
}

/** A session's queries lie within a day of its start and last activity (see `loadWeek`). */
const QUERY_MARGIN_MS = DAY_MS;
/** Longer than this, the sessions' span holds too many others' queries to read it whole. */
const QUERY_SPAN_MAX_MS = 400 * DAY_MS;

/**
 * The queries of the search sessions among `sessions`: one read of the `at` index over
 * the time they span when that is short (recent history: several times quicker than a
 * cursor per id), else by session id.
 */
async function searchesOf(db: SkilltrailDb, sessions: readonly Session[]) {
  const searched = sessions.filter((s) => s.kind === 'search');
  if (searched.length === 0) return [];
  const ids = new Set(searched.map((s) => s.id));
  const from = Math.min(...searched.map((s) => s.startedAt)) - QUERY_MARGIN_MS;
  const to = Math.max(...searched.map((s) => s.endedAt)) + QUERY_MARGIN_MS;
  if (to - from > QUERY_SPAN_MAX_MS)
    return db.searches
      .where('sessionId')
      .anyOf([...ids])
      .toArray();
  const all = await db.searches.where('at').between(from, to, true, true).toArray();
  return all.filter((q) => ids.has(q.sessionId));
}

function keptWithSkills(s: Session | undefined): s is Session {
  return s !== undefined && s.skills.length > 0 && countsAsLearning(s);
}

/** Newest first; `null` when `limit` were not found within the scan allowance. */
async function recentTaggedByTime(db: SkilltrailDb, limit: number): Promise<Session[] | null> {
  const [oldest, newest] = await Promise.all([
    db.sessions.orderBy('updatedAt').first(),
    db.sessions.orderBy('updatedAt').last(),
  ]);
  if (!oldest || !newest) return [];
  const found: Session[] = [];
  let read = 0;
  let upper = newest.updatedAt;
  let span = HISTORY_FIRST_SPAN_MS;
  // The first span holds the newest session itself; each next ends where the last began.
  for (let first = true; found.length < limit; first = false, span *= 2) {
    const lower = upper - span;
    const chunk = await db.sessions.where('updatedAt').between(lower, upper, true, first).toArray();
    read += chunk.length;
    found.push(...chunk.filter(keptWithSkills));
    if (lower <= oldest.updatedAt) break;
    if (found.length < limit && read >= HISTORY_SCAN_FACTOR * limit) return null;
    upper = lower;
  }
  return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/** Through the skills index (tagged ids) and the updatedAt index (their order), keys only. */
async function recentTaggedByKeys(db: SkilltrailDb, limit: number): Promise<Session[]> {
  // A session tagged with two skills appears twice in the multi-entry index.
  const tagged = new Set((await db.sessions.orderBy('skills').primaryKeys()) as string[]);
  let ids = [...tagged];
  if (tagged.size > limit) {
    const byUpdate = (await db.sessions.orderBy('updatedAt').primaryKeys()) as string[];
    ids = byUpdate.reverse().filter((id) => tagged.has(id));
  }
  const sessions: Session[] = [];
  // Dismissed sessions are skipped, so read on until `limit` kept ones are found.
  for (let i = 0; i < ids.length && sessions.length < limit; i += limit) {
    sessions.push(...(await db.sessions.bulkGet(ids.slice(i, i + limit))).filter(keptWithSkills));
  }
  return sessions.slice(0, limit);
}

/**
 * The context of a stored session: its title, URL, queries, capture excerpt and skills.
 * `undefined` when the session is gone.
 * @example suggest(index, (await loadSuggestionContext(db, sessionId))!, Date.now())
 */
export async function loadSuggestionContext(
  db: SkilltrailDb,
  sessionId: string,
): Promise<SuggestionContext | undefined> {
  return db.transaction('r', db.sessions, db.searches, db.captures, async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) return undefined;
    const searches = await db.searches.where('sessionId').equals(sessionId).sortBy('at');
    const capture = await db.captures.where('sessionId').equals(sessionId).last();
    return {
      sessionId,
      url: capture?.url ?? session.url,
      domain: session.domain,
      title: capture?.title || session.title,
      excerpt: capture?.excerpt,
      queries: [...new Set(searches.map((s) => s.query))],
      engine: session.engine,
      skills: session.skills,
    };
  });
}

/**
 * Suggestions for a stored session in one call: its context and the recent history, read
 * from the database, then ranked. `[]` when the session is gone. Read-only.
 * @example (await suggestForSession(db, sessionId, Date.now())).map((s) => s.name) // ['CSS']
 */
export async function suggestForSession(
  db: SkilltrailDb,
  sessionId: string,
  now: number,
  limit = 3,
): Promise<Suggestion[]> {
  const [context, history] = await Promise.all([
    loadSuggestionContext(db, sessionId),
    loadSuggestionHistory(db),
  ]);
  return context ? suggest(buildSuggestionIndex(history), context, now, limit) : [];
}
