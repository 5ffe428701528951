import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import type { Session } from '../../../lib/model';
import {
  loadSuggestionContext,
  loadSuggestionHistory,
  suggestForSession,
} from '../../../lib/store/suggestion-history';
import { suggest, type SuggestionContext } from '../../../lib/suggest/rank';
import {
  addToSuggestionIndex,
  buildSuggestionIndex,
  type SuggestionHistory,
  type TaggedSession,
} from '../../../lib/suggest/skill-index';
import { tokenize } from '../../../lib/suggest/words';

const NOW = Date.UTC(2026, 4, 1, 12);
const DAY = 86_400_000;

const SKILLS: SuggestionHistory['skills'] = [
  { id: 'css', name: 'CSS', aliases: ['Cascading Style Sheets'] },
  { id: 'js', name: 'JavaScript', aliases: ['JS', 'ECMAScript'] },
  { id: 'a11y', name: 'Accessibility', aliases: ['a11y', 'WCAG'] },
  { id: 'es', name: 'Spanish', aliases: ['Español'] },
  { id: 'fe', name: 'Front-end development', aliases: [] },
  { id: 'pm', name: 'Project management', aliases: [] },
  { id: 'pharm', name: 'Pharmacology', aliases: [] },
];

let n = 0;
function past(
  domain: string,
  skills: string[],
  title = 'Untitled',
  extra: Partial<TaggedSession> = {},
): TaggedSession {
  n += 1;
  return { id: `p${n}`, domain, title, skills, updatedAt: NOW - DAY, ...extra };
}

/** Builds the index and ranks, as the dashboard does for a history read once. */
const suggestFrom = (
  context: SuggestionContext,
  history: SuggestionHistory,
  now: number,
  limit = 3,
) => suggest(buildSuggestionIndex(history), context, now, limit);

const ids = (context: SuggestionContext, sessions: TaggedSession[], limit = 3) =>
  suggestFrom(context, { sessions, skills: SKILLS }, NOW, limit).map((s) => s.skillId);

describe('tokenize', () => {
  it.each([
    ['CSS Grid Layouts', ['css', 'grid', 'layout']],
    ['How to style the buttons', ['styl', 'button']],
    ['Styled, styling, styles', ['styl', 'styl', 'styl']],
    ['La conjugación de los verbos en español', ['conjugacion', 'verbo', 'espanol']],
    ['Las conjugaciones', ['conjugacion']],
    // Stems need not be words, only the same for every form of one.
    ['C++ vs C# for games', ['c++', 'c#', 'gam']],
    ['Python 3.12 release notes', ['python', 'releas', 'not']],
    ['Release note', ['releas', 'not']],
    ['Studies of analysis', ['study', 'analysis']],
    ['the and of para por que', []],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });
});

