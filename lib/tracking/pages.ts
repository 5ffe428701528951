/**
 * What a URL becomes for the tracker: a page that is recorded (and how: full URL or site
 * only, results page or not), or a page that is never recorded and why.
 */
import { pageText } from '../capture/page-text';
import { parseSearchUrl } from '../search-engines';
import { isPaused, type Settings } from '../settings/settings';
import { canonicalUrl, domainOf, parseUrl, siteOnly } from '../url';
import { isExcludedHost } from './excluded-sites';
import type { PageState, UntrackedReason } from './state';

const MAX_TITLE_LENGTH = 500;

/**
 * Why a page is never recorded, or `null` when it may be: private windows, anything that
 * is not an ordinary web page (browser and extension pages), excluded sites, and
 * everything that loads while tracking is paused.
 * @example untrackedReason('chrome://settings', false, DEFAULT_SETTINGS, Date.now()) // 'not-web'
 */
export function untrackedReason(
  url: string,
  incognito: boolean,
  settings: Pick<Settings, 'excludedSites' | 'pausedUntil' | 'trackingConsent'>,
  now: number,
): UntrackedReason | null {
  if (incognito) return 'incognito';
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return 'not-web';
  if (isExcludedHost(parsed.hostname, settings.excludedSites)) return 'excluded';
  if (isPaused(settings, now)) return 'paused';
  return null;
}

/**
 * The URL stored for a page: canonical, or only the site when the learner keeps sites only.
 * @example recordedUrl('https://a.org/x?utm_source=y', { sitesOnly: true }) // 'https://a.org/'
 */
export function recordedUrl(url: string, settings: Pick<Settings, 'sitesOnly'>): string {
  return settings.sitesOnly ? siteOnly(url) : canonicalUrl(url);
}

/**
 * The title stored for a page: its own (trimmed, bounded), or the domain when keeping
 * sites only or when the page has none.
 * @example recordedTitle('  Grid  ', 'https://a.org/', { sitesOnly: false }) // 'Grid'
 */
export function recordedTitle(
  title: string | undefined,
  url: string,
  settings: Pick<Settings, 'sitesOnly'>,
): string {
  if (settings.sitesOnly) return domainOf(url);
  const clean = pageText(title ?? '', MAX_TITLE_LENGTH);
  return clean || domainOf(url);
}

/** 32-bit FNV-1a, base 36: compares queries without keeping their text. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The page a tab shows at `url`. Never keeps the URL of a page that is not recorded.
 * @example pageFor('https://www.google.com/search?q=css', 'css - Google', false, DEFAULT_SETTINGS, now).serp?.query // 'css'
 */
export function pageFor(
  url: string,
  title: string | undefined,
  incognito: boolean,
  settings: Settings,
  now: number,
): PageState {
  const untracked = untrackedReason(url, incognito, settings, now);
  if (untracked) return { url: '', title: '', untracked };
  const parsed = parseSearchUrl(url);
  if (!parsed) {
    return {
      url: recordedUrl(url, settings),
      title: recordedTitle(title, url, settings),
      untracked: null,
    };
  }
  const folded = parsed.query.toLowerCase();
  return {
    url: settings.sitesOnly ? siteOnly(parsed.url) : parsed.url,
    title: settings.sitesOnly ? parsed.engineName : parsed.query,
    untracked: null,
    serp: {
      engine: parsed.engine,
      engineName: parsed.engineName,
      queryKey: settings.sitesOnly ? hashText(folded) : folded,
      query: settings.sitesOnly ? '' : parsed.query,
    },
  };
}

/**
 * Whether `url` shows `page` (a message from the page itself may be from before the last
 * navigation). Cheaper than building the page again: a tracked page stays tracked.
 * @example showsPage('https://a.org/x#y', pageFor('https://a.org/x', …), settings, now) // true
 */
export function showsPage(url: string, page: PageState, settings: Settings, now: number): boolean {
  if (page.untracked) return false;
  if (page.serp) return samePage(pageFor(url, undefined, false, settings, now), page);
  return recordedUrl(url, settings) === page.url;
}

/**
 * Whether two pages are the same page for the tracker: same recorded URL, same search.
 * A fragment change, a reload or page 2 of the same results is the same page.
 * @example samePage(pageFor(a, …), pageFor(a + '#top', …)) // true
 */
export function samePage(a: PageState, b: PageState): boolean {
  return (
    a.untracked === b.untracked &&
    a.url === b.url &&
    a.serp?.engine === b.serp?.engine &&
    a.serp?.queryKey === b.serp?.queryKey
  );
}
