/**
 * Whether a page found in the history looks like reading: history says only where the
 * learner went, never how long they read, so the page has to say it. Documentation and
 * learning sites by their host or path, articles and tutorials by a path that names them
 * or ends in a slug of words, and any site the learner already tagged learning on.
 */
import { parseUrl } from '../url';

/** Hosts that are documentation, reference or courses by their first label. */
const LEARNING_HOST =
  /^(docs?|developer|developers|learn|learning|wiki|help|support|kb|academy|courses?|tutorials?|guide|manual|reference)\./;

/** Path segments that say the page is reading matter. */
const LEARNING_SEGMENT =
  /^(docs?|documentation|wiki|guides?|tutorials?|learn|learning|lessons?|courses?|articles?|blog|posts?|how-?to|howto|reference|manual|handbook|faq|questions|answers|recipes|explained|introduction|intro|getting-started|book|chapters?|notes)$/i;

/** A last segment of at least three words: `how-to-fix-a-printer-jam`, an article's slug. */
const SLUG = /^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}(?:\.html?)?$/u;

/**
 * Whether `url` looks like a page read to learn. `learningSites` are domains the learner
 * already kept sessions with skills on.
 * @example looksLikeReading('https://developer.mozilla.org/en-US/docs/Web/CSS/grid', new Set()) // true
 * @example looksLikeReading('https://example.org/', new Set()) // false
 */
export function looksLikeReading(
  url: string,
  domain: string,
  learningSites: ReadonlySet<string>,
): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  const segments = u.pathname.split('/').filter(Boolean);
  // A site's home page is where reading starts, not what is read.
  if (segments.length === 0) return false;
  if (learningSites.has(domain)) return true;
  if (LEARNING_HOST.test(u.hostname.replace(/^www\./, ''))) return true;
  if (segments.some((s) => LEARNING_SEGMENT.test(s))) return true;
  let last = segments.at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: the slug as written.
  }
  return SLUG.test(last);
}
