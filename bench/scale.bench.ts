/**
 * Skilltrail after ten heavy years, in real Chromium with the extension loaded. The
 * database is filled from an extension page through the extension's own `openDb()`
 * (bench/generate-data.ts: 100,000 sessions, 300,000 visits, 500 skills, their searches
 * and captures, seeded), then measured where the learner feels it:
 * - the weekly summary: `loadWeek` + `summarise` over the real IndexedDB, in an
 *   extension page (the code the week view runs, bundled for the page: no benchmark page
 *   ships in the build);
 * - the dashboard's week view, first render: navigation start to the first session shown;
 * - search: typing in the week view's search box until the list is painted again;
 * - the popup: toolbar click to interactive (the skill field shown), on an article page;
 * - the full JSON backup through "Export JSON backup" until the file is saved, and its
 *   restore through "Import backup" into a fresh profile until it reports success;
 * - beside them, IndexedDB alone (raw getAll, raw add, one transaction each) over the same
 *   records in the same browser: the platform's floor for the backup and the restore.
 * Reports peak memory of the browser's processes and stored bytes per session.
 * The database is filled in one browser, which is then closed; the figures come from a
 * browser started again on that profile, as a learner's browser would be.
 * Every budget is a ratio to a floor measured beside it (alternated, in the same browser):
 * the week's records read with IndexedDB alone, an empty extension page or popup opened
 * the same way, the same records scanned for the same words, IndexedDB's own read and
 * write of every record.
 * Run: npx vite-node bench/scale.bench.ts [--scale 0.1] [--profile DIR] [--only week,popup]
 * [--quick] (`--quick`: a twentieth of the data, three runs each)
 * (`--scale`: a share of the data, for a try; `--profile`: keep the filled profile in DIR
 * and reuse it next time; `--only`: some of summary, week, search, backup, restore, popup,
 * reported as bench/results/scale-partial.json, never committed).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { shiftWeek, weekOf } from '../lib/time';
import type { ExtensionSession } from '../test/e2e/harness/extension';
import { articleHtml, htmlPage, startServer } from '../test/e2e/harness/server';
import { bundleForPage, launchBench, onEveryNewDocument, sampleBrowserMemory } from './browser';
import { SCALE, type GenerateOptions } from './generate-data';
import { argValue, median, QUICK, report, type Budget } from './report';

/** Quick: a twentieth of the data, fewer runs. */
const SCALE_FACTOR = Number(argValue('--scale') ?? (QUICK ? 0.05 : 1));
const RUNS = QUICK ? 3 : 5;
/** The summary and its floor take milliseconds: more runs steady their medians for nothing. */
const SUMMARY_RUNS = 15;
/** A popup opens in a few hundred milliseconds and varies by tens: more runs steady its median. */
const POPUP_RUNS = QUICK ? 5 : 11;
const SEARCH_WORDS = ['guide', 'grid', 'how does', 'notes'];
const MiB = 2 ** 20;
/** What `loadWeek` reads either side of the week's sessions for their visits and searches. */
const RECORD_MARGIN_MS = 86_400_000;

/** Ratio budgets: each figure against its floor, measured beside it in the same browser. */
const RATIOS = {
  summary: 1.5,
  weekView: 3,
  search: 2,
  popup: 1.5,
  backup: 2.5,
  restore: 1.25,
};

/** What the bundled page code exposes on `globalThis.__skilltrailBench`. */
interface BenchApi {
  openDb: typeof import('../lib/store/db').openDb;
  generateData: typeof import('./generate-data').generateData;
  generateSkills: typeof import('./generate-data').generateSkills;
  loadWeek: typeof import('../lib/store/week').loadWeek;
  reviewOrder: typeof import('../lib/week/review').reviewOrder;
  filterReview: typeof import('../lib/week/review').filterReview;
  NO_FILTER: typeof import('../lib/week/review').NO_FILTER;
  summarise: typeof import('../lib/week/summary').summarise;
}
/** The benchmark's browser: Skilltrail's build and the empty extension beside it. */
type BenchSession = ExtensionSession & { emptyId?: string };

type BenchGlobal = typeof globalThis & {
  __skilltrailBench: BenchApi;
  __benchFill?: { batches: Iterator<import('./generate-data').DataBatch> };
  __firstList?: number;
  __benchRecords?: Record<string, unknown[]>;
  __benchWrite?: { ms: number } | { error: string };
};

const pageEntry = () => {
  const at = (path: string) => JSON.stringify(resolve(path));
  return `
export { openDb } from ${at('lib/store/db.ts')};
export { generateData, generateSkills } from ${at('bench/generate-data.ts')};
export { reviewOrder, filterReview, NO_FILTER } from ${at('lib/week/review.ts')};
export { loadWeek } from ${at('lib/store/week.ts')};
export { summarise } from ${at('lib/week/summary.ts')};
`;
};

