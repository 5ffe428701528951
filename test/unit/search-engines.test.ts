import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  engineForHost,
  normaliseQuery,
  parseSearchUrl,
  SEARCH_ENGINES,
} from '../../lib/search-engines';

/** One results page per engine (at least): [url, engine, query]. */
const RESULTS_PAGES: [string, string, string][] = [
  ['https://www.google.com/search?q=css+grid&sca_esv=1&ei=x', 'google', 'css grid'],
  ['https://www.google.co.uk/search?q=flexbox', 'google', 'flexbox'],
  ['https://www.google.com.br/search?q=aprender+css', 'google', 'aprender css'],
  ['https://google.de/search?q=Gitter', 'google', 'Gitter'],
  ['https://www.bing.com/search?q=rust+lifetimes&form=QBLH', 'bing', 'rust lifetimes'],
  ['https://www.bing.com/images/search?q=owl', 'bing', 'owl'],
  ['https://cn.bing.com/search?Q=caps', 'bing', 'caps'],
  ['https://duckduckgo.com/?q=sql+joins&ia=web', 'duckduckgo', 'sql joins'],
  ['https://html.duckduckgo.com/html/?q=sql', 'duckduckgo', 'sql'],
  ['https://search.brave.com/search?q=vector+clocks', 'brave', 'vector clocks'],
  ['https://www.ecosia.org/search?method=index&q=trees', 'ecosia', 'trees'],
  ['https://www.startpage.com/do/search?query=privacy', 'startpage', 'privacy'],
  ['https://www.startpage.com/sp/search?q=privacy', 'startpage', 'privacy'],
  ['https://kagi.com/search?q=lenses', 'kagi', 'lenses'],
  ['https://search.yahoo.com/search;_ylt=AwrE?p=monads&fr=yfp', 'yahoo', 'monads'],
  ['https://uk.search.yahoo.com/search?p=tea', 'yahoo', 'tea'],
  ['https://search.yahoo.co.jp/search?p=%E6%9D%B1%E4%BA%AC', 'yahoo-japan', '東京'],
  ['https://yandex.ru/search/?text=%D0%BA%D0%BE%D1%82&lr=213', 'yandex', 'кот'],
  ['https://yandex.com/search/?text=kotlin', 'yandex', 'kotlin'],
  ['https://ya.ru/search/?text=python', 'yandex', 'python'],
  ['https://www.baidu.com/s?wd=%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0', 'baidu', '机器学习'],
  ['https://m.baidu.com/s?word=%E7%BC%96%E7%A8%8B', 'baidu', '编程'],
  [
    'https://search.naver.com/search.naver?where=nexearch&query=%ED%95%9C%EA%B8%80',
    'naver',
    '한글',
  ],
  ['https://www.qwant.com/?q=ocaml&t=web', 'qwant', 'ocaml'],
  ['https://www.perplexity.ai/search?q=why+is+the+sky+blue', 'perplexity', 'why is the sky blue'],
  [
    'https://en.wikipedia.org/w/index.php?search=entropy&title=Special:Search',
    'wikipedia',
    'entropy',
  ],
  ['https://de.wikipedia.org/wiki/Special:Search?search=Entropie', 'wikipedia', 'Entropie'],
  ['https://en.wikipedia.org/wiki/Special:Search/black%20holes', 'wikipedia', 'black holes'],
  ['https://en.m.wikipedia.org/w/index.php?search=tide', 'wikipedia', 'tide'],
  [
    'https://www.youtube.com/results?search_query=fourier+transform',
    'youtube',
    'fourier transform',
  ],
  ['https://m.youtube.com/results?search_query=piano', 'youtube', 'piano'],
  [
    'https://stackoverflow.com/search?q=%5Bjavascript%5D+closure',
    'stackoverflow',
    '[javascript] closure',
  ],
  ['https://math.stackexchange.com/search?q=eigenvalue', 'stackexchange', 'eigenvalue'],
  ['https://superuser.com/search?q=ssh', 'stackexchange', 'ssh'],
  ['https://github.com/search?q=readability&type=repositories', 'github', 'readability'],
  ['https://developer.mozilla.org/en-US/search?q=grid-template', 'mdn', 'grid-template'],
  ['https://developer.mozilla.org/fr/search?q=grille', 'mdn', 'grille'],
  ['https://scholar.google.com/scholar?hl=en&q=dwell+time', 'google-scholar', 'dwell time'],
  ['https://scholar.google.de/scholar?q=lesen', 'google-scholar', 'lesen'],
  ['https://www.reddit.com/search/?q=learn+rust', 'reddit', 'learn rust'],
  ['https://www.reddit.com/r/rust/search/?q=async&restrict_sr=1', 'reddit', 'async'],
  ['https://old.reddit.com/r/python/search?q=typing', 'reddit', 'typing'],
  ['https://search.seznam.cz/?q=praha', 'seznam', 'praha'],
  ['https://www.mojeek.com/search?q=indie', 'mojeek', 'indie'],
  ['https://www.sogou.com/web?query=%E5%AD%A6%E4%B9%A0', 'sogou', '学习'],
  ['https://www.so.com/s?q=360', '360search', '360'],
  ['https://www.ask.com/web?q=why', 'ask', 'why'],
  ['https://search.aol.com/aol/search?q=news', 'aol', 'news'],
  ['https://swisscows.com/en/web?query=alps', 'swisscows', 'alps'],
  ['https://yep.com/web?q=seo', 'yep', 'seo'],
  ['https://www.npmjs.com/search?q=dexie', 'npm', 'dexie'],
  ['https://pypi.org/search/?q=numpy', 'pypi', 'numpy'],
  ['https://arxiv.org/search/?query=transformers&searchtype=all', 'arxiv', 'transformers'],
  ['https://pubmed.ncbi.nlm.nih.gov/?term=sleep', 'pubmed', 'sleep'],
  ['https://www.semanticscholar.org/search?q=attention', 'semantic-scholar', 'attention'],
  ['https://www.wolframalpha.com/input?i=integrate+x%5E2', 'wolframalpha', 'integrate x^2'],
];

