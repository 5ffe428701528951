/**
 * A look back through twelve weeks of a heavy browser history, in real Chromium with the
 * built extension (the e2e build, which holds `history`). The profile's own history holds
 * a generated one (bench/history-generator.ts: ≥ 30,000 visits over twelve weeks, with
 * titles, transitions and the results pages they came from), written into Chromium's
 * history database (bench/chromium-history.ts) before the browser opens it: Chromium's
 * `history.addUrl` takes an address only, no title or time. Then, in the dashboard's
 * Settings, rounds alternate:
 * - the floor: `history.search` and `getVisits` for every page, as many at once as the look
 *   back asks, nothing else (`chrome.history` from the same page);
 * - the look back as a learner runs it: "12 weeks" chosen and the button clicked (a real
 *   click), until the review list is on screen (the frame after it is in the DOM).
 * Pairs are judged round by round (median of the ratios). From the click to a second after
 * the list shows, the page's `longtask` entries give the longest task on its main thread
 * (budget 100 ms); `long-animation-frame` entries say where the longest frame's time went.
 * Run: npx vite-node bench/look-back.bench.ts [--quick] [--rounds n] [--profile <file>]
 * (`--quick`: a third of the visits, three rounds; `--profile`: the CPU profile of an
 * unmeasured look back, for Chromium's DevTools).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBench } from './browser';
import { writeChromiumHistory } from './chromium-history';
import { generateHistory } from './history-generator';
import { argValue, median, QUICK, report } from './report';

const WEEKS = 12;
const WEEK_MS = 7 * 24 * 3600_000;
const RATIO = 2;
const FRAME_BUDGET_MS = 100;
const ROUNDS = Number(argValue('--rounds') ?? (QUICK ? 3 : 5));
const PER_DAY = QUICK ? 120 : 380;
/** Pages asked about at once, as the look back asks (`lib/look-back/look-back.ts`). */
const AT_ONCE = 100;
/** How long after the review list shows its frames still count. */
const SETTLE_MS = 1000;

type Chrome = {
  history: {
    addUrl: (d: { url: string }) => Promise<void>;
    search: (q: object) => Promise<{ url?: string }[]>;
    getVisits: (d: { url: string }) => Promise<unknown[]>;
  };
};
type BenchWindow = typeof globalThis & {
  chrome: Chrome;
  __frames?: { tasks: Span[]; frames: (Span & { detail: FrameDetail })[] };
  __lookBack?: { clickAt?: number; inDomAt?: number; shownAt?: number };
};
interface Span {
  start: number;
  duration: number;
}
/** Where a long animation frame's time went: its blocking part, script by script, rendering. */
interface FrameDetail {
  blockingMs: number;
  renderMs: number;
  scripts: { ms: number; invoker: string; at: string }[];
}

/**
 * Keeps every long task (`longtask`: main-thread work over 50 ms) and long animation frame
 * (`long-animation-frame`) of the page from now on, with where each frame's time went.
 */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as BenchWindow;
    if (w.__frames) return;
    const kept: NonNullable<BenchWindow['__frames']> = { tasks: [], frames: [] };
    w.__frames = kept;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        kept.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    type Frame = PerformanceEntry & {
      renderStart: number;
      blockingDuration: number;
      scripts: (PerformanceEntry & {
        invoker: string;
        sourceURL: string;
        sourceFunctionName: string;
      })[];
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Frame[]) {
        kept.frames.push({
          start: e.startTime,
          duration: e.duration,
          detail: {
            blockingMs: e.blockingDuration,
            renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            scripts: e.scripts
              .map((x) => ({
                ms: Math.round(x.duration),
                invoker: x.invoker,
                at: `${x.sourceFunctionName}@${x.sourceURL.split('/').pop()}`,
              }))
              .sort((x, y) => y.ms - x.ms)
              .slice(0, 3),
          },
        });
      }
    }).observe({ type: 'long-animation-frame' });
  });
}

