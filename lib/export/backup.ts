/**
 * The full backup: every session, visit, search, skill and capture in one versioned JSON
 * file (`docs/backup-format.md`, `docs/backup.schema.json`). Never the `meta` table: it
 * holds the signing key, the install id and sync state, which must not travel in a file.
 *
 * Restoring is two steps so nothing is written until the whole file is known good:
 * `parseBackup` validates everything (hand-written and strict; no schema library ships in
 * the extension) and never throws; `importBackup` merges in one transaction.
 */
import { SKILL_COLOURS } from '../skills';
import type { SkilltrailDb } from '../db';
import type { Capture, Search, Session, Skill, Visit } from '../model';
import { weekOf } from '../time';
import { FILE_PREFIX, type ExportFile, type ExportParts } from './file';

export const BACKUP_FORMAT = 'skilltrail-backup';
export const BACKUP_VERSION = 1;

/** In import order: skills first, so sessions can be remapped onto existing skills. */
export const BACKUP_TABLES = ['skills', 'sessions', 'visits', 'searches', 'captures'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupData {
  skills: Skill[];
  sessions: Session[];
  visits: Visit[];
  searches: Search[];
  captures: Capture[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant the file was made. */
  exportedAt: string;
  data: BackupData;
}

export interface BackupLimits {
  /** Longest file read, in UTF-16 code units. */
  maxChars: number;
  maxRecords: Readonly<Record<BackupTable, number>>;
}

/** Generous for years of learning, fatal for a file built to exhaust memory. */
export const BACKUP_LIMITS: Readonly<BackupLimits> = {
  // Ten heavy years (100,000 sessions, 300,000 visits) make a file of about 160 M characters
  // (bench/scale.bench.ts); the record limits below allow some three times that. V8 holds no
  // string much longer than 512 Mi characters anyway.
  maxChars: 500 * 1024 * 1024,
  maxRecords: {
    skills: 10_000,
    sessions: 200_000,
    visits: 1_000_000,
    searches: 500_000,
    captures: 200_000,
  },
};

/** Longest string per kind of field; the same numbers are in `docs/backup.schema.json`. */
export const FIELD_LIMITS = {
  id: 128,
  url: 16_384,
  title: 10_000,
  note: 100_000,
  query: 10_000,
  domain: 253,
  engine: 100,
  name: 200,
  key: 400,
  aliases: 100,
  description: 10_000,
  uri: 4096,
  colour: 64,
  skillsPerSession: 500,
  meta: 2000,
  lang: 64,
  excerpt: 100_000,
  exportedAt: 64,
} as const;

/**
 * Times a learner can have: 1990 to 2100. Later ones break every formatter that adds a
 * zone offset (a date past JavaScript's range is invalid), and stall the sync's watermark.
 */
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
/** Longest duration a field may hold: the whole span of times. */
const MAX_DURATION = MAX_TIME - MIN_TIME;
/** A skill colour reaches CSS (`--chip`, `background`): `#rrggbb` only, never a `url(…)`. */
const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Letters, digits and `._:-`, starting with a letter or digit: UUIDs and nothing sneaky. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Keys that could reach an object's prototype if a record were ever copied carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type BackupErrorKey =
  | 'too-large'
  | 'not-json'
  | 'not-backup'
  | 'unsupported-version'
  | 'forbidden-key'
  | 'invalid-field'
  | 'unknown-field'
  | 'too-many-records'
  | 'duplicate-id'
  | 'duplicate-key'
  | 'orphan-record'
  | 'write-failed';

/** What a person is told, per error (English for now; one place to translate). */
export const BACKUP_ERROR_TEXT: Readonly<Record<BackupErrorKey, string>> = {
  'too-large': 'This file is too large to be a Skilltrail backup.',
  'not-json': 'This file is not valid JSON; it may be cut short or damaged.',
  'not-backup': 'This file is not a Skilltrail backup.',
  'unsupported-version': 'This backup was made by a newer or unknown version of Skilltrail.',
  'forbidden-key': 'This file contains a field name that is never allowed.',
  'invalid-field': 'A record in this backup has a missing or invalid field.',
  'unknown-field': 'A record in this backup has a field Skilltrail does not know.',
  'too-many-records': 'This backup holds more records than Skilltrail can restore.',
  'duplicate-id': 'Two records in this backup share one id.',
  'duplicate-key': 'Two records in this backup share a value that must be unique.',
  'orphan-record': 'A page, search or capture in this backup belongs to no session in it.',
  'write-failed': 'The backup could not be saved; nothing was changed.',
};

export interface BackupError {
  ok: false;
  key: BackupErrorKey;
  /** For people: `BACKUP_ERROR_TEXT[key]`. */
  message: string;
  /** Where and what, for support: `data.sessions[3].title: longer than 10000 characters`. */
  detail: string;
}

export type ParseBackupResult =
  { ok: true; backup: Backup; counts: Record<BackupTable, number> } | BackupError;

export type ImportBackupResult =
  | { ok: true; added: Record<BackupTable, number>; skipped: Record<BackupTable, number> }
  | BackupError;

type Rule =
  | { t: 'id' }
  | { t: 'str'; max: number }
  | { t: 'time' }
  | { t: 'colour' }
  | { t: 'num'; min: number; max: number }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'bool' }
  | { t: 'ids'; maxItems: number }
  | { t: 'strs'; max: number; maxItems: number };
type Field = Rule & { optional?: true };
/** One rule per field of the model: a field added to the model without a rule fails to compile. */
type Fields<T> = { readonly [K in keyof T]-?: Field };

const id: Field = { t: 'id' };
const time: Field = { t: 'time' };
const ms: Field = { t: 'num', min: 0, max: MAX_DURATION };
const str = (max: number, optional?: true): Field => ({
  t: 'str',
  max,
  ...(optional && { optional }),
});

const SESSION_FIELDS: Fields<Session> = {
  id,
  kind: { t: 'enum', values: ['reading', 'search', 'watching'] },
  startedAt: time,
  endedAt: time,
  activeMs: ms,
  title: str(FIELD_LIMITS.title),
  url: str(FIELD_LIMITS.url),
  domain: str(FIELD_LIMITS.domain),
  engine: str(FIELD_LIMITS.engine, true),
  skills: { t: 'ids', maxItems: FIELD_LIMITS.skillsPerSession },
  note: str(FIELD_LIMITS.note),
  status: { t: 'enum', values: ['auto', 'kept', 'dismissed'] },
  updatedAt: time,
};

const VISIT_FIELDS: Fields<Visit> = {
  id,
  sessionId: id,
  url: str(FIELD_LIMITS.url),
  title: str(FIELD_LIMITS.title),
  domain: str(FIELD_LIMITS.domain),
  startedAt: time,
  endedAt: time,
  activeMs: ms,
  maxScrollPct: { t: 'num', min: 0, max: 100, optional: true },
  wordCount: { t: 'num', min: 0, max: 100_000_000, optional: true },
  readerable: { t: 'bool', optional: true },
  searchId: { t: 'id', optional: true },
  watching: { t: 'bool', optional: true },
};

const SEARCH_FIELDS: Fields<Search> = {
  id,
  sessionId: id,
  engine: str(FIELD_LIMITS.engine),
  query: str(FIELD_LIMITS.query),
  url: str(FIELD_LIMITS.url),
  at: time,
};

const SKILL_FIELDS: Fields<Skill> = {
  id,
  name: str(FIELD_LIMITS.name),
  key: str(FIELD_LIMITS.key),
  aliases: { t: 'strs', max: FIELD_LIMITS.name, maxItems: FIELD_LIMITS.aliases },
  uri: str(FIELD_LIMITS.uri, true),
  description: str(FIELD_LIMITS.description, true),
  colour: { t: 'colour' },
  goalMinutes: { t: 'num', min: 0, max: 7 * 24 * 60, optional: true },
  createdAt: time,
  updatedAt: time,
};

const CAPTURE_FIELDS: Fields<Capture> = {
  id,
  url: str(FIELD_LIMITS.url),
  sessionId: id,
  title: str(FIELD_LIMITS.title),
  byline: str(FIELD_LIMITS.meta, true),
  siteName: str(FIELD_LIMITS.meta, true),
  lang: str(FIELD_LIMITS.lang, true),
  excerpt: str(FIELD_LIMITS.excerpt, true),
  publishedTime: str(FIELD_LIMITS.meta, true),
  wordCount: { t: 'num', min: 0, max: 100_000_000 },
  readerable: { t: 'bool' },
  capturedAt: time,
};

const TABLE_FIELDS: Readonly<Record<BackupTable, Readonly<Record<string, Field>>>> = {
  skills: SKILL_FIELDS,
  sessions: SESSION_FIELDS,
  visits: VISIT_FIELDS,
  searches: SEARCH_FIELDS,
  captures: CAPTURE_FIELDS,
};

function fail(key: BackupErrorKey, detail: string): BackupError {
  return { ok: false, key, message: BACKUP_ERROR_TEXT[key], detail };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= FIELD_LIMITS.id && ID_PATTERN.test(v);
}

/** Why `v` breaks `rule`, or `null` when it does not. */
function breaks(rule: Rule, v: unknown): string | null {
  switch (rule.t) {
    case 'id':
      return isId(v) ? null : `not an id (letters, digits and ._:-, at most ${FIELD_LIMITS.id})`;
    case 'str':
      if (typeof v !== 'string') return 'not a string';
      return v.length <= rule.max ? null : `longer than ${rule.max} characters`;
    case 'time':
      return typeof v === 'number' && Number.isFinite(v) && v >= MIN_TIME && v <= MAX_TIME
        ? null
        : 'not a time in epoch milliseconds from 1990 to 2100';
    case 'colour':
      return typeof v === 'string' && COLOUR_PATTERN.test(v) ? null : 'not a colour as #rrggbb';
    case 'num':
      return typeof v === 'number' && Number.isFinite(v) && v >= rule.min && v <= rule.max
        ? null
        : `not a number from ${rule.min} to ${rule.max}`;
    case 'enum':
      return typeof v === 'string' && rule.values.includes(v)
        ? null
        : `not one of ${rule.values.join(', ')}`;
    case 'bool':
      return typeof v === 'boolean' ? null : 'not true or false';
    case 'ids':
      if (!Array.isArray(v) || v.length > rule.maxItems)
        return `not a list of at most ${rule.maxItems} ids`;
      return v.every(isId) ? null : 'a list holding something that is not an id';
    case 'strs':
      if (!Array.isArray(v) || v.length > rule.maxItems) {
        return `not a list of at most ${rule.maxItems} strings`;
      }
      return v.every((s) => typeof s === 'string' && s.length <= rule.max)
        ? null
        : `a list holding something that is not a string of at most ${rule.max} characters`;
  }
}

/** A key that is not one of `known`: a prototype key is refused as such, anything else as unknown. */
function strayKey(
  known: Readonly<Record<string, unknown>>,
  value: Record<string, unknown>,
  path: string,
): BackupError | null {
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(known, key)) continue;
    // JSON.parse makes `__proto__` an own property, harmless by itself; refusing such keys
    // outright means no later copy can ever turn one into a prototype.
    if (FORBIDDEN_KEYS.has(key)) return fail('forbidden-key', `${path}${key}`);
    return fail('unknown-field', `${path}${key.slice(0, 100)}`);
  }
  return null;
}

