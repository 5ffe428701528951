/**
 * Reading a backup file: everything is validated before anything is written (hand-written
 * and strict; no schema library ships in the extension), and nothing here ever throws.
 */
import {
  BACKUP_ERROR_TEXT,
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_TABLES,
  BACKUP_VERSION,
  FIELD_LIMITS,
  FORBIDDEN_KEYS,
  ID_PATTERN,
  COLOUR_PATTERN,
  MAX_TIME,
  MIN_TIME,
  TABLE_FIELDS,
  TABLE_RULES,
  VERSION_TABLES,
  type Backup,
  type BackupData,
  type BackupError,
  type BackupErrorKey,
  type BackupLimits,
  type BackupTable,
  type ParseBackupResult,
  type Rule,
} from './backup';
import { sessionProvenanceBefore, VOUCHED, WRITTEN } from '../provenance';
import { wrappedIdentityProblem, type WrappedIdentity } from '../credentials/wrapped-identity';

/**
 * The error a person is told about, with where it happened for support.
 * @example fail('not-json', 'unexpected end').message // 'This file is not valid JSON; it may be cut short or damaged.'
 */
export function fail(key: BackupErrorKey, detail: string): BackupError {
  return { ok: false, key, message: BACKUP_ERROR_TEXT[key], detail };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= FIELD_LIMITS.id && ID_PATTERN.test(v);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumberIn = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/**
 * `rule` as a function that answers why a value breaks it, or `null` when it does not;
 * made once per field (a file may hold half a million records), each its own test and
 * message, so checking a record allocates nothing.
 */
function breaker(rule: Rule): (v: unknown) => string | null {
  const fails = (ok: (v: unknown) => boolean, why: string) => (v: unknown) => (ok(v) ? null : why);
  switch (rule.t) {
    case 'id':
      return fails(isId, `not an id (letters, digits and ._:-, at most ${FIELD_LIMITS.id})`);
    case 'str': {
      const tooLong = `longer than ${rule.max} characters`;
      return (v) => (!isString(v) ? 'not a string' : v.length <= rule.max ? null : tooLong);
    }
    case 'time':
      return fails(
        (v) => isNumberIn(v, MIN_TIME, MAX_TIME),
        'not a time in epoch milliseconds from 1990 to 2100',
      );
    case 'colour':
      return fails((v) => isString(v) && COLOUR_PATTERN.test(v), 'not a colour as #rrggbb');
    case 'num':
      return fails(
        (v) => isNumberIn(v, rule.min, rule.max),
        `not a number from ${rule.min} to ${rule.max}`,
      );
    case 'enum':
      return fails(
        (v) => isString(v) && rule.values.includes(v),
        `not one of ${rule.values.join(', ')}`,
      );
    case 'bool':
      return fails((v) => typeof v === 'boolean', 'not true or false');
    case 'ids': {
      const notList = `not a list of at most ${rule.maxItems} ids`;
      return (v) =>
        !Array.isArray(v) || v.length > rule.maxItems
          ? notList
          : v.every(isId)
            ? null
            : 'a list holding something that is not an id';
    }
    case 'strs': {
      const notList = `not a list of at most ${rule.maxItems} strings`;
      const notString = `a list holding something that is not a string of at most ${rule.max} characters`;
      return (v) =>
        !Array.isArray(v) || v.length > rule.maxItems
          ? notList
          : v.every((s) => isString(s) && s.length <= rule.max)
            ? null
            : notString;
    }
  }
}

/**
 * Records from a file made before provenance was kept get it as the database's upgrade
 * gives it: a kept session with a capture was captured, any other measured; follow-ups are
 * written, endorsements vouched.
 */
function fillProvenance(out: Record<BackupTable, Record<string, unknown>[]>): void {
  const captured = new Set(out.captures.map((c) => c.sessionId));
  for (const s of out.sessions) {
    s.provenance ??= sessionProvenanceBefore(s as { status: string }, captured.has(s.id));
  }
  for (const f of out.followUps) f.provenance ??= WRITTEN;
  for (const e of out.endorsements) e.provenance ??= VOUCHED;
}

interface FieldCheck {
  key: string;
  optional: boolean;
  breaks: (v: unknown) => string | null;
}

/** Each table's fields with their tests, in the format's order, made once. */
const TABLE_CHECKS = Object.fromEntries(
  BACKUP_TABLES.map((table) => [
    table,
    TABLE_RULES[table].map(([key, rule]) => ({
      key,
      optional: rule.optional === true,
      breaks: breaker(rule),
    })),
  ]),
) as unknown as Readonly<Record<BackupTable, readonly FieldCheck[]>>;

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

const ROOT_KEYS = { format: true, version: true, exportedAt: true, identity: true, data: true };
/**
 * Why the record `value` of `table` is refused, or `null`. A record that passes holds
 * only known keys with valid values, so the parsed object itself can be stored.
 * @example checkRecord('skills', { id: 'x' }, 'data.skills[0]')?.key // 'invalid-field'
 */
export function checkRecord(table: BackupTable, value: unknown, path: string): BackupError | null {
  if (!isPlainObject(value)) return fail('invalid-field', `${path}: not an object`);
  const known = TABLE_FIELDS[table];
  for (const key in value) {
    if (!Object.hasOwn(known, key)) {
      const stray = strayKey(known, value, `${path}.`);
      if (stray) return stray;
    }
  }
  const fields = TABLE_CHECKS[table];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const v = value[field.key];
    if (v === undefined && !Object.hasOwn(value, field.key)) {
      if (field.optional) continue;
      return fail('invalid-field', `${path}.${field.key}: missing`);
    }
    const why = field.breaks(v);
    if (why !== null) return fail('invalid-field', `${path}.${field.key}: ${why}`);
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
  const tables = typeof root.version === 'number' ? VERSION_TABLES[root.version] : undefined;
  if (!tables) {
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
  if (root.identity !== undefined) {
    const problem = wrappedIdentityProblem(root.identity);
    if (problem) return fail('bad-identity', `identity.${problem}`);
  }
  const data = root.data;
  if (!isPlainObject(data)) return fail('invalid-field', 'data: not an object');
  const strayInData = strayKey(Object.fromEntries(tables.map((t) => [t, true])), data, 'data.');
  if (strayInData) return strayInData;

  const out = {} as Record<BackupTable, Record<string, unknown>[]>;
  const counts = {} as Record<BackupTable, number>;
  for (const table of BACKUP_TABLES) {
    // An older version has no such table: restoring it adds none.
    const list = tables.includes(table) ? data[table] : [];
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
    ['endorsements', 'credentialId'],
  ];
  for (const [table, field] of unique) {
    const seen = new Set<unknown>();
    for (let i = 0; i < out[table].length; i++) {
      const v = out[table][i]![field];
      if (seen.has(v)) return fail('duplicate-key', `data.${table}[${i}].${field}`);
      seen.add(v);
    }
  }

  // Learning away from the screen is stated and only stated: its time is `statedMs`, never
  // `activeMs`, so no measured total can take it in, and no measured session claims it.
  for (let i = 0; i < out.sessions.length; i++) {
    const problem = statedMismatch(out.sessions[i]!);
    if (problem) return fail('invalid-field', `data.sessions[${i}].${problem}`);
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
  // An endorsement of one activity goes with that activity's session, always in the file.
  {
    const i = out.endorsements.findIndex(
      (r) => r.sessionId !== undefined && !sessionIds.has(r.sessionId as string),
    );
    if (i >= 0) {
      return fail(
        'orphan-record',
        `data.endorsements[${i}].sessionId: no such session in the file`,
      );
    }
  }

  fillProvenance(out);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    ...(root.identity !== undefined ? { identity: root.identity as WrappedIdentity } : {}),
    data: out as unknown as BackupData,
  };
  return { ok: true, backup, counts };
}

/** What breaks the rule that `away` sessions, and only they, are stated, or `null`. */
function statedMismatch(session: Record<string, unknown>): string | null {
  const away = session.kind === 'away';
  if (away) {
    if (session.provenance !== 'stated') return 'provenance: an away session is stated';
    if (session.learningKind === undefined) return 'learningKind: missing';
    if (session.statedMs === undefined) return 'statedMs: missing';
    if (session.activeMs !== 0) return 'activeMs: an away session has no measured time';
    return null;
  }
  if (session.provenance === 'stated') return 'provenance: only an away session is stated';
  for (const field of ['learningKind', 'statedMs', 'place', 'people']) {
    if (session[field] !== undefined) return `${field}: only an away session has one`;
  }
  return null;
}
