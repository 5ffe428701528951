/**
 * The portfolio page: one HTML file a learner sends or hosts, with a skill record per skill
 * they chose, that checks every signature in the reader's browser, offline, with nothing
 * to install. Built as the endorsement request page is: its script and style inline and
 * allowed by hash in a strict Content Security Policy, nothing remote, and what it shows
 * read from a JSON data block and written as text. The policy also lets the script start
 * itself as a `blob:` worker, which checks the signatures while the page is shown.
 */
import { jsonForScript, requestPageCsp, type PageAssets } from '../endorsement-request/page-html';
import { escapeHtml, htmlShell } from '../export/html-page';
import type { PortfolioPageText } from './text';

/** The id of the data block the page script reads. */
export const PORTFOLIO_DATA_ID = 'portfolio-data';

/** One skill's record in the page: its signed credential and the file a wallet imports. */
export interface PortfolioRecord {
  skill: string;
  /** The learner's signed skill record (Data Integrity proof). */
  credential: Record<string, unknown>;
  /** The file name "Save for a wallet" gives it. */
  filename: string;
}

/** What the page script gets. */
export interface PortfolioPageData {
  learner: string;
  records: PortfolioRecord[];
  text: PortfolioPageText;
  /** BCP 47 language of `text`, for dates and numbers. */
  lang: string;
}

/**
 * The complete page.
 * @example portfolioPageHtml({ learner: 'Ada', records, text, lang: 'en' }, assets)
 */
export function portfolioPageHtml(data: PortfolioPageData, assets: PageAssets): string {
  const title = data.text.title.replace('$1', data.learner);
  return htmlShell({
    title,
    lang: data.lang,
    csp: requestPageCsp(assets, { workers: true }),
    style: assets.style,
    body: `<main id="page">
<h1 dir="auto">${escapeHtml(title)}</h1>
<noscript><p>${escapeHtml(data.text.noScript)}</p></noscript>
</main>
<script type="application/json" id="${PORTFOLIO_DATA_ID}">${jsonForScript(data)}</script>
<script>${assets.script}</script>`,
  });
}
