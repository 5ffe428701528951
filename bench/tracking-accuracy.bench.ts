// How well automatic tracking recovers what a learner really did: ≥ 200 seeded, labelled
// browsing traces (bench/tracking-traces.ts) through lib/tracking, scored against their
// ground truth, with the background alone and with the engagement script.
import type { Search, Session, Visit } from '../lib/model';
import { parseSearchUrl } from '../lib/search-engines';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { planWrites } from '../lib/tracking/records';
import { emptyTrackerState } from '../lib/tracking/state';
import { step } from '../lib/tracking/tracker';
import { report } from './report';
import { generateTraces, type LabelledTrace, type TruthItem } from './tracking-traces';

/** The learner said yes on the welcome page: recording runs. */
const SETTINGS = { ...DEFAULT_SETTINGS, trackingConsent: true };

const TRACES = 240;
const SEED = 20260302;
/** Matched records may start or end this far outside the truth's own span. */
const SLACK_MS = 5 * 60_000;

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  truthMs: number;
  absErrorMs: number;
  signedErrorMs: number;
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, truthMs: 0, absErrorMs: 0, signedErrorMs: 0 });

function run(trace: LabelledTrace) {
  let state = emptyTrackerState();
  let n = 0;
  const newId = () => `t${trace.seed}-${++n}`;
  const sessions = new Map<string, Session>();
  const visits = new Map<string, Visit>();
  const searches = new Map<string, Search>();
  for (const [i, { at, event }] of trace.events.entries()) {
    // Every so often the state goes through JSON, as when the worker stops and restarts.
    if (i % 17 === 0) state = JSON.parse(JSON.stringify(state));
    const result = step(state, event, SETTINGS, at, newId);
    state = result.state;
    const planned = planWrites(result.writes, sessions);
    for (const s of planned.sessions) sessions.set(s.id, s);
    for (const v of planned.visits) visits.set(v.id, v);
    for (const s of planned.searches) searches.set(s.id, s);
  }
  return { sessions, visits, searches };
}

function overlaps(start: number, end: number, item: TruthItem): boolean {
  return start <= item.lastAt + SLACK_MS && end >= item.firstAt - SLACK_MS;
}

function score(
  truths: TruthItem[],
  tracked: { url: string; startedAt: number; endedAt: number; activeMs: number; key: string }[],
  keyOf: (t: TruthItem) => string,
  into: Tally,
) {
  const used = new Set<number>();
  for (const truth of truths) {
    const index = tracked.findIndex(
      (r, i) =>
        !used.has(i) &&
        r.url === truth.url &&
        r.key === keyOf(truth) &&
        overlaps(r.startedAt, r.endedAt, truth),
    );
    if (index < 0) {
      into.fn++;
      continue;
    }
    used.add(index);
    into.tp++;
    const got = tracked[index]!.activeMs;
    into.truthMs += truth.attentionMs;
    into.absErrorMs += Math.abs(got - truth.attentionMs);
    into.signedErrorMs += got - truth.attentionMs;
  }
  into.fp += tracked.length - used.size;
}

function evaluate(engagement: boolean, longPauseShare?: number) {
  const traces = generateTraces(TRACES, SEED, { engagement, longPauseShare });
  const reading = tally();
  const links = tally();
  let events = 0;
  let glancesStored = 0;
  for (const trace of traces) {
    events += trace.events.length;
    const { sessions, visits, searches } = run(trace);
    const threshold = DEFAULT_SETTINGS.minReadingMs;

    const trueReads = trace.truth.filter((t) => t.kind === 'read' && t.attentionMs >= threshold);
    const trackedReads = [...sessions.values()]
      .filter((s) => s.kind === 'reading' || s.kind === 'watching')
      .map((s) => ({ ...s, key: '' }));
    score(trueReads, trackedReads, () => '', reading);
    const glanced = new Set(trace.truth.filter((t) => t.attentionMs < threshold).map((t) => t.url));
    glancesStored += trackedReads.filter((s) => glanced.has(s.url)).length;

    const trueResults = trace.truth.filter(
      (t) => t.kind === 'result' && t.attentionMs >= threshold,
    );
    const trackedResults = [...visits.values()]
      .filter((v) => v.searchId && !parseSearchUrl(v.url))
      .map((v) => {
        const search = searches.get(v.searchId!);
        const engine = sessions.get(v.sessionId)?.engine;
        return { ...v, key: `${engine}|${search?.query}` };
      });
    score(trueResults, trackedResults, (t) => `${t.engine}|${t.query}`, links);
  }
  return { traces: traces.length, events, reading, links, glancesStored };
}

const precision = (t: Tally) => t.tp / Math.max(1, t.tp + t.fp);
const recall = (t: Tally) => t.tp / Math.max(1, t.tp + t.fn);
const timeError = (t: Tally) => t.absErrorMs / Math.max(1, t.truthMs);

const modes = [
  { name: 'background only', ...evaluate(false) },
  { name: 'with engagement script', ...evaluate(true) },
];
// How the figures move with the learner's habits: minute-long stillness while reading is
// what the idle rule cannot tell from leaving (reported, not budgeted).
const sensitivity = [0, 0.03, 0.05].map((share) => ({
  name: `background only, ${share * 100}% long pauses`,
  ...evaluate(false, share),
}));

/** One row of the table: how `tally` of one mode measured up. */
function row(mode: string, what: string, tally: Tally) {
  return {
    mode,
    what,
    truth: tally.tp + tally.fn,
    tracked: tally.tp + tally.fp,
    precision: round(precision(tally)),
    recall: round(recall(tally)),
    'time error (abs)': pct(timeError(tally)),
    'time bias': pct(tally.signedErrorMs / Math.max(1, tally.truthMs)),
  };
}

const rows = [...modes, ...sensitivity].flatMap((m) => [
  row(m.name, 'reading sessions', m.reading),
  row(m.name, 'result → query links', m.links),
]);

function round(n: number) {
  return Math.round(n * 1000) / 1000;
}
function pct(n: number) {
  return `${(n * 100).toFixed(2)}%`;
}

const budgets = modes.flatMap((m) => [
  {
    name: `${m.name}: reading precision`,
    value: precision(m.reading),
    unit: '',
    limit: 0.95,
    atLeast: true,
  },
  {
    name: `${m.name}: reading recall`,
    value: recall(m.reading),
    unit: '',
    limit: 0.95,
    atLeast: true,
  },
  {
    name: `${m.name}: link precision`,
    value: precision(m.links),
    unit: '',
    limit: 0.95,
    atLeast: true,
  },
  { name: `${m.name}: link recall`, value: recall(m.links), unit: '', limit: 0.95, atLeast: true },
  {
    name: `${m.name}: active-time error (reading + results)`,
    value:
      ((m.reading.absErrorMs + m.links.absErrorMs) /
        Math.max(1, m.reading.truthMs + m.links.truthMs)) *
      100,
    unit: '%',
    limit: 5,
  },
]);

report('tracking-accuracy', {
  rows,
  budgets,
  extra: {
    traces: TRACES,
    seed: SEED,
    events: Object.fromEntries(modes.map((m) => [m.name, m.events])),
    glancesStoredAsReading: Object.fromEntries(modes.map((m) => [m.name, m.glancesStored])),
    matchSlackMs: SLACK_MS,
  },
});
