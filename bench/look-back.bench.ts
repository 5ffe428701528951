// A look back through twelve weeks of a heavy browser history (generated: searches on several
// engines with results read from them, documentation and articles, feeds, shops and excluded
// sites, ≥ 30,000 visits), through lib/look-back with a fake history API that answers as the
// browser's does: asynchronously, each answer a fresh copy (structuredClone, as a message
// across the API's boundary). The floor is the same reading alone: `history.search` and
// `getVisits` for every page, as many at once as the look back asks, nothing else. Rounds
// alternate the two and are judged pair by pair. Times are CPU time (process.cpuUsage), as
// in the tracker's benchmark: these machines are shared, and wall-clock time there measures
// the other jobs as much as this code (wall-clock figures are printed beside). The longest
// slice of work between two pauses, on the same CPU clock given to the look back, must stay
// under a frame budget of 100 ms.
import { lookBack, WEEK_MS } from '../lib/look-back/look-back';
import type { HistoryPage, HistoryReader, HistoryVisitItem } from '../lib/look-back/history-visit';
import { knownVisits } from '../lib/look-back/known';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { median, QUICK, report } from './report';
import { pick, seededRandom } from './seeded-random';

const WEEKS = 12;
const NOW = Date.UTC(2026, 11, 7, 12);
const RATIO = 2;
const SLICE_BUDGET_MS = 100;
const ROUNDS = QUICK ? 2 : 5;
/** Pages asked about at once, as the look back asks. */
const AT_ONCE = 100;

interface Generated {
  pages: HistoryPage[];
  visits: Map<string, HistoryVisitItem[]>;
  count: number;
}

/** A heavy history: about 380 visits a day for twelve weeks. */
function generateHistory(seed: number, perDay: number): Generated {
  const random = seededRandom(seed);
  const visits = new Map<string, HistoryVisitItem[]>();
  const titles = new Map<string, string>();
  let id = 0;
  let count = 0;
  const add = (url: string, title: string, at: number, from?: string, transition = 'link') => {
    const visitId = String(++id);
    const list = visits.get(url) ?? [];
    list.push({ visitId, visitTime: at, referringVisitId: from ?? '0', transition });
    visits.set(url, list);
    titles.set(url, title);
    count++;
    return visitId;
  };
  const words = [
    'css',
    'grid',
    'excel',
    'vlookup',
    'printer',
    'python',
    'async',
    'budget',
    'sql',
    'join',
    'regex',
    'flexbox',
    'pivot',
    'table',
    'docker',
    'git',
    'rebase',
    'spanish',
    'verbs',
    'chart',
  ];
  const sites = Array.from({ length: 400 }, (_, i) => `site${i}.example`);
  const docs = [
    'docs.python.org',
    'developer.mozilla.org',
    'support.microsoft.com',
    'learn.example.org',
  ];
  const feeds = [
    'www.facebook.com',
    'www.amazon.com',
    'www.paypal.com',
    'news.example.com',
    'mail.google.com',
  ];
  const engines = [
    (q: string) => `https://www.google.com/search?q=${encodeURIComponent(q)}&start=0`,
    (q: string) => `https://duckduckgo.com/?q=${encodeURIComponent(q)}&t=h_`,
    (q: string) => `https://www.bing.com/search?q=${encodeURIComponent(q)}`,
  ];
  for (let day = WEEKS * 7; day > 0; day--) {
    let at = NOW - day * 24 * 3600_000 + 8 * 3600_000;
    let today = 0;
    while (today < perDay) {
      at += Math.floor(random() * 90_000) + 5_000;
      const kind = random();
      if (kind < 0.3) {
        const q = `${pick(random, words)} ${pick(random, words)}`;
        const serp = add(pick(random, engines)(q), `${q} - Search`, at, undefined, 'generated');
        today++;
        for (let r = Math.floor(random() * 4); r > 0; r--) {
          at += Math.floor(random() * 120_000) + 3_000;
          const url = `https://${pick(random, sites)}/${pick(random, words)}-${pick(random, words)}-${Math.floor(random() * 50)}`;
          add(url, `${q} explained`, at, serp);
          today++;
        }
      } else if (kind < 0.55) {
        add(
          `https://${pick(random, docs)}/docs/${pick(random, words)}/${Math.floor(random() * 80)}`,
          'Reference',
          at,
          undefined,
          'typed',
        );
        today++;
      } else {
        add(
          `https://${pick(random, feeds)}/${Math.floor(random() * 300)}`,
          'Feed',
          at,
          undefined,
          'typed',
        );
        today++;
      }
    }
  }
  const pages = [...visits.entries()].map(([url, list]) => ({
    url,
    title: titles.get(url) ?? '',
    lastVisitTime: Math.max(...list.map((v) => v.visitTime ?? 0)),
  }));
  return { pages, visits, count };
}

