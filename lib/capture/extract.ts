import type { CaptureBlockReason } from '../messages';
import type { Capture } from '../model';
import { pageText } from './page-text';
import { canonicalUrl, domainOf, isExcluded, isWebUrl, parseUrl } from '../url';

/** What the in-page script returns: Readability's metadata and counts, never the text. */
export interface PageExtract {
  url: string;
  /** `<link rel=canonical>`, when the page names one. */
  canonical?: string | null;
  documentTitle: string;
  contentType?: string;
  readerable: boolean;
  /** Null when Readability could not parse the page. */
  article: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    lang?: string | null;
    excerpt?: string | null;
    publishedTime?: string | null;
    wordCount: number;
  } | null;
}

const STORE_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];
const MAX_TEXT = 2000;

/**
 * Why a tab cannot be captured, or `null` when it can.
 * @example captureBlockReason('chrome://extensions', false, []) // 'browser-page'
 */
export function captureBlockReason(
  url: string | undefined,
  incognito: boolean,
  excludedSites: readonly string[],
): CaptureBlockReason | null {
  if (incognito) return 'incognito';
  const u = parseUrl(url);
  if (!u) return 'no-tab';
  if (u.protocol === 'file:') return 'file-access';
  if (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:')
    return 'extension-page';
  if (!isWebUrl(url)) return 'browser-page';
  if (STORE_HOSTS.includes(u.hostname) && /webstore|addons|detail/.test(u.href))
    return 'store-page';
  if (isExcluded(u.href, excludedSites)) return 'excluded';
  return null;
}

function clean(value: string | null | undefined, max = MAX_TEXT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = pageText(value, max);
  return v.length > 0 ? v : undefined;
}

/** The first segment of a URL's path (`/~ada/notes` → `~ada`), the tenant on a shared host. */
function firstSegment(url: URL): string {
  return url.pathname.split('/')[1] ?? '';
}

/**
 * The canonical URL to key a capture by: the page's own `rel=canonical` when it names the
 * same host and the same first path segment, else the cleaned tab URL. On a host that
 * serves many people's pages by path (`/~ada/`, `/@ada/`), a page could otherwise claim
 * another's URL, store its capture there and retitle that session.
 * @example captureUrl({ url: 'https://a.org/x?utm_source=y', canonical: null }) // 'https://a.org/x'
 */
export function captureUrl(extract: Pick<PageExtract, 'url' | 'canonical'>): string {
  const own = canonicalUrl(extract.url);
  const claimed =
    extract.canonical && isWebUrl(extract.canonical) ? parseUrl(extract.canonical) : null;
  const tab = parseUrl(own);
  if (
    claimed &&
    tab &&
    claimed.hostname === tab.hostname &&
    firstSegment(claimed) === firstSegment(tab)
  ) {
    return canonicalUrl(claimed.href);
  }
  return own;
}

/**
 * Shapes what the page gave into a `Capture` (without ids): trimmed, bounded strings and a
 * title that falls back to the document's, then the URL.
 * @example shapeCapture({ url: 'https://a.org/', documentTitle: 'A', readerable: false, article: null }).title // 'A'
 */
export function shapeCapture(
  extract: PageExtract,
): Omit<Capture, 'id' | 'sessionId' | 'capturedAt'> {
  const a = extract.article;
  const url = captureUrl(extract);
  return {
    url,
    title: clean(a?.title, 500) ?? clean(extract.documentTitle, 500) ?? url,
    byline: clean(a?.byline, 300),
    siteName: clean(a?.siteName, 300) ?? domainOf(url),
    lang: clean(a?.lang, 35),
    excerpt: clean(a?.excerpt),
    publishedTime: clean(a?.publishedTime, 64),
    wordCount: Math.max(0, Math.floor(a?.wordCount ?? 0)),
    readerable: extract.readerable && a !== null,
  };
}

/**
 * The least a page gives when no script can run in it (PDF viewer, a page that failed):
 * the tab's URL and title.
 */
export function fallbackExtract(url: string, title: string | undefined): PageExtract {
  return { url, canonical: null, documentTitle: title ?? '', readerable: false, article: null };
}

function optionalString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Reads what the in-page script returned, trusting nothing: a hostile page can shape the
 * DOM Readability reads, so every field is type-checked and bounded here.
 * @example readExtract(42, 'https://a.org/', 'A').article // null
 */
export function readExtract(
  value: unknown,
  tabUrl: string,
  tabTitle: string | undefined,
): PageExtract {
  if (!value || typeof value !== 'object') return fallbackExtract(tabUrl, tabTitle);
  const v = value as Record<string, unknown>;
  const a =
    v.article && typeof v.article === 'object' ? (v.article as Record<string, unknown>) : null;
  const words =
    a && typeof a.wordCount === 'number' && Number.isFinite(a.wordCount) ? a.wordCount : 0;
  return {
    // The tab's URL is the truth; the page may claim any URL it likes.
    url: tabUrl,
    canonical: optionalString(v.canonical),
    documentTitle: optionalString(v.documentTitle) ?? tabTitle ?? '',
    contentType: optionalString(v.contentType) ?? undefined,
    readerable: v.readerable === true,
    article: a
      ? {
          title: optionalString(a.title),
          byline: optionalString(a.byline),
          siteName: optionalString(a.siteName),
          lang: optionalString(a.lang),
          excerpt: optionalString(a.excerpt),
          publishedTime: optionalString(a.publishedTime),
          wordCount: Math.min(words, 10_000_000),
        }
      : null,
  };
}

/**
 * Words in a text, counting each CJK character as a word (those scripts do not separate
 * words with spaces).
 * @example countWords('Hello, wide world') // 3
 */
export function countWords(text: string): number {
  let count = 0;
  for (const m of text.matchAll(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu,
  )) {
    if (m[0]) count++;
  }
  return count;
}
