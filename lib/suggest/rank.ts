/**
 * Skill suggestions for the page or session being tagged, from what the learner tagged
 * before. Explainable on purpose: each suggestion carries the reasons the popup can show
 * ("you tagged this site with CSS 4 times"), and every signal is a share of past sessions,
 * so a site the learner uses for five skills suggests each of them weakly.
 *
 * Signals, strongest first: skills already used in the same session; the same search
 * before; the same site; words the page shares with past sessions of a skill (rarer words
 * count more); the page naming a skill or one of its aliases; how often and how recently a
 * skill is used. Past sessions count less as they age (a half-life), so a learner whose
 * focus moved on gets suggestions for what they do now.
 *
 * Fast on thousands of sessions: `buildSuggestionIndex` counts everything once (linear in
 * the history), `suggest` then reads only the buckets of the page's site, queries and words.
 */
import type { SkilltrailDb } from '../store/db';
import type { Session, Skill } from '../model';
import { domainOf, parseUrl } from '../url';

/** The page or session being tagged. Every field is optional: use what the popup has. */
export interface SuggestionContext {
  url?: string;
  /** Taken from `url` when absent. */
  domain?: string;
  title?: string;
  /** The article's excerpt (or first paragraph) from the capture. */
  excerpt?: string;
  keywords?: readonly string[];
  /** Queries of the search session the page belongs to. */
  queries?: readonly string[];
  engine?: string;
  /** The session being tagged; skills of its earlier tagging (another page of it) count most. */
  sessionId?: string;
  /** Skills already chosen: never suggested again. */
  skills?: readonly string[];
}

/** A past tagged session, as much of it as suggestions need. */
export interface TaggedSession {
  id: string;
  domain: string;
  title: string;
  url?: string;
  queries?: readonly string[];
  skills: readonly string[];
  /** When it was tagged or last edited. */
  updatedAt: number;
}

export interface SuggestionHistory {
  sessions: readonly TaggedSession[];
  /** Every skill of the library; sessions' ids of skills not listed here are ignored. */
  skills: readonly Pick<Skill, 'id' | 'name' | 'aliases'>[];
}

/** Why a skill is suggested, structured so the interface words it in the learner's language. */
export type SuggestionReason =
  | { kind: 'same-session' }
  | { kind: 'same-search'; query: string }
  | { kind: 'site'; domain: string; sessions: number }
  | { kind: 'words'; words: string[] }
  | { kind: 'name'; words: string[] }
  | { kind: 'often'; sessions: number }
  | { kind: 'recent'; lastUsedAt: number };

export interface Suggestion {
  skillId: string;
  name: string;
  /** Higher is better; comparable within one call, not across calls. */
  score: number;
  /** Strongest first; never empty. */
  reasons: SuggestionReason[];
}

/** Tuning of the ranking; the defaults are what the benchmark reports. */
export interface SuggestOptions {
  /** Age at which a past session counts half. */
  halfLifeMs: number;
  /** Age at which the "used recently" bonus halves. */
  recentHalfLifeMs: number;
  weights: Record<
    'sameSession' | 'sameSearch' | 'site' | 'words' | 'name' | 'often' | 'recent',
    number
  >;
}

const DAY_MS = 86_400_000;

export const DEFAULT_SUGGEST_OPTIONS: Readonly<SuggestOptions> = {
  halfLifeMs: 90 * DAY_MS,
  recentHalfLifeMs: 3 * DAY_MS,
  weights: {
    sameSession: 4,
    sameSearch: 3,
    site: 2,
    words: 3,
    name: 2.5,
    often: 0.5,
    recent: 0.3,
  },
};

// ---------------------------------------------------------------------------------------
// Words