/** The browser's history API as the fake answers it: later, and a copy. */
function fakeApi(data: Generated): HistoryReader {
  const later = <T>(value: T) =>
    new Promise<T>((resolve) => setImmediate(() => resolve(structuredClone(value))));
  return {
    search: () => later(data.pages),
    getVisits: ({ url }) => later(data.visits.get(url) ?? []),
  };
}

/** The floor: every page's visits read, as many at once as the look back asks, nothing else. */
async function readOnly(api: HistoryReader): Promise<number> {
  const pages = await api.search({
    text: '',
    startTime: NOW - WEEKS * WEEK_MS,
    endTime: NOW,
    maxResults: 100_000,
  });
  let n = 0;
  for (let i = 0; i < pages.length; i += AT_ONCE) {
    const lists = await Promise.all(
      pages.slice(i, i + AT_ONCE).map((p) => api.getVisits({ url: p.url ?? '' })),
    );
    for (const l of lists) n += l.length;
  }
  return n;
}

/** CPU time of this process, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const data = generateHistory(30, QUICK ? 180 : 380);
const api = fakeApi(data);
const settings = { ...DEFAULT_SETTINGS, trackingConsent: true };
const fullMs: number[] = [];
const floorMs: number[] = [];
const fullWallMs: number[] = [];
const floorWallMs: number[] = [];
const slices: number[] = [];
let candidates = 0;
let visitsRead = 0;
for (let round = 0; round < ROUNDS; round++) {
  const floor = async () => {
    const [c0, t0] = [cpuMs(), performance.now()];
    visitsRead = await readOnly(api);
    floorMs.push(cpuMs() - c0);
    floorWallMs.push(performance.now() - t0);
  };
  const full = async () => {
    const [c0, t0] = [cpuMs(), performance.now()];
    const result = await lookBack({
      history: api,
      now: NOW,
      weeks: WEEKS,
      settings,
      known: knownVisits([]),
      learningSites: new Set(),
      clock: cpuMs,
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
    fullMs.push(cpuMs() - c0);
    fullWallMs.push(performance.now() - t0);
    slices.push(result.longestSliceMs);
    candidates = result.candidates.length;
  };
  for (const run of round % 2 ? [floor, full] : [full, floor]) await run();
}

const ms = (n: number) => Math.round(n * 10) / 10;
report('look-back', {
  rows: [
    {
      weeks: WEEKS,
      'pages in history': data.pages.length,
      'visits in history': data.count,
      'visits read (floor)': visitsRead,
      candidates,
      'look back ms CPU': ms(median(fullMs)),
      'read only ms CPU': ms(median(floorMs)),
      'look back ms wall': ms(median(fullWallMs)),
      'read only ms wall': ms(median(floorWallMs)),
      'longest slice ms CPU': ms(Math.max(...slices)),
    },
  ],
  budgets: [
    {
      name: 'look back of twelve heavy weeks',
      value: ms(median(fullMs)),
      unit: 'ms CPU',
      floor: {
        name: 'reading the same visits through the history API alone',
        value: ms(median(floorMs)),
      },
      pairs: fullMs.map((f, i) => [f, floorMs[i]!] as const),
      limit: RATIO,
    },
    {
      name: 'longest slice of work between two pauses',
      value: ms(Math.max(...slices)),
      unit: 'ms CPU',
      limit: SLICE_BUDGET_MS,
    },
  ],
  extra: {
    fullRounds: fullMs.map(ms),
    floorRounds: floorMs.map(ms),
    fullWallRounds: fullWallMs.map(ms),
    floorWallRounds: floorWallMs.map(ms),
    slices: slices.map(ms),
  },
});
