import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { readTaxonomyCsv } from '../../../lib/skills/taxonomy-import';
import { ensureSkill, updateSkill } from '../../../lib/store/skills';
import { importTaxonomy } from '../../../lib/store/skill-imports';

const NOW = Date.UTC(2026, 0, 5);

const GOOD = [
  'name,uri,aliases,description',
  'CSS,https://example.org/skills/css,Cascading Style Sheets;Stylesheets,Styling web pages',
  '"Data analysis, basic",urn:acme:skill:data,"Analytics|Data crunching","Cleaning, exploring and ""summarising"" data"',
  'Negotiation,,,',
  '"Public speaking",https://example.org/skills/speaking,"Presenting\nPresentation skills","Speaking to\na group"',
  '',
].join('\r\n');

let db: SkilltrailDb;
beforeEach(() => {
  db = openDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('readTaxonomyCsv', () => {
  it('reads a good file with quoted commas, doubled quotes and line breaks', () => {
    const { rows, problems, ignoredColumns } = readTaxonomyCsv(GOOD);
    expect(problems).toEqual([]);
    expect(ignoredColumns).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: 'CSS',
        key: 'css',
        uri: 'https://example.org/skills/css',
        aliases: ['Cascading Style Sheets', 'Stylesheets'],
        description: 'Styling web pages',
      },
      {
        row: 3,
        name: 'Data analysis, basic',
        key: 'data analysis basic',
        uri: 'urn:acme:skill:data',
        aliases: ['Analytics', 'Data crunching'],
        description: 'Cleaning, exploring and "summarising" data',
      },
      { row: 4, name: 'Negotiation', key: 'negotiation', aliases: [] },
      {
        row: 5,
        name: 'Public speaking',
        key: 'public speaking',
        uri: 'https://example.org/skills/speaking',
        aliases: ['Presenting', 'Presentation skills'],
        description: 'Speaking to\na group',
      },
    ]);
  });

  it('finds columns in any order, drops a BOM and reads semicolon files', () => {
    const text =
      '\uFEFFDescription;Aliases;Name\r\nKeeping time;Prioritisation;Time management\r\n';
    const { rows, problems } = readTaxonomyCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: 'Time management',
        key: 'time management',
        aliases: ['Prioritisation'],
        description: 'Keeping time',
      },
    ]);
  });

  it('reads an ESCO download as it comes, one alias per line', () => {
    const text =
      'conceptType,conceptUri,skillType,preferredLabel,altLabels,description\n' +
      'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab,skill/competence,manage musical staff,"manage staff of music\ncoordinate duties of musical staff",Assign and manage staff tasks.\n';
    const { rows, problems, ignoredColumns } = readTaxonomyCsv(text);
    expect(problems).toEqual([]);
    expect(ignoredColumns).toEqual(['conceptType', 'skillType']);
    expect(rows[0]).toMatchObject({
      name: 'manage musical staff',
      uri: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab',
      aliases: ['manage staff of music', 'coordinate duties of musical staff'],
    });
  });

  it.each<[string, string, { row?: number; code: string; otherRow?: number; reason: RegExp }[]]>([
    ['an empty file', '', [{ code: 'empty', reason: /empty/ }]],
    [
      'a header without a name column',
      'uri,description\nurn:x:y,z\n',
      [{ row: 1, code: 'no-name-column', reason: /no "name" column/i }],
    ],
    ['a quote never closed', 'name\n"CSS\n', [{ code: 'unreadable', reason: /never closes/ }]],
    [
      'bad rows',
      [
        'name,uri,aliases,description',
        'CSS,https://example.org/css,,',
        ',https://example.org/blank,,', // row 3: no name
        'SQL,ftp://example.org/sql,,', // row 4: bad URI
        'css,,,', // row 5: repeats row 2
        `${'x'.repeat(81)},,,`, // row 6: too long
        'Python,https://example.org/css,,', // row 7: URI repeats row 2
        'Go,,,,extra', // row 8: too many fields
        `Rust,,,${'d'.repeat(2001)}`, // row 9: long description
        `Ruby,,${'a'.repeat(81)},`, // row 10: long alias
        'Excel,javascript:alert(1),,', // row 11: script URI
      ].join('\n'),
      [
        { row: 3, code: 'missing-name', reason: /name is missing/ },
        { row: 4, code: 'invalid-uri', reason: /not an http\(s\) or urn: URI/ },
        { row: 5, code: 'duplicate-name', otherRow: 2, reason: /repeats row 2/ },
        { row: 6, code: 'name-too-long', reason: /81 characters/ },
        { row: 7, code: 'duplicate-uri', otherRow: 2, reason: /URI repeats row 2/ },
        { row: 8, code: 'too-many-fields', reason: /5 fields but the header has 4/ },
        { row: 9, code: 'description-too-long', reason: /description is longer/ },
        { row: 10, code: 'alias-too-long', reason: /alias/ },
        { row: 11, code: 'invalid-uri', reason: /not an http\(s\) or urn: URI/ },
      ],
    ],
  ])('reports %s', (_label, text, expected) => {
    const { problems } = readTaxonomyCsv(text);
    expect(problems).toHaveLength(expected.length);
    problems.forEach((p, i) => {
      const { reason, ...rest } = expected[i]!;
      expect(p).toMatchObject(rest);
      expect(p.reason).toMatch(reason);
    });
  });

  it('lists every problem of a row', () => {
    const { problems } = readTaxonomyCsv('name,uri\n,javascript:x\n');
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'missing-name'],
      [2, 'invalid-uri'],
    ]);
  });

  it('numbers rows by record, and lines by the file, across quoted line breaks', () => {
    const { problems } = readTaxonomyCsv('name,description\nA,"one\ntwo\nthree"\n,missing\n');
    expect(problems).toEqual([
      { row: 3, line: 5, code: 'missing-name', reason: 'The name is missing.' },
    ]);
  });
});

