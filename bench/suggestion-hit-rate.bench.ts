/**
 * Labelled replay of skill suggestions. A seeded generator writes the tagged histories of
 * learners of several personas (web developer, nurse, data analyst, language learner,
 * project manager, IT support technician) with the noise real histories have: sites used
 * for several skills, search engines and video sites used for everything, titles that say
 * nothing ("Watch later"), a term borrowed from another skill, a skill taken up part way
 * through, sessions tagged with two skills, and the odd inconsistent tag.
 *
 * After each learner's first 20 tagged sessions, every next session is a question: given
 * only what the popup would know (URL, title, excerpt, queries), are the learner's own
 * tags among the suggestions? The session is then added to the history and the replay
 * goes on. Run: npx vite-node bench/suggestion-hit-rate.bench.ts
 */
import { performance } from 'node:perf_hooks';
import type { Skill } from '../lib/model';
import { suggest, type SuggestionContext } from '../lib/suggest/rank';
import {
  addToSuggestionIndex,
  buildSuggestionIndex,
  DEFAULT_SUGGEST_OPTIONS,
  type SuggestOptions,
  type SuggestionIndex,
  type TaggedSession,
} from '../lib/suggest/skill-index';
import { report, median } from './report';
import {
  ENGINES,
  EXCERPT_SENTENCES,
  GENERAL_DOMAINS,
  PERSONAS,
  QUERY_TEMPLATES,
  TITLE_TEMPLATES,
  VAGUE_TITLES,
  type Persona,
  type SkillProfile,
} from './fixtures/learner-personas';
import { pick, type Random, seededRandom } from './seeded-random';

const WARM_UP = 20;
const SESSIONS_PER_LEARNER = 160;
const LEARNERS_PER_PERSONA = 6;
const DAY = 86_400_000;

/** Earlier items more often (Zipf-like): the sites a learner returns to. */
const pickSkewed = <T>(r: Random, list: readonly T[]): T =>
  list[Math.min(list.length - 1, Math.floor(list.length * r() * r()))]!;
