/**
 * The skill library in the database: find or add a skill, rename, edit, merge and delete
 * one, read the totals. Starter skills and taxonomies come in through `skill-imports.ts`,
 * so the popup's bundle never carries their lists. Each write is one transaction;
 * what a change may be is decided in lib/skills/ (names, library, starter, taxonomy-import,
 * totals), which never opens the database.
 */
import type { SkilltrailDb } from './db';
import { newId } from '../ids';
import type { Session, Skill } from '../model';
import {
  cleanAliases,
  type MergeResult,
  notFound,
  setOptional,
  type SkillChange,
  type SkillPatch,
  validateSkillPatch,
} from '../skills/library';
import { cleanSkillName, SKILL_COLOURS, skillKey } from '../skills/names';
import { skillTotals, type SkillTotals } from '../skills/totals';

/**
 * Renames a skill. Atomic; idempotent (the same name again changes nothing but the time).
 * The key stays unique: a name whose key belongs to another skill is refused as a
 * `conflict` naming that skill, so the caller can offer to merge the two instead.
 * A change of case or accents only ("css" → "CSS") is a plain rename.
 * @example
 * const r = await renameSkill(db, id, 'Front-end development', Date.now());
 * if (!r.ok && r.reason === 'conflict') await mergeSkills(db, [id], r.conflict!.id, Date.now());
 */
export async function renameSkill(
  db: SkilltrailDb,
  skillId: string,
  name: string,
  now: number,
): Promise<SkillChange> {
  const clean = cleanSkillName(name);
  const key = skillKey(clean);
  if (!key)
    return { ok: false, reason: 'invalid', field: 'name', message: 'A skill needs a name.' };
  return db.transaction('rw', db.skills, async (): Promise<SkillChange> => {
    const skill = await db.skills.get(skillId);
    if (!skill) return notFound(skillId);
    const holder = await db.skills.where('key').equals(key).first();
    if (holder && holder.id !== skillId) {
      return {
        ok: false,
        reason: 'conflict',
        field: 'name',
        conflict: holder,
        message: `“${holder.name}” already exists: merge the two skills instead?`,
      };
    }
    const next: Skill = {
      ...skill,
      name: clean,
      key,
      // The new name may have been an alias; a skill is not its own alias.
      aliases: cleanAliases(skill.aliases, key),
      updatedAt: now,
    };
    await db.skills.put(next);
    return { ok: true, skill: next };
  });
}

/**
 * Edits a skill's colour, aliases, framework URI, description or weekly goal. Validates
 * everything first (nothing is written if any field is bad). Atomic and idempotent.
 * An empty string or `null` clears `uri`, `description` and `goalMinutes`.
 * @example await updateSkill(db, id, { uri: 'http://data.europa.eu/esco/skill/…', goalMinutes: 120 }, Date.now())
 */
export async function updateSkill(
  db: SkilltrailDb,
  skillId: string,
  patch: SkillPatch,
  now: number,
): Promise<SkillChange> {
  const problem = validateSkillPatch(patch);
  if (problem) return { ok: false, reason: 'invalid', ...problem };
  return db.transaction('rw', db.skills, async (): Promise<SkillChange> => {
    const skill = await db.skills.get(skillId);
    if (!skill) return notFound(skillId);
    const next: Skill = { ...skill, updatedAt: now };
    if (patch.colour !== undefined) next.colour = patch.colour.toLowerCase();
    if (patch.aliases !== undefined) next.aliases = cleanAliases(patch.aliases, skill.key);
    if (patch.uri !== undefined) setOptional(next, 'uri', patch.uri?.trim());
    if (patch.description !== undefined)
      setOptional(next, 'description', patch.description?.trim());
    if (patch.goalMinutes !== undefined)
      setOptional(next, 'goalMinutes', patch.goalMinutes ?? undefined);
    await db.skills.put(next);
    return { ok: true, skill: next };
  });
}

/** Sessions tagged with any of `skillIds`, each once. */
async function sessionsWithAny(db: SkilltrailDb, skillIds: readonly string[]): Promise<Session[]> {
  if (skillIds.length === 0) return [];
  // A multi-entry index yields a session once per matching skill; keep one.
  const found = await db.sessions
    .where('skills')
    .anyOf([...skillIds])
    .toArray();
  return [...new Map(found.map((s) => [s.id, s])).values()];
}

