/**
 * LRS sync throughput: 10,000 sessions (readings of one to three pages, searches with
 * queries and the pages they reached, a reflection on every fifth) turned into statements
 * by the exporter and queued in the outbox, as the background does on its alarm, then
 * delivered in batches of 50 to a real LRS on loopback (the in-memory test LRS, test/lrs).
 * IndexedDB is fake-indexeddb here. The test LRS scans every statement it holds for each
 * request (its memory store filters arrays), so its share grows with the run: the row
 * "of which outbox bookkeeping" is the figure that belongs to Skilltrail. Reports statements per second for queueing and for delivery, and
 * the peak resident memory of this process (sampled) while it runs. The LRS runs in its
 * own process, so its memory is not counted; its speed is part of the figure. The delivery
 * budget is a ratio: the whole delivery against the time spent waiting on the LRS for the
 * same requests, in the same run (what the outbox adds around them).
 * Run: npx vite-node bench/sync-throughput.bench.ts (with NODE_OPTIONS=--expose-gc the
 * heap retained after the run is recorded too).
 */
import 'fake-indexeddb/auto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Dexie } from 'dexie';
import { openDb } from '../lib/store/db';
import type { Search, Session, Skill, Visit } from '../lib/model';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import type { FetchLike } from '../lib/sync/lrs-exchange';
import { countByState } from '../lib/store/outbox';
import { queueSessionChanges } from '../lib/store/session-statements';
import { DEFAULT_SYNC_SETTINGS } from '../lib/sync/sync-config';
import { syncNow } from '../lib/store/outbox-delivery';
import { startLrs } from '../test/lrs/start';
import { report } from './report';

const SESSIONS = 10_000;
const MB = 2 ** 20;

const peaks = { rss: 0, heap: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peaks.rss = Math.max(peaks.rss, m.rss);
  peaks.heap = Math.max(peaks.heap, m.heapUsed);
};
/** Peaks since the last call, then starts a new phase from the current figures. */
const phase = () => {
  (globalThis as { gc?: () => void }).gc?.();
  sample();
  const seen = { rssMiB: Math.round(peaks.rss / MB), heapMiB: Math.round(peaks.heap / MB) };
  const m = process.memoryUsage();
  peaks.rss = m.rss;
  peaks.heap = m.heapUsed;
  return seen;
};