const ROOT_KEYS = { format: true, version: true, exportedAt: true, data: true };

/** Each table's fields as a list, made once: a file may hold half a million records. */
const TABLE_RULES = Object.fromEntries(
  BACKUP_TABLES.map((table) => [table, Object.entries(TABLE_FIELDS[table])]),
) as unknown as Readonly<Record<BackupTable, readonly (readonly [string, Field])[]>>;

/**
 * Why the record `value` of `table` is refused, or `null`. A record that passes holds
 * only known keys with valid values, so the parsed object itself can be stored.
 */
function checkRecord(table: BackupTable, value: unknown, path: string): BackupError | null {
  if (!isPlainObject(value)) return fail('invalid-field', `${path}: not an object`);
  const stray = strayKey(TABLE_FIELDS[table], value, `${path}.`);
  if (stray) return stray;
  for (const [key, rule] of TABLE_RULES[table]) {
    const v = value[key];
    if (v === undefined && !Object.hasOwn(value, key)) {
      if (rule.optional) continue;
      return fail('invalid-field', `${path}.${key}: missing`);
    }
    const why = breaks(rule, v);
    if (why) return fail('invalid-field', `${path}.${key}: ${why}`);
  }
  return null;
}

/**
 * Reads and checks a whole backup file before anything is written. Never throws: any
 * problem — cut-short JSON, wrong types, oversized strings, too many records, prototype
 * keys, bad or duplicate ids, an unknown version — comes back as `{ ok: false, key,
 * message, detail }`.
 * @example
 * const parsed = parseBackup(await file.text());
 * if (!parsed.ok) showError(parsed.message, parsed.detail);
 * else await importBackup(db(), parsed.backup);
 */