const r0 = (n: number) => Math.round(n);
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Fills the extension's database from `page`, in batches; returns counts and time. */
async function fillDatabase(page: Page, options: GenerateOptions) {
  const t0 = performance.now();
  await page.evaluate(async (o) => {
    const g = globalThis as BenchGlobal;
    const bench = g.__skilltrailBench;
    const db = bench.openDb();
    await db.skills.bulkPut(bench.generateSkills(o));
    g.__benchFill = { batches: bench.generateData(o, 2500) };
    db.close();
  }, options);
  const counts = { sessions: 0, visits: 0, searches: 0, captures: 0, skills: options.skills };
  for (;;) {
    // A few batches per call: progress shows, and no call nears the protocol timeout.
    const step = await page.evaluate(async () => {
      const g = globalThis as BenchGlobal;
      const db = g.__skilltrailBench.openDb();
      const got = { sessions: 0, visits: 0, searches: 0, captures: 0, done: false };
      try {
        for (let i = 0; i < 4; i++) {
          const next = g.__benchFill!.batches.next();
          if (next.done) return { ...got, done: true };
          const b = next.value;
          await db.transaction('rw', [db.sessions, db.visits, db.searches, db.captures], () =>
            Promise.all([
              db.sessions.bulkPut(b.sessions),
              db.visits.bulkPut(b.visits),
              db.searches.bulkPut(b.searches),
              db.captures.bulkPut(b.captures),
            ]),
          );
          got.sessions += b.sessions.length;
          got.visits += b.visits.length;
          got.searches += b.searches.length;
          got.captures += b.captures.length;
        }
        return got;
      } finally {
        db.close();
      }
    });
    counts.sessions += step.sessions;
    counts.visits += step.visits;
    counts.searches += step.searches;
    counts.captures += step.captures;
    if (step.sessions > 0 && counts.sessions % 20_000 === 0) {
      console.log(`  ${counts.sessions} sessions stored`);
    }
    if (step.done) break;
  }
  return { counts, ms: performance.now() - t0 };
}

/** `loadWeek` + `summarise` on the real IndexedDB, as the week view runs them. */
async function weeklySummary(page: Page, week: { start: number; end: number }) {
  return page.evaluate(
    async ({ start, end, weekStart }) => {
      const bench = (globalThis as BenchGlobal).__skilltrailBench;
      const db = bench.openDb();
      try {
        const t0 = performance.now();
        const data = await bench.loadWeek(db, start, end);
        const t1 = performance.now();
        const summary = bench.summarise(data, { start, end, weekStart });
        const t2 = performance.now();
        const items = bench.reviewOrder(data);
        const t3 = performance.now();
        bench.filterReview(items, { ...bench.NO_FILTER, text: 'how does' }, data.skills);
        const t4 = performance.now();
        return {
          readMs: t1 - t0,
          summariseMs: t2 - t1,
          totalMs: t2 - t0,
          filterMs: t4 - t3,
          sessions: data.sessions.length,
          visits: data.visits.length,
          searches: data.searches.length,
          activeMs: summary.totals.activeMs,
        };
      } finally {
        db.close();
      }
    },
    { ...week, weekStart: DEFAULT_SETTINGS.weekStart },
  );
}

/**
 * The week's records read with IndexedDB alone, without Dexie: the sessions by start
 * time, then the visits and searches over the span they cover and the skills (the reads
 * `loadWeek` makes), in one readonly transaction. With `words`, every record's text is
 * then scanned for each word, as a search of the same records would. Milliseconds, timed
 * in the page. With `paint`, the records found are then shown as a plain list in the
 * page and timed until it is painted, as a search shows what it found.
 */
async function rawWeekRead(
  page: Page,
  week: { start: number; end: number },
  words: string[] = [],
  paint = false,
) {
  return page.evaluate(
    async ({ start, end, margin, words, paint }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const open = indexedDB.open('skilltrail');
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      const get = <T>(request: IDBRequest<T>) =>
        new Promise<T>((res, rej) => {
          request.onsuccess = () => res(request.result);
          request.onerror = () => rej(request.error);
        });
      type Row = Record<string, string | number>;
      try {
        const t0 = performance.now();
        const tx = db.transaction(['sessions', 'visits', 'searches', 'skills'], 'readonly');
        const sessions = (await get(
          tx
            .objectStore('sessions')
            .index('startedAt')
            .getAll(IDBKeyRange.bound(start, end, false, true)),
        )) as Row[];
        const to = sessions.reduce((max, s) => Math.max(max, s.endedAt as number), end) + margin;
        const span = IDBKeyRange.bound(start - margin, to);
        const [visits, searches, skills] = (await Promise.all([
          get(tx.objectStore('visits').index('startedAt').getAll(span)),
          get(tx.objectStore('searches').index('at').getAll(span)),
          get(tx.objectStore('skills').getAll()),
        ])) as Row[][];
        const found: string[] = [];
        const has = (text: unknown, word: string) =>
          typeof text === 'string' && text.toLowerCase().includes(word);
        for (const word of words.map((w) => w.toLowerCase())) {
          for (const s of sessions)
            if (has(s.title, word) || has(s.note, word)) found.push(String(s.title));
          for (const v of visits!)
            if (has(v.title, word) || has(v.domain, word)) found.push(String(v.title));
          for (const q of searches!) if (has(q.query, word)) found.push(String(q.query));
        }
        if (paint) {
          const list = document.body.appendChild(document.createElement('ul'));
          for (const text of found)
            list.appendChild(document.createElement('li')).textContent = text;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
          list.remove();
        }
        return {
          ms: performance.now() - t0,
          records: sessions.length + visits!.length + searches!.length + skills!.length,
          found: found.length,
        };
      } finally {
        db.close();
      }
    },
    { ...week, margin: RECORD_MARGIN_MS, words, paint },
  );
}