/** Function words in English and Spanish, plus words every web page title has. */
const STOP_WORDS = new Set(
  // English
  (
    'a about above after again against all also am an and any are as at be because been ' +
    'before being below between both but by can could did do does doing down during each ' +
    'few for from further had has have having he her here hers him his how i if in into is ' +
    'it its itself just me more most my no nor not now of off on once only or other our out ' +
    'over own same she should so some such than that the their them then there these they ' +
    'this those through to too under until up very was we were what when where which while ' +
    'who whom why will with would you your yours vs versus via per etc ' +
    // Spanish (accents already stripped)
    'al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde ' +
    'durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este ' +
    'esto estos fue fueron ha han hasta hay la las le les lo los mas me mi mis mucho muy nada ' +
    'ni no nos nosotros o os otra otras otro otros para pero poco por porque que quien se ser ' +
    'si sin sobre su sus tambien tan te tiene tienen todo todos tu tus un una unas uno unos y ya ' +
    'yo ' +
    // Web filler: says a page is a web page, not what it is about
    'www http https com org net html htm php aspx index page home untitled new blog post ' +
    'article read watch video part chapter'
  )
    .split(' ')
    .filter(Boolean),
);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A light stemmer for English and Spanish: folds plurals and -ing/-ed/-e endings so
 * "styles", "styled" and "styling" meet. Crude on purpose: both sides of every comparison
 * go through it, so a consistent stem matters more than a correct one.
 */
