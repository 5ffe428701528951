/**
 * What Skilltrail costs a page it is not capturing. Two Chromiums run side by side, one
 * with the production build loaded and one with no extension, same switches; each corpus
 * page (real pages, served on loopback; every other host fails to resolve) is loaded in a
 * fresh tab in both, alternating which goes first, for several rounds. Per page, the
 * median of each browser is taken and the difference is what the extension adds:
 * main-thread script and task time of the page's renderer (CDP Performance.getMetrics)
 * and load time (navigation start to the end of the load event).
 * The budgets are ratios: each page's figure with Skilltrail over the same page's without,
 * judged by the median of those per-page ratios (not by the ratio of two medians, which are
 * the figures of two different pages).
 * Run: npx vite-node bench/cost-per-page.bench.ts [--rounds 3] [--quick]
 * (`--quick`: every fourth page, two rounds).
 */
import type { Browser } from 'puppeteer-core';
import { loadCorpus } from '../test/e2e/harness/corpus';
import { launchBench, launchPlain, serveCorpus } from './browser';
import { argValue, median, QUICK, report } from './report';

const ROUNDS = Number(argValue('--rounds') ?? (QUICK ? 2 : 3));
/** With Skilltrail over without it: what a page may run and wait for besides its own. */
const SCRIPT_RATIO = 1.1;
const LOAD_RATIO = 1.1;
/** After the load event, both browsers wait this long so late scripts (document_idle) count. */
const SETTLE_MS = 300;

interface Sample {
  scriptMs: number;
  taskMs: number;
  loadMs: number;
}

/** Loads `url` in a fresh tab and returns what its renderer's main thread spent on it. */
async function loadOnce(browser: Browser, url: string): Promise<Sample | null> {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    const before = await read();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = await read();
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventEnd - nav.startTime : NaN;
    });
    return {
      scriptMs: (after.script - before.script) * 1000,
      taskMs: (after.task - before.task) * 1000,
      loadMs,
    };
  } catch {
    // A page that navigated away or timed out: its figures would compare different work.
    return null;
  } finally {
    await page.close().catch(() => {});
  }
}

const r2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const corpus = loadCorpus()?.filter((_, i) => !QUICK || i % 4 === 0);
  if (!corpus) {
    console.log('The page corpus is missing: nothing to measure (set SKILLTRAIL_CORPUS).');
    return;
  }
  const server = await serveCorpus(corpus);
  const ext = await launchBench('production');
  const plain = await launchPlain();
  const browsers = { with: ext.browser, without: plain };
  const samples = new Map(
    corpus.map((p) => [p.name, { with: [] as Sample[], without: [] as Sample[] }]),
  );
  try {
    // One page in each first, so neither browser pays its cold start inside the figures.
    for (const b of Object.values(browsers))
      await loadOnce(b, `${server.origin}/${corpus[0]!.name}/`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, page] of corpus.entries()) {
        const url = `${server.origin}/${page.name}/`;
        const order =
          (round + i) % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
        for (const side of order) {
          const s = await loadOnce(browsers[side], url);
          if (s) samples.get(page.name)![side].push(s);
        }
      }
      console.log(`round ${round + 1} of ${ROUNDS} done`);
    }
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }

  const rows: Record<string, string | number>[] = [];
  const added = { script: [] as number[], task: [] as number[], load: [] as number[] };
  const base = { script: [] as number[], load: [] as number[] };
  const withIt = { script: [] as number[], load: [] as number[] };
  const skipped: string[] = [];
  for (const page of corpus) {
    const s = samples.get(page.name)!;
    if (s.with.length === 0 || s.without.length === 0) {
      skipped.push(page.name);
      continue;
    }
    const m = (list: Sample[], k: keyof Sample) => median(list.map((x) => x[k]));
    const row = {
      page: page.name,
      'script ms, without': r2(m(s.without, 'scriptMs')),
      'script ms, added': r2(m(s.with, 'scriptMs') - m(s.without, 'scriptMs')),
      'task ms, added': r2(m(s.with, 'taskMs') - m(s.without, 'taskMs')),
      'load ms, without': r2(m(s.without, 'loadMs')),
      'load ms, added': r2(m(s.with, 'loadMs') - m(s.without, 'loadMs')),
    };
    rows.push(row);
    added.script.push(row['script ms, added']);
    added.task.push(row['task ms, added']);
    added.load.push(row['load ms, added']);
    base.script.push(m(s.without, 'scriptMs'));
    base.load.push(m(s.without, 'loadMs'));
    withIt.script.push(m(s.with, 'scriptMs'));
    withIt.load.push(m(s.with, 'loadMs'));
  }
  const summary = {
    page: `median of ${rows.length} pages`,
    'script ms, without': r2(median(base.script)),
    'script ms, added': r2(median(added.script)),
    'task ms, added': r2(median(added.task)),
    'load ms, without': r2(median(base.load)),
    'load ms, added': r2(median(added.load)),
  };
  rows.push(summary);
  report('cost-per-page', {
    rows,
    budgets: [
      {
        name: 'main-thread script time of a page not capturing (median of pages)',
        value: median(withIt.script),
        unit: 'ms',
        floor: { name: 'the same pages without Skilltrail', value: median(base.script) },
        pairs: withIt.script.map((v, i) => [v, base.script[i]!] as const),
        limit: SCRIPT_RATIO,
      },
      {
        name: 'load time of a page not capturing (median of pages)',
        value: median(withIt.load),
        unit: 'ms',
        floor: { name: 'the same pages without Skilltrail', value: median(base.load) },
        pairs: withIt.load.map((v, i) => [v, base.load[i]!] as const),
        limit: LOAD_RATIO,
      },
    ],
    extra: {
      rounds: ROUNDS,
      pages: corpus.length,
      // Pages that navigated away or timed out in one of the browsers every time.
      skippedPages: skipped,
      settleMs: SETTLE_MS,
      addedLoadMs: summary['load ms, added'],
      addedTaskMs: summary['task ms, added'],
      build: 'production',
    },
  });
}

await main();
