/**
 * Import of a skills framework from CSV, so an organisation can bring ESCO, O*NET or its
 * own list. The file is checked whole before anything is written: one bad row and nothing
 * is imported, and the learner gets every problem with its row number, not just the first.
 *
 * Columns are found by header name in any order: `name`, `uri`, `aliases`, `description`,
 * and the names ESCO's CSV downloads use (`preferredLabel`, `conceptUri`, `altLabels`),
 * so an ESCO file imports as downloaded. Aliases are separated by `;`, `|` or line breaks
 * (ESCO puts one per line inside a quoted field).
 */
import { CsvParseError, detectCsvDelimiter, parseCsvRecords } from './csv-parse';
import { newId } from '../ids';
import type { Skill } from '../model';
import {
  MAX_ALIASES,
  MAX_ALIAS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  cleanAliases,
  isFrameworkUri,
} from './library';
import { SKILL_COLOURS, skillKey } from './names';

/** Longest skill name: the bound `cleanSkillName` keeps. Longer is refused, not cut. */
export const MAX_NAME_LENGTH = 80;
/** ESCO has about 14 000 skills; ten times that is not a skills framework. */
export const MAX_TAXONOMY_ROWS = 150_000;

/** A header for a file written by hand. */
export const TAXONOMY_CSV_HEADER = 'name,uri,aliases,description';

type Column = 'name' | 'uri' | 'aliases' | 'description';

/** Header names for each column, compared without case, spaces or punctuation. */
const HEADER_NAMES: Record<Column, string[]> = {
  name: ['name', 'skill', 'skillname', 'preferredlabel', 'label', 'title', 'elementname'],
  uri: ['uri', 'concepturi', 'frameworkuri', 'url', 'iri'],
  aliases: ['aliases', 'alias', 'altlabels', 'alternativelabels', 'synonyms', 'alternatenames'],
  description: ['description', 'definition', 'scopenote'],
};

/** One valid row of the file. */
export interface TaxonomyRow {
  /** Record number as a spreadsheet counts it: the header is row 1. */
  row: number;
  name: string;
  key: string;
  uri?: string;
  aliases: string[];
  description?: string;
}

/** What is wrong, as a code the interface words in the learner's language. */
export type TaxonomyProblemCode =
  | 'unreadable'
  | 'empty'
  | 'no-name-column'
  | 'too-many-rows'
  | 'too-many-fields'
  | 'missing-name'
  | 'name-too-long'
  | 'duplicate-name'
  | 'invalid-uri'
  | 'duplicate-uri'
  | 'too-many-aliases'
  | 'alias-too-long'
  | 'description-too-long';

/** One problem of the file; a row with several problems has one entry for each. */
export interface TaxonomyProblem {
  /** Record number (header = 1); absent when the file cannot be read into rows at all. */
  row?: number;
  /** Line of the file where it starts, for text editors. */
  line: number;
  code: TaxonomyProblemCode;
  /** For `duplicate-name` and `duplicate-uri`: the row it repeats. */
  otherRow?: number;
  /** The same in English, for logs and a fallback. */
  reason: string;
}

export interface TaxonomyCheck {
  rows: TaxonomyRow[];
  problems: TaxonomyProblem[];
  /** Header cells not used, shown so the learner knows what was left out. */
  ignoredColumns: string[];
}

