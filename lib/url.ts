/**
 * URL rules shared by tracking, capture and exports. Never throws: odd input (IDN,
 * `blob:`, `data:`, 10k-character URLs) gives `null` or `false`, not an exception.
 */

/** Parameters that track clicks rather than name content. */
const TRACKING_PARAMS =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src)$/i;

/** Longest URL we keep; browsers accept more, but nothing readable needs it. */
export const MAX_URL_LENGTH = 8192;

/** Parses a URL, or `null`. */
export function parseUrl(url: string | undefined | null): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL is an ordinary web page (`http:` or `https:`).
 * @example isWebUrl('chrome://settings') // false
 */
export function isWebUrl(url: string | undefined | null): boolean {
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

/**
 * The host name without a leading `www.`, in its ASCII (punycode) form.
 * @example domainOf('https://www.example.org/a') // 'example.org'
 */
export function domainOf(url: string | undefined | null): string {
  const u = parseUrl(url);
  if (!u) return '';
  return u.hostname.replace(/^www\./, '');
}

/**
 * The URL that names a page: no fragment, no tracking parameters, no default port, and
 * at most `MAX_URL_LENGTH` characters. Two visits to one article give one canonical URL.
 * @example canonicalUrl('https://Example.org/a?utm_source=x#top') // 'https://example.org/a'
 */
export function canonicalUrl(url: string): string {
  const u = parseUrl(url);
  if (!u) return url.slice(0, MAX_URL_LENGTH);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
  }
  u.searchParams.sort();
  let out = u.toString();
  if (u.search === '' && out.endsWith('?')) out = out.slice(0, -1);
  return out.slice(0, MAX_URL_LENGTH);
}

/**
 * Whether a URL's host is one of `sites` or a subdomain of one.
 * @example isExcluded('https://mail.google.com/u/0', ['google.com']) // true
 */
export function isExcluded(url: string, sites: readonly string[]): boolean {
  const host = parseUrl(url)?.hostname.toLowerCase();
  if (!host) return false;
  return sites.some((site) => {
    const s = site
      .trim()
      .toLowerCase()
      .replace(/^\*\./, '')
      .replace(/^www\./, '');
    return s.length > 0 && (host === s || host.endsWith(`.${s}`) || host === `www.${s}`);
  });
}

/**
 * What a URL becomes when the learner keeps sites only: the site's root.
 * @example siteOnly('https://example.org/private/page?id=1') // 'https://example.org/'
 */
export function siteOnly(url: string): string {
  const u = parseUrl(url);
  return u ? `${u.protocol}//${u.host}/` : '';
}

/**
 * Whether a URL is safe to render as a link: only web pages, never `javascript:` or `data:`.
 * @example isLinkable('javascript:alert(1)') // false
 */
export function isLinkable(url: string | undefined | null): boolean {
  return isWebUrl(url);
}
