/**
 * Skills brought into the library in bulk: the starter skills (welcome page, Skills) and a
 * taxonomy CSV (Skills). Apart from `skills.ts` so the popup never loads their lists.
 */
import type { SkilltrailDb } from './db';
import { newId } from '../ids';
import type { Skill } from '../model';
import { cleanAliases } from '../skills/library';
import { cleanSkillName, SKILL_COLOURS, skillKey } from '../skills/names';
import { localizeStarterSkill, STARTER_SKILLS, starterSkillKeys } from '../skills/starter';
import {
  planTaxonomyImport,
  readTaxonomyCsv,
  type TaxonomyImportResult,
} from '../skills/taxonomy-import';

/**
 * Adds the starter skills named `names` (any spelling of their names, in any language;
 * unknown names are skipped) to the library, named in `options.locale` (English by
 * default). A starter the learner already has, under its name in any language, is left as
 * the learner has it. Atomic and idempotent: adding the same names again adds nothing.
 * Returns the new skills.
 * @example await addStarterSkills(db, ['Python', 'Communication'], Date.now())
 * @example await addStarterSkills(db, ['Comunicación'], Date.now(), { locale: 'es' }) // [{ name: 'Comunicación', … }]
 */
export async function addStarterSkills(
  db: SkilltrailDb,
  names: readonly string[],
  now: number,
  options: { locale?: string } = {},
): Promise<Skill[]> {
  const wanted = new Set(names.map(skillKey));
  const picked = STARTER_SKILLS.filter((s) => starterSkillKeys(s).some((k) => wanted.has(k)));
  return db.transaction('rw', db.skills, async () => {
    let count = await db.skills.count();
    // One look-up for every name the picked starters go by, in every language.
    const held = new Set(
      (await db.skills.where('key').anyOf(picked.flatMap(starterSkillKeys)).toArray()).map(
        (s) => s.key,
      ),
    );
    const added: Skill[] = [];
    for (const starter of picked) {
      if (starterSkillKeys(starter).some((k) => held.has(k))) continue;
      const text = localizeStarterSkill(starter, options.locale ?? 'en');
      const name = cleanSkillName(text.name);
      const key = skillKey(name);
      added.push({
        id: newId(),
        name,
        key,
        aliases: cleanAliases(text.aliases, key),
        description: text.description,
        colour: SKILL_COLOURS[count++ % SKILL_COLOURS.length]!,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.skills.bulkAdd(added);
    return added;
  });
}

/**
 * Imports a taxonomy CSV into the skill library. All or nothing: if any row is bad,
 * nothing is written and every problem is returned. A row whose name (key) or URI
 * matches an existing skill fills in what that skill lacks — URI, description, aliases
 * (added to its own) — and never overwrites what the learner set; other rows add skills.
 * Atomic (one transaction) and idempotent: importing the same file again changes nothing.
 * @example
 * const result = await importTaxonomy(db, await file.text(), Date.now());
 * if (!result.ok) showProblems(result.problems); // [{ row: 7, line: 7, code: 'missing-name', reason: 'The name is missing.' }]
 */
export async function importTaxonomy(
  db: SkilltrailDb,
  text: string,
  now: number,
): Promise<TaxonomyImportResult> {
  const { rows, problems, ignoredColumns } = readTaxonomyCsv(text);
  if (problems.length > 0) return { ok: false, problems, ignoredColumns };
  return db.transaction('rw', db.skills, async () => {
    const plan = planTaxonomyImport(rows, await db.skills.toArray(), now);
    await db.skills.bulkAdd(plan.added);
    await db.skills.bulkPut(plan.updated);
    return {
      ok: true as const,
      added: plan.added.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged,
      ignoredColumns,
    };
  });
}
