/**
 * Search engines and site searches Skilltrail recognises, as data: host patterns, results
 * paths and query parameters. `parseSearchUrl` turns a results page URL into the engine
 * and the query; anything else (maps, settings, an engine's home page) gives `null`.
 *
 * Host patterns: an exact host (a leading `www.` on the URL is ignored), `*.` for any
 * subdomain, `{tld}` for a country domain (`com`, `de`, `co.uk`, `com.br` …).
 * Paths are regular expression sources matched against the whole path.
 */
import { pageText } from './capture/page-text';

export interface SearchEngine {
  /** Stable id, stored on sessions and searches. */
  id: string;
  /** Name shown to the learner. */
  name: string;
  hosts: readonly string[];
  paths: readonly string[];
  /** Query parameters, in order of preference; the first non-empty one wins. */
  params: readonly string[];
  /** Parameters kept in the results URL we store besides the query (the vertical). */
  keepParams?: readonly string[];
  /** For engines that put the query in the path: a path pattern whose first group is the query. */
  pathQuery?: string;
}

export interface ParsedSearch {
  /** Engine id. */
  engine: string;
  engineName: string;
  /** The query as the learner typed it: decoded, NFC, trimmed, spaces collapsed. */
  query: string;
  /**
   * The results page reduced to engine, vertical and query: page 2, filters and click
   * tracking parameters are dropped, so every page of one search gives the same URL.
   */
  url: string;
}

