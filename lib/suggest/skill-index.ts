/**
 * The suggestion index: a learner's tagged history counted once (per site, query, word and
 * skill name), so that ranking reads only the buckets of the page at hand.
 */
import type { Skill } from '../model';
import { DAY_MS } from '../time';
import { domainOf } from '../url';
import { queryKey, tokenize, urlWords } from './words';

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
export interface NameForm {
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
