/**
 * Capture latency against its floor. For each corpus page (served on loopback, one tab
 * each), in the same browser and the same tab, alternating which goes first, several
 * rounds of:
 * - capture, the learner's way: a click on the toolbar button (CDP `Extensions.triggerAction`,
 *   which grants activeTab as a real click does); the background starts the capture and
 *   opens the popup beside it, Readability runs in the page and the record is stored.
 *   Timed in the extension's worker from the click until the record is in IndexedDB, and
 *   split at the popup's navigation start. Then, from the open popup, the same request
 *   again (what the keyboard shortcut and the context menu do), timed from sending it to
 *   the record in IndexedDB by the same watch in the worker.
 *   The button is pinned to the toolbar, as a learner who uses it has it (bench/browser.ts).
 * - Readability alone: Mozilla's Readability (the package's own files, evaluated in an
 *   isolated world of the page, where the capture script runs too), timing
 *   `new Readability(document.cloneNode(true)).parse()` inside the page.
 * The production build is loaded, with no host access: the click's activeTab is all it has.
 * Run: npx vite-node bench/capture-latency.bench.ts [--rounds 3] [--quick]
 * (`--quick`: every fourth page, two rounds).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { loadCorpus } from '../test/e2e/harness/corpus';
import type { ExtensionSession } from '../test/e2e/harness/extension';
import { articleHtml } from '../test/e2e/harness/server';
import { clickToolbarButton, type ClickClock, launchBench, serveCorpus } from './browser';
import { argValue, median, QUICK, report } from './report';

const ROUNDS = Number(argValue('--rounds') ?? (QUICK ? 2 : 3));
/** Quick: every fourth page of the corpus. */
const PAGE_STEP = QUICK ? 4 : 1;
/** Click to stored, against the capture request alone: what the popup opening beside it may add. */
const CLICK_RATIO = 1.5;
/** The capture request, against Readability alone on the same page. */
const REQUEST_RATIO = 2.5;

/** Readability and isProbablyReaderable, as one script that leaves them on `globalThis`. */
function readabilityScript(): string {
  const dir = dirname(createRequire(import.meta.url).resolve('@mozilla/readability/package.json'));
  const source = (file: string) => readFileSync(join(dir, file), 'utf8');
  // `module` undefined: the files' CommonJS export lines do nothing, the functions stay in scope.
  return `(() => { const module = undefined;
${source('Readability.js')}
${source('Readability-readerable.js')}
globalThis.__benchReadability = { Readability, isProbablyReaderable }; })();`;
}

/** An isolated world in the tab's main frame with Readability loaded; returns its context id. */
async function isolatedReadability(cdp: CDPSession, script: string): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'bench-readability',
  });
  await cdp.send('Runtime.evaluate', { expression: script, contextId: executionContextId });
  return executionContextId;
}

/** Milliseconds of one `parse()` of a copy of the document, measured inside the page. */
async function parseOnce(cdp: CDPSession, contextId: number): Promise<number> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId,
    returnByValue: true,
    expression: `(() => {
      const { Readability } = globalThis.__benchReadability;
      const t0 = performance.now();
      new Readability(document.cloneNode(true)).parse();
      return performance.now() - t0;
    })()`,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as number;
}

/** What the timing code keeps on the worker's `globalThis` between two evaluations. */
type BenchWorkerGlobal = ClickClock & {
  /** Epoch milliseconds when the worker first saw the next capture stored (NaN: none came). */
  __benchStored?: Promise<number>;
};

/**
 * Arms a watch in the extension's worker for the next capture stored: the worker polls
 * IndexedDB (one open connection, a read every few ms) for a capture written after now,
 * so no automation round trip falls inside a timed span. The click and the request alone
 * are both timed by this watch, so its own cost and lag weigh on figure and floor alike.
 * Returns once the watch is ready; `stored()` gives the epoch it saw the capture.
 */