describe('parseSearchUrl', () => {
  it.each(RESULTS_PAGES)('reads %s as %s “%s”', (url, engine, query) => {
    const parsed = parseSearchUrl(url);
    expect(parsed).toMatchObject({ engine, query });
    expect(parsed?.engineName).toBe(SEARCH_ENGINES.find((e) => e.id === engine)?.name);
  });

  it('has a results page example for every engine in the table', () => {
    const covered = new Set(RESULTS_PAGES.map(([, engine]) => engine));
    expect(SEARCH_ENGINES.filter((e) => !covered.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(SEARCH_ENGINES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SEARCH_ENGINES.map((e) => e.id)).size).toBe(SEARCH_ENGINES.length);
  });

  it.each([
    [
      'google start=',
      'https://www.google.com/search?q=css+grid',
      'https://www.google.com/search?q=css+grid&start=10',
    ],
    [
      'bing first=',
      'https://www.bing.com/search?q=css',
      'https://www.bing.com/search?q=css&first=11&FORM=PERE',
    ],
    [
      'yahoo b=',
      'https://search.yahoo.com/search?p=css',
      'https://search.yahoo.com/search?p=css&b=8',
    ],
    ['yandex p=', 'https://yandex.ru/search/?text=css', 'https://yandex.ru/search/?text=css&p=1'],
    ['baidu pn=', 'https://www.baidu.com/s?wd=css', 'https://www.baidu.com/s?wd=css&pn=10'],
    [
      'github p=',
      'https://github.com/search?q=css&type=code',
      'https://github.com/search?q=css&type=code&p=2',
    ],
    [
      'stackoverflow page=',
      'https://stackoverflow.com/search?q=css',
      'https://stackoverflow.com/search?page=2&tab=Relevance&q=css',
    ],
    ['ecosia p=', 'https://www.ecosia.org/search?q=css', 'https://www.ecosia.org/search?q=css&p=1'],
    [
      'duckduckgo s=',
      'https://html.duckduckgo.com/html/?q=css',
      'https://html.duckduckgo.com/html/?q=css&s=30&dc=31',
    ],
  ])('gives page 2 the same query and URL (%s)', (_, first, second) => {
    const a = parseSearchUrl(first);
    const b = parseSearchUrl(second);
    expect(a).not.toBeNull();
    expect(b).toEqual(a);
  });

  it.each([
    ['Google Maps', 'https://www.google.com/maps/search/coffee'],
    ['Google Maps place', 'https://www.google.com/maps?q=paris'],
    ['Google settings', 'https://www.google.com/preferences?hl=en'],
    ['Google account', 'https://myaccount.google.com/?q=x'],
    ['Google sign-in', 'https://accounts.google.com/ServiceLogin?continue=x'],
    ['Google home', 'https://www.google.com/'],
    ['Google images without query', 'https://www.google.com/search?tbm=isch'],
    ['Google empty query', 'https://www.google.com/search?q=+++'],
    ['Google result redirect', 'https://www.google.com/url?q=https://example.org/&sa=U'],
    ['Google Docs', 'https://docs.google.com/document/d/1/edit?q=x'],
    ['Bing home', 'https://www.bing.com/?toWww=1'],
    ['Bing maps', 'https://www.bing.com/maps?q=paris'],
    ['DuckDuckGo home', 'https://duckduckgo.com/'],
    ['DuckDuckGo settings', 'https://duckduckgo.com/settings'],
    ['YouTube video', 'https://www.youtube.com/watch?v=abc&q=x'],
    ['YouTube home', 'https://www.youtube.com/'],
    ['Wikipedia article', 'https://en.wikipedia.org/wiki/Entropy'],
    ['Wikipedia edit', 'https://en.wikipedia.org/w/index.php?title=Entropy&action=edit'],
    ['GitHub repository', 'https://github.com/mozilla/readability'],
    ['GitHub issues filter', 'https://github.com/mozilla/readability/issues?q=is%3Aopen'],
    ['MDN article', 'https://developer.mozilla.org/en-US/docs/Web/CSS/grid'],
    ['Stack Overflow question', 'https://stackoverflow.com/questions/1/x'],
    ['Reddit thread', 'https://www.reddit.com/r/rust/comments/abc/title/'],
    ['Perplexity thread', 'https://www.perplexity.ai/search/why-is-the-sky-blue-Ab12'],
    ['Scholar home', 'https://scholar.google.com/'],
    ['unknown site search', 'https://example.org/search?q=x'],
    ['lookalike host', 'https://google.com.evil.example/search?q=x'],
    ['lookalike suffix', 'https://notgoogle.com/search?q=x'],
  ])('gives null for a page that is not a search (%s)', (_, url) => {
    expect(parseSearchUrl(url)).toBeNull();
  });

  it.each([
    ['plus as space', 'https://www.google.com/search?q=a+b', 'a b'],
    ['percent-encoded plus', 'https://www.google.com/search?q=c%2B%2B', 'c++'],
    [
      'malformed percent-encoding',
      'https://www.google.com/search?q=100%+sure%E0%A4%A',
      '100% sure\ufffd%A',
    ],
    ['lone percent', 'https://www.google.com/search?q=%', '%'],
    ['NFD becomes NFC', 'https://www.google.com/search?q=cafe%CC%81', 'caf\u00e9'],
    [
      'collapsed whitespace',
      'https://www.google.com/search?q=%20%20a%09%0Ab%E3%80%80c%20',
      'a b c',
    ],
    ['Arabic', 'https://www.bing.com/search?q=%D8%AA%D8%B9%D9%84%D9%85', 'تعلم'],
    ['emoji', 'https://duckduckgo.com/?q=%F0%9F%A6%80+rust', '🦀 rust'],
    ['malformed path query', 'https://en.wikipedia.org/wiki/Special:Search/50%25%ZZ', '50%25%ZZ'],
  ])('decodes queries (%s)', (_, url, query) => {
    expect(parseSearchUrl(url)?.query).toBe(query);
  });

  it.each([
    ['empty', ''],
    ['not a URL', 'not a url'],
    ['data:', 'data:text/html,<a href="https://www.google.com/search?q=x">'],
    ['blob:', 'blob:https://www.google.com/1234-5678'],
    ['javascript:', 'javascript:alert(1)'],
    ['chrome:', 'chrome://settings/search?q=x'],
    ['extension page', 'chrome-extension://abc/dashboard.html?q=x'],
    ['IDN host', 'https://bücher.example/search?q=x'],
    ['punycode host', 'https://xn--bcher-kva.example/search?q=x'],
    ['10k-character URL', `https://www.google.com/search?q=${'a'.repeat(10_000)}`],
    ['10k-character junk', `https://${'a.'.repeat(5_000)}com/`],
    ['space in host', 'https://www.goo gle.com/search?q=x'],
    ['trailing-dot host', 'https://www.google.com./search?q=x'],
  ])('never throws on odd input (%s)', (_, url) => {
    expect(() => parseSearchUrl(url)).not.toThrow();
  });

  it('bounds a pasted query and still recognises the search', () => {
    const parsed = parseSearchUrl(`https://www.google.com/search?q=${'a'.repeat(10_000)}`);
    expect(parsed?.query.length).toBe(500);
  });

  it('tolerates non-string input', () => {
    expect(parseSearchUrl(undefined as unknown as string)).toBeNull();
    expect(parseSearchUrl(42 as unknown as string)).toBeNull();
  });

  it('keeps the vertical but drops tracking in the stored URL', () => {
    expect(parseSearchUrl('https://www.google.com/search?q=owl&tbm=isch&ei=1&ved=2')?.url).toBe(
      'https://www.google.com/search?q=owl&tbm=isch',
    );
    expect(parseSearchUrl('https://search.yahoo.com/search;_ylt=A?p=css&fr=x')?.url).toBe(
      'https://search.yahoo.com/search?p=css',
    );
  });
});

describe('normaliseQuery and engineForHost', () => {
  it.each([
    ['  css  grid ', 'css grid'],
    ['\u00a0a\u2003b', 'a b'],
    ['', ''],
  ])('normalises %j', (raw, expected) => {
    expect(normaliseQuery(raw)).toBe(expected);
  });

  it.each([
    ['www.google.com', 'google'],
    ['WWW.GOOGLE.COM', 'google'],
    ['scholar.google.com', 'google-scholar'],
    ['mail.google.com', null],
    ['en.wikipedia.org', 'wikipedia'],
    ['wikipedia.org', null],
  ])('finds the engine of %s', (host, id) => {
    expect(engineForHost(host)?.id ?? null).toBe(id);
  });
});

// Matomo's CC0 list of search engines, kept beside the repository (never copied into it).
const MATOMO_LIST = new URL('../../../shared/data/SearchEngines.yml', import.meta.url);
const haveMatomo = existsSync(MATOMO_LIST);
if (!haveMatomo && process.env.CI) {
  // In CI the reference data must be there: a missing file is a failure, not a skip.
  it('finds the Matomo search engine list', () => {
    expect.fail(`missing ${MATOMO_LIST.pathname}`);
  });
}

describe.skipIf(!haveMatomo)('agreement with Matomo SearchEngines.yml', () => {
  interface MatomoGroup {
    urls?: unknown[];
    params?: unknown[];
  }

  /** Matomo host patterns use `{}` for "any label or country domain". */
  function matomoHostPattern(pattern: string): RegExp {
    const source = pattern
      .toLowerCase()
      .split('{}')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9-]+(?:\\.[a-z0-9-]+)?');
    return new RegExp(`^${source}$`);
  }

  it('lists every query parameter Matomo knows for the hosts we recognise', () => {
    const list = parse(readFileSync(MATOMO_LIST, 'utf8')) as Record<string, MatomoGroup[]>;
    const groups = Object.values(list).flat();
    let compared = 0;
    const missing: string[] = [];
    // Our own example results pages name the hosts; a Matomo group matches when one of
    // its URL patterns matches that host with or without `www.`.
    for (const [url, engineId] of RESULTS_PAGES) {
      const host = new URL(url).hostname;
      const hostNames = [host, host.replace(/^www\./, '')];
      const ours = new Set(
        SEARCH_ENGINES.find((e) => e.id === engineId)!.params.map((p) => p.toLowerCase()),
      );
      for (const group of groups) {
        const patterns = (group.urls ?? []).map((u) => matomoHostPattern(String(u)));
        if (!patterns.some((re) => hostNames.some((h) => re.test(h)))) continue;
        compared++;
        // Regular-expression params (`/s\/(…)/`) describe paths, not parameters.
        const plain = (group.params ?? [])
          .map(String)
          .filter((p) => !p.startsWith('/'))
          .map((p) => p.toLowerCase());
        for (const p of plain) if (!ours.has(p)) missing.push(`${engineId} (${host}): ${p}`);
      }
    }
    expect(missing).toEqual([]);
    // The comparison must have compared something: the big engines are all in Matomo's list.
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});

describe('a query from a hostile results address', () => {
  it('loses NUL and bidi controls, as page titles do', () => {
    const url = `https://www.google.com/search?q=${encodeURIComponent('css\u0000 grid\u202Egnp.exe\u2066x')}`;
    expect(parseSearchUrl(url)?.query).toBe('css gridgnp.exex');
  });

  it('is cut on whole characters: no half emoji at 500 UTF-16 units', () => {
    const query = normaliseQuery(`${'a'.repeat(499)}😀 more`);
    expect(query).toBe('a'.repeat(499));
    expect(query).not.toMatch(/[\uD800-\uDBFF]$/);
    const viaUrl = parseSearchUrl(
      `https://duckduckgo.com/?q=${encodeURIComponent(`${'b'.repeat(499)}😀`)}`,
    )?.query;
    expect(viaUrl).toBe('b'.repeat(499));
  });
});
