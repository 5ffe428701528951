/** The badges as a readable HTML page, everything from the credential written as escaped text. */
import { formatDateTime } from '../../format';
import { exportFilename, type ExportFile } from '../file';
import { escapeHtml, htmlDocument, htmlLink } from '../html-page';
import type { SharedData } from '../privacy';
import { toLink } from '../report';
import type { IssuedBadge } from './issue';
import { walletFile } from './json-files';
import { OB_TEXT, type BadgeText } from './text';

/**
 * The badges as a readable page: each credential, its achievement and its evidence, as
 * escaped text, with the signed credential itself in a collapsed block.
 * @example download(badgesHtmlFile(shared, badges));
 */
export function badgesHtmlFile(
  shared: SharedData,
  badges: readonly IssuedBadge[],
  options: { locale?: string; strings?: BadgeText } = {},
): ExportFile {
  const tz = shared.summary.timeZone;
  const T = options.strings ?? OB_TEXT;
  const title = T.pageTitle(shared.summary.label);
  const out = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(T.verifyHint)}</p>`,
    `<p>${escapeHtml(T.selfAssertedMeaning)}</p>`,
    `<h2>${escapeHtml(T.howToCheck)}</h2>`,
    `<ul><li>${escapeHtml(T.howToCheckWallet)}</li><li>${escapeHtml(T.howToCheckValidator)}</li></ul>`,
  ];
  if (badges.length === 0) out.push(`<p>${escapeHtml(T.none)}</p>`);
  for (const badge of badges) {
    const { credential: c, jws } = badge;
    const wallet = walletFile(shared, badge);
    const a = c.credentialSubject.achievement;
    const parts = [`<section class="badge">`, `<h2>${escapeHtml(c.name)}</h2>`];
    parts.push(
      `<p class="meta">${escapeHtml(T.issuedBy(c.issuer.name))} · ${escapeHtml(
        T.validFrom(formatDateTime(Date.parse(c.validFrom), options.locale ?? 'en', tz)),
      )} · ${escapeHtml(T.selfAsserted)}</p>`,
      `<p>${escapeHtml(c.credentialSubject.narrative)}</p>`,
      `<h3>${escapeHtml(T.achievement)}: ${escapeHtml(a.name)}</h3>`,
      `<p>${escapeHtml(a.description)}</p>`,
      `<p class="meta"><strong>${escapeHtml(T.criteriaHeading)}:</strong> ${escapeHtml(a.criteria.narrative)}</p>`,
    );
    for (const al of a.alignment ?? []) {
      const label = al.targetFramework ? `${al.targetName} (${al.targetFramework})` : al.targetName;
      parts.push(
        `<p class="meta">${escapeHtml(T.alignment)}: ${htmlLink(toLink(al.targetUrl, label))}</p>`,
      );
    }
    parts.push(`<h3>${escapeHtml(T.evidence)}</h3>`);
    if (!c.evidence?.length) parts.push(`<p class="muted">${escapeHtml(T.noEvidence)}</p>`);
    else {
      const items = c.evidence.map((e) => {
        const name = e.id ? htmlLink(toLink(e.id, e.name)) : escapeHtml(e.name);
        const narrative = e.narrative
          ? `<blockquote dir="auto">${escapeHtml(e.narrative)}</blockquote>`
          : '';
        return `<li>${name}<br><span class="meta">${escapeHtml(e.description)}</span>${narrative}</li>`;
      });
      parts.push(`<ul>${items.join('\n')}</ul>`);
    }
    if (c.endorsement?.length) {
      parts.push(
        `<h3>${escapeHtml(T.endorsements)}</h3>`,
        `<p class="meta">${escapeHtml(T.endorsementNote)}</p>`,
      );
      const items = c.endorsement.map((e) => {
        const when = Date.parse(e.validFrom);
        const meta = [
          e.issuer.description,
          Number.isFinite(when)
            ? T.endorsementSigned(formatDateTime(when, options.locale ?? 'en', tz))
            : '',
        ].filter(Boolean);
        return (
          `<li><strong dir="auto">${escapeHtml(T.endorsedBy(e.issuer.name))}</strong>` +
          `<br><span class="meta" dir="auto">${escapeHtml(meta.join(' · '))}</span>` +
          `<blockquote dir="auto">${escapeHtml(e.credentialSubject.endorsementComment)}</blockquote></li>`
        );
      });
      parts.push(`<ul>${items.join('\n')}</ul>`);
    }
    const href = `data:application/json;charset=utf-8,${encodeURIComponent(wallet.content)}`;
    parts.push(
      `<p><a class="wallet" download="${escapeHtml(wallet.filename)}" href="${escapeHtml(href)}">${escapeHtml(T.saveForWallet)}</a></p>`,
      `<details><summary>${escapeHtml(T.signed)}</summary><pre>${escapeHtml(jws)}</pre></details>`,
      '</section>',
    );
    out.push(parts.join('\n'));
  }
  const css = `
section.badge { border: 1px solid #bbb; border-radius: 6px; padding: .2em 1em .6em; margin: 1.2em 0;
  break-inside: avoid; page-break-inside: avoid; }
section.badge h2 { border: 0; margin-top: .6em; }
`;
  return {
    filename: exportFilename(shared.summary.label, 'badges', 'html'),
    mimeType: 'text/html;charset=utf-8',
    content: htmlDocument(title, out.join('\n'), options.locale ?? 'en', css),
  };
}