/**
 * Merges skills into `targetId`: every session tagged with a source is tagged with the
 * target instead (once, in the position of its first tag), source names and aliases become
 * aliases of the target, a URI, description or goal the target lacks is taken from the
 * first source that has one, the sources' ids are kept in `mergedIds` (their endorsements
 * still count), and the sources are deleted. Nothing else is lost.
 * Atomic (one transaction over skills and sessions) and idempotent: sources already gone
 * are skipped, and `targetId` among the sources is ignored.
 * @example await mergeSkills(db, [jsId, ecmaId], javascriptId, Date.now())
 */
export async function mergeSkills(
  db: SkilltrailDb,
  sourceIds: readonly string[],
  targetId: string,
  now: number,
): Promise<MergeResult> {
  const tables = [db.skills, db.sessions, db.followUps, db.endorsements, db.meta];
  return db.transaction('rw', tables, async (): Promise<MergeResult> => {
    const target = await db.skills.get(targetId);
    if (!target)
      return { ok: false, reason: 'not-found', message: `No skill has the id ${targetId}.` };
    const wanted = [...new Set(sourceIds)].filter((id) => id !== targetId);
    const sources = (await db.skills.bulkGet(wanted)).filter((s): s is Skill => s !== undefined);
    const ids = new Set(sources.map((s) => s.id));
    if (ids.size === 0) return { ok: true, skill: target, sessionsChanged: 0, merged: [] };

    const next: Skill = {
      ...target,
      // No cap here: a merge must not lose a name the learner used (edits are capped instead).
      aliases: cleanAliases(
        [...target.aliases, ...sources.flatMap((s) => [s.name, ...s.aliases])],
        target.key,
      ),
      updatedAt: now,
    };
    // The sources' ids stay the merged skill's: endorsements of them still count for it.
    next.mergedIds = [
      ...new Set([
        ...(target.mergedIds ?? []),
        ...sources.flatMap((s) => [s.id, ...(s.mergedIds ?? [])]),
      ]),
    ];
    for (const s of sources) {
      next.uri ??= s.uri;
      next.description ??= s.description;
      next.goalMinutes ??= s.goalMinutes;
    }
    for (const field of ['uri', 'description', 'goalMinutes'] as const) {
      if (next[field] === undefined) delete next[field];
    }

    const sessions = await sessionsWithAny(db, [...ids]);
    const changed = sessions.map((session) => ({
      ...session,
      skills: [...new Set(session.skills.map((id) => (ids.has(id) ? targetId : id)))],
      updatedAt: now,
    }));
    await db.sessions.bulkPut(changed);
    // What stayed and who vouched for it go with the sessions to the merged skill.
    await db.followUps
      .where('skillId')
      .anyOf([...ids])
      .modify({ skillId: targetId });
    await db.endorsements
      .where('skillId')
      .anyOf([...ids])
      .modify({ skillId: targetId });
    await db.skills.bulkDelete([...ids]);
    await rememberMerge(db, [...ids], targetId);
    await db.skills.put(next);
    return { ok: true, skill: next, sessionsChanged: changed.length, merged: [...ids] };
  });
}

/**
 * Deletes a skill, its follow-ups and endorsements (an activity's moves to the activity's
 * next skill, when it has one), and takes it off every session; the
 * sessions keep their other skills (and stay, even with none left: a session is the
 * learner's record, not the skill's).
 * Atomic; idempotent (deleting a deleted skill changes nothing).
 * @example const { sessionsChanged } = await deleteSkill(db, id, Date.now())
 */
export async function deleteSkill(
  db: SkilltrailDb,
  skillId: string,
  now: number,
): Promise<{ deleted: boolean; sessionsChanged: number }> {
  const tables = [db.skills, db.sessions, db.followUps, db.endorsements];
  return db.transaction('rw', tables, async () => {
    const skill = await db.skills.get(skillId);
    const sessions = await sessionsWithAny(db, [skillId]);
    await db.sessions.bulkPut(
      sessions.map((s) => ({
        ...s,
        skills: s.skills.filter((id) => id !== skillId),
        updatedAt: now,
      })),
    );
    // Follow-ups and endorsements are about this skill: they go with it. An endorsement of
    // one activity is about the activity: it stays while the activity keeps another skill.
    await db.followUps.where('skillId').equals(skillId).delete();
    const left = new Map(sessions.map((s) => [s.id, s.skills.find((id) => id !== skillId)]));
    const endorsements = await db.endorsements.where('skillId').equals(skillId).toArray();
    const moved = endorsements.flatMap((e) => {
      const next = e.sessionId ? left.get(e.sessionId) : undefined;
      return next ? [{ ...e, skillId: next }] : [];
    });
    await db.endorsements.bulkDelete(endorsements.map((e) => e.id));
    await db.endorsements.bulkPut(moved);
    if (skill) await db.skills.delete(skillId);
    return { deleted: skill !== undefined, sessionsChanged: sessions.length };
  });
}