/** The longest task and the longest animation frame that ended within `[from, to]`. */
async function longestIn(page: Page, from: number, to: number) {
  // Entries are reported after they end: give the last ones time to arrive.
  await page.waitForFunction((to) => performance.now() > to + 500, { polling: 100 }, to);
  return page.evaluate(
    (from, to) => {
      const { tasks, frames } = (globalThis as BenchWindow).__frames!;
      const within = (e: Span) => e.start + e.duration >= from && e.start <= to;
      const frame = frames.filter(within).sort((a, b) => b.duration - a.duration)[0];
      const task = tasks.filter(within).sort((a, b) => b.duration - a.duration)[0];
      return {
        longestTaskMs: task?.duration ?? 0,
        /** When it started, from `from`. */
        longestTaskAt: task ? task.start - from : 0,
        longestFrameMs: frame?.duration ?? 0,
        longestFrame: frame?.detail,
      };
    },
    from,
    to,
  );
}

/** The floor: every page's visits read through the history API, nothing else. */
async function readOnly(page: Page, now: number) {
  await watchMainThread(page);
  const read = await page.evaluate(
    async (from, to, atOnce) => {
      const { history } = (globalThis as BenchWindow).chrome;
      const t0 = performance.now();
      const pages = await history.search({
        text: '',
        startTime: from,
        endTime: to,
        maxResults: 100_000,
      });
      let visits = 0;
      for (let i = 0; i < pages.length; i += atOnce) {
        const lists = await Promise.all(
          pages.slice(i, i + atOnce).map((p) => history.getVisits({ url: p.url ?? '' })),
        );
        for (const l of lists) visits += l.length;
      }
      return { t0, t1: performance.now(), pages: pages.length, visits };
    },
    now - WEEKS * WEEK_MS,
    now,
    AT_ONCE,
  );
  return { ...read, ms: read.t1 - read.t0, ...(await longestIn(page, read.t0, read.t1)) };
}

/**
 * The look back through the Settings page, clicked as a learner clicks it: from the click
 * to the frame after the review list is in the DOM, and the longest task and frame of the
 * page in between.
 */
async function lookBackInUi(page: Page) {
  await page.reload();
  await watchMainThread(page);
  const radio = await page.waitForSelector(`.look-back input[id$="-weeks-${WEEKS}"]`);
  await radio!.click();
  const button = await page.waitForSelector('.look-back button.primary:not([disabled])');
  await button!.scrollIntoView();
  await page.evaluate(() => {
    const state: NonNullable<BenchWindow['__lookBack']> = {};
    (globalThis as BenchWindow).__lookBack = state;
    document.addEventListener(
      'click',
      () => {
        state.clickAt = performance.now();
      },
      { capture: true, once: true },
    );
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.look-back-review, .look-back [role="status"]')) return;
      seen.disconnect();
      state.inDomAt = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          state.shownAt = performance.now();
        }, 0),
      );
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  await button!.click();
  await page.waitForFunction(() => (globalThis as BenchWindow).__lookBack?.shownAt !== undefined, {
    timeout: 600_000,
    polling: 100,
  });
  const s = await page.evaluate(() => ({
    ...(globalThis as BenchWindow).__lookBack!,
    found: document.querySelector('.look-back-review [role="status"]')?.textContent ?? '',
  }));
  return {
    ms: s.shownAt! - s.clickAt!,
    inDomMs: s.inDomAt! - s.clickAt!,
    found: s.found,
    // And a second after: the suggestions of the candidates shown load after the first paint.
    ...(await longestIn(page, s.clickAt!, s.shownAt! + SETTLE_MS)),
  };
}

/**
 * A profile whose history holds `visits`: run once with the extension (Chromium makes its
 * history database), closed, filled, and opened again by the caller.
 */
async function profileWithHistory(
  dirs: { userDataDir: string; extensionDir: string },
  visits: Parameters<typeof writeChromiumHistory>[1],
) {
  const first = await launchBench('e2e', dirs);
  try {
    const page = await first.openExtensionPage('/dashboard.html#/settings');
    await page.evaluate(() =>
      (globalThis as BenchWindow).chrome.history.addUrl({ url: 'https://example.org/' }),
    );
  } finally {
    await first.close();
  }
  return writeChromiumHistory(dirs.userDataDir, visits);
}

