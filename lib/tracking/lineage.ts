/**
 * Lineage: which search a page was reached from, decided from how the browser says the
 * tab got there (webNavigation transition and opener tab), never from the page's content
 * or referrer. A result is one click from a results page: in the same tab (a link from
 * the results, possibly through the engine's click redirect), or in a new tab or window
 * opened from the results. Back and forward to a result rejoin its search.
 */
import type { PageState, SearchLink, TabState, TrackerState } from './state';

/** Transitions that come from the browser's own UI, not from a link in the page. */
export const FROM_BROWSER_UI: ReadonlySet<string> = new Set([
  'typed',
  'auto_bookmark',
  'generated',
  'keyword',
  'keyword_generated',
  'start_page',
  'reload',
  'auto_toplevel',
]);

/** Result pages remembered per tab for back and forward. */
const MAX_RESULT_LINKS = 10;

export interface NavigationFacts {
  transition?: string;
  qualifiers?: readonly string[];
}

function liveLink(state: TrackerState, link: SearchLink | undefined): SearchLink | undefined {
  return link && state.sessions[link.sessionId] ? link : undefined;
}

/**
 * The search a tab is showing the results of, if its page is a resolved results page.
 * @example searchShownIn(state.tabs['12']) // { sessionId, searchId }
 */
export function searchShownIn(tab: TabState | undefined): SearchLink | undefined {
  return tab?.page?.serp ? tab.page.search : undefined;
}

/**
 * The search that `next` (in `tab`, after `previous`) was reached from, or undefined.
 * @example linkForNavigation(state, tab, serpPage, articlePage, { transition: 'link' }) // { sessionId, searchId }
 */
export function linkForNavigation(
  state: TrackerState,
  tab: TabState,
  previous: PageState | null,
  next: PageState,
  facts: NavigationFacts,
): SearchLink | undefined {
  if (next.serp || next.untracked) return undefined;
  const qualifiers = facts.qualifiers ?? [];
  // The first page of a tab opened by a link on a results page.
  if (!previous) {
    if (tab.openedFrom) return liveLink(state, tab.openedFrom);
    if (tab.openerTabId !== undefined && (facts.transition ?? 'link') === 'link') {
      return liveLink(state, searchShownIn(state.tabs[String(tab.openerTabId)]));
    }
    return undefined;
  }
  if (qualifiers.includes('forward_back')) return liveLink(state, tab.resultLinks?.[next.url]);
  if (
    (facts.transition && FROM_BROWSER_UI.has(facts.transition)) ||
    qualifiers.includes('from_address_bar')
  ) {
    return undefined;
  }
  // Browsers that report no transition (Firefox lacks some): a navigation away from
  // results that the learner did not type counts as a click on a result.
  if (previous.serp) return liveLink(state, previous.search);
  // The engine's click redirect (/url?q=, /ck/a) passes its link on to the page it redirects to.
  if (qualifiers.includes('client_redirect') || qualifiers.includes('server_redirect')) {
    return liveLink(state, previous.link);
  }
  return undefined;
}

/**
 * The tab's remembered result pages with `url` added, bounded.
 * @example rememberResult(tab.resultLinks, 'https://a.org/', link)
 */
export function rememberResult(
  links: Record<string, SearchLink> | undefined,
  url: string,
  link: SearchLink,
): Record<string, SearchLink> {
  const next: Record<string, SearchLink> = { ...links };
  delete next[url];
  next[url] = link;
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_RESULT_LINKS))) delete next[old];
  return next;
}
