import { describe, expect, it } from 'vitest';
import { lookBack, WEEK_MS } from '../../../lib/look-back/look-back';
import { knownVisits } from '../../../lib/look-back/known';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { fakeHistory, type FakeVisit } from './fake-history';

const NOW = Date.UTC(2026, 11, 7, 12);
const MIN = 60_000;
const settings: Settings = { ...DEFAULT_SETTINGS, excludedSites: ['bank.example'] };

async function run(visits: FakeVisit[], extra: Partial<Parameters<typeof lookBack>[0]> = {}) {
  const history = fakeHistory(visits);
  const result = await lookBack({
    history,
    now: NOW,
    weeks: 4,
    settings,
    known: knownVisits([]),
    learningSites: new Set(),
    clock: () => performance.now(),
    pause: () => Promise.resolve(),
    ...extra,
  });
  return { ...result, asked: history.asked };
}

const search = (id: string, q: string, at: number, from?: string): FakeVisit => ({
  id,
  url: `https://duckduckgo.com/?q=${encodeURIComponent(q)}&t=h_`,
  title: `${q} at DuckDuckGo`,
  at,
  ...(from ? { from } : {}),
});

describe('lookBack: grouping as the tracker groups', () => {
  const t0 = NOW - 2 * 24 * 60 * MIN;

  it('makes a search session of queries on one engine, with the results reached from them', async () => {
    const { candidates } = await run([
      search('1', 'css grid', t0),
      {
        id: '2',
        url: 'https://site.example/css-grid',
        title: 'Grid guide',
        at: t0 + MIN,
        from: '1',
      },
      search('3', 'css grid areas', t0 + 3 * MIN),
      search('4', 'css grid', t0 + 4 * MIN), // the same search again
      { id: '5', url: 'https://other.example/areas', title: 'Areas', at: t0 + 5 * MIN, from: '3' },
    ]);
    expect(candidates).toHaveLength(1);
    const [c] = candidates;
    expect(c).toMatchObject({ kind: 'search', engine: 'duckduckgo', title: 'css grid' });
    expect(c!.queries.map((q) => q.query)).toEqual(['css grid', 'css grid areas']);
    expect(c!.pages.filter((p) => !p.serp).map((p) => p.url)).toEqual([
      'https://site.example/css-grid',
      'https://other.example/areas',
    ]);
    expect(c!.startedAt).toBe(t0);
    expect(c!.endedAt).toBe(t0 + 5 * MIN);
    // Estimated from the gaps: 5 minutes of visits, none measured.
    expect(c!.estimatedMs).toBe(5 * MIN);
  });

  it('starts a new search session after the search gap, and on another engine', async () => {
    const { candidates } = await run([
      search('1', 'css grid', t0),
      search('2', 'flexbox', t0 + settings.searchGapMs + MIN),
      {
        id: '3',
        url: 'https://www.bing.com/search?q=flexbox',
        title: 'flexbox - Bing',
        at: t0 + settings.searchGapMs + 2 * MIN,
      },
    ]);
    expect(candidates.map((c) => `${c.engine}:${c.queries.map((q) => q.query).join()}`)).toEqual([
      'bing:flexbox',
      'duckduckgo:flexbox',
      'duckduckgo:css grid',
    ]);
  });

  it('links a result by time when the browser names no referrer (Firefox), never a typed address', async () => {
    const { candidates } = await run([
      search('1', 'printer jam', t0),
      // Through the engine's click redirect: it passes the link on, and is no page read.
      { id: '2', url: 'https://duckduckgo.com/l/?uddg=x', at: t0 + 10_000 },
      { id: '3', url: 'https://fix.example/printer', title: 'Fix it', at: t0 + 11_000 },
      { id: '4', url: 'https://fix.example/more', title: 'More', at: t0 + 2 * MIN },
      {
        id: '5',
        url: 'https://news.example/today',
        title: 'News',
        at: t0 + 3 * MIN,
        transition: 'typed',
      },
    ]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.pages.filter((p) => !p.serp).map((p) => p.url)).toEqual([
      'https://fix.example/printer',
      'https://fix.example/more',
    ]);
  });

  it('with a referrer, follows it rather than time', async () => {
    const { candidates } = await run([
      search('1', 'printer jam', t0),
      { id: '2', url: 'https://news.example/today', at: t0 + 10_000, from: '99' },
    ]);
    expect(candidates[0]!.pages.map((p) => p.url)).toEqual([
      'https://duckduckgo.com/?q=printer+jam',
    ]);
  });

  it('makes reading sessions of pages that look like reading, one per page, newest first', async () => {
    const { candidates } = await run([
      {
        id: '1',
        url: 'https://docs.example.org/api/fetch',
        title: 'fetch()',
        at: t0,
        transition: 'typed',
      },
      { id: '2', url: 'https://shop.example/', title: 'Shop', at: t0 + MIN, transition: 'typed' },
      {
        id: '3',
        url: 'https://blog.example/how-to-fix-a-printer-jam',
        title: 'How to fix a printer jam',
        at: t0 + 2 * MIN,
        transition: 'typed',
      },
      {
        id: '4',
        url: 'https://docs.example.org/api/fetch',
        title: 'fetch()',
        at: t0 + 3 * MIN,
        transition: 'typed',
      },
    ]);
    expect(candidates.map((c) => [c.kind, c.url])).toEqual([
      ['reading', 'https://blog.example/how-to-fix-a-printer-jam'],
      ['reading', 'https://docs.example.org/api/fetch'],
    ]);
    expect(candidates[1]!.endedAt).toBe(t0 + 3 * MIN);
  });

  it('counts a site the learner already tags learning on as reading', async () => {
    const visit = {
      id: '1',
      url: 'https://plain.example/x',
      title: 'X',
      at: t0,
      transition: 'typed',
    };
    expect((await run([visit])).candidates).toHaveLength(0);
    expect(
      (await run([visit], { learningSites: new Set(['plain.example']) })).candidates,
    ).toHaveLength(1);
  });
});