async function main(): Promise<void> {
  const lrs = await startLrs();
  const db = openDb(`bench-sync-${Date.now()}`);
  const sampler = setInterval(sample, 25);
  try {
    const baseline = phase();
    const t0 = Date.UTC(2026, 0, 5, 8);
    const skills: Skill[] = ['CSS', 'JavaScript', 'Accessibility', 'TypeScript', 'Testing'].map(
      (name, i) => ({
        id: crypto.randomUUID(),
        name,
        key: name.toLowerCase(),
        aliases: [],
        colour: '#1d4ed8',
        createdAt: t0,
        updatedAt: t0 + i,
      }),
    );
    const sessions: Session[] = [];
    const visits: Visit[] = [];
    const searches: Search[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const id = crypto.randomUUID();
      const startedAt = t0 + i * 600_000;
      const kind = i % 3 === 0 ? 'search' : 'reading';
      const pages = 1 + (i % 3);
      sessions.push({
        id,
        kind,
        startedAt,
        endedAt: startedAt + pages * 120_000,
        activeMs: pages * 100_000,
        title: `Session ${i} about ${skills[i % 5]!.name}`,
        url: `https://developer.mozilla.org/docs/${i}`,
        domain: 'developer.mozilla.org',
        skills: [skills[i % 5]!.id, skills[(i * 7 + 1) % 5]!.id],
        note: i % 5 === 0 ? `What I learned in session ${i}.` : '',
        status: 'kept',
        updatedAt: startedAt + pages * 120_000,
      });
      const searchId = kind === 'search' ? crypto.randomUUID() : undefined;
      if (searchId) {
        searches.push({
          id: searchId,
          sessionId: id,
          engine: 'duckduckgo',
          query: `${skills[i % 5]!.name} question ${i}`,
          url: `https://duckduckgo.com/?q=${i}`,
          at: startedAt,
        });
      }
      for (let p = 0; p < pages; p++) {
        visits.push({
          id: crypto.randomUUID(),
          sessionId: id,
          url: `https://developer.mozilla.org/docs/${i}/${p}`,
          title: `Page ${p} of session ${i}`,
          domain: 'developer.mozilla.org',
          startedAt: startedAt + p * 120_000,
          endedAt: startedAt + (p + 1) * 120_000,
          activeMs: 100_000,
          maxScrollPct: 80,
          wordCount: 1500,
          ...(searchId ? { searchId } : {}),
        });
      }
    }
    await db.skills.bulkAdd(skills);
    await db.sessions.bulkAdd(sessions);
    await db.visits.bulkAdd(visits);
    await db.searches.bulkAdd(searches);
    phase();

    const sync = {
      ...DEFAULT_SYNC_SETTINGS,
      enabled: true,
      endpoint: lrs.endpoint,
      key: 'bench',
      secret: 'bench',
    };
    const settings = { ...DEFAULT_SETTINGS, exportPrivacy: 'full' as const };
    const now = t0 + SESSIONS * 600_000 + 86_400_000;
    const q0 = performance.now();
    const queued = await queueSessionChanges(db, sync, settings, now, 'UTC');
    const queueMs = performance.now() - q0;
    const queueMemory = phase();
    const statements = (await countByState(db)).pending;
    if (queued.queued !== statements)
      throw new Error(`Queued ${queued.queued}, pending ${statements}`);

    const platformFetch: FetchLike = (url, init) => fetch(url, init);
    let requests = 0;
    let lrsMs = 0;
    // Time waiting on the LRS (request out, whole answer back), to tell its share from ours.
    const counting: FetchLike = async (url, init) => {
      requests++;
      const t = performance.now();
      const response = await platformFetch(url, init);
      const text = await response.text();
      lrsMs += performance.now() - t;
      return { status: response.status, headers: response.headers, text: async () => text };
    };
    const s0 = performance.now();
    const result = await syncNow(
      db,
      { endpoint: lrs.endpoint, key: 'bench', secret: 'bench' },
      counting,
      () => now,
      { force: true },
    );
    const syncMs = performance.now() - s0;
    const syncMemory = phase();
    // With --expose-gc, what stays after the run (the outbox itself lives in this process).
    const retainedHeapMiB = Math.round(process.memoryUsage().heapUsed / MB);
    if (result.pending !== 0 || result.failed !== 0 || result.sent !== statements) {
      throw new Error(`Sync incomplete: ${JSON.stringify(result)}`);
    }
    const throughput = statements / (syncMs / 1000);
    const peakRss = Math.max(queueMemory.rssMiB, syncMemory.rssMiB);
    report('sync-throughput', {
      rows: [
        {
          step: `build and queue ${SESSIONS} sessions`,
          statements,
          ms: Math.round(queueMs),
          'statements/s': Math.round(statements / (queueMs / 1000)),
          'peak RSS MiB': queueMemory.rssMiB,
          'peak heap MiB': queueMemory.heapMiB,
        },
        {
          step: `deliver in ${requests} POSTs`,
          statements,
          ms: Math.round(syncMs),
          'statements/s': Math.round(throughput),
          'peak RSS MiB': syncMemory.rssMiB,
          'peak heap MiB': syncMemory.heapMiB,
        },
        {
          step: '  of which waiting on the LRS',
          statements,
          ms: Math.round(lrsMs),
          'statements/s': Math.round(statements / (lrsMs / 1000)),
        },
        {
          step: '  of which outbox bookkeeping',
          statements,
          ms: Math.round(syncMs - lrsMs),
          'statements/s': Math.round(statements / ((syncMs - lrsMs) / 1000)),
        },
      ],
      budgets: [
        {
          name: `delivery of ${statements} statements in ${requests} POSTs`,
          value: syncMs / 1000,
          unit: 's',
          floor: { name: 'the time waiting on the LRS for the same POSTs', value: lrsMs / 1000 },
          limit: 1.5,
        },
        { name: 'peak RSS', value: peakRss, unit: 'MiB', limit: 1024 },
      ],
      extra: {
        sessions: SESSIONS,
        statements,
        batchSize: 50,
        loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
        baselineRssMiB: baseline.rssMiB,
        baselineHeapMiB: baseline.heapMiB,
        retainedHeapMiB: (globalThis as { gc?: unknown }).gc
          ? retainedHeapMiB
          : 'run with NODE_OPTIONS=--expose-gc',
        note: 'IndexedDB is fake-indexeddb in Node (it keeps sessions, visits and the outbox in this process); the LRS is xapi-statements@5.0.1 in memory on loopback, in its own process.',
      },
    });
  } finally {
    clearInterval(sampler);
    db.close();
    await Dexie.delete(db.name);
    await lrs.stop();
  }
}

await main();
