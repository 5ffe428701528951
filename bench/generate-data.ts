/**
 * A seeded, realistic history for scale benchmarks: about ten heavy years of one learner
 * who moved between the interests of the benchmark personas (web development, nursing,
 * data analysis, languages, project management, IT support), read mostly in waking hours,
 * searched, watched, tagged most sessions, wrote notes on some and captured a few pages.
 *
 * Pure (no browser or Node globals), so it runs in Node and inside an extension page,
 * and streams: records come in batches, oldest first, so ten years never sit in memory at
 * once. The same seed and `end` give the same records, ids included.
 */
import type { Capture, Search, Session, SessionKind, Skill, Visit } from '../lib/model';
import { SKILL_COLOURS, skillKey } from '../lib/skills/names';
import {
  ENGINES,
  EXCERPT_SENTENCES,
  GENERAL_DOMAINS,
  PERSONAS,
  QUERY_TEMPLATES,
  TITLE_TEMPLATES,
  VAGUE_TITLES,
  type SkillProfile,
} from './fixtures/learner-personas';
import { pick, type Random, seededRandom } from './seeded-random';

export interface GenerateOptions {
  seed: number;
  sessions: number;
  /** Visits in all; every session has at least one. */
  visits: number;
  skills: number;
  years: number;
  /** The history ends just before this instant (epoch ms). */
  end: number;
}

/** Ten heavy years: 100,000 sessions, 300,000 visits, 500 skills. */
export const SCALE: Omit<GenerateOptions, 'end'> = {
  seed: 20_261_129,
  sessions: 100_000,
  visits: 300_000,
  skills: 500,
  years: 10,
};

export interface DataBatch {
  sessions: Session[];
  visits: Visit[];
  searches: Search[];
  captures: Capture[];
}

const DAY_MS = 86_400_000;
/** Sessions start between 07:00 and 23:30. */
const WAKING_START_MS = 7 * 3_600_000;
const WAKING_MS = 16.5 * 3_600_000;
/** Share of sessions by kind. */
const KIND_SHARES: [SessionKind, number][] = [
  ['reading', 0.6],
  ['search', 0.33],
  ['watching', 0.07],
];
/** How many more pages a session of each kind tends to have than a reading one. */
const VISIT_WEIGHT: Record<SessionKind, number> = {
  reading: 1,
  search: 2.6,
  watching: 0.4,
  away: 0,
};
/** Interests change: the learner focuses on a few skills for a while, then moves on. */
const ERAS = 24;
const FOCUS_PER_ERA = 5;

const NOTES = [
  'Finally understood {T}: write down the one rule that matters.',
  '{T} is simpler than I thought once you compare it with {U}.',
  'Try {T} on the next real task at work.',
  'Key point: {T} only helps when {U} is already in place.',
  'Good overview of {T}; the examples at the end were the useful part.',
  'Reread this before the review meeting. {T} comes up every time.',
  'Did not agree with the part about {U}, check another source.',
  'Summary for the team: {T}, then {U}, in that order.',
];

