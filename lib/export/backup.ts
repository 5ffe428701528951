/**
 * The full backup's format: every session, visit, search, skill, capture, follow-up and
 * endorsement in one
 * versioned JSON file (`docs/backup-format.md`, `docs/backup.schema.json`). Never the `meta`
 * table: it holds the signing key, the install id and sync state, which must not travel in
 * a file. This file holds the format's types, limits and one rule per field; reading a
 * file is `backup-parse.ts`, writing one `backup-file.ts`, and the database's half
 * (import, export) `lib/store/backup.ts`.
 */
import { MAX_FOLLOW_UP_SESSIONS } from '../followup/schedule';
import type { WrappedIdentity } from '../credentials/wrapped-identity';
import { LEARNING_KINDS } from '../learning-away/kinds';
import { DAY_MS, STATED_LIMITS } from '../learning-away/validate';
import type { Capture, Endorsement, FollowUp, Search, Session, Skill, Visit } from '../model';
import { VOUCHED, WRITTEN } from '../provenance';

export const BACKUP_FORMAT = 'skilltrail-backup';
/**
 * The version written. Version 1 (without follow-ups and endorsements), version 2 (without
 * provenance, filled in as the database's upgrade fills it) and version 3 (without learning
 * away from the screen: sessions of kind `away`) still restore. An endorsement of one stated
 * activity (`sessionId`, optional) needs no new version: a file without one reads as before.
 */
export const BACKUP_VERSION = 4;

/** In import order: skills first, so sessions can be remapped onto existing skills. */
export const BACKUP_TABLES = [
  'skills',
  'sessions',
  'visits',
  'searches',
  'captures',
  'followUps',
  'endorsements',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** The tables each version of the format holds. */
export const VERSION_TABLES: Readonly<Record<number, readonly BackupTable[]>> = {
  1: BACKUP_TABLES.slice(0, 5),
  2: BACKUP_TABLES,
  3: BACKUP_TABLES,
  4: BACKUP_TABLES,
};

export interface BackupData {
  skills: Skill[];
  sessions: Session[];
  visits: Visit[];
  searches: Search[];
  captures: Capture[];
  followUps: FollowUp[];
  endorsements: Endorsement[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant the file was made. */
  exportedAt: string;
  /** The learner's signing key under their passphrase, when they chose to carry it. */
  identity?: WrappedIdentity;
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
    followUps: 100_000,
    endorsements: 10_000,
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
  /** Skills merged into one, over its life. */
  mergedIds: 10_000,
  meta: 2000,
  lang: 64,
  excerpt: 100_000,
  exportedAt: 64,
  answer: 10_000,
  email: 320,
  /** A signed credential as JSON text. */
  credential: 1_000_000,
} as const;

/**
 * Times a learner can have: 1990 to 2100. Later ones break every formatter that adds a
 * zone offset (a date past JavaScript's range is invalid), and stall the sync's watermark.
 */
export const MIN_TIME = Date.UTC(1990, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1);
/** Longest duration a field may hold: the whole span of times. */
const MAX_DURATION = MAX_TIME - MIN_TIME;
/** A skill colour reaches CSS (`--chip`, `background`): `#rrggbb` only, never a `url(…)`. */
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Letters, digits and `._:-`, starting with a letter or digit: UUIDs and nothing sneaky. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Keys that could reach an object's prototype if a record were ever copied carelessly. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
  | 'orphan-skill'
  | 'endorsement-refused'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'bad-identity'
  | 'other-identity'
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
  'orphan-skill':
    'A follow-up or endorsement in this backup is about a skill that is neither in it nor in your record.',
  'endorsement-refused': 'An endorsement in this backup does not hold.',
  'needs-passphrase':
    'This backup carries your signing key: type the passphrase you chose for it, then choose the file again.',
  'wrong-passphrase': 'This passphrase does not open the key in this backup.',
  'bad-identity': 'The signing key in this backup is damaged.',
  'other-identity':
    'This backup carries another signing key, and your record already has endorsements bound to this browser’s key.',
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

/** How far a restore is: records of the file dealt with (written or found already there). */
export interface ImportProgress {
  done: number;
  total: number;
}

export type Rule =
  | { t: 'id' }
  | { t: 'str'; max: number }
  | { t: 'time' }
  | { t: 'colour' }
  | { t: 'num'; min: number; max: number }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'bool' }
  | { t: 'ids'; maxItems: number }
  | { t: 'strs'; max: number; maxItems: number };
export type Field = Rule & { optional?: true };
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
  kind: { t: 'enum', values: ['reading', 'search', 'watching', 'away'] },
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
  // Optional only so that files from before provenance restore; the reader fills it in.
  provenance: {
    t: 'enum',
    values: ['measured', 'captured', 'stated', 'from-history'],
    optional: true,
  },
  // Learning away from the screen (kind `away`, provenance `stated`) and only that.
  learningKind: { t: 'enum', values: LEARNING_KINDS, optional: true },
  statedMs: { t: 'num', min: 0, max: DAY_MS, optional: true },
  place: str(STATED_LIMITS.place, true),
  people: str(STATED_LIMITS.people, true),
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
  mergedIds: { t: 'ids', maxItems: FIELD_LIMITS.mergedIds, optional: true },
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

const FOLLOW_UP_FIELDS: Fields<FollowUp> = {
  id,
  skillId: id,
  sessionIds: { t: 'ids', maxItems: MAX_FOLLOW_UP_SESSIONS },
  at: time,
  status: { t: 'enum', values: ['answered', 'dismissed'] },
  recall: str(FIELD_LIMITS.answer),
  application: str(FIELD_LIMITS.answer),
  link: str(FIELD_LIMITS.url, true),
  provenance: { t: 'enum', values: [WRITTEN], optional: true },
};

const ENDORSEMENT_FIELDS: Fields<Endorsement> = {
  id,
  credentialId: str(FIELD_LIMITS.uri),
  skillId: id,
  sessionId: { t: 'id', optional: true },
  subjectId: str(FIELD_LIMITS.uri),
  issuerName: str(FIELD_LIMITS.name),
  issuerDescription: str(FIELD_LIMITS.description, true),
  issuerEmail: str(FIELD_LIMITS.email, true),
  comment: str(FIELD_LIMITS.note),
  issuedAt: time,
  expiresAt: { t: 'num', min: 0, max: 8.64e15, optional: true },
  addedAt: time,
  credential: str(FIELD_LIMITS.credential),
  provenance: { t: 'enum', values: [VOUCHED], optional: true },
};

export const TABLE_FIELDS: Readonly<Record<BackupTable, Readonly<Record<string, Field>>>> = {
  skills: SKILL_FIELDS,
  sessions: SESSION_FIELDS,
  visits: VISIT_FIELDS,
  searches: SEARCH_FIELDS,
  captures: CAPTURE_FIELDS,
  followUps: FOLLOW_UP_FIELDS,
  endorsements: ENDORSEMENT_FIELDS,
};

/** Each table's fields as a list, made once: a file may hold half a million records. */
export const TABLE_RULES = Object.fromEntries(
  BACKUP_TABLES.map((table) => [table, Object.entries(TABLE_FIELDS[table])]),
) as unknown as Readonly<Record<BackupTable, readonly (readonly [string, Field])[]>>;