/**
 * Every skill, most recently updated first: the order the skill picker offers them in.
 * Read whole and sorted here: a reversed walk of the `updatedAt` index is a cursor step
 * per skill.
 */
export async function skillsByRecentUse(db: SkilltrailDb): Promise<Skill[]> {
  const all = await db.skills.toArray();
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * The skill named `name`, created if no skill has its key. Atomic and idempotent: two
 * calls with "CSS" and " css " give one skill.
 * @example const css = await ensureSkill(db, 'CSS', Date.now())
 */
export async function ensureSkill(db: SkilltrailDb, name: string, now: number): Promise<Skill> {
  const clean = cleanSkillName(name);
  const key = skillKey(clean);
  if (!key) throw new Error('A skill needs a name.');
  return db.transaction('rw', db.skills, async () => {
    const found = await db.skills.where('key').equals(key).first();
    if (found) return found;
    const count = await db.skills.count();
    const skill: Skill = {
      id: newId(),
      name: clean,
      key,
      aliases: [],
      colour: SKILL_COLOURS[count % SKILL_COLOURS.length]!,
      createdAt: now,
      updatedAt: now,
    };
    await db.skills.add(skill);
    return skill;
  });
}

/**
 * `skillTotals` read from the database, every skill listed. One read-only transaction, so
 * the figures agree with each other.
 * @example const totals = await loadSkillTotals(db, { start: week.start, end: week.end })
 */
export async function loadSkillTotals(
  db: SkilltrailDb,
  range: { start?: number; end?: number } = {},
): Promise<SkillTotals[]> {
  return db.transaction('r', db.sessions, db.visits, db.skills, async () => {
    const { start, end } = range;
    const sessions =
      start !== undefined || end !== undefined
        ? await db.sessions
            .where('startedAt')
            .between(start ?? -Infinity, end ?? Infinity, true, false)
            .toArray()
        : await db.sessions.toArray();
    const ids = sessions.filter((s) => s.kind === 'search' && s.skills.length > 0).map((s) => s.id);
    const visits = ids.length > 0 ? await db.visits.where('sessionId').anyOf(ids).toArray() : [];
    const skillIds = (await db.skills.toCollection().primaryKeys()) as string[];
    return skillTotals(sessions, { visits, start, end, skillIds });
  });
}

/**
 * Every skill, oldest first (the order the learner added them). Read-only.
 * @example (await skillsByCreation(db)).map((s) => s.name)
 */
export async function skillsByCreation(db: SkilltrailDb): Promise<Skill[]> {
  return (await db.skills.toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Every skill, in no order. Read-only.
 * @example (await allSkills(db)).length
 */
export async function allSkills(db: SkilltrailDb): Promise<Skill[]> {
  return db.skills.toArray();
}

/** The `meta` row mapping each skill merged away to the skill it was merged into. */
const MERGED_SKILLS_KEY = 'mergedSkills';

/**
 * Remembers that `sources` were merged into `target` (and what was merged into a source
 * now leads to `target`), so a screen opened before the merge saves its tags onto the
 * target. Run inside the merge's transaction; idempotent.
 */
async function rememberMerge(db: SkilltrailDb, sources: string[], target: string): Promise<void> {
  const before = ((await db.meta.get(MERGED_SKILLS_KEY))?.value ?? {}) as Record<string, string>;
  const merged: Record<string, string> = {};
  for (const [from, to] of Object.entries(before))
    merged[from] = sources.includes(to) ? target : to;
  for (const source of sources) if (source !== target) merged[source] = target;
  delete merged[target];
  await db.meta.put({ key: MERGED_SKILLS_KEY, value: merged });
}

/**
 * Skill ids as they are now: one merged away becomes the skill it was merged into; one
 * deleted (or never stored) is dropped; each once, in order. Read inside the caller's
 * transaction (over skills and meta).
 * @example await currentSkillIds(db, [mergedAwayId]) // [targetId]
 */
export async function currentSkillIds(db: SkilltrailDb, ids: readonly string[]): Promise<string[]> {
  const merged = ((await db.meta.get(MERGED_SKILLS_KEY))?.value ?? {}) as Record<string, string>;
  const mapped = [...new Set(ids.map((id) => merged[id] ?? id))];
  const present = await db.skills.bulkGet(mapped);
  return mapped.filter((_, i) => present[i] !== undefined);
}
