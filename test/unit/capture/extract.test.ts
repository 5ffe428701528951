import { describe, expect, it } from 'vitest';
import {
  captureBlockReason,
  captureUrl,
  countWords,
  readExtract,
  shapeCapture,
} from '../../../lib/capture/extract';

describe('captureBlockReason', () => {
  it.each([
    ['https://example.org/a', false, null],
    ['http://example.org/a', false, null],
    ['https://example.org/a', true, 'incognito'],
    ['chrome://settings', false, 'browser-page'],
    ['about:blank', false, 'browser-page'],
    ['edge://newtab', false, 'browser-page'],
    ['file:///home/ada/notes.html', false, 'file-access'],
    ['chrome-extension://abc/popup.html', false, 'extension-page'],
    ['moz-extension://abc/popup.html', false, 'extension-page'],
    ['https://chromewebstore.google.com/detail/x/abc', false, 'store-page'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', false, 'store-page'],
    ['https://mail.google.com/mail/u/0', false, 'excluded'],
    ['data:text/html,<h1>x</h1>', false, 'browser-page'],
    ['blob:https://example.org/123', false, 'browser-page'],
    [undefined, false, 'no-tab'],
    ['not a url', false, 'no-tab'],
  ] as const)('%s (incognito %s) → %s', (url, incognito, reason) => {
    expect(captureBlockReason(url, incognito, ['google.com'])).toBe(reason);
  });
});

describe('captureUrl', () => {
  it('drops fragments and tracking parameters', () => {
    expect(captureUrl({ url: 'https://a.org/x?utm_source=n&id=2#top', canonical: null })).toBe(
      'https://a.org/x?id=2',
    );
  });
  it('follows rel=canonical on the same site only', () => {
    expect(captureUrl({ url: 'https://a.org/x?page=1', canonical: 'https://a.org/x' })).toBe(
      'https://a.org/x',
    );
    expect(captureUrl({ url: 'https://a.org/x', canonical: 'https://evil.example/x' })).toBe(
      'https://a.org/x',
    );
    expect(captureUrl({ url: 'https://a.org/x', canonical: 'javascript:alert(1)' })).toBe(
      'https://a.org/x',
    );
  });
  it('follows rel=canonical only within the same first path segment of the same host', () => {
    // A shared host: one person's page cannot claim another's URL.
    expect(
      captureUrl({
        url: 'https://pages.example/~mallory/x',
        canonical: 'https://pages.example/~ada/notes',
      }),
    ).toBe('https://pages.example/~mallory/x');
    expect(captureUrl({ url: 'https://a.org/', canonical: 'https://a.org/other' })).toBe(
      'https://a.org/',
    );
    expect(
      captureUrl({ url: 'https://a.org/blog/post?amp=1', canonical: 'https://a.org/blog/post' }),
    ).toBe('https://a.org/blog/post');
    expect(captureUrl({ url: 'https://www.a.org/x', canonical: 'https://shop.a.org/x' })).toBe(
      'https://www.a.org/x',
    );
  });
  it('keeps page text whole: code points, no controls, no bidi overrides', () => {
    const shaped = shapeCapture({
      url: 'https://a.org/x',
      canonical: null,
      documentTitle: '',
      readerable: true,
      article: {
        title: `a${'😀'.repeat(260)}`,
        byline: 'Ada\u0000 \u202EExample',
        siteName: null,
        lang: null,
        excerpt: 'An \u2066excerpt\u2069\u001B',
        publishedTime: null,
        wordCount: 10,
      },
    });
    expect(/[\uD800-\uDBFF]$/.test(shaped.title)).toBe(false);
    expect(shaped.title.length).toBeLessThanOrEqual(500);
    expect(shaped.byline).toBe('Ada Example');
    expect(shaped.excerpt).toBe('An excerpt');
  });
});

describe('readExtract and shapeCapture', () => {
  it('keeps only well-typed, bounded fields from the page', () => {
    const hostile = {
      url: 'https://attacker.example/',
      documentTitle: 'Doc',
      readerable: 'yes',
      article: {
        title: { toString: 'x' },
        byline: 'B'.repeat(10_000),
        wordCount: Number.POSITIVE_INFINITY,
        excerpt: 42,
      },
    };
    const extract = readExtract(hostile, 'https://a.org/page', 'Tab title');
    expect(extract.url).toBe('https://a.org/page');
    expect(extract.readerable).toBe(false);
    const shaped = shapeCapture(extract);
    expect(shaped.title).toBe('Doc');
    expect(shaped.byline).toHaveLength(300);
    expect(shaped.wordCount).toBe(0);
    expect(shaped.excerpt).toBeUndefined();
  });

  it('falls back to the tab title and URL when the page gave nothing', () => {
    const shaped = shapeCapture(readExtract(undefined, 'https://a.org/report.pdf', 'report.pdf'));
    expect(shaped).toMatchObject({
      url: 'https://a.org/report.pdf',
      title: 'report.pdf',
      siteName: 'a.org',
      readerable: false,
    });
  });

  it('uses the article metadata of a readerable page', () => {
    const shaped = shapeCapture(
      readExtract(
        {
          documentTitle: 'Grid | Site',
          readerable: true,
          canonical: null,
          article: {
            title: ' Grid  layout ',
            byline: 'Ada',
            siteName: 'Site',
            excerpt: 'About grids.',
            wordCount: 1200,
          },
        },
        'https://a.org/grid',
        'Grid | Site',
      ),
    );
    expect(shaped).toMatchObject({
      title: 'Grid layout',
      byline: 'Ada',
      siteName: 'Site',
      wordCount: 1200,
      readerable: true,
    });
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Hello, wide world', 3],
    ["don't stop-gap", 2],
    ['机器学习很有趣', 7],
    ['Привет мир', 2],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
