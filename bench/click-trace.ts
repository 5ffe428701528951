/**
 * Where a toolbar click's time goes: a Chromium trace (every process) of clicks on one
 * corpus page, summed per thread over the span from the click reaching the worker to the
 * capture stored, with the steps of the capture as they appear in the trace (the
 * injection, the page's script, the database write, the popup's navigation and scripts).
 * A tool for finding contention, not a benchmark: it has no budget.
 * Run: npx vite-node bench/click-trace.ts [--page nytimes-4] [--clicks 5] [--out trace.json]
 */
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../test/e2e/harness/corpus';
import { clickToolbarButton, type ClickClock, launchBench, serveCorpus } from './browser';
import { argValue, median } from './report';
import { isTask, startTrace, threadNames, type TraceEvent } from './trace';

// Light categories: the heavy timeline ones slow a click several times over.
const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8.execute'];

async function main(): Promise<void> {
  const corpus = loadCorpus();
  if (!corpus) throw new Error('The page corpus is missing (set SKILLTRAIL_CORPUS).');
  const name = argValue('--page') ?? 'nytimes-4';
  const page = corpus.find((p) => p.name === name);
  if (!page) throw new Error(`No corpus page ${name}.`);
  const clicks = Number(argValue('--clicks') ?? 5);
  const server = await serveCorpus([page]);
  const ext = await launchBench('production');
  try {
    const tab = await ext.browser.newPage();
    await tab.goto(`${server.origin}/${name}/`, { waitUntil: 'load' });
    const worker = await ext.worker();
    // Marks the click and the stored record in the worker, as user timing in the trace.
    const clickAndStore = async () => {
      await worker.evaluate(() => {
        const g = globalThis as ClickClock & { __benchMarked?: boolean };
        const chrome = (
          globalThis as unknown as {
            chrome: { action: { onClicked: { addListener: (f: () => void) => void } } };
          }
        ).chrome;
        if (!g.__benchMarked) {
          chrome.action.onClicked.addListener(() => performance.mark('bench-click'));
          g.__benchMarked = true;
        }
      });
      const before = await worker.evaluate(() => Date.now());
      const popup = await clickToolbarButton(ext, tab);
      await worker.evaluate(async (since) => {
        const db = await new Promise<IDBDatabase>((res) => {
          const open = indexedDB.open('skilltrail');
          open.onsuccess = () => res(open.result);
        });
        for (;;) {
          const latest = await new Promise<number>((res) => {
            const all = db.transaction('captures').objectStore('captures').getAll();
            all.onsuccess = () =>
              res(Math.max(0, ...all.result.map((c: { capturedAt: number }) => c.capturedAt)));
          });
          if (latest >= since) break;
          await new Promise((r) => setTimeout(r, 2));
        }
        performance.mark('bench-stored');
        db.close();
      }, before);
      await popup.waitForSelector('.page-title', { timeout: 10_000 });
      await popup.evaluate(() => performance.mark('bench-shown-seen'));
      await popup.close();
    };
    await clickAndStore(); // wakes the worker, opens the database
    const cdp = await ext.browser.target().createCDPSession();
    const trace = await startTrace(cdp, CATEGORIES);
    for (let i = 0; i < clicks; i++) {
      await tab.bringToFront();
      await clickAndStore();
      await new Promise((r) => setTimeout(r, 300));
    }
    const text = await trace.stop();
    const out = argValue('--out');
    if (out) writeFileSync(out, text);
    summarise((JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents);
  } finally {
    await ext.close();
    await server.close();
  }
}

/** Per click: busy time of each thread between the click and the stored record. */
function summarise(events: TraceEvent[]): void {
  const threadOf = threadNames(events);
  const marks = (n: string) =>
    events
      .filter((e) => e.name === n && e.cat.includes('user_timing'))
      .map((e) => e.ts)
      .sort((a, b) => a - b);
  const clicks = marks('bench-click');
  const stored = marks('bench-stored');
  const spans = clicks
    .map((c) => [c, stored.find((s) => s > c)] as const)
    .filter((s): s is readonly [number, number] => s[1] !== undefined);
  const busy = new Map<string, number[]>();
  const steps = new Map<string, number[]>();
  for (const [k, [from, to]] of spans.entries()) {
    const perThread = new Map<string, number>();
    const taskEnd = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || e.dur === undefined) continue;
      const end = e.ts + e.dur;
      if (end < from || e.ts > to) continue;
      const overlap = Math.min(end, to) - Math.max(e.ts, from);
      const thread = threadOf(e);
      // Top-level tasks only: a task run inside another is counted once.
      if (isTask(e) && e.ts >= (taskEnd.get(thread) ?? 0)) {
        taskEnd.set(thread, end);
        perThread.set(thread, (perThread.get(thread) ?? 0) + overlap);
      }
      if (
        /EvaluateScript|v8.compile|FunctionCall|ParseHTML|Layout|UpdateLayoutTree|v8.run|CompileCode|CompileScript|IndexedDB|Paint/.test(
          e.name,
        )
      ) {
        const key = `${thread}: ${e.name}`;
        const list = steps.get(key) ?? [];
        list[k] = (list[k] ?? 0) + overlap;
        steps.set(key, list);
      }
    }
    for (const [t, us] of perThread) {
      const list = busy.get(t) ?? [];
      list[k] = us;
      busy.set(t, list);
    }
  }
  const ms = (us: number[]) => Math.round(median(us.map((u) => u ?? 0)) / 100) / 10;
  console.log(
    `click to stored, ${spans.length} clicks: ${spans.map(([a, b]) => Math.round((b - a) / 100) / 10).join(', ')} ms`,
  );
  console.log('\nbusy time per thread in that span (median ms):');
  for (const [t, us] of [...busy].sort((a, b) => ms(b[1]) - ms(a[1]))) {
    if (ms(us) >= 0.5) console.log(`  ${ms(us).toString().padStart(6)}  ${t}`);
  }
  console.log('\nsteps in that span (median ms):');
  for (const [s, us] of [...steps].sort((a, b) => ms(b[1]) - ms(a[1]))) {
    if (ms(us) >= 0.5) console.log(`  ${ms(us).toString().padStart(6)}  ${s}`);
  }
}

await main();