describe('suggestSkills ranking', () => {
  it.each<[string, SuggestionContext, TaggedSession[], string[]]>([
    [
      'suggests the skill tagged before on the same site',
      { url: 'https://css-tricks.com/some-page', title: 'Untitled' },
      [
        past('css-tricks.com', ['css']),
        past('css-tricks.com', ['css']),
        past('javascript.info', ['js']),
      ],
      ['css', 'js'],
    ],
    [
      'ranks skills of a shared site by their share of it',
      { domain: 'developer.mozilla.org', title: 'Untitled' },
      [
        past('developer.mozilla.org', ['js']),
        past('developer.mozilla.org', ['js']),
        past('developer.mozilla.org', ['js']),
        past('developer.mozilla.org', ['css']),
      ],
      ['js', 'css'],
    ],
    [
      'follows overlapping query words across sites',
      { domain: 'google.com', queries: ['subgrid gap browser support'] },
      [
        past('duckduckgo.com', ['css'], 'subgrid', { queries: ['subgrid alignment'] }),
        past('duckduckgo.com', ['js'], 'promises', { queries: ['promise all settled'] }),
        past('google.com', ['js'], 'closures', { queries: ['closure loop'] }),
      ],
      ['css', 'js'],
    ],
    [
      'learns from title words when the site is new',
      { url: 'https://example.com/x', title: 'Digoxin toxicity signs' },
      [past('drugs.com', ['pharm'], 'Digoxin dosing'), past('pmi.org', ['pm'], 'Gantt charts')],
      ['pharm', 'pm'],
    ],
    [
      'recognises a skill named on the page, accents and case aside',
      { title: 'Introducción al ESPAÑOL para principiantes' },
      [],
      ['es'],
    ],
    [
      'recognises an alias',
      { title: 'WCAG contrast checker', excerpt: 'Check ratios.' },
      [],
      ['a11y'],
    ],
    [
      'needs the distinctive word of a multi-word name, not only the generic one',
      { title: 'Front-end performance tips' },
      [],
      ['fe'],
    ],
    [
      'prefers what the learner does now over what they did long ago',
      { domain: 'youtube.com', title: 'Watch later' },
      [
        past('youtube.com', ['pm'], 'x', { updatedAt: NOW - 400 * DAY }),
        past('youtube.com', ['pm'], 'x', { updatedAt: NOW - 390 * DAY }),
        past('youtube.com', ['es'], 'x', { updatedAt: NOW - 2 * DAY }),
        past('youtube.com', ['es'], 'x', { updatedAt: NOW - 1 * DAY }),
      ],
      ['es', 'pm'],
    ],
    ['suggests nothing without any evidence', { title: 'Weather tomorrow' }, [], []],
    [
      'never suggests a skill that no longer exists',
      { domain: 'a.org' },
      [past('a.org', ['deleted-skill']), past('a.org', ['deleted-skill'])],
      [],
    ],
  ])('%s', (_label, context, sessions, expected) => {
    expect(ids(context, sessions)).toEqual(expected);
  });

  it('puts the same session’s skills first, then the same search', () => {
    const sessions = [
      past('google.com', ['css'], 'grid', { id: 's-1', queries: ['grid areas'] }),
      past('google.com', ['js'], 'q', { queries: ['flexbox vs grid'] }),
      past('google.com', ['a11y'], 'q', { queries: ['focus trap'] }),
      past('google.com', ['a11y'], 'q', { queries: ['focus order'] }),
    ];
    const got = suggestFrom(
      { sessionId: 's-1', domain: 'google.com', queries: ['Grid vs Flexbox'] },
      { sessions, skills: SKILLS },
      NOW,
    );
    expect(got.map((s) => s.skillId)).toEqual(['css', 'js', 'a11y']);
    expect(got[0]?.reasons[0]).toEqual({ kind: 'same-session' });
    expect(got[1]?.reasons[0]).toEqual({ kind: 'same-search', query: 'Grid vs Flexbox' });
  });

  it('explains a site suggestion with the site and the number of sessions', () => {
    const sessions = [past('css-tricks.com', ['css']), past('css-tricks.com', ['css'])];
    const [top] = suggestFrom({ domain: 'css-tricks.com' }, { sessions, skills: SKILLS }, NOW);
    expect(top).toMatchObject({ skillId: 'css', name: 'CSS' });
    expect(top?.reasons[0]).toEqual({ kind: 'site', domain: 'css-tricks.com', sessions: 2 });
  });

  it('explains word and name suggestions with the page’s own words', () => {
    const sessions = [past('x.org', ['pharm'], 'Beta blockers overview')];
    const got = suggestFrom(
      { title: 'Beta blockers and pharmacology basics' },
      { sessions, skills: SKILLS },
      NOW,
    );
    const kinds = got[0]?.reasons.map((r) => r.kind);
    expect(kinds).toContain('name');
    expect(kinds).toContain('words');
    const words = got[0]?.reasons.find((r) => r.kind === 'words');
    expect(words).toMatchObject({ words: expect.arrayContaining(['beta', 'blockers']) });
  });

  it('explains a word of the page’s address as the address writes it, not its stem', () => {
    const sessions = [past('x.org', ['css'], 'Layout', { url: 'https://x.org/guides/layout' })];
    const got = suggestFrom(
      { url: 'https://y.org/guides/flexbox' },
      { sessions, skills: SKILLS },
      NOW,
    );
    expect(got[0]?.reasons.find((r) => r.kind === 'words')).toEqual({
      kind: 'words',
      words: ['guides'],
    });
  });

  it('leaves out skills already chosen and respects the limit', () => {
    const sessions = ['css', 'js', 'a11y', 'fe', 'pm'].map((s) => past('web.dev', [s]));
    expect(ids({ domain: 'web.dev', skills: ['css', 'js'] }, sessions, 10)).toHaveLength(3);
    expect(ids({ domain: 'web.dev', skills: ['css'] }, sessions, 10)).not.toContain('css');
    expect(ids({ domain: 'web.dev' }, sessions)).toHaveLength(3);
    expect(ids({ domain: 'web.dev' }, sessions, 1)).toHaveLength(1);
    expect(ids({ domain: 'web.dev' }, sessions, 0)).toEqual([]);
  });

  it('gives the same ranking whether built at once or session by session', () => {
    const sessions = [
      past('css-tricks.com', ['css'], 'Grid', { updatedAt: NOW - 3 * DAY }),
      past('javascript.info', ['js'], 'Closures', { updatedAt: NOW - 2 * DAY }),
      past('css-tricks.com', ['css', 'a11y'], 'Focus rings', { updatedAt: NOW - DAY }),
    ];
    const whole = buildSuggestionIndex({ sessions, skills: SKILLS });
    const grown = buildSuggestionIndex({ sessions: sessions.slice(0, 1), skills: SKILLS });
    for (const s of sessions.slice(1)) addToSuggestionIndex(grown, s);
    const context = { domain: 'css-tricks.com', title: 'Focus and grid' };
    const a = suggest(whole, context, NOW);
    const b = suggest(grown, context, NOW);
    expect(b.map((s) => s.skillId)).toEqual(a.map((s) => s.skillId));
    b.forEach((s, i) => expect(s.score).toBeCloseTo(a[i]!.score, 9));
    // A session added twice counts once.
    addToSuggestionIndex(grown, sessions[2]!);
    expect(suggest(grown, context, NOW)[0]?.score).toBeCloseTo(a[0]!.score, 9);
  });

  it('answers within a few milliseconds on thousands of sessions', () => {
    const domains = ['a.org', 'b.org', 'c.org', 'd.org', 'youtube.com'];
    const sessions = Array.from({ length: 5000 }, (_, i) =>
      past(domains[i % 5]!, [SKILLS[i % SKILLS.length]!.id], `Topic ${i % 97} word${i % 31}`, {
        updatedAt: NOW - i * 3_600_000,
        queries: [`query word${i % 13}`],
      }),
    );
    const index = buildSuggestionIndex({ sessions, skills: SKILLS });
    const start = performance.now();
    for (let i = 0; i < 100; i++)
      suggest(index, { domain: 'a.org', title: `word${i % 31} topic` }, NOW);
    expect((performance.now() - start) / 100).toBeLessThan(5);
  });
});

