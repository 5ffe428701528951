import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { skillKey } from '../../../lib/skills/names';
import { STARTER_SKILLS } from '../../../lib/skills/starter';
import { ensureSkill } from '../../../lib/store/skills';
import { addStarterSkills } from '../../../lib/store/skill-imports';

const NOW = Date.UTC(2026, 0, 5);

let db: SkilltrailDb;
beforeEach(() => {
  db = openDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('STARTER_SKILLS', () => {
  it('is a short list of distinct names whose aliases name no other starter', () => {
    expect(STARTER_SKILLS.length).toBeGreaterThanOrEqual(20);
    expect(STARTER_SKILLS.length).toBeLessThanOrEqual(30);
    const keys = STARTER_SKILLS.map((s) => skillKey(s.name));
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of STARTER_SKILLS) {
      expect(s.description.length).toBeGreaterThan(10);
      for (const alias of s.aliases) expect(keys).not.toContain(skillKey(alias));
    }
  });
});

describe('addStarterSkills', () => {
  it('adds the chosen starters with their descriptions and aliases', async () => {
    const added = await addStarterSkills(db, ['python', 'Communication', 'Not a starter'], NOW);
    expect(added.map((s) => s.name)).toEqual(['Communication', 'Python']);
    expect(await db.skills.where('key').equals('python').first()).toMatchObject({
      description: expect.stringContaining('Python'),
      aliases: ['Python programming'],
      createdAt: NOW,
    });
  });

  it('leaves a skill the learner already has and is idempotent', async () => {
    const mine = await ensureSkill(db, 'SQL', NOW - 1);
    const added = await addStarterSkills(db, ['SQL', 'Negotiation'], NOW);
    expect(added.map((s) => s.name)).toEqual(['Negotiation']);
    expect(await db.skills.get(mine.id)).toEqual(mine);
    expect(await addStarterSkills(db, ['SQL', 'Negotiation'], NOW)).toEqual([]);
    expect(await db.skills.count()).toBe(2);
  });
});
