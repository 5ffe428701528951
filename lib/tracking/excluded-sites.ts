/**
 * Excluded sites, checked fast: the same rule as `isExcluded` in `lib/url.ts` (a site and
 * its subdomains), with the list normalised once into a set, so a check costs a few set
 * look-ups however long the learner's list is. The tracker checks on every page and sweep.
 */
import { parseUrl } from '../url';

const normalised = new WeakMap<readonly string[], ReadonlySet<string>>();

function siteSet(sites: readonly string[]): ReadonlySet<string> {
  let set = normalised.get(sites);
  if (!set) {
    set = new Set(
      sites
        .map((site) =>
          site
            .trim()
            .toLowerCase()
            .replace(/^\*\./, '')
            .replace(/^www\./, ''),
        )
        .filter((site) => site.length > 0),
    );
    normalised.set(sites, set);
  }
  return set;
}

/**
 * Whether a host is one of `sites` or a subdomain of one.
 * @example isExcludedHost('mail.google.com', ['google.com']) // true
 */
export function isExcludedHost(hostname: string, sites: readonly string[]): boolean {
  if (sites.length === 0 || !hostname) return false;
  const set = siteSet(sites);
  const host = hostname.toLowerCase();
  if (set.has(host)) return true;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    if (set.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * Whether a URL's host is one of `sites` or a subdomain of one.
 * @example isExcludedUrl('https://www.paypal.com/myaccount', ['paypal.com']) // true
 */
export function isExcludedUrl(url: string, sites: readonly string[]): boolean {
  const host = parseUrl(url)?.hostname;
  return host ? isExcludedHost(host, sites) : false;
}