export function parseBackup(
  text: unknown,
  limits: BackupLimits = BACKUP_LIMITS,
): ParseBackupResult {
  try {
    return parseUnsafe(text, limits);
  } catch (e) {
    // Only a bug could land here; still, never let it escape into the caller.
    return fail('not-json', e instanceof Error ? e.message.slice(0, 200) : 'unreadable');
  }
}

function parseUnsafe(text: unknown, limits: BackupLimits): ParseBackupResult {
  if (typeof text !== 'string') return fail('not-json', 'not text');
  if (text.length > limits.maxChars) {
    return fail('too-large', `${text.length} characters; at most ${limits.maxChars}`);
  }
  let root: unknown;
  try {
    // Prototype keys are refused below, where every object of the format has its keys
    // checked; an object anywhere else is an invalid field.
    // A byte order mark is how some editors start a UTF-8 file; it is not part of the JSON.
    root = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return fail('not-json', e instanceof Error ? e.message.slice(0, 200) : 'unreadable');
  }
  if (!isPlainObject(root) || root.format !== BACKUP_FORMAT) {
    return fail('not-backup', `format is not "${BACKUP_FORMAT}"`);
  }
  if (root.version !== BACKUP_VERSION) {
    return fail('unsupported-version', `version ${JSON.stringify(root.version)?.slice(0, 40)}`);
  }
  const strayInRoot = strayKey(ROOT_KEYS, root, '');
  if (strayInRoot) return strayInRoot;
  const exportedAt = root.exportedAt;
  if (
    typeof exportedAt !== 'string' ||
    exportedAt.length > FIELD_LIMITS.exportedAt ||
    !Number.isFinite(Date.parse(exportedAt))
  ) {
    return fail('invalid-field', 'exportedAt: not an ISO 8601 instant');
  }
  const data = root.data;
  if (!isPlainObject(data)) return fail('invalid-field', 'data: not an object');
  const strayInData = strayKey(TABLE_FIELDS, data, 'data.');
  if (strayInData) return strayInData;

  const out = {} as Record<BackupTable, Record<string, unknown>[]>;
  const counts = {} as Record<BackupTable, number>;
  for (const table of BACKUP_TABLES) {
    const list = data[table];
    if (!Array.isArray(list)) return fail('invalid-field', `data.${table}: not a list`);
    if (list.length > limits.maxRecords[table]) {
      return fail(
        'too-many-records',
        `data.${table}: ${list.length} records; at most ${limits.maxRecords[table]}`,
      );
    }
    const ids = new Set<string>();
    const records: Record<string, unknown>[] = [];
    for (let i = 0; i < list.length; i++) {
      const record: unknown = list[i];
      const problem = checkRecord(table, record, `data.${table}[${i}]`);
      if (problem) return problem;
      const recordId = (record as { id: string }).id;
      if (ids.has(recordId)) return fail('duplicate-id', `data.${table}[${i}].id: ${recordId}`);
      ids.add(recordId);
      records.push(record as Record<string, unknown>);
    }
    out[table] = records;
    counts[table] = records.length;
  }
  // The database keeps skill keys and capture URLs unique; a file must too.
  const unique: [BackupTable, string][] = [
    ['skills', 'key'],
    ['captures', 'url'],
  ];
  for (const [table, field] of unique) {
    const seen = new Set<unknown>();
    for (let i = 0; i < out[table].length; i++) {
      const v = out[table][i]![field];
      if (seen.has(v)) return fail('duplicate-key', `data.${table}[${i}].${field}`);
      seen.add(v);
    }
  }

  // Pages, searches and captures belong to a session of the file: none is left over that
  // no session shows and retention never purges.
  const sessionIds = new Set(out.sessions.map((r) => r.id));
  for (const table of ['visits', 'searches', 'captures'] as const) {
    const i = out[table].findIndex((r) => !sessionIds.has(r.sessionId as string));
    if (i >= 0) {
      return fail('orphan-record', `data.${table}[${i}].sessionId: no such session in the file`);
    }
  }

  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    data: out as unknown as BackupData,
  };
  return { ok: true, backup, counts };
}

