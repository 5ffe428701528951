import { describe, expect, it } from 'vitest';
import { canonicalUrl, domainOf, isExcluded, isLinkable, isWebUrl, siteOnly } from '../../lib/url';

const odd = [
  '',
  'blob:https://example.org/9a1b',
  'data:text/html;base64,PGgxPng8L2gxPg==',
  'javascript:alert(1)',
  `https://example.org/${'a'.repeat(10_000)}`,
  'https://xn--bcher-kva.example/',
  'https://bücher.example/straße?q=ä',
  'http://[::1]:8080/x',
  '%%%',
];

describe('url rules', () => {
  it.each(odd)('never throws on %s', (url) => {
    expect(() => [
      isWebUrl(url),
      domainOf(url),
      canonicalUrl(url),
      isExcluded(url, ['example.org']),
      siteOnly(url),
      isLinkable(url),
    ]).not.toThrow();
  });

  it('bounds canonical URLs', () => {
    expect(canonicalUrl(`https://example.org/${'a'.repeat(10_000)}`).length).toBeLessThanOrEqual(
      8192,
    );
  });

  it('puts IDN hosts in ASCII form', () => {
    expect(domainOf('https://www.bücher.example/')).toBe('xn--bcher-kva.example');
  });

  it('matches excluded sites and their subdomains only', () => {
    expect(isExcluded('https://mail.google.com/', ['google.com'])).toBe(true);
    expect(isExcluded('https://notgoogle.com/', ['google.com'])).toBe(false);
    expect(isExcluded('https://www.bank.example/', ['bank.example'])).toBe(true);
  });

  it('links only web pages', () => {
    expect(isLinkable('https://a.org/')).toBe(true);
    expect(isLinkable('javascript:alert(1)')).toBe(false);
    expect(isLinkable('data:text/html,x')).toBe(false);
  });
});
