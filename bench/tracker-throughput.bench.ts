// Events per second through lib/tracking's step, on realistic browsing events (the labelled
// traces of the accuracy benchmark, with and without engagement messages), with the state
// threaded from event to event as the background does. Writes are planned, not stored.
// The budget is on events per second of CPU time (process.cpuUsage): these machines are
// shared, and wall-clock time there measures the other jobs as much as this code. The
// wall-clock figure is printed beside it. The budget is a ratio: CPU time per event against
// the floor of a JSON round trip of the same events (`JSON.parse(JSON.stringify(event))`),
// alternated with it, so that a slower machine slows both alike.
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { planWrites } from '../lib/tracking/records';
import { emptyTrackerState } from '../lib/tracking/state';
import { step } from '../lib/tracking/tracker';
import { median, report } from './report';
import { generateTraces, type TimedEvent } from './tracking-traces';

/** The learner said yes on the welcome page: recording runs. */
const SETTINGS = { ...DEFAULT_SETTINGS, trackingConsent: true };

const MIN_RUN_MS = 1500;
/**
 * Tracker CPU time per event, at most this many JSON round trips of the event: about 5 here,
 * and the headroom the absolute budget had (100,000 events/s against 319,515).
 */
const RATIO = 15;
const ROUNDS = 5;

const traces = [
  ...generateTraces(120, 7, { engagement: false }),
  ...generateTraces(120, 8, { engagement: true }),
];
const streams: TimedEvent[][] = traces.map((t) => t.events);
const eventCount = streams.reduce((sum, s) => sum + s.length, 0);

let ids = 0;
const newId = () => `id${++ids}`;
const noStored = new Map();

/** Runs every trace once; returns the number of records planned (kept so nothing is optimised away). */
function runAll(): number {
  let records = 0;
  for (const events of streams) {
    let state = emptyTrackerState();
    for (const { at, event } of events) {
      const result = step(state, event, SETTINGS, at, newId);
      state = result.state;
      if (result.writes.sessions.length > 0) {
        records += planWrites(result.writes, noStored).visits.length;
      }
    }
  }
  return records;
}

/** The floor: every event of every trace through a JSON round trip. */
function roundTripAll(): number {
  let length = 0;
  for (const events of streams) {
    for (const { event } of events) length += Object.keys(JSON.parse(JSON.stringify(event))).length;
  }
  return length;
}

/** Events per second of CPU time and of wall-clock time, running `pass` for MIN_RUN_MS. */
function rateOf(pass: () => number): { cpu: number; wall: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  while (performance.now() - started < MIN_RUN_MS) {
    sink += pass();
    events += eventCount;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    cpu: events / ((cpu.user + cpu.system) / 1e6),
    wall: events / ((performance.now() - started) / 1000),
  };
}

let sink = 0;
runAll(); // warm-up: let the JIT settle
roundTripAll();
const cpuRates: number[] = [];
const wallRates: number[] = [];
const floorRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternated, which goes first too.
  const tracker = () => {
    const r = rateOf(runAll);
    cpuRates.push(r.cpu);
    wallRates.push(r.wall);
  };
  const floor = () => floorRates.push(rateOf(roundTripAll).cpu);
  for (const run of round % 2 ? [floor, tracker] : [tracker, floor]) run();
}
const rate = median(cpuRates);
const floorRate = median(floorRates);
const us = (perSecond: number) => Math.round((1e6 / perSecond) * 1000) / 1000;

report('tracker-throughput', {
  rows: [
    {
      traces: traces.length,
      'events per pass': eventCount,
      'events/s (CPU time)': Math.round(rate),
      'µs CPU per event': us(rate),
      'floor: µs CPU per JSON round trip': us(floorRate),
      'events/s (wall clock)': Math.round(median(wallRates)),
    },
  ],
  budgets: [
    {
      name: 'tracker CPU time per event',
      value: us(rate),
      unit: 'µs',
      floor: { name: 'a JSON round trip of the same event', value: us(floorRate) },
      // Each round's tracker run against the round trip beside it.
      pairs: cpuRates.map((r, i) => [1e6 / r, 1e6 / floorRates[i]!] as const),
      limit: RATIO,
    },
  ],
  extra: {
    cpuRounds: cpuRates.map(Math.round),
    wallRounds: wallRates.map(Math.round),
    floorRounds: floorRates.map(Math.round),
    recordsPlanned: sink,
  },
});
