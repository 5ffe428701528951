import { describe, expect, it } from 'vitest';
import {
  captureBlockReason,
  captureUrl,
  fallbackExtract,
  readExtract,
  shapeCapture,
} from '../../lib/capture/extract';
import { DEFAULT_EXCLUDED_SITES } from '../../lib/settings/settings';
import { parseSiteInput } from '../../lib/settings/site-list';
import { canonicalUrl, isExcluded, isLinkable, MAX_URL_LENGTH } from '../../lib/url';

const LONG = `https://example.org/${'a'.repeat(10_000)}?q=${'b'.repeat(2_000)}`;

/** URLs a tab, a page or a backup may hand us. */
const ODD_URLS = [
  'https://bücher.example/straße?q=ä',
  'https://xn--bcher-kva.example/',
  'https://例え.テスト/パス',
  'blob:https://example.org/9a1b-77',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:text/html;base64,PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  LONG,
  `https://${'a'.repeat(70)}.example/`,
  'https://user:pass@example.org:8443/x',
  'http://[::1]:8080/x',
  'https://example.org/%E0%A4%A',
  'about:blank',
  '',
  '%%%',
];

describe('odd URLs never throw', () => {
  it.each(ODD_URLS)('capture rules on %s', (url) => {
    expect(() => captureBlockReason(url, false, DEFAULT_EXCLUDED_SITES)).not.toThrow();
    expect(() => captureBlockReason(url, true, DEFAULT_EXCLUDED_SITES)).not.toThrow();
    expect(() => captureUrl({ url, canonical: url })).not.toThrow();
    expect(() =>
      shapeCapture(readExtract({ canonical: url, article: {} }, url, url)),
    ).not.toThrow();
    expect(() => shapeCapture(fallbackExtract(url, undefined))).not.toThrow();
    expect(() => parseSiteInput(url)).not.toThrow();
  });

  it('keeps a 10 000-character URL bounded in what it stores', () => {
    const shaped = shapeCapture(fallbackExtract(LONG, undefined));
    expect(shaped.url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    // With no title at all, the (bounded) URL stands in for it.
    expect(shaped.title.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(canonicalUrl(LONG).length).toBeLessThanOrEqual(MAX_URL_LENGTH);
  });

  it.each(['blob:https://example.org/1', 'data:text/html,x', 'javascript:alert(1)'])(
    'refuses to capture %s and never links it',
    (url) => {
      expect(captureBlockReason(url, false, [])).toBe('browser-page');
      expect(isLinkable(url)).toBe(false);
    },
  );

  it('does not let a page name a javascript: or data: canonical', () => {
    for (const canonical of ['javascript:alert(1)', 'data:text/html,x']) {
      expect(captureUrl({ url: 'https://a.org/x', canonical })).toBe('https://a.org/x');
    }
  });

  it('matches an international site typed by the learner against the ASCII form of tab URLs', () => {
    const typed = parseSiteInput('bücher.example');
    expect(typed).toEqual({ ok: true, site: 'xn--bcher-kva.example' });
    expect(isExcluded('https://shop.bücher.example/', [typed.ok ? typed.site : ''])).toBe(true);
  });
});

describe('private windows are never recorded', () => {
  it.each([
    'https://example.org/article',
    'https://developer.mozilla.org/en-US/docs/Web/CSS/grid',
    'http://127.0.0.1:8080/',
  ])('refuses %s in an incognito tab, whatever the exclusions', (url) => {
    expect(captureBlockReason(url, true, [])).toBe('incognito');
    expect(captureBlockReason(url, true, ['other.example'])).toBe('incognito');
  });

  it('names incognito before any other reason', () => {
    expect(captureBlockReason('https://mail.google.com/', true, DEFAULT_EXCLUDED_SITES)).toBe(
      'incognito',
    );
    expect(captureBlockReason(undefined, true, [])).toBe('incognito');
  });
});
