/**
 * The learner's list of sites never recorded: what a typed entry means, and how the list
 * changes. Pure: a list in, a new list out.
 */
import { DEFAULT_EXCLUDED_SITES } from './settings';
import { isExcluded, parseUrl } from '../url';

/** Why a typed site was not added. */
export type SiteInputError = 'empty' | 'invalid' | 'already-listed';

export type SiteInputResult = { ok: true; site: string } | { ok: false; error: SiteInputError };

/** DNS allows 253 characters; anything longer is not a host name. */
const MAX_HOST_LENGTH = 253;

/**
 * The host name a learner means by what they typed: a bare name (`example.org`), a full
 * address (`https://www.example.org/page`), a wildcard (`*.example.org`) or an
 * international name (`bücher.de`, kept as punycode, the form URLs carry). `www.` is
 * dropped because an entry covers its subdomains anyway.
 * @example parseSiteInput(' https://WWW.Example.org/a ') // { ok: true, site: 'example.org' }
 * @example parseSiteInput('not a site') // { ok: false, error: 'invalid' }
 */
export function parseSiteInput(input: string): SiteInputResult {
  const text = input.trim().replace(/^\*\./, '');
  if (text.length === 0) return { ok: false, error: 'empty' };
  if (text.length > 2048 || /\s/.test(text)) return { ok: false, error: 'invalid' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  const url = parseUrl(withScheme);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return { ok: false, error: 'invalid' };
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  const labels = host.split('.');
  const isIpv6 = host.startsWith('[');
  const valid =
    isIpv6 ||
    (host.length <= MAX_HOST_LENGTH &&
      // A site needs a dot (`localhost` and intranet names are not what this list is for).
      labels.length >= 2 &&
      labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)));
  return valid ? { ok: true, site: host } : { ok: false, error: 'invalid' };
}

/**
 * The list with a typed site added, or why not. A site already covered by an entry (the
 * same host, or a parent domain) is not added twice.
 * @example addSite(['example.org'], 'docs.example.org') // { ok: false, error: 'already-listed' }
 */
export function addSite(
  sites: readonly string[],
  input: string,
): { ok: true; site: string; sites: string[] } | { ok: false; error: SiteInputError } {
  const parsed = parseSiteInput(input);
  if (!parsed.ok) return parsed;
  if (isExcluded(`https://${parsed.site}/`, sites)) return { ok: false, error: 'already-listed' };
  return { ok: true, site: parsed.site, sites: [...sites, parsed.site] };
}

/**
 * The list without one site.
 * @example removeSite(['a.org', 'b.org'], 'a.org') // ['b.org']
 */
export function removeSite(sites: readonly string[], site: string): string[] {
  return sites.filter((s) => s !== site);
}

/**
 * The list with every default site back, the learner's own additions kept, no duplicates.
 * @example restoreDefaultSites(['my-bank.example']).includes('mail.google.com') // true
 */
export function restoreDefaultSites(sites: readonly string[]): string[] {
  return [...new Set([...DEFAULT_EXCLUDED_SITES, ...sites])];
}

/**
 * The list in two parts, for showing: the learner's own sites (in the order added) and
 * the defaults still in it.
 * @example splitSites(['mail.google.com', 'my.example']).own // ['my.example']
 */
export function splitSites(sites: readonly string[]): { own: string[]; defaults: string[] } {
  const defaults = new Set(DEFAULT_EXCLUDED_SITES);
  return {
    own: sites.filter((s) => !defaults.has(s)),
    defaults: sites.filter((s) => defaults.has(s)),
  };
}
