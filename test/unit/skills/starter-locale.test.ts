import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { ensureSkill, skillKey } from '../../../lib/skills/names';
import {
  STARTER_SKILLS,
  addStarterSkills,
  localizeStarterSkill,
} from '../../../lib/skills/starter';

const NOW = Date.UTC(2026, 0, 5);

let db: SkilltrailDb;
beforeEach(() => {
  db = openDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('starter skills in Spanish', () => {
  it('gives every starter a Spanish name and description that name no other starter', () => {
    const keysOf = (i: number) => {
      const s = STARTER_SKILLS[i]!;
      return new Set([s.name, s.es.name].map(skillKey));
    };
    STARTER_SKILLS.forEach((s, i) => {
      expect(s.es.name.trim(), s.name).not.toBe('');
      expect(s.es.description.length, s.name).toBeGreaterThan(10);
      for (const word of [s.es.name, ...s.es.aliases]) {
        STARTER_SKILLS.forEach((_, j) => {
          if (j !== i) expect(keysOf(j).has(skillKey(word)), `${s.name}: ${word}`).toBe(false);
        });
      }
    });
  });

  it.each([
    ['es', 'Comunicación'],
    ['es-419', 'Comunicación'],
    ['es_MX', 'Comunicación'],
    ['en', 'Communication'],
    ['fr', 'Communication'],
  ])('names a starter in the language %s as %s', (locale, name) => {
    expect(localizeStarterSkill(STARTER_SKILLS[0]!, locale).name).toBe(name);
  });

  it('keeps the English names as aliases of a translated starter', () => {
    const web = STARTER_SKILLS.find((s) => s.name === 'Web development')!;
    expect(localizeStarterSkill(web, 'es')).toEqual({
      name: 'Desarrollo web',
      description: expect.stringContaining('HTML'),
      aliases: ['Desarrollo front-end', 'Web development', 'HTML', 'CSS', 'Front-end development'],
    });
  });

  it('adds starters named in Spanish, chosen by either name', async () => {
    const added = await addStarterSkills(db, ['Comunicación', 'Teamwork'], NOW, { locale: 'es' });
    expect(added.map((s) => s.name)).toEqual(['Comunicación', 'Trabajo en equipo']);
    expect(added[0]).toMatchObject({
      key: 'comunicacion',
      description: expect.stringMatching(/^Transmitir/),
      aliases: expect.arrayContaining(['Communication', 'Comunicación escrita']),
    });
  });

  it('does not add a starter the learner has under its name in another language', async () => {
    await ensureSkill(db, 'communication', NOW - 1);
    expect(await addStarterSkills(db, ['Comunicación'], NOW, { locale: 'es' })).toEqual([]);
    await addStarterSkills(db, ['Liderazgo'], NOW, { locale: 'es' });
    expect(await addStarterSkills(db, ['Leadership'], NOW)).toEqual([]);
    expect(await db.skills.count()).toBe(2);
  });
});