function pickWeighted(r: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fill(template: string, r: Random, skill: SkillProfile, other: SkillProfile): string {
  const t = pick(r, skill.terms);
  // {U}: a second term, sometimes from another of the learner's skills (real pages compare).
  let u = pick(r, r() < 0.3 ? other.terms : skill.terms);
  if (u === t) u = pick(r, skill.terms);
  return template
    .replace('{T}', t)
    .replace('{U}', u)
    .replace('{S}', skill.name.toLowerCase())
    .replace('{N}', String(1000 + Math.floor(r() * 30000)));
}

interface Generated {
  session: TaggedSession;
  context: SuggestionContext;
}

/** One learner's tagged sessions, oldest first, and the skills in the order they appear. */
function generateLearner(persona: Persona, seed: number): { sessions: Generated[] } {
  const r = seededRandom(seed);
  // Learners have side interests: one or two skills of another persona (a nurse learning
  // Excel, a developer learning Spanish), with their sites and vocabulary.
  const others = PERSONAS.filter((p) => p !== persona).flatMap((p) => p.skills);
  const side: SkillProfile[] = [];
  for (let n = 1 + Math.floor(r() * 2); side.length < n;) {
    const s = pick(r, others);
    if (!side.includes(s) && !persona.skills.some((own) => own.name === s.name)) side.push(s);
  }
  const all = [...persona.skills, ...side, persona.later];
  // Each learner leans on some skills more than others; side interests less.
  const base = all
    .slice(0, -1)
    .map((_, k) => (k < persona.skills.length ? 0.3 + r() * 1.7 : 0.2 + r() * 0.5));
  const laterFrom = 40 + Math.floor(r() * 50);
  let focus = Math.floor(r() * persona.skills.length);
  let t = Date.UTC(2025, 8, 1) + Math.floor(r() * 60) * DAY;
  const sessions: Generated[] = [];

  for (let i = 0; i < SESSIONS_PER_LEARNER; i++) {
    if (r() < 1 / 15) focus = Math.floor(r() * all.length);
    if (focus === all.length - 1 && i < laterFrom) focus = 0;
    const weights = all.map((_, k) => {
      if (k === all.length - 1) return i < laterFrom ? 0 : i < laterFrom + 15 ? 3 : 1;
      return base[k]!;
    });
    weights[focus] = (weights[focus] ?? 0) + 2;
    const k = pickWeighted(r, weights);
    const skill = all[k]!;
    const other = pick(
      r,
      all.filter((s, j) => s !== skill && (j < all.length - 1 || i >= laterFrom)),
    );

    // What the learner tags: usually the skill, sometimes a second one, rarely a slip.
    let tags = [skill.name];
    if (r() < 0.12) tags.push(other.name);
    if (r() < 0.04) tags = [other.name];

    t += Math.floor(r() * r() * 2.5 * DAY) + 5 * 60_000;
    const isSearch = r() < 0.35;
    let context: SuggestionContext;
    let domain: string;
    let title: string;
    let url: string;
    const queries: string[] = [];

    if (isSearch) {
      const engine = pick(r, ENGINES);
      const n = 1 + Math.floor(r() * r() * 3);
      for (let q = 0; q < n; q++) {
        queries.push(fill(pick(r, QUERY_TEMPLATES[persona.lang]), r, skill, other).toLowerCase());
      }
      domain = engine.domain;
      title = queries[0]!;
      url = `${engine.url}${encodeURIComponent(queries[0]!)}`;
      context = { url, domain, title, queries, engine: engine.id };
    } else {
      const where = r();
      domain =
        where < 0.62
          ? pickSkewed(r, skill.domains)
          : where < 0.88
            ? pick(r, persona.sharedDomains)
            : pick(r, GENERAL_DOMAINS);
      const vague = r() < 0.12;
      const own = skill.titles && skill.domains.includes(domain) && r() < 0.5;
      title = vague
        ? pick(r, VAGUE_TITLES)
        : fill(
            own ? pick(r, skill.titles!) : pick(r, TITLE_TEMPLATES[persona.lang]),
            r,
            skill,
            other,
          );
      url =
        vague || r() < 0.4
          ? `https://${domain}/p/${Math.floor(r() * 1e9).toString(36)}`
          : `https://${domain}/${slug(title).slice(0, 60)}`;
      const excerpt =
        !vague && r() < 0.6
          ? [0, 1]
              .map(() => fill(pick(r, EXCERPT_SENTENCES[persona.lang]), r, skill, other))
              .join(' ')
          : undefined;
      context = { url, domain, title, excerpt };
    }
    const id = `${seed}-${i}`;
    sessions.push({
      session: { id, domain, title, url, queries, skills: tags, updatedAt: t },
      context: { ...context, sessionId: id },
    });
  }
  return { sessions };
}

interface Tally {
  asked: number;
  top1: number;
  top3: number;
  newSkill: number;
  /** The baseline: the learner's three most used skills so far, whatever the page. */
  frequentTop1: number;
  frequentTop3: number;
  latencies: number[];
}

/** Replays one learner; skills exist from the first session that uses them. */
function replay(
  persona: Persona,
  seed: number,
  tally: Tally,
  options: Partial<SuggestOptions> = {},
): void {
  const { sessions } = generateLearner(persona, seed);
  const library = new Map<string, Pick<Skill, 'id' | 'name' | 'aliases'>>();
  const history: TaggedSession[] = [];
  let index: SuggestionIndex | undefined;
  const uses = new Map<string, number>();
  for (const [i, { session, context }] of sessions.entries()) {
    const known = session.skills.every((s) => library.has(s));
    if (i >= WARM_UP && index) {
      const start = performance.now();
      const got = suggest(index, context, session.updatedAt - 60_000);
      tally.latencies.push(performance.now() - start);
      tally.asked++;
      const truth = new Set(session.skills);
      if (got[0] && truth.has(got[0].skillId)) tally.top1++;
      if (got.some((s) => truth.has(s.skillId))) tally.top3++;
      if (!known) tally.newSkill++;
      const frequent = [...uses.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id]) => id);
      if (frequent[0] && truth.has(frequent[0])) tally.frequentTop1++;
      if (frequent.some((id) => truth.has(id))) tally.frequentTop3++;
    }
    for (const id of session.skills) uses.set(id, (uses.get(id) ?? 0) + 1);
    history.push(session);
    if (!known || !index) {
      // The learner created a skill while tagging: the index learns its name.
      for (const name of session.skills) library.set(name, { id: name, name, aliases: [] });
      index = buildSuggestionIndex({ sessions: history, skills: [...library.values()] }, options);
    } else {
      addToSuggestionIndex(index, session);
    }
  }
}

