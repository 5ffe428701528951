// Events per second through lib/tracking's step, on realistic browsing events (the labelled
// traces of the accuracy benchmark, with and without engagement messages), with the state
// threaded from event to event as the background does. Writes are planned, not stored.
// The budget is on events per second of CPU time (process.cpuUsage): these machines are
// shared, and wall-clock time there measures the other jobs as much as this code. The
// wall-clock figure is printed beside it.
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { planWrites } from '../lib/tracking/records';
import { emptyTrackerState } from '../lib/tracking/state';
import { step } from '../lib/tracking/tracker';
import { median, report } from './report';
import { generateTraces, type TimedEvent } from './tracking-traces';

const MIN_RUN_MS = 1500;
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
      const result = step(state, event, DEFAULT_SETTINGS, at, newId);
      state = result.state;
      if (result.writes.sessions.length > 0) {
        records += planWrites(result.writes, noStored).visits.length;
      }
    }
  }
  return records;
}

runAll(); // warm-up: let the JIT settle
const cpuRates: number[] = [];
const wallRates: number[] = [];
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  while (performance.now() - started < MIN_RUN_MS) {
    sink += runAll();
    events += eventCount;
  }
  const cpu = process.cpuUsage(cpuBefore);
  cpuRates.push(events / ((cpu.user + cpu.system) / 1e6));
  wallRates.push(events / ((performance.now() - started) / 1000));
}
const rate = median(cpuRates);

report('tracker-throughput', {
  rows: [
    {
      traces: traces.length,
      'events per pass': eventCount,
      'events/s (CPU time)': Math.round(rate),
      'µs CPU per event': Math.round((1e6 / rate) * 100) / 100,
      'events/s (wall clock)': Math.round(median(wallRates)),
    },
  ],
  budgets: [
    { name: 'tracker throughput', value: rate, unit: 'events/s', limit: 100_000, atLeast: true },
  ],
  extra: {
    cpuRounds: cpuRates.map(Math.round),
    wallRounds: wallRates.map(Math.round),
    recordsPlanned: sink,
  },
});