/** Opens the empty extension's page in a fresh tab; milliseconds from navigation start to its script run. */
async function emptyPageOpen(ext: BenchSession): Promise<number> {
  const page = await ext.browser.newPage();
  try {
    await page.goto(`chrome-extension://${ext.emptyId}/page.html`);
    const handle = await page.waitForFunction(
      () => (globalThis as { __emptyReady?: number }).__emptyReady,
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Opens the week view in a fresh tab; milliseconds from navigation start to the first session shown. */
async function weekViewFirstRender(ext: BenchSession, weekKey: string): Promise<number> {
  const page = await ext.browser.newPage();
  try {
    await page.evaluateOnNewDocument(() => {
      const g = globalThis as BenchGlobal;
      const seen = () => {
        if (
          g.__firstList === undefined &&
          document.querySelector('.session-list li, .session-card')
        ) {
          g.__firstList = performance.now();
        }
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true });
    });
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/week/${weekKey}`);
    const handle = await page.waitForFunction(() => (globalThis as BenchGlobal).__firstList, {
      timeout: 60_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Types `word` into the week view's search box at once; milliseconds until the filtered list is painted. */
async function searchOnce(page: Page, word: string): Promise<{ ms: number; status: string }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('.session-filters input[type="search"]');
    const list = document.querySelector('.week-view');
    const status = document.querySelector('.list-tools [role="status"]');
    if (!input || !list || !status) throw new Error('The week view has no search box.');
    const before = status.textContent;
    const t0 = performance.now();
    const changed = new Promise<void>((res) => {
      const observer = new MutationObserver(() => {
        if (status.textContent !== before) {
          observer.disconnect();
          res();
        }
      });
      observer.observe(list, { subtree: true, childList: true, characterData: true });
      setTimeout(() => (observer.disconnect(), res()), 10_000);
    });
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    // Until the browser has painted the new list.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return { ms: performance.now() - t0, status: status.textContent ?? '' };
  }, word);
}

/**
 * Marks, in every popup document, when the popup's scripts have run (DOMContentLoaded),
 * when the capture is shown, and when the skill field first appears.
 */
const MARK_INTERACTIVE = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const marks = (globalThis.__popupMarks = {});
  addEventListener('DOMContentLoaded', () => (marks.loaded = performance.now()));
  const seen = () => {
    if (marks.ready === undefined && document.querySelector('[data-phase="ready"]')) {
      marks.ready = performance.now();
    }
    if (marks.interactive === undefined && document.querySelector('[role="combobox"]')) {
      marks.interactive = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/**
 * Clicks an extension's toolbar button on `tab` (CDP `Extensions.triggerAction`, as a
 * learner's click) and returns the popup it opens and when the click was sent (epoch ms).
 */
async function clickButton(ext: BenchSession, id: string, tab: Page) {
  const opened = ext.browser.waitForTarget(
    (t) => t.url().startsWith(`chrome-extension://${id}/popup.html`),
    { timeout: 10_000 },
  );
  const extension = (await ext.browser.extensions()).get(id);
  if (!extension) throw new Error(`Extension ${id} is not loaded.`);
  const sentAt = Date.now();
  await extension.triggerAction(tab);
  return { popup: await (await opened).asPage(), sentAt };
}

/**
 * Clicks Skilltrail's toolbar button on `tab` and times from the click sent to the skill
 * field shown (marked by `MARK_INTERACTIVE`, registered for every new document), split at
 * the popup's navigation start (the click, the capture starting, the browser making the
 * popup) and at its scripts run and the capture shown.
 */
async function popupToInteractive(ext: BenchSession, tab: Page) {
  const { popup, sentAt } = await clickButton(ext, ext.extensionId, tab);
  const handle = await popup.waitForFunction(
    () => {
      const marks = (
        globalThis as typeof globalThis & {
          __popupMarks?: { loaded?: number; ready?: number; interactive?: number };
        }
      ).__popupMarks;
      return marks?.interactive === undefined ? null : { ...marks, origin: performance.timeOrigin };
    },
    { timeout: 60_000 },
  );
  const seen = (await handle.jsonValue()) as {
    loaded: number;
    ready: number;
    interactive: number;
    origin: number;
  };
  await popup.close();
  return {
    ownMs: seen.interactive,
    loadedMs: seen.loaded,
    readyMs: seen.ready,
    browserMs: seen.origin - sentAt,
    totalMs: seen.origin + seen.interactive - sentAt,
  };
}

/** The same click on the empty extension's button: sent to its popup's field in the DOM. */
async function emptyPopupOpen(ext: BenchSession, tab: Page): Promise<number> {
  const { popup, sentAt } = await clickButton(ext, ext.emptyId!, tab);
  const handle = await popup.waitForFunction(
    () => {
      const ready = (globalThis as { __emptyReady?: number }).__emptyReady;
      return ready === undefined ? null : performance.timeOrigin + ready;
    },
    { timeout: 60_000 },
  );
  const readyAt = (await handle.jsonValue()) as number;
  await popup.close();
  return readyAt - sentAt;
}

function dirBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** The extension's IndexedDB folders in a profile, in bytes. */
function indexedDbBytes(ext: ExtensionSession): number {
  const dir = join(ext.userDataDir, 'Default', 'IndexedDB');
  return readdirSync(dir)
    .filter((d) => d.startsWith(`chrome-extension_${ext.extensionId}_`))
    .reduce((n, d) => n + dirBytes(join(dir, d)), 0);
}

/** Clicks "Export JSON backup" and waits for the file on disk; returns its path, size and time. */
async function exportThroughUi(ext: ExtensionSession, page: Page, downloadPath: string) {
  const cdp = await ext.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'allowAndName',
    downloadPath,
    eventsEnabled: true,
  });
  const saved = new Promise<{ guid: string; bytes: number }>((res, rej) => {
    cdp.on('Browser.downloadProgress', (e) => {
      if (e.state === 'completed') res({ guid: e.guid, bytes: e.receivedBytes });
      if (e.state === 'canceled') rej(new Error('The backup download was cancelled.'));
    });
  });
  const button = await page.waitForSelector('button[data-export="backup"]');
  const t0 = performance.now();
  await button!.click();
  const file = await saved;
  const ms = performance.now() - t0;
  await cdp.detach();
  return { path: join(downloadPath, file.guid), bytes: file.bytes, ms };
}