const between = (rng: Random, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** A version 4 UUID drawn from `rng`: reproducible ids. */
function uuid(rng: Random): string {
  let hex = '';
  for (let i = 0; i < 4; i++) {
    hex += Math.floor(rng() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'page'
  );
}

function fill(template: string, t: string, u: string, s: string): string {
  return template.replaceAll('{T}', t).replaceAll('{U}', u).replaceAll('{S}', s);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every skill profile of every persona, with the persona's language and shared sites. */
interface Interest {
  profile: SkillProfile;
  lang: 'en' | 'es';
  shared: string[];
  /** The skill named after the profile, and skills named after some of its terms. */
  skillId: string;
  termSkills: Map<string, string>;
}

/** Minutes to milliseconds, skewed: most pages take a few minutes, some take long. */
function activeMs(rng: Random, medianMinutes: number): number {
  const skew = Math.exp((rng() + rng() + rng() - 1.5) * 1.6);
  return Math.max(30_000, Math.round(medianMinutes * 60_000 * skew));
}

/**
 * The learner's skills: one per persona skill, then skills named after what those skills
 * cover ("Grid layout", "Async/await") until there are `options.skills`.
 * @example generateSkills(SCALE).length // 500
 */
export function generateSkills(
  options: Pick<GenerateOptions, 'seed' | 'skills' | 'years' | 'end'>,
): Skill[] {
  return interests(options).skills;
}

function interests(options: Pick<GenerateOptions, 'seed' | 'skills' | 'years' | 'end'>): {
  skills: Skill[];
  interests: Interest[];
} {
  const rng = seededRandom(options.seed ^ 0x5eed);
  const start = options.end - options.years * 365 * DAY_MS;
  const skills: Skill[] = [];
  const keys = new Set<string>();
  const add = (name: string, description?: string): string | null => {
    const key = skillKey(name);
    if (!key || keys.has(key) || skills.length >= options.skills) return null;
    keys.add(key);
    const createdAt = start + Math.floor(rng() * (options.end - start) * 0.5);
    const skill: Skill = {
      id: uuid(rng),
      name,
      key,
      aliases: [],
      colour: SKILL_COLOURS[skills.length % SKILL_COLOURS.length]!,
      createdAt,
      updatedAt: createdAt + Math.floor(rng() * (options.end - createdAt)),
    };
    if (description) skill.description = description;
    if (rng() < 0.1) skill.goalMinutes = 30 * between(rng, 1, 8);
    skills.push(skill);
    return skill.id;
  };
  const all: Interest[] = [];
  for (const persona of PERSONAS) {
    for (const profile of [...persona.skills, persona.later]) {
      const skillId = add(profile.name, `What I learn about ${profile.name}.`);
      if (!skillId) continue;
      all.push({
        profile,
        lang: persona.lang,
        shared: persona.sharedDomains,
        skillId,
        termSkills: new Map(),
      });
    }
  }
  // Skills named after terms, round-robin over the interests so every one gets some.
  for (let round = 0; skills.length < options.skills; round++) {
    let added = 0;
    for (const interest of all) {
      const term = interest.profile.terms[round];
      if (!term) continue;
      const id = add(capitalise(term));
      if (id) {
        interest.termSkills.set(term, id);
        added++;
      }
    }
    if (added === 0) {
      // Every term is a skill already: the rest are levels of the broad skills.
      for (const interest of all) add(`${interest.profile.name} (level ${round})`);
    }
  }
  return { skills, interests: all };
}

/** Counts the generator will produce, known before it runs. */
export interface GeneratedPlan {
  kinds: Uint8Array;
  visitCounts: Uint16Array;
  startedAt: Float64Array;
}

function plan(options: GenerateOptions): GeneratedPlan {
  const rng = seededRandom(options.seed ^ 0x9a17);
  const n = options.sessions;
  const kinds = new Uint8Array(n);
  const weights = new Float64Array(n);
  const gaps = new Float64Array(n);
  let weightSum = 0;
  let gapSum = 0;
  for (let i = 0; i < n; i++) {
    let r = rng();
    let k = 0;
    while (k < KIND_SHARES.length - 1 && r >= KIND_SHARES[k]![1]) r -= KIND_SHARES[k++]![1];
    kinds[i] = k;
    weights[i] = VISIT_WEIGHT[KIND_SHARES[k]![0]] * (0.2 + rng() * 1.6);
    weightSum += weights[i]!;
    // Exponential gaps: sessions come in bursts and lulls, as real ones do.
    gaps[i] = -Math.log(1 - rng() * 0.999_999);
    gapSum += gaps[i]!;
  }
  // Extra visits shared out by weight, exactly: the total is `options.visits`.
  const visitCounts = new Uint16Array(n);
  const extra = Math.max(0, options.visits - n);
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    cumulative += weights[i]!;
    const upTo = Math.round((extra * cumulative) / weightSum);
    visitCounts[i] = 1 + Math.min(400, upTo - given);
    given = upTo;
  }
  // Start times along waking hours only, oldest first.
  const days = Math.floor((options.years * 365 * DAY_MS) / DAY_MS);
  const firstDay = options.end - days * DAY_MS;
  const startedAt = new Float64Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offset += gaps[i]!;
    // Leave the last hours of the last day for the session to end in.
    const waking = (offset / gapSum) * (days * WAKING_MS - 3_600_000);
    const day = Math.floor(waking / WAKING_MS);
    startedAt[i] = Math.round(firstDay + day * DAY_MS + WAKING_START_MS + (waking % WAKING_MS));
  }
  return { kinds, visitCounts, startedAt };
}

/**
 * The history after `generateSkills`, in batches of `batchSize` sessions with their visits,
 * searches and captures, oldest first.
 * @example for (const batch of generateData({ ...SCALE, end: Date.now() })) await store(batch);
 */
export function* generateData(options: GenerateOptions, batchSize = 5000): Generator<DataBatch> {
  const { interests: all } = interests(options);
  const { kinds, visitCounts, startedAt } = plan(options);
  const rng = seededRandom(options.seed);
  const n = options.sessions;
  let batch: DataBatch = { sessions: [], visits: [], searches: [], captures: [] };
  let focus: Interest[] = [];
  for (let i = 0; i < n; i++) {
    const era = Math.floor((i * ERAS) / n);
    if (i === 0 || Math.floor(((i - 1) * ERAS) / n) !== era) {
      focus = Array.from({ length: FOCUS_PER_ERA }, () => pick(rng, all));
    }
    const interest = rng() < 0.8 ? pick(rng, focus) : pick(rng, all);
    const kind = KIND_SHARES[kinds[i]!]![0];
    const at = startedAt[i]!;
    // Ordered by start time, then one session cannot run into the next's start by much.
    const made = makeSession(rng, interest, kind, i, at, visitCounts[i]!, options.end);
    batch.sessions.push(made.session);
    batch.visits.push(...made.visits);
    batch.searches.push(...made.searches);
    if (made.capture) batch.captures.push(made.capture);
    if (batch.sessions.length >= batchSize) {
      yield batch;
      batch = { sessions: [], visits: [], searches: [], captures: [] };
    }
  }
  if (batch.sessions.length > 0) yield batch;
}

function makeSession(
  rng: Random,
  interest: Interest,
  kind: SessionKind,
  index: number,
  startedAt: number,
  visitCount: number,
  end: number,
): { session: Session; visits: Visit[]; searches: Search[]; capture: Capture | null } {
  const { profile, lang } = interest;
  const sessionId = uuid(rng);
  const term = pick(rng, profile.terms);
  const other = pick(rng, profile.terms);
  const titleOf = (t: string, u: string) =>
    rng() < 0.04
      ? pick(rng, VAGUE_TITLES)
      : fill(
          profile.titles && rng() < 0.4
            ? pick(rng, profile.titles)
            : pick(rng, TITLE_TEMPLATES[lang]),
          t,
          u,
          profile.name,
        );
  const domainOf = () =>
    rng() < 0.7
      ? pick(rng, profile.domains)
      : rng() < 0.6
        ? pick(rng, interest.shared)
        : pick(rng, GENERAL_DOMAINS);

  const searches: Search[] = [];
  const engine = pick(rng, ENGINES);
  if (kind === 'search') {
    const queries = between(rng, 1, 4);
    for (let q = 0; q < queries; q++) {
      const query = fill(
        pick(rng, QUERY_TEMPLATES[lang]),
        q === 0 ? term : pick(rng, profile.terms),
        other,
        profile.name.toLowerCase(),
      );
      searches.push({
        id: uuid(rng),
        sessionId,
        engine: engine.id,
        query,
        url: engine.url + encodeURIComponent(query).replaceAll('%20', '+'),
        at: startedAt + q * between(rng, 20_000, 240_000),
      });
    }
  }

  const visits: Visit[] = [];
  let clock = startedAt + (kind === 'search' ? 15_000 : 0);
  // A third of reading sessions return to a well-known page; the rest read a page of their own.
  const popular = kind === 'reading' && rng() < 0.3;
  for (let v = 0; v < visitCount; v++) {
    const domain = kind === 'watching' ? 'youtube.com' : domainOf();
    const t = v === 0 ? term : pick(rng, profile.terms);
    const title = kind === 'watching' ? `${capitalise(t)} explained - YouTube` : titleOf(t, other);
    const url =
      kind === 'watching'
        ? `https://www.youtube.com/watch?v=${uuid(rng).slice(0, 11)}`
        : popular && v === 0
          ? `https://${domain}/${slug(t)}`
          : `https://${domain}/${slug(title)}-${index.toString(36)}${v ? `-${v}` : ''}`;
    const ms = activeMs(rng, kind === 'search' ? 2 : kind === 'watching' ? 9 : 4);
    const visit: Visit = {
      id: uuid(rng),
      sessionId,
      url,
      title,
      domain,
      startedAt: clock,
      endedAt: clock + ms + between(rng, 0, 120_000),
      activeMs: ms,
    };
    if (rng() < 0.4) visit.maxScrollPct = between(rng, 5, 100);
    if (kind !== 'watching' && rng() < 0.5) {
      visit.wordCount = between(rng, 150, 6000);
      visit.readerable = rng() < 0.85;
    }
    if (searches.length > 0) visit.searchId = pick(rng, searches).id;
    if (kind === 'watching') visit.watching = true;
    visits.push(visit);
    clock = visit.endedAt + between(rng, 5_000, 90_000);
  }

  const first = visits[0]!;
  const last = visits[visits.length - 1]!;
  const total = visits.reduce((sum, v) => sum + v.activeMs, 0);
  const tagged = rng() < 0.7;
  const skills: string[] = [];
  if (tagged) {
    const named = interest.termSkills.get(term);
    skills.push(named && rng() < 0.5 ? named : interest.skillId);
    if (rng() < 0.2) skills.push(named && skills[0] !== named ? named : interest.skillId);
  }
  const status = rng() < 0.04 ? 'dismissed' : tagged || rng() < 0.3 ? 'kept' : 'auto';
  const note = rng() < 0.18 ? fill(pick(rng, NOTES), term, other, profile.name) : '';
  const endedAt = Math.min(last.endedAt, end - 1);
  const session: Session = {
    id: sessionId,
    kind,
    startedAt,
    endedAt,
    activeMs: total,
    title: kind === 'search' ? searches[0]!.query : first.title,
    url: kind === 'search' ? searches[0]!.url : first.url,
    domain: kind === 'search' ? engine.domain : first.domain,
    skills: [...new Set(skills)],
    note,
    status,
    provenance: 'measured',
    updatedAt: Math.min(end - 1, endedAt + (status === 'auto' ? 0 : between(rng, 0, 3 * DAY_MS))),
  };
  if (kind === 'search') session.engine = engine.id;

  let capture: Capture | null = null;
  if (kind === 'reading' && !popular && rng() < 0.12) {
    capture = {
      id: uuid(rng),
      url: first.url,
      sessionId,
      title: first.title,
      siteName: first.domain,
      lang,
      excerpt: fill(pick(rng, EXCERPT_SENTENCES[lang]), term, other, profile.name),
      wordCount: first.wordCount ?? between(rng, 300, 4000),
      readerable: true,
      capturedAt: first.startedAt + between(rng, 10_000, 300_000),
    };
    if (rng() < 0.5)
      capture.byline = `By ${pick(rng, ['Ada', 'Lin', 'Sam', 'Noor', 'Jo'])} ${pick(rng, ['Rivera', 'Okafor', 'Berg', 'Tanaka', 'Costa'])}`;
    if (rng() < 0.4)
      capture.publishedTime = new Date(
        first.startedAt - between(rng, 0, 900) * DAY_MS,
      ).toISOString();
  }
  return { session, visits, searches, capture };
}
