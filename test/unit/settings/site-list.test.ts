import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDED_SITES } from '../../../lib/settings/settings';
import {
  addSite,
  parseSiteInput,
  removeSite,
  restoreDefaultSites,
  splitSites,
} from '../../../lib/settings/site-list';
import { isExcluded } from '../../../lib/url';

describe('parseSiteInput', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  Example.ORG  ', 'example.org'],
    ['www.example.org', 'example.org'],
    ['*.example.org', 'example.org'],
    ['https://www.example.org/path?q=1#x', 'example.org'],
    ['http://docs.example.org:8080/', 'docs.example.org'],
    ['example.org/some/page', 'example.org'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['example.org.', 'example.org'],
    ['10.0.0.5', '10.0.0.5'],
  ])('%j means %s', (input, site) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not a site', 'invalid'],
    ['localhost', 'invalid'],
    ['ftp://example.org', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['-bad-.example', 'invalid'],
    ['exa_mple.org', 'invalid'],
    [`${'a'.repeat(64)}.example`, 'invalid'],
    ['x'.repeat(5000), 'invalid'],
  ])('%j is refused as %s', (input, error) => {
    expect(parseSiteInput(input)).toEqual({ ok: false, error });
  });
});

describe('the excluded sites list', () => {
  it('adds a new site at the end', () => {
    expect(addSite(['a.org'], 'https://b.org/x')).toEqual({
      ok: true,
      site: 'b.org',
      sites: ['a.org', 'b.org'],
    });
  });

  it('does not add a site already covered by itself or a parent domain', () => {
    expect(addSite(['example.org'], 'EXAMPLE.org')).toEqual({ ok: false, error: 'already-listed' });
    expect(addSite(['example.org'], 'docs.example.org')).toEqual({
      ok: false,
      error: 'already-listed',
    });
  });

  it('removes one site and keeps the rest in order', () => {
    expect(removeSite(['a.org', 'b.org', 'c.org'], 'b.org')).toEqual(['a.org', 'c.org']);
  });

  it('restores the defaults and keeps the learner’s own sites', () => {
    const restored = restoreDefaultSites(['my-bank.example', 'mail.google.com']);
    expect(restored).toEqual(
      expect.arrayContaining([...DEFAULT_EXCLUDED_SITES, 'my-bank.example']),
    );
    expect(new Set(restored).size).toBe(restored.length);
  });

  it('splits the learner’s own sites from the defaults', () => {
    expect(splitSites(['mail.google.com', 'mine.example', 'paypal.com'])).toEqual({
      own: ['mine.example'],
      defaults: ['mail.google.com', 'paypal.com'],
    });
  });
});

describe('default exclusions', () => {
  it('are valid, distinct host names the learner could have typed', () => {
    expect(new Set(DEFAULT_EXCLUDED_SITES).size).toBe(DEFAULT_EXCLUDED_SITES.length);
    for (const site of DEFAULT_EXCLUDED_SITES) {
      expect(parseSiteInput(site), site).toEqual({ ok: true, site });
    }
  });

  it.each([
    ['webmail', 'https://mail.google.com/mail/u/0/#inbox'],
    ['webmail', 'https://outlook.office.com/mail/'],
    ['messaging', 'https://web.whatsapp.com/'],
    ['banking', 'https://secure.chase.com/web/auth'],
    ['banking', 'https://www.bbva.es/personas.html'],
    ['payments', 'https://www.paypal.com/myaccount/summary'],
    ['social feed', 'https://www.facebook.com/'],
    ['social feed', 'https://x.com/home'],
    ['social feed', 'https://www.instagram.com/'],
    ['shopping', 'https://www.amazon.de/gp/cart'],
    ['shopping', 'https://www.ebay.co.uk/'],
    ['shopping', 'https://articulo.mercadolibre.com.mx/x'],
    ['adult', 'https://www.pornhub.com/'],
    ['patient portal', 'https://www.mychart.com/'],
    ['patient portal', 'https://www.myhealth.va.gov/'],
  ])('cover %s: %s', (_kind, url) => {
    expect(isExcluded(url, DEFAULT_EXCLUDED_SITES)).toBe(true);
  });

  it.each([
    'https://developer.mozilla.org/en-US/docs/Web/CSS/grid',
    'https://www.linkedin.com/learning/',
    'https://www.youtube.com/watch?v=x',
    'https://stackoverflow.com/questions/1',
    'https://www.reddit.com/r/learnprogramming/',
    'https://docs.google.com/document/d/1',
    'https://en.wikipedia.org/wiki/Learning',
  ])('leave learning sites alone: %s', (url) => {
    expect(isExcluded(url, DEFAULT_EXCLUDED_SITES)).toBe(false);
  });
});
