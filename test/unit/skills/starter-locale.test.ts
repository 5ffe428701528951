import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { skillKey } from '../../../lib/skills/names';
import {
  STARTER_LANGUAGES,
  STARTER_SKILLS,
  localizeStarterSkill,
  starterSkillKeys,
} from '../../../lib/skills/starter';
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

describe('starter skills in every interface language', () => {
  it.each(STARTER_LANGUAGES)(
    'gives every starter a %s name and description that name no other starter',
    (language) => {
      const keysOf = (i: number) => new Set(starterSkillKeys(STARTER_SKILLS[i]!));
      STARTER_SKILLS.forEach((s, i) => {
        const text = s[language];
        expect(text.name.trim(), s.name).not.toBe('');
        expect(text.description.length, s.name).toBeGreaterThan(10);
        for (const word of [text.name, ...text.aliases]) {
          expect(skillKey(word), `${s.name}: ${word}`).not.toBe('');
          STARTER_SKILLS.forEach((_, j) => {
            if (j !== i) expect(keysOf(j).has(skillKey(word)), `${s.name}: ${word}`).toBe(false);
          });
        }
      });
    },
  );

  it('names every starter differently within one language', () => {
    for (const language of STARTER_LANGUAGES) {
      const keys = STARTER_SKILLS.map((s) => skillKey(s[language].name));
      expect(new Set(keys).size, language).toBe(STARTER_SKILLS.length);
    }
  });

  it.each([
    ['es', 'Comunicación'],
    ['es-419', 'Comunicación'],
    ['es_MX', 'Comunicación'],
    ['en', 'Communication'],
    ['fr', 'Communication'],
    ['pt-BR', 'Comunicação'],
    ['pt_BR', 'Comunicação'],
    ['ar', 'التواصل'],
    ['ar-EG', 'التواصل'],
    ['zh-CN', '沟通'],
    ['zh_CN', '沟通'],
    ['de', 'Communication'],
  ])('names a starter in the language %s as %s', (locale, name) => {
    expect(localizeStarterSkill(STARTER_SKILLS[0]!, locale).name).toBe(name);
  });

  it('names the second starter in French as French does', () => {
    expect(localizeStarterSkill(STARTER_SKILLS[1]!, 'fr').name).toBe('Travail en équipe');
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

describe('starter skills in Arabic and Chinese', () => {
  it('adds starters named in Arabic, found again by their English name', async () => {
    const added = await addStarterSkills(db, ['التواصل', 'Teamwork'], NOW, { locale: 'ar' });
    expect(added.map((s) => s.name)).toEqual(['التواصل', 'العمل الجماعي']);
    expect(added[0]!.aliases).toContain('Communication');
    expect(await addStarterSkills(db, ['Communication', '沟通'], NOW, { locale: 'zh' })).toEqual(
      [],
    );
  });

  it('adds starters named in Chinese with a Chinese description', async () => {
    const [sql] = await addStarterSkills(db, ['Spreadsheets'], NOW, { locale: 'zh-CN' });
    expect(sql).toMatchObject({ name: '电子表格', description: expect.stringContaining('Excel') });
  });
});
