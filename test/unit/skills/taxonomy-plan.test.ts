import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { planTaxonomyImport, readTaxonomyCsv } from '../../../lib/skills/taxonomy-import';
import { ensureSkill, updateSkill } from '../../../lib/store/skills';
import { importTaxonomy } from '../../../lib/store/skill-imports';

const NOW = Date.UTC(2026, 0, 5);

const FILE = [
  'name,uri,aliases,description',
  'CSS,https://example.org/skills/css,Stylesheets,Styling web pages',
  'Negotiation,,,',
  'Public speaking,,Presenting,',
  'Time management,,,',
].join('\n');

let db: SkilltrailDb;
beforeEach(() => {
  db = openDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('planTaxonomyImport', () => {
  it('previews exactly what the import then writes, without writing', async () => {
    await ensureSkill(db, 'css', NOW - 1);
    const speaking = await ensureSkill(db, 'Public speaking', NOW - 1);
    await updateSkill(db, speaking.id, { aliases: ['Presenting'] }, NOW - 1);
    const before = await db.skills.toArray();

    const plan = planTaxonomyImport(readTaxonomyCsv(FILE).rows, before, NOW);
    expect(plan.added.map((s) => s.name)).toEqual(['Negotiation', 'Time management']);
    expect(plan.updated.map((s) => s.name)).toEqual(['css']);
    expect(plan.unchanged).toBe(1);
    expect(await db.skills.toArray()).toEqual(before);

    const result = await importTaxonomy(db, FILE, NOW);
    expect(result).toMatchObject({ ok: true, added: 2, updated: 1, unchanged: 1 });
    const after = await db.skills.toArray();
    for (const planned of plan.updated) {
      expect(after.find((s) => s.id === planned.id)).toEqual(planned);
    }
    expect(
      after
        .filter((s) => s.createdAt === NOW)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Negotiation', 'Time management']);
  });

  it('plans nothing new for rows already in the library', () => {
    const { rows } = readTaxonomyCsv('name\nSQL\n');
    const plan = planTaxonomyImport(rows, [], NOW);
    expect(plan.added).toHaveLength(1);
    expect(planTaxonomyImport(rows, plan.added, NOW)).toMatchObject({
      added: [],
      updated: [],
      unchanged: 1,
    });
  });
});