export const SEARCH_ENGINES: readonly SearchEngine[] = [
  {
    id: 'google',
    name: 'Google',
    hosts: ['google.{tld}'],
    paths: ['/search'],
    params: ['q'],
    keepParams: ['tbm', 'udm'],
  },
  {
    id: 'bing',
    name: 'Bing',
    hosts: ['bing.com', '*.bing.com'],
    paths: ['/search', '/(images|videos|news|shop)/search'],
    params: ['q', 'Q'],
  },
  {
    id: 'duckduckgo',
    name: 'DuckDuckGo',
    hosts: ['duckduckgo.com', 'html.duckduckgo.com', 'lite.duckduckgo.com'],
    paths: ['/', '/html/?', '/lite/?'],
    params: ['q'],
    keepParams: ['ia', 'iax'],
  },
  {
    id: 'brave',
    name: 'Brave Search',
    hosts: ['search.brave.com'],
    paths: ['/(search|images|news|videos|goggles)'],
    params: ['q'],
  },
  {
    id: 'ecosia',
    name: 'Ecosia',
    hosts: ['ecosia.org'],
    paths: ['/(search|images|news|videos)'],
    params: ['q'],
  },
  {
    id: 'startpage',
    name: 'Startpage',
    hosts: ['startpage.com', '*.startpage.com'],
    paths: ['/(do|sp)/(search|dsearch|asearch)'],
    params: ['query', 'q'],
  },
  {
    id: 'kagi',
    name: 'Kagi',
    hosts: ['kagi.com'],
    paths: ['/(search|images|videos|news)'],
    params: ['q'],
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    hosts: ['search.yahoo.com', '*.search.yahoo.com'],
    // Yahoo puts tracking state in matrix parameters: /search;_ylt=…
    paths: ['/(search|yhs/search)(;.*)?'],
    params: ['p', 'q'],
  },
  {
    id: 'yahoo-japan',
    name: 'Yahoo! JAPAN',
    hosts: ['search.yahoo.co.jp'],
    paths: ['/(search|image/search|video/search)'],
    params: ['p', 'vp'],
  },
  {
    id: 'yandex',
    name: 'Yandex',
    hosts: ['yandex.{tld}', 'ya.ru'],
    paths: ['/search/?', '/(images|video)/search/?', '/search/touch/?'],
    params: ['text'],
  },
  {
    id: 'baidu',
    name: 'Baidu',
    hosts: ['baidu.com', 'm.baidu.com'],
    paths: ['/s', '/from=[^/]*/s'],
    params: ['wd', 'word', 'kw'],
  },
  {
    id: 'naver',
    name: 'Naver',
    hosts: ['search.naver.com', 'm.search.naver.com'],
    paths: ['/search\\.naver'],
    params: ['query'],
    keepParams: ['where'],
  },
  {
    id: 'qwant',
    name: 'Qwant',
    hosts: ['qwant.com', 'lite.qwant.com'],
    paths: ['/'],
    params: ['q'],
    keepParams: ['t'],
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    hosts: ['perplexity.ai'],
    // Answer threads move to /search/<slug> without the question; only /search?q= names it.
    paths: ['/search/?', '/'],
    params: ['q'],
  },
  {
    id: 'wikipedia',
    name: 'Wikipedia',
    hosts: ['*.wikipedia.org'],
    paths: ['/wiki/Special:Search(/.*)?', '/w/index\\.php'],
    params: ['search'],
    pathQuery: '/wiki/Special:Search/(.+)',
  },
  {
    id: 'youtube',
    name: 'YouTube',
    hosts: ['youtube.com', 'm.youtube.com'],
    paths: ['/results'],
    params: ['search_query', 'q'],
  },
  {
    id: 'stackoverflow',
    name: 'Stack Overflow',
    hosts: ['stackoverflow.com'],
    paths: ['/search'],
    params: ['q'],
  },
  {
    id: 'stackexchange',
    name: 'Stack Exchange',
    hosts: [
      '*.stackexchange.com',
      'superuser.com',
      'serverfault.com',
      'askubuntu.com',
      'mathoverflow.net',
    ],
    paths: ['/search'],
    params: ['q'],
  },
  {
    id: 'github',
    name: 'GitHub',
    hosts: ['github.com'],
    paths: ['/search'],
    params: ['q'],
    keepParams: ['type'],
  },
  {
    id: 'mdn',
    name: 'MDN Web Docs',
    hosts: ['developer.mozilla.org'],
    paths: ['/[A-Za-z]{2}(-[A-Za-z]{2,4})?/search'],
    params: ['q'],
  },
  {
    id: 'google-scholar',
    name: 'Google Scholar',
    hosts: ['scholar.google.{tld}'],
    paths: ['/scholar'],
    params: ['q'],
  },
  {
    id: 'reddit',
    name: 'Reddit',
    hosts: ['reddit.com', 'old.reddit.com', 'new.reddit.com'],
    paths: ['/search/?', '/r/[^/]+/search/?'],
    params: ['q'],
    keepParams: ['type'],
  },
  {
    id: 'seznam',
    name: 'Seznam',
    hosts: ['search.seznam.cz'],
    paths: ['/', '/(obrazky|videa)/?'],
    params: ['q'],
  },
  {
    id: 'mojeek',
    name: 'Mojeek',
    hosts: ['mojeek.com'],
    paths: ['/search'],
    params: ['q'],
  },
  {
    id: 'sogou',
    name: 'Sogou',
    hosts: ['sogou.com'],
    paths: ['/web', '/sogou'],
    params: ['query'],
  },
  {
    id: '360search',
    name: '360 Search',
    hosts: ['so.com', 'm.so.com'],
    paths: ['/s'],
    params: ['q'],
  },
  {
    id: 'ask',
    name: 'Ask',
    hosts: ['ask.com'],
    paths: ['/web'],
    params: ['q', 'ask', 'searchfor'],
  },
  {
    id: 'aol',
    name: 'AOL Search',
    hosts: ['search.aol.com'],
    paths: ['/aol/search(;.*)?', '/search(;.*)?'],
    params: ['q', 'query'],
  },
  {
    id: 'swisscows',
    name: 'Swisscows',
    hosts: ['swisscows.com'],
    paths: ['/([a-z]{2}/)?(web|images|video|news)'],
    params: ['query'],
  },
  {
    id: 'yep',
    name: 'Yep',
    hosts: ['yep.com'],
    paths: ['/web'],
    params: ['q'],
  },
  {
    id: 'npm',
    name: 'npm',
    hosts: ['npmjs.com'],
    paths: ['/search'],
    params: ['q'],
  },
  {
    id: 'pypi',
    name: 'PyPI',
    hosts: ['pypi.org'],
    paths: ['/search/?'],
    params: ['q'],
  },
  {
    id: 'arxiv',
    name: 'arXiv',
    hosts: ['arxiv.org'],
    paths: ['/search/?', '/search/advanced/?'],
    params: ['query'],
    keepParams: ['searchtype'],
  },
  {
    id: 'pubmed',
    name: 'PubMed',
    hosts: ['pubmed.ncbi.nlm.nih.gov'],
    paths: ['/'],
    params: ['term'],
  },
  {
    id: 'semantic-scholar',
    name: 'Semantic Scholar',
    hosts: ['semanticscholar.org'],
    paths: ['/search'],
    params: ['q'],
  },
  {
    id: 'wolframalpha',
    name: 'Wolfram|Alpha',
    hosts: ['wolframalpha.com'],
    paths: ['/input/?'],
    params: ['i'],
  },
];

/** Longest query we keep; anything longer is pasted text, not a query. */
const MAX_QUERY_LENGTH = 500;