/**
 * Restores `file` through "Import backup" in `page`; milliseconds from the file chosen to
 * success. Waits up to 20 minutes: on a busy machine the full restore outlasted five. The
 * wait is one call to the browser, which `PROTOCOL_TIMEOUT_MS` lets run that long.
 */
async function importThroughUi(page: Page, file: string) {
  await page.evaluate(() => {
    const g = globalThis as typeof globalThis & { __importStart?: number };
    document.addEventListener('change', () => (g.__importStart = performance.now()), true);
  });
  const input = await page.waitForSelector('.import-backup input[type="file"]');
  await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(file);
  const handle = await page.waitForFunction(
    () => {
      const g = globalThis as typeof globalThis & { __importStart?: number };
      const done = document.querySelector(
        '.import-backup .status .ok, .import-backup .status .error',
      );
      return done && g.__importStart !== undefined
        ? {
            ms: performance.now() - g.__importStart,
            ok: done.matches('.ok'),
            text: done.textContent,
          }
        : null;
    },
    { timeout: 1_200_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { ms: number; ok: boolean; text: string };
}

async function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = (globalThis as BenchGlobal).__skilltrailBench.openDb();
    try {
      return {
        sessions: await db.sessions.count(),
        visits: await db.visits.count(),
        searches: await db.searches.count(),
        captures: await db.captures.count(),
        skills: await db.skills.count(),
      };
    } finally {
      db.close();
    }
  });
}

/** The tables a backup holds: what the IndexedDB floors read and write. */
const TABLES = ['skills', 'sessions', 'visits', 'searches', 'captures'];
const FLOOR_DB = 'skilltrail-floor';

/** A report row for one of IndexedDB's floors. */
function floorRow(what: string, floor: { ms: number; records: number }) {
  return {
    measure: `IndexedDB alone: ${what}`,
    value: r1(floor.ms / 1000),
    unit: 's',
    detail: `${floor.records} records, ${r0(floor.records / (floor.ms / 1000))} a second`,
  };
}

/**
 * IndexedDB alone, without Dexie or JSON: one readonly transaction over `TABLES`, a raw
 * `getAll()` each, issued at once; milliseconds until it completes. With `keep`, the
 * records stay in the page for `writeFloor`.
 */
