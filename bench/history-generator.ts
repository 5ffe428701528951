/**
 * A heavy browser history, generated (seeded): searches on Google, DuckDuckGo and Bing with
 * up to three results opened from each, documentation pages, and feeds, shops and excluded
 * sites opened by their address — `perDay` visits a day for `weeks` weeks up to `now`.
 * Each visit has what a browser's history keeps of it: address, title, transition, time,
 * and for a result the results page's visit it was reached from.
 */
import { pick, seededRandom } from './seeded-random';

const DAY_MS = 24 * 3600_000;

export interface GeneratedVisit {
  url: string;
  title: string;
  /** Results pages `generated`, their results `link`, the rest `typed`. */
  transition: 'generated' | 'link' | 'typed';
  visitTime: number;
  /** The index (in the list) of the visit this one was reached from. */
  from?: number;
}

const WORDS = [
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
const SITES = Array.from({ length: 400 }, (_, i) => `site${i}.example`);
const DOCS = [
  'docs.python.org',
  'developer.mozilla.org',
  'support.microsoft.com',
  'learn.example.org',
];
const FEEDS = [
  'www.facebook.com',
  'www.amazon.com',
  'www.paypal.com',
  'news.example.com',
  'mail.google.com',
];
const ENGINES = [
  (q: string) => `https://www.google.com/search?q=${encodeURIComponent(q)}&start=0`,
  (q: string) => `https://duckduckgo.com/?q=${encodeURIComponent(q)}&t=h_`,
  (q: string) => `https://www.bing.com/search?q=${encodeURIComponent(q)}`,
];

/**
 * The visits, oldest first; days start at 08:00 and visits follow 5 s to 95 s apart.
 * @example generateHistory({ seed: 30, perDay: 380, weeks: 12, now: Date.now() }).length // ≈ 32,000
 */
export function generateHistory(options: {
  seed: number;
  perDay: number;
  weeks: number;
  now: number;
}): GeneratedVisit[] {
  const random = seededRandom(options.seed);
  const visits: GeneratedVisit[] = [];
  const add = (
    url: string,
    title: string,
    visitTime: number,
    transition: GeneratedVisit['transition'],
    from?: number,
  ) =>
    visits.push({ url, title, transition, visitTime, ...(from === undefined ? {} : { from }) }) - 1;
  for (let day = options.weeks * 7; day > 0; day--) {
    let at = options.now - day * DAY_MS + 8 * 3600_000;
    const end = visits.length + options.perDay;
    while (visits.length < end) {
      at += Math.floor(random() * 90_000) + 5_000;
      const kind = random();
      if (kind < 0.3) {
        const q = `${pick(random, WORDS)} ${pick(random, WORDS)}`;
        const serp = add(pick(random, ENGINES)(q), `${q} - Search`, at, 'generated');
        for (let r = Math.floor(random() * 4); r > 0; r--) {
          at += Math.floor(random() * 120_000) + 3_000;
          const path = `${pick(random, WORDS)}-${pick(random, WORDS)}-${Math.floor(random() * 50)}`;
          add(`https://${pick(random, SITES)}/${path}`, `${q} explained`, at, 'link', serp);
        }
      } else if (kind < 0.55) {
        const path = `docs/${pick(random, WORDS)}/${Math.floor(random() * 80)}`;
        add(`https://${pick(random, DOCS)}/${path}`, 'Reference', at, 'typed');
      } else {
        add(`https://${pick(random, FEEDS)}/${Math.floor(random() * 300)}`, 'Feed', at, 'typed');
      }
    }
  }
  return visits;
}
