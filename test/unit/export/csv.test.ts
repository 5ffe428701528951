import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/skills/csv-parse';
import { csvField, csvRows, exportCsv } from '../../../lib/export/csv';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { FORMULA_TITLE, weekFixture } from '../../fixtures/week';

function csv(level: PrivacyLevel) {
  const f = weekFixture();
  return exportCsv(prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level }));
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\rstart', `"'\rstart"`],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a=b', 'a=b'],
  ])('writes %j as %j', (value, out) => {
    expect(csvField(value)).toBe(out);
  });

  it('leaves numbers alone and writes nothing for undefined', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvRows([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });
});

describe('exportCsv', () => {
  it('writes one row per session with a BOM, CRLF and RFC 4180 quoting', () => {
    const file = csv('full');
    expect(file.filename).toBe('skilltrail-2026-W48.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.content.startsWith('\uFEFFsession_id,date,start,end,kind,skills,title,')).toBe(
      true,
    );
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.replace(/\r\n/g, '').includes('\r')).toBe(false);
    const rows = parseCsv(file.content);
    expect(rows).toHaveLength(8);
    const header = rows[0]!;
    const row = (i: number) => Object.fromEntries(header.map((h, j) => [h, rows[i]![j]]));
    expect(row(1)).toMatchObject({
      date: '2026-11-23',
      start: '2026-11-23 09:15:00',
      kind: 'reading',
      skills: 'CSS; Front-end development',
      site: 'developer.mozilla.org',
      active_seconds: '540',
      active_minutes: '9',
      pages: '2',
      // How it was obtained: the vocabulary's word.
      provenance: 'measured',
    });
    expect(row(2)).toMatchObject({
      queries: 'css grid vs flexbox; css grid auto-fill vs auto-fit',
      searches: '2',
      pages: '3',
    });
    // The formula title is text, the two-line note one field.
    expect(row(4).title).toBe(`'${FORMULA_TITLE}`);
    expect(row(4).note).toBe('line one\nline two, with a comma');
    expect(row(4).active_minutes).toBe('1.5');
    expect(row(3).note).toBe('<script>alert(1)</script> & "quotes", \'apostrophes\'');
  });

  it.each([
    [
      'titles',
      [
        'session_id',
        'date',
        'start',
        'end',
        'kind',
        'skills',
        'title',
        'site',
        'active_seconds',
        'active_minutes',
        'pages',
        'searches',
        'provenance',
        'stated_minutes',
        'learning_kind',
        'vouched_by',
      ],
    ],
    [
      'sites',
      [
        'session_id',
        'date',
        'start',
        'end',
        'kind',
        'skills',
        'site',
        'active_seconds',
        'active_minutes',
        'pages',
        'searches',
        'provenance',
        'stated_minutes',
        'learning_kind',
        'vouched_by',
      ],
    ],
  ] as const)('leaves out the columns %s withholds', (level, header) => {
    expect(parseCsv(csv(level).content)[0]).toEqual(header);
  });

  it('gives totals per day and skill at totals, untagged time included', () => {
    const rows = parseCsv(csv('totals').content);
    expect(rows[0]).toEqual([
      'date',
      'skill',
      'active_seconds',
      'active_minutes',
      'sessions',
      'stated_minutes',
    ]);
    expect(rows).toContainEqual(['2026-11-23', 'CSS', '960', '16', '2', '0']);
    expect(rows).toContainEqual(['2026-11-28', '(untagged)', '600', '10', '', '']);
    expect(rows).toContainEqual(['2026-11-29', '(untagged)', '300', '5', '', '']);
    const total = rows
      .slice(1)
      .filter((r) => r[1] === '(untagged)')
      .reduce((sum, r) => sum + Number(r[2]), 0);
    expect(total).toBe(900);
  });
});

describe('csvField against formulas in disguise', () => {
  it('neutralises formulas after blank lines or spaces, and in full-width forms', () => {
    for (const cell of [
      '\n=HYPERLINK("x")',
      ' =1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\n\n@x',
    ]) {
      const out = csvField(cell);
      expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvField('plain text')).toBe('plain text');
  });
});