async function readFloor(page: Page, keep = false) {
  return page.evaluate(
    async (tables, keep) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const open = indexedDB.open('skilltrail');
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      try {
        const t0 = performance.now();
        const tx = db.transaction(tables, 'readonly');
        const gets = tables.map((t) => tx.objectStore(t).getAll());
        await new Promise<void>((res, rej) => {
          tx.oncomplete = () => res();
          tx.onabort = () => rej(tx.error);
        });
        const ms = performance.now() - t0;
        if (keep) {
          (globalThis as BenchGlobal).__benchRecords = Object.fromEntries(
            tables.map((t, i) => [t, gets[i]!.result as unknown[]]),
          );
        }
        return { ms, records: gets.reduce((n, get) => n + get.result.length, 0) };
      } finally {
        db.close();
      }
    },
    TABLES,
    keep,
  );
}

/**
 * IndexedDB alone, writing: the records `readFloor` kept, each a raw `add` in one readwrite
 * transaction, into a scratch database with the extension's schema (made by `openDb`);
 * milliseconds until it completes. The transaction runs on in the page and is polled
 * for: at full size it may outlast the protocol timeout of one call.
 */
async function writeFloor(page: Page) {
  await page.evaluate(
    async (tables, name) => {
      const g = globalThis as BenchGlobal;
      const scratch = g.__skilltrailBench.openDb(name);
      await scratch.open();
      scratch.close();
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      g.__benchWrite = undefined;
      const t0 = performance.now();
      const tx = db.transaction(tables, 'readwrite');
      tx.oncomplete = () => ((g.__benchWrite = { ms: performance.now() - t0 }), db.close());
      tx.onabort = () => ((g.__benchWrite = { error: String(tx.error) }), db.close());
      for (const t of tables) {
        const store = tx.objectStore(t);
        for (const record of g.__benchRecords![t]!) store.add(record);
      }
    },
    TABLES,
    FLOOR_DB,
  );
  let done: BenchGlobal['__benchWrite'];
  while (!(done = await page.evaluate(() => (globalThis as BenchGlobal).__benchWrite))) {
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.evaluate(async (name) => {
    delete (globalThis as BenchGlobal).__benchRecords;
    await new Promise((res, rej) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = res;
      del.onerror = () => rej(del.error);
    });
  }, FLOOR_DB);
  if ('error' in done) throw new Error(`IndexedDB's write alone failed: ${done.error}`);
  return done.ms;
}

/** Collects the page's garbage: a measured step's memory peak is then its own. */
async function collectGarbage(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

/**
 * Waits until the database answers quickly: just after a browser starts, IndexedDB reads
 * of a large database are slow for a while (the storage is opened and compacted), which
 * would be measured as Skilltrail's cost. Returns how long that took.
 */
async function settleDatabase(page: Page): Promise<number> {
  const t0 = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - t0 < 120_000) {
    const ms = await page.evaluate(async () => {
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('skilltrail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('skills').objectStore('skills').count();
          count.onsuccess = () => (db.close(), resolve());
          count.onerror = () => (db.close(), reject(count.error));
        };
      });
      return performance.now() - t;
    });
    quick = ms < 15 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 500));
  }
  return performance.now() - t0;
}

const only = argValue('--only')?.split(',');
const wanted = (step: string) => !only || only.includes(step);

interface Filled {
  options: GenerateOptions;
  counts: Record<string, number>;
  seconds: number;
  storedBytes: number;
  onDiskBytes: number;
}

/** Fills a profile once; with `--profile DIR` a profile filled with the same options is reused. */
async function filledProfile(
  dir: string,
  options: GenerateOptions,
  entry: string,
): Promise<Filled> {
  const marker = join(dir, 'filled.json');
  if (existsSync(marker)) {
    const filled = JSON.parse(readFileSync(marker, 'utf8')) as Filled;
    if (JSON.stringify(filled.options) === JSON.stringify(options)) {
      console.log(`Reusing the filled profile in ${dir}`);
      // The profile keeps the worker script it last ran, whatever the build now holds:
      // without its registration, Chromium registers the build under test, as on a new
      // install (launchBench closes the welcome page that brings).
      rmSync(join(dir, 'profile', 'Default', 'Service Worker'), { recursive: true, force: true });
      return filled;
    }
  }
  rmSync(join(dir, 'profile'), { recursive: true, force: true });
  const ext = await launchBench('e2e', profileIn(dir));
  try {
    const page = await ext.openExtensionPage('/dashboard.html#/settings');
    await page.evaluate(entry);
    console.log(
      `Filling: ${options.sessions} sessions, ${options.visits} visits, ${options.skills} skills…`,
    );
    const fill = await fillDatabase(page, options);
    const filled: Filled = {
      options,
      counts: fill.counts,
      seconds: fill.ms / 1000,
      storedBytes: await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0),
      onDiskBytes: indexedDbBytes(ext),
    };
    writeFileSync(marker, JSON.stringify(filled));
    return filled;
  } finally {
    await ext.close();
  }
}

