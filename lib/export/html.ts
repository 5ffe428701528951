/**
 * The report as a printable HTML page ("Save as PDF" from the browser's print dialog).
 * Standalone: inline styles, no scripts, no external resources.
 */
import type { ExportFile } from './file';
import { exportFilename } from './file';
import { escapeHtml, htmlDocument, htmlLink } from './html-page';
import type { SharedData } from './privacy';
import { buildReport, REPORT_TEXT, type ReportOptions, type ReportTable } from './report';

function table(t: ReportTable, numeric: (col: number) => boolean): string {
  const cls = (i: number) => (numeric(i) ? ' class="num"' : '');
  const head = t.header.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const rows = t.rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function list(items: string[]): string {
  return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/**
 * The shared data as a standalone, printable HTML report. Every piece of page data is
 * escaped text; only `http(s)` URLs become links.
 * @example
 * const file = exportHtml(prepareExport(data, { ...week, timeZone, level: 'titles' }));
 * file.filename // 'skilltrail-2026-W48.html'
 */
export function exportHtml(shared: SharedData, options: ReportOptions = {}): ExportFile {
  const r = buildReport(shared, options);
  const T = options.strings ?? REPORT_TEXT;
  const lang = options.locale ?? 'en';
  const out: string[] = [`<h1>${escapeHtml(r.title)}</h1>`];
  out.push(
    ...r.intro.map((line, i) => `<p class="${i === 0 ? 'meta' : 'muted'}">${escapeHtml(line)}</p>`),
  );

  out.push(`<h2>${escapeHtml(T.summary)}</h2>`, '<dl class="totals">');
  for (const [k, v] of r.totals) out.push(`<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`);
  out.push('</dl>');
  if (r.empty) out.push(`<p>${escapeHtml(T.noActivity)}</p>`);

  if (r.skillsTable.rows.length > 0) {
    out.push(
      `<h2>${escapeHtml(T.bySkill)}</h2>`,
      table(r.skillsTable, (i) => i > 0),
    );
  }
  if (r.untagged) out.push(`<p class="muted">${escapeHtml(r.untagged)}</p>`);
  for (const s of r.skills) {
    const parts = [`<section class="item">`, `<h3>${escapeHtml(s.name)}</h3>`];
    parts.push(`<p class="meta">${escapeHtml(s.facts)}</p>`);
    const facts: string[] = [];
    if (s.framework) facts.push(`${escapeHtml(T.framework)}: ${htmlLink(s.framework)}`);
    if (s.sources.length) {
      facts.push(`${escapeHtml(T.topSources)}: ${escapeHtml(s.sources.join(', '))}`);
    }
    if (s.queries.length) {
      const qs = s.queries.map((q) => `“${escapeHtml(q)}”`).join(', ');
      facts.push(`${escapeHtml(T.queries)}: ${qs}`);
    }
    if (facts.length) parts.push(list(facts));
    for (const n of s.notes) {
      parts.push(
        `<p class="meta">${escapeHtml(n.heading)}</p>`,
        `<blockquote dir="auto">${escapeHtml(n.text)}</blockquote>`,
      );
    }
    if (s.followUps.length) parts.push(`<h4>${escapeHtml(T.followUps)}</h4>`);
    for (const f of s.followUps) {
      parts.push(`<p class="meta">${escapeHtml(f.heading)}</p>`);
      if (f.recall) {
        parts.push(
          `<p>${escapeHtml(T.recall)}:</p>`,
          `<blockquote>${escapeHtml(f.recall)}</blockquote>`,
        );
      }
      if (f.application) {
        parts.push(
          `<p>${escapeHtml(T.application)}:</p>`,
          `<blockquote>${escapeHtml(f.application)}</blockquote>`,
        );
      }
      if (f.link) parts.push(`<p>${htmlLink(f.link)}</p>`);
    }
    if (s.endorsements.length) {
      parts.push(
        `<h4>${escapeHtml(T.endorsements)}</h4>`,
        `<p class="muted">${escapeHtml(T.endorsementNote)}</p>`,
      );
    }
    for (const e of s.endorsements) {
      parts.push(
        `<p class="endorser"><strong dir="auto">${escapeHtml(e.heading)}</strong></p>`,
        `<p class="meta" dir="auto">${escapeHtml(e.meta)}</p>`,
        `<blockquote dir="auto">${escapeHtml(e.comment)}</blockquote>`,
      );
    }
    parts.push('</section>');
    out.push(parts.join('\n'));
  }

  out.push(
    `<h2>${escapeHtml(T.byDay)}</h2>`,
    table(r.daysTable, (i) => i > 0),
  );

  if (r.sessions.length > 0) {
    out.push(`<h2>${escapeHtml(T.sessions)}</h2>`);
    for (const s of r.sessions) {
      const parts = [`<section class="item">`, `<h3>${escapeHtml(s.heading)}</h3>`];
      parts.push(`<p class="meta">${escapeHtml(s.meta)}</p>`);
      if (s.link) parts.push(`<p>${htmlLink(s.link)}</p>`);
      if (s.queries.length) {
        parts.push(list(s.queries.map((q) => `${escapeHtml(T.queries)}: “${escapeHtml(q)}”`)));
      }
      if (s.pages.length) {
        parts.push(
          list(
            s.pages.map(
              (p) => `${htmlLink(p.link)} <span class="meta">— ${escapeHtml(p.detail)}</span>`,
            ),
          ),
        );
      }
      if (s.note) {
        parts.push(
          `<p class="meta">${escapeHtml(T.note)}</p>`,
          `<blockquote dir="auto">${escapeHtml(s.note)}</blockquote>`,
        );
      }
      parts.push('</section>');
      out.push(parts.join('\n'));
    }
  }

  return {
    filename: exportFilename(shared.summary.label, '', 'html'),
    mimeType: 'text/html;charset=utf-8',
    content: htmlDocument(r.title, out.join('\n'), lang),
  };
}
