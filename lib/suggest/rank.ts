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
import { domainOf } from '../url';
import type { NameForm, SuggestionIndex } from './skill-index';
import { queryKey, rawWords, stem, STOP_WORDS, urlSurfaceWords } from './words';

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