function headerId(cell: string): string {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function splitAliases(cell: string): string[] {
  return cell
    .split(/[;|\r\n]+/)
    .map((a) => a.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Reads and checks a taxonomy CSV without touching the database: the valid rows, and
 * every problem (row number and reason). Pure.
 * @example const { rows, problems } = readTaxonomyCsv('name,uri\nCSS,urn:x:css\n')
 */
export function readTaxonomyCsv(text: string): TaxonomyCheck {
  let records;
  try {
    records = parseCsvRecords(text, { delimiter: detectCsvDelimiter(text) });
  } catch (e) {
    if (e instanceof CsvParseError) {
      return {
        rows: [],
        problems: [{ line: e.line, code: 'unreadable', reason: e.message }],
        ignoredColumns: [],
      };
    }
    throw e;
  }
  const header = records[0];
  if (!header) {
    return {
      rows: [],
      problems: [{ line: 1, code: 'empty', reason: 'The file is empty.' }],
      ignoredColumns: [],
    };
  }

  const at: Partial<Record<Column, number>> = {};
  const ignoredColumns: string[] = [];
  header.fields.forEach((cell, i) => {
    const id = headerId(cell);
    const column = (Object.keys(HEADER_NAMES) as Column[]).find(
      (c) => at[c] === undefined && HEADER_NAMES[c].includes(id),
    );
    if (column) at[column] = i;
    else if (cell.trim()) ignoredColumns.push(cell.trim());
  });
  if (at.name === undefined) {
    return {
      rows: [],
      problems: [
        {
          row: 1,
          line: header.line,
          code: 'no-name-column',
          reason: `No "name" column in the header (found: ${header.fields.join(', ') || 'nothing'}).`,
        },
      ],
      ignoredColumns,
    };
  }
  if (records.length - 1 > MAX_TAXONOMY_ROWS) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          code: 'too-many-rows',
          reason: `The file has ${records.length - 1} rows; at most ${MAX_TAXONOMY_ROWS} are imported.`,
        },
      ],
      ignoredColumns,
    };
  }

  const rows: TaxonomyRow[] = [];
  const problems: TaxonomyProblem[] = [];
  const rowOfKey = new Map<string, number>();
  const rowOfUri = new Map<string, number>();
  const cell = (fields: string[], c: Column) => {
    const i = at[c];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  records.slice(1).forEach(({ fields, line }, i) => {
    const row = i + 2;
    if (fields.every((f) => f.trim() === '')) return;
    const found: Omit<TaxonomyProblem, 'row' | 'line'>[] = [];
    const problem = (code: TaxonomyProblemCode, reason: string, otherRow?: number) =>
      found.push({ code, reason, ...(otherRow ? { otherRow } : {}) });
    if (
      fields.length > header.fields.length &&
      fields.slice(header.fields.length).some((f) => f.trim())
    ) {
      problem(
        'too-many-fields',
        `The row has ${fields.length} fields but the header has ${header.fields.length} (a comma in an unquoted field?).`,
      );
    }
    const name = cell(fields, 'name').replace(/\s+/g, ' ');
    const key = skillKey(name);
    if (!key) problem('missing-name', 'The name is missing.');
    else if (name.length > MAX_NAME_LENGTH) {
      problem(
        'name-too-long',
        `The name is ${name.length} characters long (at most ${MAX_NAME_LENGTH}).`,
      );
    } else if (rowOfKey.has(key)) {
      problem('duplicate-name', `The name repeats row ${rowOfKey.get(key)}.`, rowOfKey.get(key));
    }
    const uri = cell(fields, 'uri');
    if (uri && !isFrameworkUri(uri)) {
      problem('invalid-uri', `The URI "${uri.slice(0, 60)}" is not an http(s) or urn: URI.`);
    } else if (uri && rowOfUri.has(uri)) {
      problem('duplicate-uri', `The URI repeats row ${rowOfUri.get(uri)}.`, rowOfUri.get(uri));
    }
    const aliases = splitAliases(cell(fields, 'aliases'));
    if (aliases.length > MAX_ALIASES) {
      problem(
        'too-many-aliases',
        `The row has ${aliases.length} aliases (at most ${MAX_ALIASES}).`,
      );
    }
    const long = aliases.find((a) => a.length > MAX_ALIAS_LENGTH);
    if (long) {
      problem(
        'alias-too-long',
        `The alias "${long.slice(0, 30)}…" is longer than ${MAX_ALIAS_LENGTH} characters.`,
      );
    }
    const description = cell(fields, 'description');
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      problem(
        'description-too-long',
        `The description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`,
      );
    }

    if (found.length > 0) {
      for (const f of found) problems.push({ row, line, ...f });
      return;
    }
    rowOfKey.set(key, row);
    if (uri) rowOfUri.set(uri, row);
    rows.push({
      row,
      name,
      key,
      aliases: cleanAliases(aliases, key),
      ...(uri ? { uri } : {}),
      ...(description ? { description } : {}),
    });
  });
  return { rows, problems, ignoredColumns };
}

export type TaxonomyImportResult =
  | {
      ok: true;
      /** New skills. */
      added: number;
      /** Existing skills that gained a URI, aliases or a description. */
      updated: number;
      /** Rows whose skill already had everything the file says. */
      unchanged: number;
      ignoredColumns: string[];
    }
  | { ok: false; problems: TaxonomyProblem[]; ignoredColumns: string[] };

/** What importing checked rows would do to a library: computed without writing. */
export interface TaxonomyPlan {
  /** New skills, in file order. */
  added: Skill[];
  /** Existing skills as they would be after the import (a URI, aliases or a description filled in). */
  updated: Skill[];
  /** Rows whose skill already had everything the file says. */
  unchanged: number;
}

/**
 * What importing `rows` into a library holding `existing` would add and change. Pure: the
 * preview the learner sees before importing, and exactly what `importTaxonomy` writes.
 * @example planTaxonomyImport(readTaxonomyCsv(text).rows, await db.skills.toArray(), Date.now()).added.length // 12
 */
export function planTaxonomyImport(
  rows: readonly TaxonomyRow[],
  existing: readonly Skill[],
  now: number,
): TaxonomyPlan {
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const byUri = new Map(existing.filter((s) => s.uri).map((s) => [s.uri!, s]));
  const changed = new Map<string, Skill>();
  const added: Skill[] = [];
  let unchanged = 0;

  for (const row of rows) {
    const found = byKey.get(row.key) ?? (row.uri ? byUri.get(row.uri) : undefined);
    if (!found) {
      const skill: Skill = {
        id: newId(),
        name: row.name,
        key: row.key,
        aliases: row.aliases,
        colour: SKILL_COLOURS[(existing.length + added.length) % SKILL_COLOURS.length]!,
        createdAt: now,
        updatedAt: now,
        ...(row.uri ? { uri: row.uri } : {}),
        ...(row.description ? { description: row.description } : {}),
      };
      added.push(skill);
      byKey.set(skill.key, skill);
      continue;
    }
    const current = changed.get(found.id) ?? found;
    const next = fillIn(current, row);
    if (next) {
      next.updatedAt = now;
      changed.set(found.id, next);
      byKey.set(next.key, next);
      if (next.uri) byUri.set(next.uri, next);
    } else if (!changed.has(found.id)) unchanged++;
  }
  return { added, updated: [...changed.values()], unchanged };
}

/** The skill with what the row adds, or `null` when the row adds nothing. */
function fillIn(skill: Skill, row: TaxonomyRow): Skill | null {
  const next: Skill = { ...skill };
  // Matched by URI under another name: the file's name is one more way to say it.
  const names = row.key === skill.key ? row.aliases : [row.name, ...row.aliases];
  next.aliases = cleanAliases([...skill.aliases, ...names], skill.key).slice(
    0,
    Math.max(MAX_ALIASES, skill.aliases.length),
  );
  if (!next.uri && row.uri) next.uri = row.uri;
  if (!next.description && row.description) next.description = row.description;
  const same =
    next.uri === skill.uri &&
    next.description === skill.description &&
    next.aliases.length === skill.aliases.length;
  return same ? null : next;
}