const profileIn = (dir: string) => ({
  extensionDir: join(dir, 'extension'),
  userDataDir: join(dir, 'profile'),
});

async function main(): Promise<void> {
  const weekOptions = { weekStart: DEFAULT_SETTINGS.weekStart };
  const thisWeek = weekOf(Date.now(), weekOptions);
  // The history ends where this week begins, so last week is a whole, busy week.
  const lastWeek = shiftWeek(thisWeek, -1, weekOptions);
  const options: GenerateOptions = {
    ...SCALE,
    sessions: Math.round(SCALE.sessions * SCALE_FACTOR),
    visits: Math.round(SCALE.visits * SCALE_FACTOR),
    end: thisWeek.start,
  };
  const keep = argValue('--profile');
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'skilltrail-bench-scale-'));
  mkdirSync(dir, { recursive: true });
  const entry = await bundleForPage(pageEntry(), '__skilltrailBench');
  const server = await startServer([htmlPage('/article', articleHtml('Reading at scale', 30))]);
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-bench-downloads-'));
  const rows: Record<string, string | number>[] = [];
  const budgets: Budget[] = [];
  const extra: Record<string, unknown> = { options, week: lastWeek.key };
  const phasePeaks: Record<string, number> = {};
  // IndexedDB alone, informational: what the backup and the restore cannot go below here.
  const floors: Record<string, { seconds: number; records: number }> = {};
  let ext: BenchSession | undefined;
  let fresh: ExtensionSession | undefined;
  try {
    const filled = await filledProfile(dir, options, entry);
    const { counts } = filled;
    extra.fill = filled;
    rows.push({
      measure: 'fill (Dexie bulkPut, 2,500 sessions a transaction)',
      value: r1(filled.seconds),
      unit: 's',
      detail: `${counts.sessions} sessions, ${counts.visits} visits, ${counts.searches} searches, ${counts.captures} captures`,
    });
    rows.push({
      measure: 'stored bytes per session (storage.estimate)',
      value: r0(filled.storedBytes / counts.sessions!),
      unit: 'B',
      detail: `${r1(filled.storedBytes / MiB)} MiB in all, with the sessions' visits, searches and captures`,
    });

    // Measured in a browser started again on the filled profile, as a learner's would be.
    ext = await launchBench('e2e', { ...profileIn(dir), withEmpty: true });
    let memory = sampleBrowserMemory(ext.browser);
    let peakBeforeFloor = 0;
    const page = await ext.openExtensionPage('/dashboard.html#/settings');
    await page.evaluate(entry);
    const settled = await settleDatabase(page);
    extra.settleSeconds = settled / 1000;
    const onDisk = indexedDbBytes(ext);
    rows.push({
      measure: 'IndexedDB on disk per session, after a restart',
      value: r0(onDisk / counts.sessions!),
      unit: 'B',
      detail: `${r1(onDisk / MiB)} MiB (LevelDB files and blobs)`,
    });

    if (wanted('summary')) {
      // Weekly summary on the real database, alternated with IndexedDB's own read of the
      // same records; the first of each opens the database.
      await weeklySummary(page, lastWeek);
      await rawWeekRead(page, lastWeek);
      const summaries: Awaited<ReturnType<typeof weeklySummary>>[] = [];
      const reads: number[] = [];
      for (let i = 0; i < SUMMARY_RUNS; i++) {
        const both = [
          async () => summaries.push(await weeklySummary(page, lastWeek)),
          async () => reads.push((await rawWeekRead(page, lastWeek)).ms),
        ];
        for (let k = 0; k < both.length; k++) await both[(i + k) % both.length]!();
      }
      const s = summaries;
      const summaryMs = median(s.map((x) => x.totalMs));
      const readMs = median(reads);
      rows.push({
        measure: 'weekly summary: loadWeek + summarise',
        value: r1(summaryMs),
        unit: 'ms',
        detail: `read ${r1(median(s.map((x) => x.readMs)))} ms + summarise ${r1(median(s.map((x) => x.summariseMs)))} ms; ${s[0]!.sessions} sessions, ${s[0]!.visits} visits, ${s[0]!.searches} searches`,
      });
      rows.push({
        measure: "floor: the week's records read with IndexedDB alone",
        value: r1(readMs),
        unit: 'ms',
        detail: `runs: ${reads.map(r1).join(', ')}`,
      });
      budgets.push({
        name: 'weekly summary (real IndexedDB)',
        value: summaryMs,
        unit: 'ms',
        floor: { name: "IndexedDB's own read of the week's records", value: readMs },
        pairs: s.map((x, i) => [x.totalMs, reads[i]!] as const),
        limit: RATIOS.summary,
      });
    }
    if (wanted('week')) {
      // The dashboard's week view, first render, in fresh tabs, alternated with an empty
      // extension page opened the same way and IndexedDB's own read of the week; each
      // starts on a quiet database (a closed tab's reads may still be running).
      const renders: number[] = [];
      const empties: number[] = [];
      const reads: number[] = [];
      await emptyPageOpen(ext);
      for (let i = 0; i < RUNS; i++) {
        const steps = [
          async () => renders.push(await weekViewFirstRender(ext!, lastWeek.key)),
          async () => {
            empties.push(await emptyPageOpen(ext!));
            reads.push((await rawWeekRead(page, lastWeek)).ms);
          },
        ];
        for (let k = 0; k < steps.length; k++) {
          await settleDatabase(page);
          await steps[(i + k) % steps.length]!();
        }
      }
      const renderMs = median(renders);
      const floorMs = median(empties) + median(reads);
      rows.push({
        measure: 'week view: navigation start to first session shown',
        value: r1(renderMs),
        unit: 'ms',
        detail: `runs: ${renders.map(r0).join(', ')}`,
      });
      rows.push({
        measure: "floor: an empty extension page's script run + the week read with IndexedDB alone",
        value: r1(floorMs),
        unit: 'ms',
        detail: `page ${r1(median(empties))} ms (runs ${empties.map(r0).join(', ')}) + read ${r1(median(reads))} ms`,
      });
      budgets.push({
        name: 'dashboard week view first render',
        value: renderMs,
        unit: 'ms',
        floor: {
          name: "an empty extension page + IndexedDB's own read of the week",
          value: floorMs,
        },
        pairs: renders.map((r, i) => [r, empties[i]! + reads[i]!] as const),
        limit: RATIOS.weekView,
      });
    }

    await settleDatabase(page);
    await page.close();

    let backupFile: string | undefined;
    if (wanted('search') || wanted('backup') || wanted('restore')) {
      const view = await ext.openExtensionPage(`/dashboard.html#/week/${lastWeek.key}`);
      await view.waitForSelector('.session-filters input[type="search"]', { timeout: 60_000 });
      if (wanted('search')) {
        // Each word typed, then cleared; alternated with IndexedDB's own read of the week's
        // records scanned for the same word and what it found painted as a plain list in
        // the same page (the search is timed until its list is painted).
        const searches: number[] = [];
        const scans: number[] = [];
        const inputs = SEARCH_WORDS.flatMap((word) => [word, '']);
        for (let round = 0; round < 2; round++) {
          for (const [i, word] of inputs.entries()) {
            const both = [
              async () => searches.push((await searchOnce(view, word)).ms),
              async () => scans.push((await rawWeekRead(view, lastWeek, [word], true)).ms),
            ];
            for (let k = 0; k < both.length; k++) await both[(round + i + k) % both.length]!();
          }
        }
        const searchMs = median(searches);
        const scanMs = median(scans);
        rows.push({
          measure: 'search in the week view: input to painted list',
          value: r1(searchMs),
          unit: 'ms',
          detail: `slowest ${r1(Math.max(...searches))} ms; words: ${SEARCH_WORDS.join(', ')}`,
        });
        rows.push({
          measure:
            "floor: the week's records read with IndexedDB alone and scanned for the word, the found painted as a plain list",
          value: r1(scanMs),
          unit: 'ms',
          detail: `slowest ${r1(Math.max(...scans))} ms`,
        });
        budgets.push({
          name: 'search across titles, notes and queries',
          value: searchMs,
          unit: 'ms',
          floor: {
            name: "a raw scan of the week's records for the same words, the found painted as a plain list",
            value: scanMs,
          },
          pairs: searches.map((ms, i) => [ms, scans[i]!] as const),
          limit: RATIOS.search,
        });
      }
      phasePeaks.summaryAndViews = memory.phase();
      if (wanted('backup') || wanted('restore')) {
        // IndexedDB's own read of the same records, on the settled database, as a floor;
        // not Skilltrail's, so its memory is left out of the peaks.
        let floor: { ms: number; records: number } | undefined;
        if (wanted('backup')) {
          peakBeforeFloor = memory.stop();
          await settleDatabase(view);
          floor = await readFloor(view);
          await collectGarbage(view);
          memory = sampleBrowserMemory(ext.browser);
        }
        const backup = await exportThroughUi(ext, view, downloads);
        backupFile = backup.path;
        phasePeaks.export = memory.phase();
        rows.push({
          measure: 'full JSON backup: click to file saved',
          value: r1(backup.ms / 1000),
          unit: 's',
          detail:
            `${r1(backup.bytes / MiB)} MiB file` +
            (floor ? `; ${r1(backup.ms / floor.ms)} × IndexedDB's read alone` : ''),
        });
        if (floor) {
          budgets.push({
            name: 'full JSON backup',
            value: backup.ms / 1000,
            unit: 's',
            floor: { name: "IndexedDB's own read of every record", value: floor.ms / 1000 },
            limit: RATIOS.backup,
          });
          rows.push(floorRow('read every record (getAll, one transaction)', floor));
          floors.read = { seconds: floor.ms / 1000, records: floor.records };
        }
      }
      await view.close();
    }

    if (wanted('popup')) {
      // The popup, open to interactive, with the full database.
      await onEveryNewDocument(ext.browser, MARK_INTERACTIVE);
      const tab = await ext.browser.newPage();
      await tab.goto(`${server.origin}/article`);
      const popups: Awaited<ReturnType<typeof popupToInteractive>>[] = [];
      const empties: number[] = [];
      // The first of each opens what a first click opens (the database, the popup's files).
      await popupToInteractive(ext, tab);
      await emptyPopupOpen(ext, tab);
      for (let i = 0; i < POPUP_RUNS; i++) {
        const both = [
          async () => popups.push(await popupToInteractive(ext!, tab)),
          async () => empties.push(await emptyPopupOpen(ext!, tab)),
        ];
        for (let k = 0; k < both.length; k++) {
          await tab.bringToFront();
          await both[(i + k) % both.length]!();
        }
      }
      const p = popups;
      const popupOwn = median(p.map((x) => x.ownMs));
      const popupTotal = median(p.map((x) => x.totalMs));
      const emptyMs = median(empties);
      rows.push({
        measure: 'popup: toolbar click to skill field shown',
        value: r1(popupTotal),
        unit: 'ms',
        detail: `of which before the popup's page starts ${r1(median(p.map((x) => x.browserMs)))} ms`,
      });
      rows.push({
        measure: "popup: its navigation start to skill field shown (Skilltrail's part)",
        value: r1(popupOwn),
        unit: 'ms',
        detail: `scripts run ${r0(median(p.map((x) => x.loadedMs)))} ms, capture shown ${r0(median(p.map((x) => x.readyMs)))} ms; runs: ${p.map((x) => r0(x.totalMs)).join(', ')}`,
      });
      rows.push({
        measure: "floor: an empty extension's popup, the same click to its field in the DOM",
        value: r1(emptyMs),
        unit: 'ms',
        detail: `runs: ${empties.map(r0).join(', ')}`,
      });
      budgets.push({
        name: 'popup open to interactive (from the click)',
        value: popupTotal,
        unit: 'ms',
        floor: { name: "an empty extension's popup opened by the same click", value: emptyMs },
        pairs: p.map((x, i) => [x.totalMs, empties[i]!] as const),
        limit: RATIOS.popup,
      });
      await tab.close();
      phasePeaks.popup = memory.phase();
    }
    phasePeaks.all = Math.max(peakBeforeFloor, memory.stop());

    if (backupFile && wanted('restore')) {
      // Restore into a fresh profile through "Import backup".
      fresh = await launchBench('e2e');
      const freshMemory = sampleBrowserMemory(fresh.browser);
      const dashboard = await fresh.openExtensionPage(`/dashboard.html#/week/${lastWeek.key}`);
      await dashboard.evaluate(entry);
      const restore = await importThroughUi(dashboard, backupFile);
      const restored = await countRecords(dashboard);
      // The fresh browser's own peak.
      phasePeaks.restore = freshMemory.stop();
      // IndexedDB's own write of the restored records, into an empty copy of the schema.
      let floor: { ms: number; records: number } | undefined;
      if (wanted('restore') && restore.ok) {
        const { records } = await readFloor(dashboard, true);
        floor = { ms: await writeFloor(dashboard), records };
        floors.write = { seconds: floor.ms / 1000, records };
      }
      rows.push({
        measure: 'restore through Import backup: file chosen to success',
        value: r1(restore.ms / 1000),
        unit: 's',
        detail: restore.ok
          ? `${restored.sessions} sessions, ${restored.visits} visits, ${restored.searches} searches restored` +
            (floor ? `; ${r1(restore.ms / floor.ms)} × IndexedDB's write alone` : '')
          : `failed: ${restore.text}`,
      });
      budgets.push({
        name: 'restore from the full JSON backup',
        value: restore.ok ? restore.ms / 1000 : Infinity,
        unit: 's',
        floor: {
          name: "IndexedDB's own write of the same records",
          value: floor ? floor.ms / 1000 : NaN,
        },
        limit: RATIOS.restore,
      });
      extra.restore = { ...restore, restored };
      if (floor) {
        rows.push(floorRow('write every record (add, one transaction)', floor));
      }
    }
  } finally {
    await ext?.close();
    await fresh?.close();
    await server.close();
    rmSync(downloads, { recursive: true, force: true });
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    measure: 'peak memory of the browser (all processes, PSS)',
    value: Math.max(...Object.values(phasePeaks)),
    unit: 'MiB',
    detail: Object.entries(phasePeaks)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  });
  report(only ? 'scale-partial' : 'scale', {
    rows,
    budgets,
    extra: { ...extra, floor: floors, peakMemoryMiB: phasePeaks },
  });
}

await main();