describe('lookBack: the tracker’s exclusions come first', () => {
  const t0 = NOW - 24 * 60 * MIN;

  it('never asks about excluded sites, browser pages or its own pages, and never offers them', async () => {
    const { candidates, asked } = await run([
      search('1', 'savings', t0),
      {
        id: '2',
        url: 'https://www.bank.example/docs/savings',
        title: 'Savings',
        at: t0 + MIN,
        from: '1',
      },
      { id: '3', url: 'https://online.bank.example/guide/x-y-z', at: t0 + 2 * MIN },
      { id: '4', url: 'chrome://settings/docs', at: t0 + 3 * MIN },
      { id: '5', url: 'chrome-extension://abc/dashboard.html#/docs', at: t0 + 4 * MIN },
      { id: '6', url: 'moz-extension://abc/welcome.html', at: t0 + 5 * MIN },
      { id: '7', url: 'about:reader?url=https://a.example/docs/x', at: t0 + 6 * MIN },
    ]);
    expect(asked).toEqual(['https://duckduckgo.com/?q=savings&t=h_']);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.pages.map((p) => p.domain)).toEqual(['duckduckgo.com']);
  });

  it('reads the weeks asked for, no further', async () => {
    const { candidates } = await run(
      [
        { id: '1', url: 'https://docs.example.org/a', at: NOW - 2 * WEEK_MS },
        { id: '2', url: 'https://docs.example.org/b', at: NOW - 3 * 24 * 60 * MIN },
      ],
      { weeks: 1 },
    );
    expect(candidates.map((c) => c.url)).toEqual(['https://docs.example.org/b']);
  });

  it('keeps the site only when the learner keeps sites only', async () => {
    const { candidates } = await run(
      [
        search('1', 'secret query', t0),
        { id: '2', url: 'https://docs.example.org/private', title: 'P', at: t0 + MIN, from: '1' },
      ],
      { settings: { ...settings, sitesOnly: true } },
    );
    expect(JSON.stringify(candidates)).not.toContain('secret');
    expect(JSON.stringify(candidates)).not.toContain('private');
  });
});

describe('lookBack: hostile titles and queries are cleaned as live ones', () => {
  it('drops control and bidi characters and cuts on whole characters', async () => {
    const t0 = NOW - MIN * 60;
    const { candidates } = await run([
      {
        id: '1',
        url: `https://duckduckgo.com/?q=${encodeURIComponent('css\u0000\u202Egrid')}`,
        at: t0,
      },
      {
        id: '2',
        url: 'https://docs.example.org/x',
        title: `A\u202E\u0007 ${'😀'.repeat(400)}`,
        at: t0 + 1000,
        transition: 'typed',
      },
    ]);
    const search = candidates.find((c) => c.kind === 'search')!;
    expect(search.queries[0]!.query).toBe('cssgrid');
    const reading = candidates.find((c) => c.kind === 'reading')!;
    expect(reading.title.startsWith('A 😀')).toBe(true);
    expect(reading.title.length).toBeLessThanOrEqual(500);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(reading.title)).toBe(false);
  });
});

describe('lookBack: never offers what is already recorded', () => {
  const t0 = NOW - 24 * 60 * MIN;
  const visits: FakeVisit[] = [
    search('1', 'css grid', t0),
    { id: '2', url: 'https://site.example/css-grid', title: 'Grid', at: t0 + MIN, from: '1' },
    {
      id: '3',
      url: 'https://docs.example.org/a',
      title: 'A',
      at: t0 + 30 * MIN,
      transition: 'typed',
    },
  ];

  it('leaves out a search the tracker recorded, and a page kept before', async () => {
    const { candidates } = await run(visits, {
      known: knownVisits([
        { url: 'https://duckduckgo.com/?q=css+grid', startedAt: t0 + 2000, endedAt: t0 + 50_000 },
        { url: 'https://docs.example.org/a', startedAt: t0 + 30 * MIN, endedAt: t0 + 30 * MIN },
      ]),
    });
    expect(candidates).toEqual([]);
  });

  it('offers the same page visited again on another day', async () => {
    const { candidates } = await run(visits, {
      known: knownVisits([
        {
          url: 'https://docs.example.org/a',
          startedAt: t0 - 3 * 24 * 60 * MIN,
          endedAt: t0 - 3 * 24 * 60 * MIN,
        },
      ]),
    });
    expect(candidates.map((c) => c.kind)).toEqual(['reading', 'search']);
  });
});

describe('lookBack: slices and cancel', () => {
  it('pauses between slices and stops when cancelled', async () => {
    const visits: FakeVisit[] = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      url: `https://docs.example.org/page-${i}`,
      at: NOW - (i + 1) * MIN,
      transition: 'typed',
    }));
    let pauses = 0;
    let ticks = 0;
    const result = await run(visits, {
      // A clock that moves 1 ms per look: slices end after `sliceMs` looks.
      clock: () => ticks++,
      sliceMs: 1,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(result.candidates).toHaveLength(3000);
    expect(pauses).toBeGreaterThan(10);

    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      run(visits, {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          if (done >= 500) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Math.max(...progress)).toBeLessThan(3000);
  });
});
