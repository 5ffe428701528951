/**
 * The week as CSV for spreadsheets (RFC 4180: CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled). Cells a spreadsheet would run as a formula get a
 * leading `'`, so a page titled `=HYPERLINK(…)` stays text. A UTF-8 byte order mark leads
 * the file, because Excel otherwise reads UTF-8 as a legacy code page.
 *
 * Levels with sessions give one row per session; `totals` gives one row per day and skill.
 * Columns a level withholds are left out, not left blank.
 */
import type { SessionKind } from '../model';
import type { ExportFile } from './file';
import { exportFilename } from './file';
import type { SharedData } from './privacy';
import { localIso } from './timestamps';

/** Column names (stable: spreadsheets and scripts refer to them). */
export const CSV_COLUMNS = {
  session: [
    'session_id',
    'date',
    'start',
    'end',
    'kind',
    'skills',
    'title',
    'site',
    'url',
    'active_seconds',
    'active_minutes',
    'pages',
    'searches',
    'queries',
    'note',
    // At the end, so scripts that read columns by position keep working.
    'provenance',
    // Learning away from the screen: its stated time (never in active_*) and its kind.
    'stated_minutes',
    'learning_kind',
    // Who vouched for a stated activity (their names, as signed); its provenance stays
    // `stated`, one word scripts match, since the activity itself is the learner's statement.
    'vouched_by',
  ],
  totals: ['date', 'skill', 'active_seconds', 'active_minutes', 'sessions', 'stated_minutes'],
} as const;

/** The skill cell of time not tagged with any skill. */
export const CSV_UNTAGGED = '(untagged)';

type CsvColumn = (typeof CSV_COLUMNS)['session' | 'totals'][number];

/**
 * The words of a CSV file: the stable column names and codes above by default; the
 * dashboard passes the same in the learner's language.
 */
export interface CsvText {
  columns: Readonly<Record<CsvColumn, string>>;
  untagged: string;
  kind: Readonly<Record<SessionKind, string>>;
}

export const CSV_TEXT: CsvText = {
  columns: Object.fromEntries(
    [...CSV_COLUMNS.session, ...CSV_COLUMNS.totals].map((c) => [c, c]),
  ) as Record<CsvColumn, string>,
  untagged: CSV_UNTAGGED,
  kind: { reading: 'reading', search: 'search', watching: 'watching', away: 'away' },
};
const BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * One CSV field: formula-like text neutralised with a leading `'`, then quoted if needed.
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  // OWASP CSV injection: these first characters make Excel, Sheets or Calc evaluate a
  // cell, also after leading blank lines or spaces, and in their full-width forms (＝＋－＠),
  // which some spreadsheets read as the ASCII ones.
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows as RFC 4180 text, every record ended by CRLF.
 * @example csvRows([['a', 'b'], ['1', '2']]) // 'a,b\r\n1,2\r\n'
 */
export function csvRows(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',') + CRLF).join('');
}

function minutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

/**
 * The shared data as CSV.
 * @example
 * const file = exportCsv(prepareExport(data, { ...week, timeZone, level: 'sites' }));
 * file.filename // 'skilltrail-2026-W48.csv'
 */
export function exportCsv(shared: SharedData, options: { strings?: CsvText } = {}): ExportFile {
  const { rules, summary } = shared;
  const T = options.strings ?? CSV_TEXT;
  const tz = summary.timeZone;
  let rows: (string | number | undefined)[][];
  if (!rules.sessions) {
    rows = [CSV_COLUMNS.totals.map((c) => T.columns[c])];
    summary.days.forEach((day, i) => {
      for (const s of summary.skills) {
        const d = s.perDay[i];
        if (d && (d.activeMs > 0 || d.sessions > 0)) {
          rows.push([
            day.date,
            s.name,
            seconds(d.activeMs),
            minutes(d.activeMs),
            d.sessions,
            minutes(d.statedMs),
          ]);
        }
      }
      if (day.untaggedMs > 0) {
        rows.push([day.date, T.untagged, seconds(day.untaggedMs), minutes(day.untaggedMs), '', '']);
      }
    });
  } else {
    const keep: Record<(typeof CSV_COLUMNS.session)[number], boolean> = {
      session_id: true,
      date: true,
      start: true,
      end: true,
      kind: true,
      provenance: true,
      stated_minutes: true,
      learning_kind: true,
      vouched_by: true,
      skills: true,
      title: rules.titles,
      site: rules.sites,
      url: rules.urls,
      active_seconds: true,
      active_minutes: true,
      pages: true,
      searches: true,
      queries: rules.queries,
      note: rules.notes,
    };
    const columns = CSV_COLUMNS.session.filter((c) => keep[c]);
    const names = new Map(shared.skills.map((s) => [s.id, s.name]));
    rows = [columns.map((c) => T.columns[c])];
    for (const s of shared.sessions) {
      const start = localIso(s.startedAt, tz);
      const cells: Record<(typeof CSV_COLUMNS.session)[number], string | number | undefined> = {
        session_id: s.id,
        date: start.slice(0, 10),
        start: start.replace('T', ' '),
        end: localIso(s.endedAt, tz).replace('T', ' '),
        kind: T.kind[s.kind],
        // The vocabulary's own word in every language: scripts match it.
        provenance: s.provenance,
        stated_minutes: s.kind === 'away' ? minutes(s.statedMs ?? 0) : '',
        // The stable word (`mentoring`), as scripts match it.
        learning_kind: s.learningKind ?? '',
        vouched_by: (s.vouchedBy ?? []).map((v) => v.name).join('; '),
        skills: s.skillIds
          .map((id) => names.get(id) ?? '')
          .filter(Boolean)
          .join('; '),
        title: s.label,
        site: s.site,
        url: s.url,
        active_seconds: seconds(s.activeMs),
        active_minutes: minutes(s.activeMs),
        pages:
          s.pages.length || (s.kind !== 'search' && s.kind !== 'away' && (s.url || s.site) ? 1 : 0),
        searches: s.queries.length,
        queries: s.queries
          .map((q) => q.query ?? '')
          .filter(Boolean)
          .join('; '),
        note: s.note,
      };
      rows.push(columns.map((c) => cells[c]));
    }
  }
  return {
    filename: exportFilename(summary.label, '', 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    content: BOM + csvRows(rows),
  };
}
