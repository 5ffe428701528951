import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDED_SITES } from '../../../lib/settings/settings';
import { isExcludedHost, isExcludedUrl } from '../../../lib/tracking/excluded-sites';
import { isExcluded } from '../../../lib/url';

const SITES = [...DEFAULT_EXCLUDED_SITES, ' *.Example.ORG ', 'www.bank.test', '', '  '];
const URLS = [
  'https://mail.google.com/u/0',
  'https://google.com/',
  'https://www.paypal.com/myaccount',
  'https://notpaypal.com/',
  'https://paypal.com.evil.test/',
  'https://deep.sub.example.org/x',
  'https://example.org/',
  'https://www.bank.test/',
  'https://bank.test/',
  'https://online.bank.test/',
  'https://developer.mozilla.org/',
  'https://xn--bcher-kva.example/',
  'not a url',
  'chrome://settings',
];

describe('isExcludedHost', () => {
  it.each(URLS)('agrees with isExcluded for %s', (url) => {
    expect(isExcludedUrl(url, SITES)).toBe(isExcluded(url, SITES));
  });

  it('is case-insensitive and matches nothing for an empty list', () => {
    expect(isExcludedHost('MAIL.Google.com', ['mail.google.com'])).toBe(true);
    expect(isExcludedHost('mail.google.com', [])).toBe(false);
  });

  it('sees a changed list (a new array) at once', () => {
    const sites = ['a.test'];
    expect(isExcludedHost('b.test', sites)).toBe(false);
    expect(isExcludedHost('b.test', [...sites, 'b.test'])).toBe(true);
  });
});
