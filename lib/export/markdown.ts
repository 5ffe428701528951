/**
 * The report as Markdown (CommonMark with GitHub tables). Page data is escaped so a title
 * can never become a link, an image, HTML or a table break in whatever renders the file.
 */
import type { ExportFile } from './file';
import { exportFilename } from './file';
import type { SharedData } from './privacy';
import {
  buildReport,
  REPORT_TEXT,
  type ReportLink,
  type ReportOptions,
  type ReportTable,
} from './report';

/**
 * Text safe inside Markdown: every character that can open inline markup, HTML, an entity
 * or a table cell is backslash-escaped (CommonMark allows escaping any ASCII punctuation),
 * and line breaks become spaces. Readable punctuation such as `-` and `:` stays as it is.
 * @example escapeMarkdown('<img src=x> [a](b)') // '\\<img src=x\\> \\[a\\](b)'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

function link(l: ReportLink): string {
  // In `<…>` a destination may hold no `<`, `>` or line break; a parsed URL's href has none.
  return l.href ? `[${escapeMarkdown(l.text)}](<${l.href}>)` : escapeMarkdown(l.text);
}

function table(t: ReportTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [row(t.header), `|${t.header.map(() => ' --- |').join('')}`, ...t.rows.map(row)];
}

function quote(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'));
}

/**
 * The shared data as a Markdown report: summary, by skill, by day, then every session.
 * @example
 * const file = exportMarkdown(prepareExport(data, { ...week, timeZone, level: 'full' }));
 * file.filename // 'skilltrail-2026-W48.md'
 */
export function exportMarkdown(shared: SharedData, options: ReportOptions = {}): ExportFile {
  const r = buildReport(shared, options);
  const T = options.strings ?? REPORT_TEXT;
  const out: string[] = [`# ${escapeMarkdown(r.title)}`, ''];
  for (const line of r.intro) out.push(escapeMarkdown(line), '');

  out.push(`## ${T.summary}`, '');
  for (const [k, v] of r.totals) out.push(`- ${escapeMarkdown(k)}: **${escapeMarkdown(v)}**`);
  out.push('');
  if (r.empty) out.push(T.noActivity, '');

  if (r.skillsTable.rows.length > 0) {
    out.push(`## ${T.bySkill}`, '', ...table(r.skillsTable), '');
  }
  if (r.untagged) out.push(escapeMarkdown(r.untagged), '');
  for (const s of r.skills) {
    out.push(`### ${escapeMarkdown(s.name)}`, '', escapeMarkdown(s.facts), '');
    if (s.framework) out.push(`- ${T.framework}: ${link(s.framework)}`);
    if (s.sources.length) {
      out.push(`- ${T.topSources}: ${s.sources.map(escapeMarkdown).join(', ')}`);
    }
    if (s.queries.length) {
      out.push(`- ${T.queries}: ${s.queries.map((q) => `“${escapeMarkdown(q)}”`).join(', ')}`);
    }
    if (s.framework || s.sources.length || s.queries.length) out.push('');
    if (s.notes.length) {
      out.push(`**${T.reflections}**`, '');
      for (const n of s.notes) out.push(`*${escapeMarkdown(n.heading)}*`, '', ...quote(n.text), '');
    }
    if (s.followUps.length) {
      out.push(`**${T.followUps}**`, '');
      for (const f of s.followUps) {
        out.push(`*${escapeMarkdown(f.heading)}*`, '');
        if (f.recall) out.push(`${escapeMarkdown(T.recall)}:`, '', ...quote(f.recall), '');
        if (f.application) {
          out.push(`${escapeMarkdown(T.application)}:`, '', ...quote(f.application), '');
        }
        if (f.link) out.push(link(f.link), '');
      }
    }
    if (s.endorsements.length) {
      out.push(`**${T.endorsements}**`, '', `*${escapeMarkdown(T.endorsementNote)}*`, '');
      for (const e of s.endorsements) {
        out.push(`**${escapeMarkdown(e.heading)}**`, '', escapeMarkdown(e.meta), '');
        out.push(...quote(e.comment), '');
      }
    }
  }

  out.push(`## ${T.byDay}`, '', ...table(r.daysTable), '');

  if (r.sessions.length > 0) {
    out.push(`## ${T.sessions}`, '');
    for (const s of r.sessions) {
      out.push(`### ${escapeMarkdown(s.heading)}`, '', escapeMarkdown(s.meta), '');
      if (s.link) out.push(link(s.link), '');
      if (s.queries.length) {
        for (const q of s.queries) out.push(`- ${T.queries}: “${escapeMarkdown(q)}”`);
        out.push('');
      }
      if (s.pages.length) {
        for (const p of s.pages) out.push(`- ${link(p.link)} — ${escapeMarkdown(p.detail)}`);
        out.push('');
      }
      if (s.note) out.push(`**${T.note}**`, '', ...quote(s.note), '');
    }
  }

  return {
    filename: exportFilename(shared.summary.label, '', 'md'),
    mimeType: 'text/markdown;charset=utf-8',
    content: `${out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
  };
}