function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /[\d+#]/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && w.length > 4 && !VOWELS.has(w[w.length - 3]!)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/[siu]s$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Raw words: letters and digits, keeping `+` and `#` (C++, C#), as `skillKey` does. */
function rawWords(text: string): string[] {
  return (
    fold(text)
      .split(/[^\p{L}\p{N}+#]+/u)
      // A leading + or # is punctuation ("+1", "#tag"); a trailing one is a name (C++, C#).
      .map((w) => w.replace(/^[+#]+/, ''))
      .filter((w) => w.length > 0 && !/^\d+$/.test(w))
  );
}

/**
 * The words of a text that say what it is about: lower case, accents stripped, English and
 * Spanish function words and bare numbers dropped, lightly stemmed.
 * @example tokenize('Las Conjugaciones del español: styling CSS Grids') // ['conjugacion', 'espanol', 'styl', 'css', 'grid']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(text)) {
    if (STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Words of a URL's path and query values: `/docs/Web/CSS/grid-template` says a lot. */
function urlWords(url: string | undefined): string[] {
  return urlSurfaceWords(url).map(stem);
}

/** The same words as the URL writes them (not stemmed), for reasons the learner reads. */
function urlSurfaceWords(url: string | undefined): string[] {
  const u = parseUrl(url);
  if (!u) return [];
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: keep the path as written.
  }
  return rawWords(`${path} ${[...u.searchParams.values()].join(' ')}`).filter(
    // Ids and hashes in paths are not words.
    (w) => !STOP_WORDS.has(w) && w.length <= 24 && !/\d{3,}/.test(w),
  );
}

/** A search query reduced to its words, in a fixed order: "grid vs flexbox" = "flexbox grid". */
function queryKey(query: string): string {
  return [...new Set(tokenize(query))].sort().join(' ');
}

// ---------------------------------------------------------------------------------------
// Index

interface Bucket {
  /** Weighted sessions (weights relative to the index's reference time). */
  w: number;
  /** Sessions. */
  n: number;
  skills: Map<string, { w: number; n: number }>;
}

function newBucket(): Bucket {
  return { w: 0, n: 0, skills: new Map() };
}

function addTo(bucket: Bucket, skills: readonly string[], w: number): void {
  bucket.w += w;
  bucket.n += 1;
  for (const id of skills) {
    const s = bucket.skills.get(id);
    if (s) {
      s.w += w;
      s.n += 1;
    } else bucket.skills.set(id, { w, n: 1 });
  }
}

function bucketIn<K>(map: Map<K, Bucket>, key: K): Bucket {
  let b = map.get(key);
  if (!b) {
    b = newBucket();
    map.set(key, b);
  }
  return b;
}

/** One way of naming a skill (its name or an alias), as words. */
interface NameForm {
  skillId: string;
  words: string[];
}

/** Everything `suggest` needs, counted once. Treat as opaque; extend with `addToSuggestionIndex`. */
export interface SuggestionIndex {
  options: SuggestOptions;
  /** Weights are 2^((updatedAt − ref) / halfLife), so adding a session never rescales the rest. */
  ref: number;
  skills: Map<string, { name: string }>;
  /** Sessions counted, so adding one twice does not count it twice. */
  indexed: Set<string>;
  bySession: Map<string, Set<string>>;
  byDomain: Map<string, Bucket>;
  byQuery: Map<string, Bucket>;
  byWord: Map<string, Bucket>;
  all: Bucket;
  lastUsed: Map<string, number>;
  /** Name and alias words → the forms that use them. */
  nameForms: Map<string, NameForm[]>;
  /** How many skills use a name word: "development" in five skill names says little. */
  nameWordSkills: Map<string, number>;
}

/**
 * Counts a history once so that `suggest` is fast. Linear in the number of sessions.
 * @example const index = buildSuggestionIndex({ sessions, skills }); suggest(index, { title }, Date.now())
 */
export function buildSuggestionIndex(
  history: SuggestionHistory,
  options: Partial<SuggestOptions> = {},
): SuggestionIndex {
  const opts: SuggestOptions = {
    ...DEFAULT_SUGGEST_OPTIONS,
    ...options,
    weights: { ...DEFAULT_SUGGEST_OPTIONS.weights, ...options.weights },
  };
  let ref = 0;
  for (const s of history.sessions) ref = Math.max(ref, s.updatedAt);
  const index: SuggestionIndex = {
    options: opts,
    ref,
    skills: new Map(),
    indexed: new Set(),
    bySession: new Map(),
    byDomain: new Map(),
    byQuery: new Map(),
    byWord: new Map(),
    all: newBucket(),
    lastUsed: new Map(),
    nameForms: new Map(),
    nameWordSkills: new Map(),
  };
  for (const skill of history.skills) {
    index.skills.set(skill.id, { name: skill.name });
    const seenWords = new Set<string>();
    for (const form of [skill.name, ...skill.aliases]) {
      // A name made only of function words ("IT") would fire on every page: history alone
      // suggests it.
      const words = [...new Set(tokenize(form))];
      if (words.length === 0) continue;
      const nameForm: NameForm = { skillId: skill.id, words };
      for (const w of words) {
        const list = index.nameForms.get(w) ?? [];
        list.push(nameForm);
        index.nameForms.set(w, list);
        if (!seenWords.has(w)) {
          seenWords.add(w);
          index.nameWordSkills.set(w, (index.nameWordSkills.get(w) ?? 0) + 1);
        }
      }
    }
  }
  for (const s of history.sessions) addToSuggestionIndex(index, s);
  return index;
}

/**
 * Adds one newly tagged session to an index, so the popup need not rebuild it after each
 * save. Sessions without a known skill, and sessions already counted, are ignored: after
 * the learner edits old tags or skills, build the index again.
 * @example addToSuggestionIndex(index, { id, domain, title, queries, skills: [cssId], updatedAt: now })
 */
export function addToSuggestionIndex(index: SuggestionIndex, session: TaggedSession): void {
  const skills = [...new Set(session.skills)].filter((id) => index.skills.has(id));
  if (skills.length === 0 || index.indexed.has(session.id)) return;
  index.indexed.add(session.id);
  const w = 2 ** ((session.updatedAt - index.ref) / index.options.halfLifeMs);

  const own = index.bySession.get(session.id) ?? new Set<string>();
  for (const id of skills) own.add(id);
  index.bySession.set(session.id, own);

  addTo(index.all, skills, w);
  for (const id of skills) {
    index.lastUsed.set(id, Math.max(index.lastUsed.get(id) ?? -Infinity, session.updatedAt));
  }
  const domain = session.domain || domainOf(session.url);
  if (domain) addTo(bucketIn(index.byDomain, domain), skills, w);

  const words = new Set([...tokenize(session.title), ...urlWords(session.url)]);
  for (const q of session.queries ?? []) {
    const key = queryKey(q);
    if (key) addTo(bucketIn(index.byQuery, key), skills, w);
    for (const t of tokenize(q)) words.add(t);
  }
  for (const t of words) addTo(bucketIn(index.byWord, t), skills, w);
}

// ---------------------------------------------------------------------------------------
// Ranking

/** How much a word of the page says, by where it stands. */
const FIELD_WEIGHT = { title: 1, queries: 1, keywords: 0.8, url: 0.6, excerpt: 0.5 } as const;

interface ContextWord {
  weight: number;
  /** The word as the page wrote it, for reasons. */
  surface: string;
}

function contextWords(context: SuggestionContext): Map<string, ContextWord> {
  const words = new Map<string, ContextWord>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const surface of rawWords(text)) {
      if (STOP_WORDS.has(surface)) continue;
      const t = stem(surface);
      const known = words.get(t);
      if (!known || known.weight < weight) words.set(t, { weight, surface });
    }
  };
  add(context.title, FIELD_WEIGHT.title);
  for (const q of context.queries ?? []) add(q, FIELD_WEIGHT.queries);
  for (const k of context.keywords ?? []) add(k, FIELD_WEIGHT.keywords);
  for (const surface of urlSurfaceWords(context.url)) {
    const t = stem(surface);
    if (!words.has(t)) words.set(t, { weight: FIELD_WEIGHT.url, surface });
  }
  add(context.excerpt, FIELD_WEIGHT.excerpt);
  return words;
}

/** Trust in a share of `n` sessions: one session is weak evidence, ten is good. */
function confidence(n: number): number {
  return n / (n + 1);
}

interface Evidence {
  score: number;
  reasons: { reason: SuggestionReason; contribution: number }[];
}

/**
 * Up to `limit` skills for the page or session being tagged, best first, each with the
 * reasons behind it. Skills in `context.skills` are left out. A skill with no evidence
 * at all is never suggested, so a new learner sees nothing rather than noise.
 * @example suggest(index, { url, title, excerpt, queries }, Date.now())[0] // { skillId, name: 'CSS', score, reasons: [{ kind: 'site', domain: 'developer.mozilla.org', sessions: 4 }] }
 */
export function suggest(
  index: SuggestionIndex,
  context: SuggestionContext,
  now: number,
  limit = 3,
): Suggestion[] {
  const W = index.options.weights;
  const found = new Map<string, Evidence>();
  const give = (skillId: string, contribution: number, reason?: SuggestionReason) => {
    if (!(contribution > 0) || !index.skills.has(skillId)) return;
    let e = found.get(skillId);
    if (!e) {
      e = { score: 0, reasons: [] };
      found.set(skillId, e);
    }
    e.score += contribution;
    if (reason) e.reasons.push({ reason, contribution });
  };

  // The same session tagged before (another page of one search): the learner's own answer.
  const own = context.sessionId ? index.bySession.get(context.sessionId) : undefined;
  for (const id of own ?? []) give(id, W.sameSession, { kind: 'same-session' });

  // The same search run before.
  const bestQuery = new Map<string, { share: number; query: string }>();
  for (const q of context.queries ?? []) {
    const b = index.byQuery.get(queryKey(q));
    if (!b) continue;
    for (const [id, s] of b.skills) {
      const share = (s.w / b.w) * confidence(b.n);
      if (share > (bestQuery.get(id)?.share ?? 0)) bestQuery.set(id, { share, query: q });
    }
  }
  for (const [id, { share, query }] of bestQuery) {
    give(id, W.sameSearch * share, { kind: 'same-search', query });
  }

  // The same site: the share of its past sessions each skill has.
  const domain = context.domain || domainOf(context.url);
  const site = domain ? index.byDomain.get(domain) : undefined;
  if (site) {
    const trust = confidence(site.n);
    for (const [id, s] of site.skills) {
      give(id, W.site * (s.w / site.w) * trust, { kind: 'site', domain, sessions: s.n });
    }
  }

  const words = contextWords(context);

  // Shared words: each known word votes for the skills of the sessions that had it, rarer
  // words louder (inverse document frequency); the vote is normalised over known words so
  // a long excerpt does not outshout a short title.
  const total = Math.max(1, index.all.n);
  const votes = new Map<string, { sum: number; words: { surface: string; v: number }[] }>();
  let norm = 0;
  for (const [t, cw] of words) {
    const b = index.byWord.get(t);
    if (!b) continue;
    const v = cw.weight * Math.log(1 + total / b.n);
    norm += v;
    const trust = confidence(b.n);
    for (const [id, s] of b.skills) {
      const share = (s.w / b.w) * trust;
      const entry = votes.get(id) ?? { sum: 0, words: [] };
      entry.sum += v * share;
      entry.words.push({ surface: cw.surface, v: v * share });
      votes.set(id, entry);
    }
  }
  for (const [id, { sum, words: ws }] of votes) {
    const top = ws
      .sort((a, b) => b.v - a.v)
      .slice(0, 3)
      .map((x) => x.surface);
    give(id, (W.words * sum) / norm, { kind: 'words', words: top });
  }

  // The page names the skill: the best-matching of its name and aliases, each word weighed
  // by how few skills share it and by where on the page it stands.
  const nameScore = new Map<string, { score: number; words: string[] }>();
  const seenForms = new Set<NameForm>();
  for (const w of words.keys()) {
    for (const f of index.nameForms.get(w) ?? []) {
      if (seenForms.has(f)) continue;
      seenForms.add(f);
      let got = 0;
      let all = 0;
      const matched: string[] = [];
      for (const fw of f.words) {
        const u = 1 / (index.nameWordSkills.get(fw) ?? 1);
        all += u;
        const cw = words.get(fw);
        if (cw) {
          got += u * cw.weight;
          matched.push(cw.surface);
        }
      }
      const score = all > 0 ? got / all : 0;
      if (score > (nameScore.get(f.skillId)?.score ?? 0)) {
        nameScore.set(f.skillId, { score, words: matched });
      }
    }
  }
  for (const [id, { score, words: ws }] of nameScore) {
    give(id, W.name * score, { kind: 'name', words: ws });
  }

  // How often and how recently: a weak prior that breaks ties and fills empty pages.
  if (index.all.w > 0) {
    for (const [id, s] of index.all.skills) {
      give(id, (W.often * s.w) / index.all.w, { kind: 'often', sessions: s.n });
      const last = index.lastUsed.get(id);
      if (last !== undefined) {
        const age = Math.max(0, now - last);
        give(id, W.recent * 2 ** (-age / index.options.recentHalfLifeMs), {
          kind: 'recent',
          lastUsedAt: last,
        });
      }
    }
  }

  const chosen = new Set(context.skills ?? []);
  const ranked = [...found.entries()]
    .filter(([id]) => !chosen.has(id))
    .sort(
      ([a, x], [b, y]) =>
        y.score - x.score || index.skills.get(a)!.name.localeCompare(index.skills.get(b)!.name),
    )
    .slice(0, Math.max(0, limit));
  return ranked.map(([skillId, e]) => ({
    skillId,
    name: index.skills.get(skillId)!.name,
    score: e.score,
    reasons: explain(e),
  }));
}

/** The reasons worth showing: those that made a real part of the score, strongest first. */
function explain(e: Evidence): SuggestionReason[] {
  const sorted = [...e.reasons].sort((a, b) => b.contribution - a.contribution);
  const kept = sorted.filter((r, i) => i === 0 || r.contribution >= 0.15 * e.score);
  return kept.map((r) => r.reason);
}

/**
 * Suggestions in one call, for a history read once: builds the index and ranks.
 * @example suggestSkills({ url, title, queries }, { sessions, skills }, Date.now()).map((s) => s.name) // ['CSS', 'Accessibility']
 */
export function suggestSkills(
  context: SuggestionContext,
  history: SuggestionHistory,
  now: number,
  limit = 3,
): Suggestion[] {
  return suggest(buildSuggestionIndex(history), context, now, limit);
}

// ---------------------------------------------------------------------------------------
// Reading the database

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
  return s !== undefined && s.skills.length > 0 && s.status !== 'dismissed';
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