describe('importTaxonomy', () => {
  it('adds every skill of a good file in one go', async () => {
    const result = await importTaxonomy(db, GOOD, NOW);
    expect(result).toEqual({ ok: true, added: 4, updated: 0, unchanged: 0, ignoredColumns: [] });
    const css = await db.skills.where('key').equals('css').first();
    expect(css).toMatchObject({
      name: 'CSS',
      uri: 'https://example.org/skills/css',
      aliases: ['Cascading Style Sheets', 'Stylesheets'],
      createdAt: NOW,
    });
    expect(await db.skills.where('key').equals('negotiation').first()).not.toHaveProperty('uri');
    expect(new Set((await db.skills.toArray()).map((s) => s.colour)).size).toBe(4);
  });

  it('imports nothing when any row is bad, and says which', async () => {
    const text = 'name,uri\nCSS,https://example.org/css\n,urn:x:y\nSQL,\n';
    const result = await importTaxonomy(db, text, NOW);
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, line: 3, code: 'missing-name', reason: 'The name is missing.' }],
      ignoredColumns: [],
    });
    expect(await db.skills.count()).toBe(0);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    await importTaxonomy(db, GOOD, NOW);
    const before = await db.skills.toArray();
    const again = await importTaxonomy(db, GOOD, NOW + 1000);
    expect(again).toEqual({ ok: true, added: 0, updated: 0, unchanged: 4, ignoredColumns: [] });
    expect(await db.skills.toArray()).toEqual(before);
  });

  it('fills in existing skills of the same name instead of duplicating them', async () => {
    const css = await ensureSkill(db, 'css', NOW - 1);
    const speaking = await ensureSkill(db, 'Public speaking', NOW - 1);
    await updateSkill(db, speaking.id, { uri: 'urn:mine:talks', aliases: ['Talks'] }, NOW - 1);

    const result = await importTaxonomy(db, GOOD, NOW);
    expect(result).toMatchObject({ ok: true, added: 2, updated: 2, unchanged: 0 });
    expect(await db.skills.count()).toBe(4);
    expect(await db.skills.get(css.id)).toMatchObject({
      name: 'css',
      uri: 'https://example.org/skills/css',
      aliases: ['Cascading Style Sheets', 'Stylesheets'],
      description: 'Styling web pages',
      updatedAt: NOW,
    });
    // What the learner set is kept; what the file adds joins it.
    expect(await db.skills.get(speaking.id)).toMatchObject({
      uri: 'urn:mine:talks',
      aliases: ['Talks', 'Presenting', 'Presentation skills'],
      description: 'Speaking to\na group',
    });
  });

  it('recognises a skill by its URI under another name, keeping the new name as an alias', async () => {
    const s = await ensureSkill(db, 'Styling', NOW - 1);
    await updateSkill(db, s.id, { uri: 'https://example.org/skills/css' }, NOW - 1);
    const result = await importTaxonomy(db, GOOD, NOW);
    expect(result).toMatchObject({ ok: true, added: 3, updated: 1 });
    expect((await db.skills.get(s.id))?.aliases).toEqual([
      'CSS',
      'Cascading Style Sheets',
      'Stylesheets',
    ]);
  });
});