function zeroCounts(): Record<BackupTable, number> {
  return { skills: 0, sessions: 0, visits: 0, searches: 0, captures: 0 };
}

/** How far a restore is: records of the file dealt with (written or found already there). */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Records written per request while restoring, so the page can tell how far it is. */
const IMPORT_CHUNK = 5000;

/**
 * Merges a parsed backup into the database. Atomic: one transaction over all five tables,
 * so a failure leaves the database as it was. Idempotent: records merge by id and an
 * existing record always wins, so importing a file twice adds nothing the second time.
 * A skill whose key the database already has is not added; the sessions of the file that
 * name it are pointed at the existing skill. A capture whose URL is already captured is
 * skipped. Answers how many records each table gained and how many were already there;
 * `onProgress` hears how far it is as it writes (ten heavy years take a minute or more).
 * @example
 * const r = await importBackup(db(), parsed.backup, ({ done, total }) => show(done, total));
 * if (r.ok) toast(`${r.added.sessions} sessions restored`);
 */
export async function importBackup(
  db: SkilltrailDb,
  backup: Backup,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportBackupResult> {
  const added = zeroCounts();
  const skipped = zeroCounts();
  const { data } = backup;
  const progress = { done: 0, total: BACKUP_TABLES.reduce((n, t) => n + data[t].length, 0) };
  /** Adds `records` to `table` a chunk at a time, and counts what was already there. */
  const write = async <T>(
    table: { bulkAdd(records: readonly T[]): Promise<unknown> },
    name: BackupTable,
    records: readonly T[],
  ) => {
    for (let i = 0; i < records.length; i += IMPORT_CHUNK) {
      const chunk = records.slice(i, i + IMPORT_CHUNK);
      await table.bulkAdd(chunk);
      progress.done += chunk.length;
      onProgress?.({ ...progress });
    }
    added[name] = records.length;
    skipped[name] = data[name].length - records.length;
    progress.done += skipped[name];
    if (skipped[name] > 0) onProgress?.({ ...progress });
  };
  try {
    await db.transaction(
      'rw',
      [db.skills, db.sessions, db.visits, db.searches, db.captures],
      async () => {
        const existing = await db.skills.toArray();
        const ids = new Set(existing.map((s) => s.id));
        const byKey = new Map(existing.map((s) => [s.key, s.id]));
        const remap = new Map<string, string>();
        const skills: Skill[] = [];
        for (const s of data.skills) {
          const target = ids.has(s.id) ? s.id : byKey.get(s.key);
          if (target !== undefined) {
            remap.set(s.id, target);
            continue;
          }
          skills.push(s);
          ids.add(s.id);
          byKey.set(s.key, s.id);
        }
        await write(db.skills, 'skills', skills);

        const sessions = (await newRecords(db.sessions, data.sessions)).map((s) => ({
          ...s,
          skills: [...new Set(s.skills.map((k) => remap.get(k) ?? k))],
        }));
        await write(db.sessions, 'sessions', sessions);
        // A session already stored keeps its own pages, searches and capture: the file's
        // records never attach to it.
        const restored = new Set(sessions.map((s) => s.id));
        const ofRestored = <T extends { sessionId: string }>(list: readonly T[]) =>
          list.filter((r) => restored.has(r.sessionId));
        await write(db.visits, 'visits', ofRestored(await newRecords(db.visits, data.visits)));
        await write(
          db.searches,
          'searches',
          ofRestored(await newRecords(db.searches, data.searches)),
        );

        const capturedUrls = new Set(
          await db.captures
            .where('url')
            .anyOf(data.captures.map((c) => c.url))
            .keys(),
        );
        const captures = ofRestored(await newRecords(db.captures, data.captures)).filter(
          (c) => !capturedUrls.has(c.url),
        );
        await write(db.captures, 'captures', captures);
      },
    );
  } catch (e) {
    return fail(
      'write-failed',
      e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : 'unknown',
    );
  }
  return { ok: true, added, skipped };
}

/** The records whose ids `table` does not hold yet; all of them when it is empty, as on a new device. */
async function newRecords<T extends { id: string }>(
  table: { count(): Promise<number>; bulkGet(keys: string[]): Promise<(T | undefined)[]> },
  records: readonly T[],
): Promise<readonly T[]> {
  if (records.length === 0 || (await table.count()) === 0) return records;
  const found = await table.bulkGet(records.map((r) => r.id));
  return records.filter((_, i) => found[i] === undefined);
}

/**
 * Parses and imports in one call, for a "Restore" button.
 * @example const r = await restoreBackup(db(), await file.text()); if (!r.ok) alert(r.message);
 */
export async function restoreBackup(db: SkilltrailDb, text: string): Promise<ImportBackupResult> {
  const parsed = parseBackup(text);
  return parsed.ok ? importBackup(db, parsed.backup) : parsed;
}

function clampForWrite(table: BackupTable, value: object): Record<string, unknown> {
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, rule] of TABLE_RULES[table]) {
    let v = src[key];
    if (v === undefined || v === null) {
      if (rule.optional) continue;
    }
    if (rule.t === 'str' && typeof v === 'string' && v.length > rule.max) v = v.slice(0, rule.max);
    if ((rule.t === 'time' || rule.t === 'num') && typeof v === 'number') {
      const [min, max] = rule.t === 'time' ? [MIN_TIME, MAX_TIME] : [rule.min, rule.max];
      if (!Number.isFinite(v)) {
        if (rule.optional) continue;
        v = 0;
      } else v = Math.min(max, Math.max(min, v));
    }
    if (rule.t === 'strs' && Array.isArray(v)) {
      v = v.slice(0, rule.maxItems).map((s: unknown) => String(s).slice(0, rule.max));
    }
    if (rule.t === 'ids' && Array.isArray(v)) v = v.slice(0, rule.maxItems);
    // A colour no restore would take is shown as the first chip colour instead.
    if (rule.t === 'colour' && (typeof v !== 'string' || !COLOUR_PATTERN.test(v))) {
      v = SKILL_COLOURS[0];
    }
    out[key] = v;
  }
  return out;
}

