/**
 * The learner's skill library: rename, merge, delete and edit a skill. Each database write
 * is one named function with one transaction. Tagging many sessions at once is
 * `bulk-tag.ts`; totals and weekly goals are `totals.ts`.
 */
import type { SkilltrailDb } from '../store/db';
import type { Session, Skill } from '../model';
import { cleanSkillName, skillKey } from './names';

/** Longest alias kept; the same bound as a skill name (`cleanSkillName`). */
export const MAX_ALIAS_LENGTH = 80;
/** More aliases than this is a pasted list, not a skill's other names. */
export const MAX_ALIASES = 50;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_URI_LENGTH = 2048;
/** A weekly goal cannot exceed the minutes in a week. */
export const MAX_GOAL_MINUTES = 7 * 24 * 60;

/** What a library edit answers: the skill as stored, or why nothing changed. */
export type SkillChange =
  | { ok: true; skill: Skill }
  | {
      ok: false;
      reason: 'not-found' | 'invalid' | 'conflict';
      message: string;
      field?: 'name' | 'colour' | 'aliases' | 'uri' | 'description' | 'goalMinutes';
      /** On `conflict`: the skill that already has the key; offer `mergeSkills` into it. */
      conflict?: Skill;
    };

/**
 * Whether `uri` can name a skill in a framework: an absolute `http(s)` URL with a host
 * (ESCO, O*NET OnLine, an organisation's own pages) or a `urn:` (RFC 8141).
 * @example isFrameworkUri('http://data.europa.eu/esco/skill/abc') // true
 * @example isFrameworkUri('javascript:alert(1)') // false
 */
export function isFrameworkUri(uri: string): boolean {
  if (uri.length === 0 || uri.length > MAX_URI_LENGTH || /\s/.test(uri)) return false;
  if (/^urn:/i.test(uri)) return /^urn:[a-z0-9][a-z0-9-]{0,31}:[^\s]+$/i.test(uri);
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Aliases tidied: trimmed, bounded, without blanks, without the skill's own name, one per
 * key (the first spelling wins).
 * @example cleanAliases([' JS ', 'js', 'ECMAScript', 'JavaScript'], 'javascript') // ['JS', 'ECMAScript']
 */
export function cleanAliases(aliases: readonly string[], ownKey: string): string[] {
  const seen = new Set([ownKey]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = cleanSkillName(raw).slice(0, MAX_ALIAS_LENGTH);
    const key = skillKey(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

function notFound(skillId: string): SkillChange {
  return { ok: false, reason: 'not-found', message: `No skill has the id ${skillId}.` };
}

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

/** The fields of a skill the learner edits besides its name; `null` clears an optional one. */
export interface SkillPatch {
  colour?: string;
  aliases?: readonly string[];
  uri?: string | null;
  description?: string | null;
  goalMinutes?: number | null;
}

/**
 * Checks a patch without touching the database: the first problem found, or `null`.
 * @example validateSkillPatch({ uri: 'ftp://x' })?.field // 'uri'
 */
export function validateSkillPatch(
  patch: SkillPatch,
): { field: NonNullable<Extract<SkillChange, { ok: false }>['field']>; message: string } | null {
  if (patch.colour !== undefined && !/^#[0-9a-f]{6}$/i.test(patch.colour)) {
    return { field: 'colour', message: 'A colour is written #rrggbb.' };
  }
  if (patch.aliases !== undefined) {
    if (patch.aliases.length > MAX_ALIASES) {
      return { field: 'aliases', message: `At most ${MAX_ALIASES} aliases.` };
    }
    const long = patch.aliases.find((a) => a.trim().length > MAX_ALIAS_LENGTH);
    if (long !== undefined) {
      return { field: 'aliases', message: `An alias has at most ${MAX_ALIAS_LENGTH} characters.` };
    }
  }
  if (
    typeof patch.uri === 'string' &&
    patch.uri.trim() !== '' &&
    !isFrameworkUri(patch.uri.trim())
  ) {
    return { field: 'uri', message: 'A framework URI starts with http://, https:// or urn:.' };
  }
  if (typeof patch.description === 'string' && patch.description.length > MAX_DESCRIPTION_LENGTH) {
    return {
      field: 'description',
      message: `A description has at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    };
  }
  if (
    typeof patch.goalMinutes === 'number' &&
    !(
      Number.isInteger(patch.goalMinutes) &&
      patch.goalMinutes > 0 &&
      patch.goalMinutes <= MAX_GOAL_MINUTES
    )
  ) {
    return {
      field: 'goalMinutes',
      message: `A weekly goal is a whole number of minutes from 1 to ${MAX_GOAL_MINUTES}.`,
    };
  }
  return null;
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

function setOptional<K extends 'uri' | 'description' | 'goalMinutes'>(
  skill: Skill,
  field: K,
  value: Skill[K] | undefined,
): void {
  // Absent rather than empty, so exports and imports see "not set" one way.
  if (value === undefined || value === '') delete skill[field];
  else skill[field] = value;
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

export type MergeResult =
  | { ok: true; skill: Skill; sessionsChanged: number; merged: string[] }
  | Extract<SkillChange, { ok: false }>;

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
  const tables = [db.skills, db.sessions, db.followUps, db.endorsements];
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
    await db.skills.put(next);
    return { ok: true, skill: next, sessionsChanged: changed.length, merged: [...ids] };
  });
}

/**
 * Deletes a skill, its follow-ups and endorsements, and takes it off every session; the
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
    // Follow-ups and endorsements are about this skill: they go with it.
    await db.followUps.where('skillId').equals(skillId).delete();
    await db.endorsements.where('skillId').equals(skillId).delete();
    if (skill) await db.skills.delete(skillId);
    return { deleted: skill !== undefined, sessionsChanged: sessions.length };
  });
}
