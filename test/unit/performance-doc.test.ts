// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface BundleResult {
  at: string;
  rows: Record<string, string | number>[];
}

const COLUMNS = ['bundle', 'raw KB', 'gzip KB', 'gzip KB before import()', 'budget KB'];

/** The cells of each row of the first Markdown table after `heading`. */
function tableAfter(markdown: string, heading: string): string[][] {
  const section = markdown.slice(markdown.indexOf(heading));
  const lines = section.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const table: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    table.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return table;
}

describe('docs/PERFORMANCE.md', () => {
  it('shows the bundle sizes of bench/results/bundle-size.json, every row, as measured', () => {
    const doc = readFileSync('docs/PERFORMANCE.md', 'utf8');
    const result = JSON.parse(
      readFileSync('bench/results/bundle-size.json', 'utf8'),
    ) as BundleResult;
    const [header, rule, ...rows] = tableAfter(doc, '## Bundle size');
    expect(header).toEqual(COLUMNS);
    expect(rule!.every((cell) => /^-+$/.test(cell))).toBe(true);
    expect(rows).toEqual(result.rows.map((row) => COLUMNS.map((c) => String(row[c]))));
    // The run the table comes from is named beside it.
    expect(doc).toContain(
      `\`bench/results/bundle-size.json\` of ${result.at.slice(0, 16).replace('T', ' ')} UTC`,
    );
  });
});