function newTally(): Tally {
  return {
    asked: 0,
    top1: 0,
    top3: 0,
    newSkill: 0,
    frequentTop1: 0,
    frequentTop3: 0,
    latencies: [],
  };
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

function runSeeds(
  firstSeed: number,
  options: Partial<SuggestOptions> = {},
): { rows: Record<string, string | number>[]; total: Tally } {
  const total = newTally();
  const rows: Record<string, string | number>[] = [];
  for (const [p, persona] of PERSONAS.entries()) {
    const tally = newTally();
    for (let l = 0; l < LEARNERS_PER_PERSONA; l++) {
      replay(persona, firstSeed + p * 1000 + l, tally, options);
    }
    rows.push({
      persona: persona.id,
      asked: tally.asked,
      'top-1': round(tally.top1 / tally.asked),
      'top-3': round(tally.top3 / tally.asked),
      'top-3, most used': round(tally.frequentTop3 / tally.asked),
      'top-1, most used': round(tally.frequentTop1 / tally.asked),
      'first use of a skill': tally.newSkill,
    });
    total.frequentTop1 += tally.frequentTop1;
    total.frequentTop3 += tally.frequentTop3;
    total.asked += tally.asked;
    total.top1 += tally.top1;
    total.top3 += tally.top3;
    total.newSkill += tally.newSkill;
    total.latencies.push(...tally.latencies);
  }
  return { rows, total };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A long history (one heavy learner, thousands of sessions): build time and latency. */
function scale(size: number) {
  const persona = PERSONAS[0]!;
  const sessions: Generated[] = [];
  for (let seed = 1; sessions.length < size + 200; seed++) {
    sessions.push(...generateLearner(persona, 90_000 + seed).sessions);
  }
  const past = sessions.slice(0, size).map((g) => g.session);
  const skills = [...new Set(past.flatMap((s) => s.skills))].map((name) => ({
    id: name,
    name,
    aliases: [],
  }));
  // The index built and a JSON round trip of the same history (the floor), alternated.
  const builds: number[] = [];
  const roundTrips: number[] = [];
  let index = buildSuggestionIndex({ sessions: past, skills });
  for (let round = 0; round < 5; round++) {
    const build = () => {
      const start = performance.now();
      index = buildSuggestionIndex({ sessions: past, skills });
      builds.push(performance.now() - start);
    };
    const roundTrip = () => {
      const start = performance.now();
      JSON.parse(JSON.stringify({ sessions: past, skills }));
      roundTrips.push(performance.now() - start);
    };
    for (const run of round % 2 ? [roundTrip, build] : [build, roundTrip]) run();
  }
  const times: number[] = [];
  const contextTrips: number[] = [];
  for (const { context, session } of sessions.slice(size, size + 200)) {
    const s = performance.now();
    suggest(index, context, session.updatedAt);
    times.push(performance.now() - s);
    const t = performance.now();
    JSON.parse(JSON.stringify(context));
    contextTrips.push(performance.now() - t);
  }
  return {
    buildMs: median(builds),
    roundTripMs: median(roundTrips),
    p50: median(times),
    p95: percentile(times, 0.95),
    contextTripP95: percentile(contextTrips, 0.95),
  };
}

const main = runSeeds(1);
const check = runSeeds(7_000_000);
// What each signal adds: the top-3 hit rate with that signal switched off.
const ablation: Record<string, number> = {};
for (const signal of Object.keys(
  DEFAULT_SUGGEST_OPTIONS.weights,
) as (keyof SuggestOptions['weights'])[]) {
  const weights = { ...DEFAULT_SUGGEST_OPTIONS.weights, [signal]: 0 };
  const { total } = runSeeds(1, { weights });
  ablation[`without ${signal}`] = round(total.top3 / total.asked);
}
console.log('top-3 hit rate with one signal off:', ablation);
const big = scale(5000);
const top3 = main.total.top3 / main.total.asked;
const top1 = main.total.top1 / main.total.asked;

report('suggestion-hit-rate', {
  rows: [
    ...main.rows,
    {
      persona: 'all',
      asked: main.total.asked,
      'top-1': round(top1),
      'top-3': round(top3),
      'top-3, most used': round(main.total.frequentTop3 / main.total.asked),
      'top-1, most used': round(main.total.frequentTop1 / main.total.asked),
      'first use of a skill': main.total.newSkill,
    },
    {
      persona: 'all, other seeds',
      asked: check.total.asked,
      'top-1': round(check.total.top1 / check.total.asked),
      'top-3': round(check.total.top3 / check.total.asked),
      'top-3, most used': round(check.total.frequentTop3 / check.total.asked),
      'top-1, most used': round(check.total.frequentTop1 / check.total.asked),
      'first use of a skill': check.total.newSkill,
    },
  ],
  budgets: [
    {
      name: 'top-3 hit rate after 20 tagged sessions',
      value: top3,
      unit: '',
      limit: 0.8,
      atLeast: true,
    },
    { name: 'top-1 hit rate (reported)', value: top1, unit: '', limit: 0, atLeast: true },
    {
      name: 'suggest latency p95, replay histories',
      value: percentile(main.total.latencies, 0.95),
      unit: 'ms',
      floor: { name: "a JSON round trip of a session's context (p95)", value: big.contextTripP95 },
      limit: 50,
    },
    {
      name: 'suggest latency p95, 5000-session history',
      value: big.p95,
      unit: 'ms',
      floor: {
        name: "a JSON round trip of the session's context (p95)",
        value: big.contextTripP95,
      },
      limit: 50,
    },
    {
      name: 'index build, 5000-session history',
      value: big.buildMs,
      unit: 'ms',
      floor: { name: 'a JSON round trip of the same history', value: big.roundTripMs },
      limit: 20,
    },
  ],
  extra: {
    ablationTop3: ablation,
    warmUp: WARM_UP,
    sessionsPerLearner: SESSIONS_PER_LEARNER,
    learnersPerPersona: LEARNERS_PER_PERSONA,
    latencyMsP50: median(main.total.latencies),
    scale5000: big,
  },
});