/**
 * The records as the file holds them: as they are when a restore would take them, else
 * with only known fields and values clamped to the format's limits (an over-long string
 * cut, a non-finite number zeroed), so a file Skilltrail writes is one it can read back.
 */
function clampRecords(table: BackupTable, records: readonly object[]): object[] {
  return records.map((r) => (checkRecord(table, r, '') === null ? r : clampForWrite(table, r)));
}

/**
 * Records read per request while writing a backup: the database reads the next chunk while
 * this page turns the last one into text.
 */
const EXPORT_CHUNK = 10_000;

interface ExportOptions {
  now: number;
  timeZone?: string;
  weekStart?: number;
  weekKey?: string;
  /** Records read per request (`EXPORT_CHUNK`). */
  chunkSize?: number;
}

/**
 * Builds the text of a backup document (`Backup`, records as `clampRecords` gives them) plus
 * a newline, table by table and chunk by chunk, in parts: ten heavy years make some 160 M characters, which
 * as one string would be copied whole again on its way into a file.
 */
class BackupText {
  readonly parts: string[];
  private tables = 0;
  private records = 0;

  constructor(now: number) {
    const head = JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
    });
    this.parts = [`${head.slice(0, -1)},"data":{`];
  }

  table(table: BackupTable): void {
    this.parts.push(`${this.tables > 0 ? '],' : ''}"${table}":[`);
    this.tables++;
    this.records = 0;
  }

  add(table: BackupTable, records: readonly object[]): void {
    if (records.length === 0) return;
    const json = JSON.stringify(clampRecords(table, records));
    // The list's brackets are the table's own; a chunk adds only its records.
    this.parts.push(`${this.records > 0 ? ',' : ''}${json.slice(1, -1)}`);
    this.records += records.length;
  }

  end(): string[] {
    this.parts.push(`${this.tables > 0 ? ']' : ''}}}\n`);
    return this.parts;
  }
}