async function watchNextStored(ext: ExtensionSession): Promise<{ stored: () => Promise<number> }> {
  const worker = await ext.worker();
  await worker.evaluate(async () => {
    const g = globalThis as BenchWorkerGlobal;
    const armedAt = Date.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skilltrail');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const latest = () =>
      new Promise<number>((resolve) => {
        if (!db.objectStoreNames.contains('captures')) return resolve(0);
        const all = db.transaction('captures').objectStore('captures').getAll();
        all.onsuccess = () =>
          resolve(Math.max(0, ...all.result.map((c: { capturedAt: number }) => c.capturedAt)));
        all.onerror = () => resolve(0);
      });
    g.__benchStored = (async () => {
      try {
        for (let i = 0; i < 15_000; i++) {
          if ((await latest()) >= armedAt) return performance.timeOrigin + performance.now();
          await new Promise((r) => setTimeout(r, 4));
        }
        return NaN;
      } finally {
        db.close();
      }
    })();
  });
  return {
    stored: () => worker.evaluate(() => (globalThis as BenchWorkerGlobal).__benchStored!),
  };
}

/**
 * Clicks Skilltrail's toolbar button on `tab` and times, in the extension's worker, from
 * the click reaching it until the stored record. The popup's navigation start splits the
 * span into the part before the popup's page starts (the click, the capture starting, the
 * browser making the popup) and the rest. Then, from the open popup, the same capture
 * request again (what the keyboard shortcut and the context menu do, without a popup to
 * load), timed from sending it to the record stored.
 */
async function captureOnce(
  ext: ExtensionSession,
  tab: Page,
): Promise<{ storedMs: number; popupStartMs: number; shownMs: number; backgroundMs: number }> {
  const worker = await ext.worker();
  const clickWatch = await watchNextStored(ext);
  const popup = await clickToolbarButton(ext, tab);
  const storedEpoch = await clickWatch.stored();
  const clickEpoch = await worker.evaluate(() => (globalThis as BenchWorkerGlobal).__benchClickAt);
  const popupEpoch = await popup.evaluate(() => performance.timeOrigin);
  // The popup has taken the click's capture once it shows it: when, in the popup's time.
  const shown = await popup.waitForFunction(
    () => (document.querySelector('.page-title') ? performance.now() : 0),
    { polling: 'mutation', timeout: 30_000 },
  );
  const clickAt = clickEpoch ?? NaN;
  const shownMs = popupEpoch + ((await shown.jsonValue()) as number) - clickAt;

  const requestWatch = await watchNextStored(ext);
  const sentEpoch = await popup.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: { query: (q: object) => Promise<{ id?: number }[]> };
          runtime: { sendMessage: (m: object) => Promise<unknown> };
        };
      }
    ).chrome;
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    const sentAt = performance.timeOrigin + performance.now();
    await chrome.runtime.sendMessage({ type: 'capture-tab', tabId: tab?.id });
    return sentAt;
  });
  const backgroundMs = (await requestWatch.stored()) - sentEpoch;
  await closePopups(ext, `chrome-extension://${ext.extensionId}/popup.html`);
  return {
    storedMs: storedEpoch - clickAt,
    popupStartMs: popupEpoch - clickAt,
    shownMs,
    backgroundMs,
  };
}

