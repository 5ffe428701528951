/**
 * The endorsement request page: one HTML file that works from disk, offline, in any current
 * browser. Its script (bundled at build time) and its style are inline, and its Content
 * Security Policy allows exactly those two by hash and nothing else: no other script, no
 * network, no form posting anywhere. What it shows comes from a JSON data block, which the
 * script reads and writes into the page as text only.
 */
import { escapeHtml, htmlShell } from '../export/html-page';
import type { RequestPageText } from './text';

/** The id of the data block the page script reads. */
export const REQUEST_DATA_ID = 'request-data';

/** What the page script gets: the signed credential and the page's words. */
export interface RequestPageData {
  /** The learner's signed `OpenBadgeCredential` for the skill (Data Integrity proof). */
  credential: Record<string, unknown>;
  text: RequestPageText;
  /** BCP 47 language of `text`, for dates. */
  lang: string;
}

/** The page's script and style with their CSP hash sources (`'sha256-…'`), made at build time. */
export interface PageAssets {
  script: string;
  scriptHash: string;
  style: string;
  styleHash: string;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that can sit inside a `<script type="application/json">` element: no `<` (so no
 * `</script>` or `<!--`), and the same value for `JSON.parse`.
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]!);
}

/**
 * The page's Content Security Policy: its own script and style by hash, images only as
 * `data:`, nothing else. With `workers`, a worker from a `blob:` URL too: the portfolio
 * page runs its own script text in one to check signatures off the page's thread.
 */
export function requestPageCsp(
  assets: Pick<PageAssets, 'scriptHash' | 'styleHash'>,
  options: { workers?: boolean } = {},
): string {
  const hash = /^'sha256-[A-Za-z0-9+/]{43}='$/;
  if (!hash.test(assets.scriptHash) || !hash.test(assets.styleHash))
    throw new Error('The page assets have no SHA-256 hash.');
  return [
    "default-src 'none'",
    `script-src ${assets.scriptHash}`,
    `style-src ${assets.styleHash}`,
    'img-src data:',
    ...(options.workers ? ['worker-src blob:'] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The complete page.
 * @example requestPageHtml({ credential, text, lang: 'en' }, assets)
 */
export function requestPageHtml(data: RequestPageData, assets: PageAssets): string {
  const title = escapeHtml(data.text.title);
  return htmlShell({
    title: data.text.title,
    lang: data.lang,
    csp: requestPageCsp(assets),
    style: assets.style,
    body: `<main id="page">
<h1>${title}</h1>
<noscript><p>${escapeHtml(data.text.noScript)}</p></noscript>
</main>
<script type="application/json" id="${REQUEST_DATA_ID}">${jsonForScript(data)}</script>
<script>${assets.script}</script>`,
  });
}
