import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../../lib/export/file';
import { escapeMarkdown, exportMarkdown } from '../../../lib/export/markdown';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { HOSTILE_TITLE, weekFixture } from '../../fixtures/week';

function markdown(level: PrivacyLevel = 'full', now?: number) {
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
  return exportMarkdown(shared, { now });
}

describe('exportMarkdown', () => {
  it('says how each session, reflection and follow-up was obtained', () => {
    const f = weekFixture();
    const sessions = f.data.sessions.map((s, i) =>
      i === 0 ? { ...s, provenance: 'captured' as const } : s,
    );
    const shared = prepareExport(
      { ...f.data, sessions },
      { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' },
    );
    const { content } = exportMarkdown(shared);
    expect(content).toMatch(/\nCaptured · (Reading|Web search|Watching) · /);
    expect(content).toMatch(/\nMeasured · (Reading|Web search|Watching) · /);
    expect(content).toContain(' · Written*');
  });

  it('names the file after the ISO week', () => {
    const file = markdown();
    expect(file.filename).toBe('skilltrail-2026-W48.md');
    expect(file.mimeType).toBe('text/markdown;charset=utf-8');
  });

  it('reports totals, skills, days and sessions', () => {
    const { content } = markdown();
    expect(content).toMatch(/^# Learning report — 2026-W48\n/);
    expect(content).toContain('- Active learning time: **1 hr 5 min**');
    expect(content).toContain('| Front-end development | 30 min | 3 | 4 | 0 | 3 |');
    expect(content).toContain('### Web cryptography');
    expect(content).toContain('Not tagged with a skill: 15 min (1 session)');
    expect(content).toContain('> line one\n> line two, with a comma');
    expect(content).toContain(
      '[CSS grid layout - CSS \\| MDN](<https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout>)',
    );
    expect(content).toContain('“css grid vs flexbox”');
  });

  it('lists an answered follow-up under its skill, escaped, and only at full', () => {
    const { content } = markdown();
    const css = content.slice(content.indexOf('### CSS'), content.indexOf('## By day'));
    expect(css).toContain('**Follow-ups**');
    expect(css).toContain('*Sun, Nov 29, 08:30 PM, on 1 session · Written*');
    expect(css).toContain(
      'What stayed:\n\n> Grid areas name regions; \\<b\\>subgrid\\</b\\> passes',
    );
    expect(css).toContain('> minmax() sets limits.');
    expect(css).toContain(
      'Where it was used:\n\n> Rebuilt the \\*pricing\\* page layout with grid \\| no floats left',
    );
    expect(css).toContain(
      '[https://github.com/example/site/pull/42](<https://github.com/example/site/pull/42>)',
    );
    // The dismissed follow-up on front-end development says nothing.
    expect(content.match(/\*\*Follow-ups\*\*/g)).toHaveLength(1);
    for (const level of ['titles', 'sites', 'totals'] as const) {
      expect(markdown(level).content).not.toContain('Follow-ups');
    }
  });

  it('escapes page data so it cannot become HTML, images or links', () => {
    const { content } = markdown();
    expect(content).not.toContain(HOSTILE_TITLE);
    expect(content).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(content).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(content).not.toMatch(/(?<!\\)<(img|script)/i);
  });

  it('never links javascript: or data: URLs', () => {
    const { content } = markdown();
    expect(content).not.toMatch(/\]\(<?\s*(javascript|data):/i);
    expect(content).toContain('A javascript: page');
  });

  it('is deterministic without a clock and dated with one', () => {
    expect(markdown().content).toBe(markdown().content);
    expect(markdown().content).not.toContain('Exported');
    expect(markdown('full', Date.UTC(2026, 10, 30, 8)).content).toContain(
      'Exported Mon, Nov 30, 2026',
    );
  });

  it('has no session list at totals', () => {
    const { content } = markdown('totals');
    expect(content).not.toContain('## Sessions');
    expect(content).toContain('## By day');
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['a &amp; b', 'a \\&amp; b'],
    ['two\nlines', 'two lines'],
  ])('escapes %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('exportFilename', () => {
  it.each([
    ['2026-W48', '', 'md', 'skilltrail-2026-W48.md'],
    ['2026-11-01_2026-11-30', 'xapi', 'json', 'skilltrail-2026-11-01_2026-11-30-xapi.json'],
    ['../../etc/passwd', 'x', 'html', 'skilltrail-etc-passwd-x.html'],
  ])('%s + %s + %s → %s', (label, suffix, ext, name) => {
    expect(exportFilename(label, suffix, ext)).toBe(name);
  });

  it('names a range that is not a week by its dates', () => {
    const f = weekFixture();
    const shared = prepareExport(f.data, {
      start: f.week.start,
      end: f.week.end + 86_400_000,
      timeZone: f.timeZone,
      level: 'full',
    });
    expect(exportMarkdown(shared).filename).toBe('skilltrail-2026-11-23_2026-11-30.md');
  });
});