interface CompiledEngine {
  engine: SearchEngine;
  hosts: RegExp[];
  paths: RegExp;
  pathQuery: RegExp | null;
}

// A country domain: com, de, co.uk, com.br — enough for the engines above.
const TLD_SOURCE = '(?:[a-z]{2,3}|(?:co|com)\\.[a-z]{2})';

function hostPattern(pattern: string): RegExp {
  const wildcard = pattern.startsWith('*.');
  const body = (wildcard ? pattern.slice(2) : pattern)
    .split('{tld}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(TLD_SOURCE);
  return new RegExp(`^${wildcard ? '(?:[a-z0-9-]+\\.)+' : ''}${body}$`);
}

const COMPILED: readonly CompiledEngine[] = SEARCH_ENGINES.map((engine) => ({
  engine,
  hosts: engine.hosts.map(hostPattern),
  paths: new RegExp(`^(?:${engine.paths.join('|')})$`),
  pathQuery: engine.pathQuery ? new RegExp(`^${engine.pathQuery}$`) : null,
}));

/**
 * A query as the learner meant it, cleaned as page titles are (`pageText`: no control or
 * bidi characters, whitespace collapsed, trimmed), NFC, cut on whole characters.
 * @example normaliseQuery('  css\u00a0 grid ') // 'css grid'
 * @example normaliseQuery('css\u0000\u202Egrid') // 'cssgrid'
 */
export function normaliseQuery(raw: string): string {
  return pageText(raw.normalize('NFC'), MAX_QUERY_LENGTH);
}

/** Decodes a path segment; malformed percent-encoding stays as typed instead of throwing. */
function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * The engine that serves a host name (a leading `www.` is ignored), or `null`.
 * @example engineForHost('www.google.co.uk')?.id // 'google'
 */
export function engineForHost(hostname: string): SearchEngine | null {
  return compiledForHost(hostname)?.engine ?? null;
}

/** Hosts already looked up: a look back asks about the same few hundred hosts thousands of times. */
const byHost = new Map<string, CompiledEngine | null>();
const MAX_REMEMBERED_HOSTS = 2000;

function compiledForHost(hostname: string): CompiledEngine | null {
  const known = byHost.get(hostname);
  if (known !== undefined) return known;
  const host = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  const found = COMPILED.find((compiled) => compiled.hosts.some((re) => re.test(host))) ?? null;
  if (byHost.size >= MAX_REMEMBERED_HOSTS) byHost.clear();
  byHost.set(hostname, found);
  return found;
}

/**
 * The engine and query of a search results page, or `null` for anything else (another
 * page on an engine's site, a results page without a query, a non-web URL). Page 2 of a
 * search gives the same query and the same `url`. Never throws.
 * @example parseSearchUrl('https://www.google.com/search?q=css+grid&start=10')
 * // { engine: 'google', engineName: 'Google', query: 'css grid', url: 'https://www.google.com/search?q=css+grid' }
 */
export function parseSearchUrl(url: string): ParsedSearch | null {
  if (typeof url !== 'string' || !/^https?:/i.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const compiled = compiledForHost(u.hostname);
  if (!compiled || !compiled.paths.test(u.pathname)) return null;
  const { engine } = compiled;

  let param: string | null = null;
  let query = '';
  for (const name of engine.params) {
    // URLSearchParams decodes `+` and percent-encoding; malformed sequences become U+FFFD, never an exception.
    const value = normaliseQuery(u.searchParams.get(name) ?? '');
    if (value) {
      param = name;
      query = value;
      break;
    }
  }
  if (!query && compiled.pathQuery) {
    const match = compiled.pathQuery.exec(u.pathname);
    if (match?.[1]) query = normaliseQuery(decodePathSegment(match[1]));
  }
  if (!query) return null;

  // Matrix parameters (Yahoo's `;_ylt=…`) are click tracking, not part of the page.
  const clean = new URL(`${u.protocol}//${u.host}${u.pathname.replace(/;.*$/, '')}`);
  if (param) clean.searchParams.set(param, query);
  for (const keep of engine.keepParams ?? []) {
    const value = u.searchParams.get(keep);
    if (value) clean.searchParams.set(keep, value);
  }
  return { engine: engine.id, engineName: engine.name, query, url: clean.toString() };
}

/**
 * The engine table entry by id.
 * @example searchEngineById('bing')?.name // 'Bing'
 */
export function searchEngineById(id: string): SearchEngine | undefined {
  return SEARCH_ENGINES.find((engine) => engine.id === id);
}