async function main() {
  const now = Date.now();
  const visits = generateHistory({ seed: 30, perDay: PER_DAY, weeks: WEEKS, now });
  const dir = mkdtempSync(join(tmpdir(), 'skilltrail-bench-look-back-'));
  const dirs = { userDataDir: join(dir, 'profile'), extensionDir: join(dir, 'extension') };
  const t0 = performance.now();
  const pagesWritten = await profileWithHistory(dirs, visits);
  const fillMs = performance.now() - t0;
  console.log(
    `history: ${visits.length} visits of ${pagesWritten} pages in ${Math.round(fillMs)} ms`,
  );
  const ext = await launchBench('e2e', dirs);
  try {
    const page = await ext.openExtensionPage('/dashboard.html#/settings');
    await page.bringToFront();

    const full: Awaited<ReturnType<typeof lookBackInUi>>[] = [];
    const floor: Awaited<ReturnType<typeof readOnly>>[] = [];
    // One of each first, unmeasured: the history database and the page warm up.
    await readOnly(page, Date.now());
    const profile = argValue('--profile');
    if (profile) {
      // `--profile <file>`: the warm-up look back's CPU profile, for Chromium's DevTools.
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      await lookBackInUi(page);
      writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      await cdp.detach();
    } else await lookBackInUi(page);
    for (let round = 0; round < ROUNDS; round++) {
      const runFloor = async () => floor.push(await readOnly(page, Date.now()));
      const runFull = async () => full.push(await lookBackInUi(page));
      for (const run of round % 2 ? [runFloor, runFull] : [runFull, runFloor]) await run();
      const [f, r] = [full.at(-1)!, floor.at(-1)!];
      console.log(
        `round ${round + 1}: look back ${Math.round(f.ms)} ms (longest task ${Math.round(f.longestTaskMs)} ms, frame ${Math.round(f.longestFrameMs)} ms), reading alone ${Math.round(r.ms)} ms (longest task ${Math.round(r.longestTaskMs)} ms)`,
      );
    }
    const ms = (n: number) => Math.round(n * 10) / 10;
    const longestTask = Math.max(...full.map((f) => f.longestTaskMs));
    report('look-back', {
      rows: [
        {
          browser: 'Chromium',
          weeks: WEEKS,
          'visits in history': visits.length,
          'pages in history': pagesWritten,
          'visits read (floor)': floor.at(-1)!.visits,
          'candidates found': full.at(-1)!.found,
          'look back ms': ms(median(full.map((f) => f.ms))),
          'read only ms': ms(median(floor.map((f) => f.ms))),
          'longest task ms': ms(longestTask),
          'longest task ms (read only)': ms(Math.max(...floor.map((f) => f.longestTaskMs))),
          'longest frame ms': ms(Math.max(...full.map((f) => f.longestFrameMs))),
        },
      ],
      budgets: [
        {
          name: 'look back of twelve heavy weeks, to the review list on screen',
          value: ms(median(full.map((f) => f.ms))),
          unit: 'ms',
          floor: {
            name: 'reading the same history through the history API alone',
            value: ms(median(floor.map((f) => f.ms))),
          },
          pairs: full.map((f, i) => [f.ms, floor[i]!.ms] as const),
          limit: RATIO,
        },
        {
          name: "longest task on the dashboard's main thread, from the click to a second after the list shows",
          value: ms(longestTask),
          unit: 'ms',
          limit: FRAME_BUDGET_MS,
        },
      ],
      extra: {
        method:
          'Chromium, e2e build; its profile History database filled with the generated visits while closed; look back clicked in Settings (12 weeks) until the review list is on screen; longtask and long-animation-frame entries',
        fillMs: ms(fillMs),
        lookBackRounds: full.map((f) => ({
          ms: ms(f.ms),
          inDomMs: ms(f.inDomMs),
          longestTaskMs: ms(f.longestTaskMs),
          longestTaskAt: ms(f.longestTaskAt),
          longestFrameMs: ms(f.longestFrameMs),
          longestFrame: f.longestFrame,
        })),
        floorRounds: floor.map((f) => ({
          ms: ms(f.ms),
          longestTaskMs: ms(f.longestTaskMs),
          longestFrameMs: ms(f.longestFrameMs),
        })),
      },
    });
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

await main();