function backupFilename(options: ExportOptions): string {
  // Named for the week on screen when given, so one week's exports share one name.
  return `${FILE_PREFIX}-${options.weekKey ?? weekOf(options.now, options).key}.json`;
}

/**
 * The whole database as a backup file named for the week it was made in,
 * `skilltrail-2026-W48.json`, like the other exports of that week. Reads all five
 * tables in one transaction, so the file is a consistent snapshot, a chunk at a time:
 * the next chunk is asked for before the last is written out, so reading and writing
 * overlap.
 * @example const file = await exportBackup(db(), { now: Date.now(), timeZone });
 */
export async function exportBackup(db: SkilltrailDb, options: ExportOptions): Promise<ExportParts> {
  const text = new BackupText(options.now);
  const size = options.chunkSize ?? EXPORT_CHUNK;
  await db.transaction(
    'r',
    [db.skills, db.sessions, db.visits, db.searches, db.captures],
    async () => {
      for (const table of BACKUP_TABLES) {
        text.table(table);
        const store = db.table<object & { id: string }, string>(table);
        let next = store.orderBy(':id').limit(size).toArray();
        for (;;) {
          const chunk = await next;
          const last = chunk.at(-1);
          if (chunk.length === size && last) {
            next = store.where(':id').above(last.id).limit(size).toArray();
          }
          text.add(table, chunk);
          if (chunk.length < size) break;
        }
      }
    },
  );
  return { filename: backupFilename(options), mimeType: 'application/json', parts: text.end() };
}

/**
 * A backup file from data already in memory.
 * @example const file = backupFile(data, { now: Date.now() });
 */
export function backupFile(data: BackupData, options: ExportOptions): ExportFile {
  const text = new BackupText(options.now);
  for (const table of BACKUP_TABLES) {
    text.table(table);
    text.add(table, data[table]);
  }
  return {
    filename: backupFilename(options),
    mimeType: 'application/json',
    content: text.end().join(''),
  };
}