async function closePopups(ext: ExtensionSession, url: string): Promise<void> {
  for (const target of ext.browser.targets()) {
    if (!target.url().startsWith(url)) continue;
    const page = await target.asPage().catch(() => null);
    await page?.close().catch(() => {});
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

interface PageFigures {
  page: string;
  /** Click to stored record. */
  capture: number;
  /** The capture request alone (shortcut, context menu): sent to answered, stored. */
  background: number;
  /** Click to the popup's navigation start. */
  popupStart: number;
  /** Click to the capture shown in the popup (its title on screen). */
  shown: number;
  readability: number;
}

async function main(): Promise<void> {
  const corpus = loadCorpus()?.filter((_, i) => i % PAGE_STEP === 0);
  if (!corpus) {
    console.log('The page corpus is missing: nothing to measure (set SKILLTRAIL_CORPUS).');
    return;
  }
  const server = await serveCorpus([
    ...corpus,
    { name: 'warm-up', html: articleHtml('Warming up', 20), expected: {} },
  ]);
  const ext = await launchBench('production');
  const script = readabilityScript();
  const perPage: PageFigures[] = [];
  const failed: string[] = [];
  try {
    // The first capture wakes the worker and opens the database: not any page's cost.
    const warm = await ext.browser.newPage();
    await warm.goto(`${server.origin}/warm-up/`);
    await warm.bringToFront();
    await captureOnce(ext, warm);
    await warm.close();

    for (const page of corpus) {
      const tab = await ext.browser.newPage();
      try {
        await tab
          .goto(`${server.origin}/${page.name}/`, { waitUntil: 'load', timeout: 30_000 })
          .catch(() => {});
        const cdp = await tab.createCDPSession();
        const context = await isolatedReadability(cdp, script);
        const capture: number[] = [];
        const popupStart: number[] = [];
        const shown: number[] = [];
        const background: number[] = [];
        const readability: number[] = [];
        const steps = [
          async () => {
            const c = await captureOnce(ext, tab);
            capture.push(c.storedMs);
            popupStart.push(c.popupStartMs);
            shown.push(c.shownMs);
            background.push(c.backgroundMs);
          },
          async () => readability.push(await parseOnce(cdp, context)),
        ];
        for (let round = 0; round < ROUNDS; round++) {
          // Rounds alternate which goes first.
          for (let k = 0; k < steps.length; k++) {
            await tab.bringToFront();
            await steps[(round + k) % steps.length]!();
          }
        }
        if (capture.some((ms) => !Number.isFinite(ms))) failed.push(page.name);
        perPage.push({
          page: page.name,
          capture: median(capture),
          background: median(background),
          popupStart: median(popupStart),
          shown: median(shown),
          readability: median(readability),
        });
      } catch (error) {
        failed.push(`${page.name} (${error instanceof Error ? error.message : String(error)})`);
      } finally {
        await tab.close().catch(() => {});
      }
    }
  } finally {
    await ext.close();
    await server.close();
  }

  const rowOf = (p: PageFigures) => ({
    page: p.page,
    'click to stored ms': r1(p.capture),
    'click to popup page ms': r1(p.popupStart),
    'click to capture shown ms': r1(p.shown),
    'capture request ms': r1(p.background),
    'Readability ms': r1(p.readability),
    'click / request': r2(p.capture / p.background),
    'request / Readability': r2(p.background / p.readability),
  });
  const rows: Record<string, string | number>[] = perPage.map(rowOf);
  const m = (k: keyof Omit<PageFigures, 'page'>) => median(perPage.map((p) => p[k]));
  const medians = {
    page: `median of ${perPage.length} pages`,
    capture: m('capture'),
    background: m('background'),
    popupStart: m('popupStart'),
    shown: m('shown'),
    readability: m('readability'),
  };
  rows.push(rowOf(medians));
  const worstBy = (ratio: (p: PageFigures) => number) =>
    [...perPage].sort((a, b) => ratio(b) - ratio(a))[0];
  const clickRatio = (p: PageFigures) => p.capture / p.background;
  const requestRatio = (p: PageFigures) => p.background / p.readability;
  const worst = worstBy(clickRatio);
  const worstRequest = worstBy(requestRatio);
  if (worst && worstRequest) {
    console.log(
      `Worst page, click: ${worst.page}, ${r1(worst.capture)} ms against its request alone ${r1(worst.background)} ms (${r2(clickRatio(worst))} ×).`,
    );
    console.log(
      `Worst page, request: ${worstRequest.page}, ${r1(worstRequest.background)} ms against its Readability alone ${r1(worstRequest.readability)} ms (${r2(requestRatio(worstRequest))} ×).`,
    );
  }
  if (failed.length) console.log(`Not captured: ${failed.join(', ')}`);
  report('capture-latency', {
    rows,
    budgets: [
      {
        name: 'capture from a toolbar click, click to stored record (median of pages)',
        value: medians.capture,
        unit: 'ms',
        floor: { name: 'the capture request alone', value: medians.background },
        pairs: perPage.map((p) => [p.capture, p.background] as const),
        limit: CLICK_RATIO,
      },
      {
        name: 'capture request (shortcut, context menu), sent to stored record (median of pages)',
        value: medians.background,
        unit: 'ms',
        floor: { name: 'Readability alone on the same page', value: medians.readability },
        pairs: perPage.map((p) => [p.background, p.readability] as const),
        limit: REQUEST_RATIO,
      },
    ],
    extra: {
      rounds: ROUNDS,
      pages: perPage.length,
      build: 'production',
      worstPage: worst?.page ?? null,
      worst: worst ?? null,
      worstRequestPage: worstRequest?.page ?? null,
      worstRequest: worstRequest ?? null,
      pagesOverTheirOwnRatio: {
        click: perPage.filter((p) => clickRatio(p) > CLICK_RATIO).map((p) => p.page),
        request: perPage.filter((p) => requestRatio(p) > REQUEST_RATIO).map((p) => p.page),
      },
      notCaptured: failed,
    },
  });
}

await main();
