/**
 * The script of the portfolio page (`lib/portfolio/page-html.ts`): it runs from a file on
 * the reader's disk or a web server, with no extension. It shows each skill record from
 * the page's data block, checks the learner's signature on it and each endorsement's own
 * signature, and saves a record as a file a wallet imports. Everything it shows is
 * written as text.
 */
import { formatDuration, formatNumber } from '../../lib/format';
import { PORTFOLIO_DATA_ID, type PortfolioPageData } from '../../lib/portfolio/page-html';
import { fill } from '../../lib/endorsement-request/claim';
import { recordView, type RecordView } from '../../lib/portfolio/record-view';
import type { PortfolioPageText } from '../../lib/portfolio/text';
import { isWebUrl } from '../../lib/url';
import { el, readDataBlock, saveFile } from '../dom';
import { serveChecks, startChecks } from './checks';

type Check = (credential: unknown) => Promise<boolean>;

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A status line reading "checking…" until the checker gives its verdict. */
function verdict(
  check: Promise<boolean>,
  T: PortfolioPageText,
  words: { ok: string; bad: string },
): HTMLElement {
  const p = el('p', { class: 'status', role: 'status', 'data-signature': 'checking' }, T.checking);
  void check.then((ok) => {
    p.textContent = ok ? words.ok : words.bad;
    p.className = ok ? 'status ok' : 'status bad';
    p.dataset.signature = ok ? 'holds' : 'changed';
  });
  return p;
}

function countsList(view: RecordView, T: PortfolioPageText, lang: string): HTMLElement {
  const items = Object.entries(view.counts)
    .filter(([, n]) => n > 0)
    .map(([p, n]) =>
      el(
        'li',
        { 'data-provenance': p, 'data-count': String(n) },
        `${T.provenance.label[p as keyof typeof T.provenance.label]}: ${formatNumber(n, lang)}`,
      ),
    );
  return el(
    'ul',
    { class: 'counts' },
    ...items,
    el(
      'li',
      { 'data-measured-minutes': String(view.measuredMinutes) },
      fill(T.measuredTime, formatDuration(view.measuredMinutes * 60_000, lang)),
    ),
  );
}

function evidenceSection(view: RecordView, T: PortfolioPageText): HTMLElement {
  if (view.evidence.length === 0 && view.other.length === 0) {
    return el('p', { class: 'muted' }, T.noEvidence);
  }
  const item = (e: RecordView['other'][number]) =>
    el(
      'li',
      {},
      e.id && isWebUrl(e.id)
        ? el('a', { href: e.id, rel: 'noopener noreferrer', dir: 'auto' }, e.name || e.id)
        : el('span', { dir: 'auto' }, e.name),
      e.description && el('br'),
      e.description && el('span', { class: 'meta', dir: 'auto' }, e.description),
      e.narrative && el('blockquote', { dir: 'auto' }, e.narrative),
    );
  return el(
    'div',
    { class: 'evidence' },
    ...view.evidence.map((g) =>
      el(
        'section',
        { class: 'provenance', 'data-provenance': g.provenance },
        el('h4', {}, T.provenance.label[g.provenance]),
        el('p', { class: 'muted' }, T.provenance.how[g.provenance]),
        el('ul', {}, ...g.items.map(item)),
      ),
    ),
    view.other.length > 0 && el('ul', { class: 'muted' }, ...view.other.map(item)),
  );
}

/** The endorsements a record embeds, as many as the page shows. */
function endorsementsOf(credential: unknown): unknown[] {
  const list = obj(credential).endorsement;
  return (Array.isArray(list) ? list : list ? [list] : []).slice(0, 50);
}

function endorsementsSection(
  credential: unknown,
  check: Check,
  T: PortfolioPageText,
): HTMLElement | null {
  const endorsements = endorsementsOf(credential);
  if (endorsements.length === 0) return null;
  return el(
    'section',
    { class: 'endorsements' },
    el('h3', {}, T.endorsementsHeading),
    el('p', { class: 'muted' }, T.endorserNote),
    ...endorsements.map((e) => {
      const issuer = obj(obj(e).issuer);
      return el(
        'article',
        { class: 'endorsement' },
        el('p', { dir: 'auto' }, el('strong', {}, fill(T.endorsedBy, text(issuer.name)))),
        text(issuer.description) &&
          el('p', { class: 'meta', dir: 'auto' }, text(issuer.description)),
        el('blockquote', { dir: 'auto' }, text(obj(obj(e).credentialSubject).endorsementComment)),
        verdict(check(e), T, { ok: T.endorsementHolds, bad: T.endorsementChanged }),
      );
    }),
  );
}

function recordSection(
  record: PortfolioPageData['records'][number],
  index: number,
  check: Check,
  T: PortfolioPageText,
  lang: string,
): HTMLElement {
  const view = recordView(record.credential);
  const id = `record-${index}`;
  const save = el('button', { type: 'button', class: 'save' }, T.saveForWallet);
  save.addEventListener('click', () =>
    saveFile(record.filename, `${JSON.stringify(record.credential, null, 2)}\n`),
  );
  return el(
    'section',
    { class: 'record', 'aria-labelledby': id, 'data-skill': view.skill || record.skill },
    el('h2', { id, dir: 'auto' }, view.skill || record.skill),
    verdict(check(record.credential), T, { ok: T.recordHolds, bad: T.recordChanged }),
    el('p', { dir: 'auto' }, view.narrative),
    view.first && el('p', { class: 'meta' }, fill(T.span, view.first, view.latest)),
    el('h3', {}, T.countsHeading),
    countsList(view, T, lang),
    el('h3', {}, T.evidenceHeading),
    evidenceSection(view, T),
    endorsementsSection(record.credential, check, T),
    el(
      'details',
      {},
      el('summary', {}, T.criteriaHeading),
      el('p', { dir: 'auto' }, view.criteria),
    ),
    el('p', {}, save),
  );
}

async function main(source: string | null | undefined): Promise<void> {
  const root = document.getElementById('page')!;
  const data = readDataBlock<PortfolioPageData>(
    PORTFOLIO_DATA_ID,
    (d) => !!d.text && Array.isArray(d.records),
  );
  if (!data) {
    root.append(el('p', { class: 'status bad', role: 'alert' }, 'This file is damaged.'));
    return;
  }
  const T = data.text;
  const checker = startChecks(source);
  const verdicts: Promise<boolean>[] = [];
  const check: Check = (credential) => {
    const verdict = checker.check(credential);
    verdicts.push(verdict);
    return verdict;
  };
  // Every check asked for before the page is built, and one task given to the browser to
  // start the worker with them: it then checks while the page is built and painted.
  for (const r of data.records)
    for (const c of [r.credential, ...endorsementsOf(r.credential)]) void check(c);
  await new Promise((resolve) => setTimeout(resolve, 0));
  root.append(
    el('p', {}, T.intro),
    el('p', { class: 'muted' }, T.selfIssued),
    el('p', { class: 'meta' }, T.privacy),
    ...data.records.map((r, i) => recordSection(r, i, check, T, data.lang)),
    el('footer', { class: 'muted' }, el('p', {}, T.proves), el('p', {}, T.doesNotProve)),
  );
  // Where the signatures were checked: in a worker, or on the page where none could start.
  void Promise.all(verdicts).then(() => (root.dataset.checkedIn = checker.where));
}

// The same script runs as the page and, from its own text, as the worker that checks it.
if (typeof document === 'undefined') serveChecks(globalThis as unknown as Worker);
else void main(document.currentScript?.textContent);
