// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlLink } from '../../../lib/export/html-page';
import { exportHtml } from '../../../lib/export/html';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { HOSTILE_TITLE, weekFixture } from '../../fixtures/week';

function html(level: PrivacyLevel = 'full') {
  const f = weekFixture();
  return exportHtml(
    prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level }),
  );
}

function parse(content: string): Document {
  return new DOMParser().parseFromString(content, 'text/html');
}

describe('exportHtml', () => {
  it('is a standalone printable page named after the week', () => {
    const file = html();
    expect(file.filename).toBe('skilltrail-2026-W48.html');
    expect(file.mimeType).toBe('text/html;charset=utf-8');
    expect(file.content).toMatch(/^<!doctype html>/);
    expect(file.content).toContain('@media print');
    expect(file.content).toContain("default-src 'none'");
    const doc = parse(file.content);
    expect(doc.querySelector('h1')!.textContent).toBe('Learning report — 2026-W48');
    expect(doc.querySelectorAll('section.item').length).toBeGreaterThan(7);
  });

  it('shows an answered follow-up under its skill as text, with its link', () => {
    const doc = parse(html().content);
    const css = [...doc.querySelectorAll('section.item')].find(
      (s) => s.querySelector('h3')?.textContent === 'CSS',
    )!;
    expect(css.querySelector('h4')!.textContent).toBe('Follow-ups');
    const quotes = [...css.querySelectorAll('blockquote')].map((q) => q.textContent);
    expect(quotes).toContain(
      'Grid areas name regions; <b>subgrid</b> passes tracks down.\nminmax() sets limits.',
    );
    expect(css.querySelector('b')).toBeNull();
    expect(css.querySelector('a[href="https://github.com/example/site/pull/42"]')).not.toBeNull();
    expect(html('titles').content).not.toContain('subgrid');
  });

  it('shows hostile titles and notes as text, never as markup', () => {
    const file = html();
    expect(file.content).not.toContain(HOSTILE_TITLE);
    expect(file.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = parse(file.content);
    expect(doc.querySelectorAll('img, script, iframe, object, embed').length).toBe(0);
    expect(doc.body.textContent).toContain(HOSTILE_TITLE);
    expect(doc.body.textContent).toContain('<script>alert(1)</script> & "quotes"');
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
  });

  it('links only http(s) URLs', () => {
    const doc = parse(html().content);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(doc.body.textContent).toContain('A javascript: page');
    expect(doc.body.textContent).toContain('A data: page');
    expect(hrefs).toContain(
      'http://data.europa.eu/esco/skill/a2b1c3d4-0000-4000-8000-00000000c551',
    );
  });

  it('links no page at sites (only the skill framework) and has no sessions at totals', () => {
    const links = [...parse(html('sites').content).querySelectorAll('a')].map((a) => a.href);
    expect(links).toEqual([
      'http://data.europa.eu/esco/skill/a2b1c3d4-0000-4000-8000-00000000c551',
    ]);
    const totals = parse(html('totals').content);
    expect(totals.body.textContent).not.toContain('developer.mozilla.org');
    expect(totals.body.textContent).toContain('Front-end development');
  });
});

describe('html helpers', () => {
  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    ['plain', 'plain'],
  ])('escapes %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('writes plain text for a link without href', () => {
    expect(htmlLink({ text: '<b>' })).toBe('&lt;b&gt;');
    expect(htmlLink({ text: 'x', href: 'https://a.example/?q="' })).toBe(
      '<a href="https://a.example/?q=&quot;" rel="noopener noreferrer">x</a>',
    );
  });
});
