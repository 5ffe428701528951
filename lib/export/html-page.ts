/**
 * Building blocks of the standalone HTML files (report and badges): escaping, links and
 * the page shell. Every piece of data enters a page through `escapeHtml`; markup is only
 * ever written by this code. The page also forbids scripts through its Content Security
 * Policy, a second wall should an escape ever be missed.
 */
import { textDirectionOf } from '../format';
import type { ReportLink } from './report';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text safe in HTML element content and in quoted attribute values.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A link for a web URL, plain escaped text for anything else (`javascript:`, `data:` …).
 * @example htmlLink({ text: 'MDN', href: 'https://developer.mozilla.org/' })
 */
export function htmlLink(link: ReportLink): string {
  if (!link.href) return escapeHtml(link.text);
  return `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${escapeHtml(link.text)}</a>`;
}

/** Paper-first styles: readable on screen, clean when printed or saved as PDF. */
const BASE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
  background: #fff; margin: 0 auto; padding: 2rem 1.5rem; max-width: 46rem; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #bbb; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .3em; }
p, ul, blockquote, table { margin: 0 0 .8em; }
.muted { color: #444; }
.meta { color: #333; font-size: .92em; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: start; padding: .25em .5em; border-bottom: 1px solid #ddd; vertical-align: top; }
th { border-bottom: 2px solid #999; }
td.num, th.num { text-align: end; }
dl.totals { display: grid; grid-template-columns: max-content auto; gap: .2em 1.2em; }
dl.totals dt { color: #333; } dl.totals dd { margin: 0; font-weight: 600; }
blockquote { border-inline-start: 3px solid #999; margin-inline: 0; padding-block: .1em;
  padding-inline: .8em 0; white-space: pre-wrap; }
a { color: #1d4ed8; overflow-wrap: anywhere; }
section.item { break-inside: avoid; page-break-inside: avoid; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .75em; background: #f4f4f4; padding: .5em; }
@page { margin: 18mm 16mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .85em; color: #444; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  details > summary { display: none; }
  .no-print { display: none; }
}
`;

/** The Content Security Policy of a page with no script: inline styles, `data:` images, nothing else. */
export const NO_SCRIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * A complete, self-contained HTML document, written in `lang` and in its direction (Arabic
 * right to left), under `csp`. `title` is escaped here; `style` and `body` are written as
 * given: `body` must already be markup built from escaped parts.
 * @example htmlShell({ title: 'Report', lang: 'en', csp: NO_SCRIPT_CSP, style: 'p {}', body: '<h1>Report</h1>' })
 */
export function htmlShell(page: {
  title: string;
  lang: string;
  csp: string;
  style: string;
  body: string;
}): string {
  // Written as it is, so a policy reads the same in the file and to the browser.
  if (/["<>&]/.test(page.csp)) throw new Error('A CSP never holds " < > or &.');
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}" dir="${textDirectionOf(page.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${page.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Skilltrail">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}

/**
 * A report page: the paper-first styles, no script.
 * @example htmlDocument('Report', '<h1>Report</h1>', 'en')
 */
export function htmlDocument(title: string, body: string, lang = 'en', extraCss = ''): string {
  return htmlShell({ title, lang, csp: NO_SCRIPT_CSP, style: `${BASE_CSS}${extraCss}`, body });
}
