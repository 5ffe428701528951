/**
 * The learner's skill library: what an edit of a skill may be (aliases, URI, goal) and what
 * a change answers. The writes themselves (rename, merge, delete, edit) are
 * `lib/store/skills.ts`; tagging many sessions at once is `lib/store/bulk-tag.ts`.
 */
import type { Skill } from '../model';
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

export function notFound(skillId: string): SkillChange {
  return { ok: false, reason: 'not-found', message: `No skill has the id ${skillId}.` };
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

export function setOptional<K extends 'uri' | 'description' | 'goalMinutes'>(
  skill: Skill,
  field: K,
  value: Skill[K] | undefined,
): void {
  // Absent rather than empty, so exports and imports see "not set" one way.
  if (value === undefined || value === '') delete skill[field];
  else skill[field] = value;
}

export type MergeResult =
  | { ok: true; skill: Skill; sessionsChanged: number; merged: string[] }
  | Extract<SkillChange, { ok: false }>;