describe('reading the database', () => {
  let db: SkilltrailDb;
  beforeEach(() => {
    db = openDb('test-' + crypto.randomUUID());
  });
  afterEach(async () => {
    await db.delete();
  });

  const base: Session = {
    id: 's1',
    kind: 'search',
    startedAt: NOW,
    endedAt: NOW,
    activeMs: 60_000,
    title: 'grid areas',
    url: 'https://duckduckgo.com/?q=grid+areas',
    domain: 'duckduckgo.com',
    engine: 'duckduckgo',
    skills: ['css'],
    note: '',
    status: 'kept',
    updatedAt: NOW,
  };

  it('loads tagged, kept sessions with their queries, and a session’s context', async () => {
    await db.skills.bulkAdd(
      SKILLS.map((s) => ({ ...s, key: s.id, colour: '#000000', createdAt: 0, updatedAt: 0 })),
    );
    await db.sessions.bulkAdd([
      base,
      { ...base, id: 's2', kind: 'reading', skills: [] },
      { ...base, id: 's3', kind: 'reading', status: 'dismissed' },
    ]);
    await db.searches.bulkAdd([
      { id: 'q1', sessionId: 's1', engine: 'duckduckgo', query: 'grid areas', url: '', at: NOW },
      { id: 'q2', sessionId: 's1', engine: 'duckduckgo', query: 'grid gap', url: '', at: NOW + 1 },
    ]);
    await db.captures.add({
      id: 'c1',
      url: 'https://css-tricks.com/grid',
      sessionId: 's1',
      title: 'A complete guide to grid',
      excerpt: 'Grid areas explained',
      wordCount: 900,
      readerable: true,
      capturedAt: NOW,
    });

    const history = await loadSuggestionHistory(db);
    expect(history.skills).toHaveLength(SKILLS.length);
    expect(history.sessions).toEqual([
      expect.objectContaining({ id: 's1', queries: ['grid areas', 'grid gap'], skills: ['css'] }),
    ]);

    const context = await loadSuggestionContext(db, 's1');
    expect(context).toMatchObject({
      sessionId: 's1',
      url: 'https://css-tricks.com/grid',
      title: 'A complete guide to grid',
      excerpt: 'Grid areas explained',
      queries: ['grid areas', 'grid gap'],
      skills: ['css'],
    });
    expect(await loadSuggestionContext(db, 'gone')).toBeUndefined();

    const index = buildSuggestionIndex(history);
    expect(suggest(index, { queries: ['grid gap'] }, NOW)[0]?.skillId).toBe('css');
  });

  it('suggests for a stored session from the sessions of the same site', async () => {
    await db.skills.bulkAdd(
      SKILLS.map((s) => ({ ...s, key: s.id, colour: '#000000', createdAt: 0, updatedAt: 0 })),
    );
    const page = { ...base, kind: 'reading' as const, domain: 'example.org', engine: undefined };
    await db.sessions.bulkAdd([
      { ...page, id: 'old', url: 'https://example.org/a', title: 'Part one', skills: ['pm'] },
      { ...page, id: 'new', url: 'https://example.org/b', title: 'Part two', skills: [] },
    ]);
    const got = await suggestForSession(db, 'new', NOW);
    expect(got.map((s) => s.skillId)).toEqual(['pm']);
    expect(got[0]?.reasons[0]).toEqual({ kind: 'site', domain: 'example.org', sessions: 1 });
    expect(await suggestForSession(db, 'gone', NOW)).toEqual([]);
  });

  it('reads only the most recently updated tagged sessions when asked for fewer', async () => {
    await db.skills.bulkAdd(
      SKILLS.map((s) => ({ ...s, key: s.id, colour: '#000000', createdAt: 0, updatedAt: 0 })),
    );
    const reading = { ...base, kind: 'reading' as const };
    await db.sessions.bulkAdd([
      ...[1, 2, 3, 4, 5].map((i) => ({
        ...reading,
        id: `t${i}`,
        skills: i % 2 ? ['css', 'js'] : ['css'],
        updatedAt: NOW - i * DAY,
      })),
      // Newer untagged and dismissed sessions never take a tagged one's place.
      ...[1, 2, 3].map((i) => ({ ...reading, id: `u${i}`, skills: [], updatedAt: NOW + i })),
      { ...reading, id: 'd1', status: 'dismissed' as const, updatedAt: NOW + 9 },
    ]);
    const recent = await loadSuggestionHistory(db, { limit: 3 });
    expect(recent.sessions.map((s) => s.id).sort()).toEqual(['t1', 't2', 't3']);
    const all = await loadSuggestionHistory(db);
    expect(all.sessions.map((s) => s.id).sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it.each([
    // Dense tagging: found by reading back in time, a month, then two, then four…
    ['tags most sessions', 0],
    // Sparse tagging: many newer untagged sessions, so the skills index is read instead.
    ['tags few sessions', 40],
  ])(
    'finds the same recent tagged sessions and queries when the learner %s',
    async (_, untagged) => {
      const tagged = [1, 2, 3, 4, 5].map((i) => ({
        ...base,
        id: `t${i}`,
        // Spread over months, and over years for the last one.
        startedAt: NOW - i * 40 * DAY - (i === 5 ? 900 * DAY : 0),
        endedAt: NOW - i * 40 * DAY,
        updatedAt: NOW - i * 40 * DAY,
      }));
      await db.sessions.bulkAdd([
        ...tagged,
        ...Array.from({ length: untagged }, (_, i) => ({
          ...base,
          id: `u${i}`,
          skills: [],
          updatedAt: NOW - i * 60_000,
        })),
      ]);
      await db.searches.bulkAdd(
        tagged.map((t) => ({
          id: `q-${t.id}`,
          sessionId: t.id,
          engine: 'duckduckgo',
          query: `query ${t.id}`,
          url: '',
          at: t.startedAt + 1000,
        })),
      );
      const recent = await loadSuggestionHistory(db, { limit: 3 });
      expect(recent.sessions.map((s) => [s.id, s.queries])).toEqual([
        ['t1', ['query t1']],
        ['t2', ['query t2']],
        ['t3', ['query t3']],
      ]);
      const all = await loadSuggestionHistory(db, { limit: 10 });
      expect(all.sessions.find((s) => s.id === 't5')?.queries).toEqual(['query t5']);
    },
  );
});
