import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../lib/export/csv';
import { exportHtml } from '../../../lib/export/html';
import { exportMarkdown } from '../../../lib/export/markdown';
import {
  prepareExport,
  PRIVACY_LEVELS,
  redactSessions,
  type PrivacyLevel,
} from '../../../lib/export/privacy';
import { exportWeekAsXapi } from '../../../lib/export/xapi/file';
import { uid, weekFixture } from '../../fixtures/week';

function shared(level: PrivacyLevel) {
  const f = weekFixture();
  return prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: f.weekStart, level });
}

/** Text that must never leave the device at a level (checked in every format). */
const URL_BITS = ['/docs/Web/CSS', 'search?q=', 'blog.example.com/post', 'watch?v=', '/xss'];
const QUERIES = ['css grid vs flexbox', 'css grid auto-fill vs auto-fit'];
const NOTES = ['Grid areas name regions', 'apostrophes', 'line two', 'RS256 is still'];
const TITLES = [
  'CSS grid layout',
  'A Complete Guide to CSS Grid',
  'HYPERLINK',
  'onerror',
  'long read',
];
const SITES = [
  'developer.mozilla.org',
  'css-tricks.com',
  'stackoverflow.com',
  'example.org',
  'google',
];
const NEVER = ['Football', 'sports.example.com', 'flexbox basics', 'not learning'];

const FORBIDDEN: Record<PrivacyLevel, string[]> = {
  full: NEVER,
  titles: [...NEVER, ...URL_BITS, ...QUERIES, ...NOTES],
  sites: [...NEVER, ...URL_BITS, ...QUERIES, ...NOTES, ...TITLES],
  totals: [...NEVER, ...URL_BITS, ...QUERIES, ...NOTES, ...TITLES, ...SITES],
};

async function allFormats(level: PrivacyLevel): Promise<Record<string, string>> {
  const s = shared(level);
  return {
    preview: JSON.stringify(s),
    markdown: exportMarkdown(s).content,
    csv: exportCsv(s).content,
    html: exportHtml(s).content,
    xapi: (await exportWeekAsXapi(s, { installId: 'install-1' })).content,
  };
}

describe('prepareExport', () => {
  it.each(PRIVACY_LEVELS)('shares nothing the %s level withholds, in any format', async (level) => {
    const formats = await allFormats(level);
    for (const [format, content] of Object.entries(formats)) {
      for (const secret of FORBIDDEN[level]) {
        expect(
          content.toLowerCase().includes(secret.toLowerCase()),
          `${format} at ${level} leaks "${secret}"`,
        ).toBe(false);
      }
    }
  });

  it('shares URLs, queries and notes at full', async () => {
    const { markdown, csv, xapi } = await allFormats('full');
    for (const content of [markdown, csv]) {
      expect(content).toContain('css grid vs flexbox');
      expect(content).toContain('Grid areas name regions');
    }
    expect(xapi).toContain('https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout');
  });

  it('labels a search session by its engine below full: its title holds the query', () => {
    const s = shared('titles');
    const search = s.sessions.find((x) => x.kind === 'search')!;
    expect(search.title).toBeUndefined();
    expect(search.label).toBe('Web search on google.com');
    expect(search.pages.map((p) => p.title)).toContain('A Complete Guide to CSS Grid | CSS-Tricks');
    expect(search.queries.every((q) => q.query === undefined)).toBe(true);
  });

  it('keeps sites but no titles at sites, and no sessions at totals', () => {
    const sites = shared('sites');
    expect(sites.sessions.map((s) => s.label)).toContain('Reading on developer.mozilla.org');
    expect(sites.sessions.every((s) => s.title === undefined && s.url === undefined)).toBe(true);
    const totals = shared('totals');
    expect(totals.sessions).toEqual([]);
    expect(totals.summary.skills.every((s) => s.topSources.length === 0)).toBe(true);
    expect(totals.summary.totals.activeMs).toBe(shared('full').summary.totals.activeMs);
  });

  it('leaves out dismissed sessions and the days outside the range', () => {
    const s = shared('full');
    expect(s.sessions).toHaveLength(7);
    expect(s.sessions.map((x) => x.id)).not.toContain(uid(0x108));
  });

  it('never gives a site root for a non-web URL', () => {
    const s = shared('sites');
    const pages = s.sessions.flatMap((x) => x.pages);
    expect(
      pages
        .map((p) => p.siteUrl)
        .filter(Boolean)
        .every((u) => u!.startsWith('https://')),
    ).toBe(true);
  });

  it('redacts a chosen set of sessions the same way, for the LRS sync', () => {
    const f = weekFixture();
    const picked = [f.data.sessions[1]!];
    const [search] = redactSessions(f.data, picked, 'titles');
    expect(search).toEqual(shared('titles').sessions[1]);
    expect(redactSessions(f.data, picked, 'totals')).toEqual([]);
  });

  it('rejects an unknown level', () => {
    const f = weekFixture();
    expect(() => prepareExport(f.data, { ...f.week, level: 'everything' as PrivacyLevel })).toThrow(
      /Unknown privacy level/,
    );
  });
});
