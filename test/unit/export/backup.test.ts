import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOf } from '../../../lib/credentials/did-key';
import { signedEndorsement, storedEndorsement } from '../../fixtures/endorsement';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import {
  BACKUP_LIMITS,
  BACKUP_TABLES,
  FIELD_LIMITS,
  type BackupData,
} from '../../../lib/export/backup';
import { backupFile } from '../../../lib/export/backup-file';
import { parseBackup } from '../../../lib/export/backup-parse';
import { exportBackup, importBackup, restoreBackup } from '../../../lib/store/backup';
import { SKILL, uid, weekFixture } from '../../fixtures/week';
import type { Endorsement, Session } from '../../../lib/model';

const schema = JSON.parse(
  readFileSync(new URL('../../../docs/backup.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

const NOW = Date.UTC(2026, 10, 30, 8);
const opened: SkilltrailDb[] = [];

/** This learner's signing key: every database here is one of their browsers. */
let LEARNER: CryptoKeyPair;
let LEARNER_DID: string;

async function freshDb(): Promise<SkilltrailDb> {
  const db = openDb(`backup-test-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  await db.meta.put({ key: 'did-key', value: LEARNER });
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** An endorsement of the learner's CSS as the database keeps it: signed, and checked on restore. */
let ENDORSEMENT: Endorsement;

beforeAll(async () => {
  LEARNER = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  LEARNER_DID = await didKeyOf(LEARNER.publicKey);
  const signed = await signedEndorsement({
    learnerDid: LEARNER_DID,
    skillId: SKILL.css,
    skillName: 'CSS',
    endorser: { name: 'Grace Mentor', description: 'Tech lead, Example Ltd' },
    comment: 'Ada rebuilt our pricing page with grid.',
    now: Date.UTC(2026, 10, 29, 18),
  });
  ENDORSEMENT = await storedEndorsement(signed.text, {
    learnerDid: LEARNER_DID,
    skillIds: [SKILL.css],
    id: uid(0x701),
    now: NOW,
    addedAt: Date.UTC(2026, 10, 29, 19),
  });
}, 60_000);

async function seeded(): Promise<SkilltrailDb> {
  const db = await freshDb();
  const { data } = weekFixture();
  await db.transaction(
    'rw',
    [db.skills, db.sessions, db.visits, db.searches, db.captures, db.followUps, db.endorsements],
    async () => {
      await db.skills.bulkAdd(data.skills);
      await db.sessions.bulkAdd(data.sessions);
      await db.visits.bulkAdd(data.visits);
      await db.searches.bulkAdd(data.searches);
      await db.captures.bulkAdd(data.captures);
      await db.followUps.bulkAdd(data.followUps);
      await db.endorsements.add(ENDORSEMENT);
    },
  );
  await db.meta.put({ key: 'signing-key', value: { secret: 'never in a backup' } });
  return db;
}

async function dump(db: SkilltrailDb): Promise<BackupData> {
  return {
    skills: await db.skills.orderBy('id').toArray(),
    sessions: await db.sessions.orderBy('id').toArray(),
    visits: await db.visits.orderBy('id').toArray(),
    searches: await db.searches.orderBy('id').toArray(),
    captures: await db.captures.orderBy('id').toArray(),
    followUps: await db.followUps.orderBy('id').toArray(),
    endorsements: await db.endorsements.orderBy('id').toArray(),
  };
}

/** The backup document of `data`, as the format describes it (the records valid already). */
function documentOf(data: BackupData): Record<string, unknown> {
  return {
    format: 'skilltrail-backup',
    version: 4,
    exportedAt: new Date(NOW).toISOString(),
    data: {
      skills: data.skills,
      sessions: data.sessions,
      visits: data.visits,
      searches: data.searches,
      captures: data.captures,
      followUps: data.followUps,
      endorsements: data.endorsements,
    },
  };
}

/** The same data as version 2 wrote it: no provenance on any record. */
function documentV2Of(data: BackupData): Record<string, unknown> {
  const strip = <T extends object>(list: T[]) =>
    list.map((r) => {
      const { provenance: _, ...rest } = r as T & { provenance?: unknown };
      return rest;
    });
  const doc = documentOf({
    ...data,
    sessions: strip(data.sessions) as BackupData['sessions'],
    followUps: strip(data.followUps) as BackupData['followUps'],
    endorsements: strip(data.endorsements) as BackupData['endorsements'],
  });
  return { ...doc, version: 2 };
}

/** The same data as the first release wrote it: version 1, five tables, no provenance. */
function documentV1Of(data: BackupData): Record<string, unknown> {
  const doc = documentV2Of(data) as { version: number; data: Record<string, unknown> };
  delete doc.data.followUps;
  delete doc.data.endorsements;
  return { ...doc, version: 1 };
}

function fixtureBackupText(mutate: (b: Record<string, unknown>) => void = () => {}): string {
  const backup = JSON.parse(JSON.stringify(documentOf(weekFixture().data))) as Record<
    string,
    unknown
  >;
  mutate(backup);
  return JSON.stringify(backup);
}

/** A file's text as the learner's disk holds it: its parts, Blobs or strings, as one Blob makes them. */
async function textOf(file: { parts: (string | Blob)[] }): Promise<string> {
  return new Blob(file.parts).text();
}

type Rec = Record<string, unknown>;
type Tables = Record<
  'skills' | 'sessions' | 'visits' | 'searches' | 'captures' | 'followUps' | 'endorsements',
  Rec[]
> &
  Rec;
const dataOf = (b: Rec) => b.data as Tables;

describe('exportBackup', () => {
  it('writes the whole database, without meta, as a versioned document', async () => {
    const db = await seeded();
    const file = await exportBackup(db, { now: NOW, timeZone: 'Europe/Berlin' });
    expect(file.filename).toBe('skilltrail-2026-W49.json');
    expect(file.mimeType).toBe('application/json');
    const doc = JSON.parse(await textOf(file)) as Rec;
    expect(doc).toMatchObject({
      format: 'skilltrail-backup',
      version: 4,
      exportedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(Object.keys(doc.data as Rec).sort()).toEqual([...BACKUP_TABLES].sort());
    expect(await textOf(file)).not.toContain('never in a backup');
    expect(dataOf(doc).sessions).toHaveLength(9);
  });

  it('writes, chunk by chunk, exactly the document of the data it read', async () => {
    const db = await seeded();
    const expected = `${JSON.stringify(documentOf(await dump(db)))}\n`;
    for (const chunkSize of [1, 2, 3, 1000]) {
      const file = await exportBackup(db, { now: NOW, chunkSize });
      expect(await textOf(file)).toBe(expected);
    }
  });

  it('saves the same bytes as the whole text encoded at once, whatever the text holds', async () => {
    const db = await seeded();
    const [first] = await db.sessions.orderBy('id').limit(1).toArray();
    // Letters beyond ASCII, an emoji (a surrogate pair) and a lone surrogate, each encoded
    // in whichever chunk's Blob holds it.
    await db.sessions.update(first!.id, { title: 'Árvíztűrő 🦉 grid \ud800 notes' });
    const expected = new TextEncoder().encode(`${JSON.stringify(documentOf(await dump(db)))}\n`);
    for (const chunkSize of [1, 4, 1000]) {
      const file = await exportBackup(db, { now: NOW, chunkSize });
      const bytes = new Uint8Array(await new Blob(file.parts).arrayBuffer());
      expect(bytes).toEqual(expected);
      expect(file.parts.every((part) => part instanceof Blob)).toBe(true);
    }
  });

  it('writes an empty database as a backup with empty lists', async () => {
    const file = await exportBackup(await freshDb(), { now: NOW });
    const empty = {
      skills: [],
      sessions: [],
      visits: [],
      searches: [],
      captures: [],
      followUps: [],
      endorsements: [],
    };
    expect(await textOf(file)).toBe(`${JSON.stringify(documentOf(empty))}\n`);
    expect(parseBackup(await textOf(file))).toMatchObject({ ok: true });
  });

  it('passes docs/backup.schema.json', async () => {
    const file = await exportBackup(await seeded(), { now: NOW });
    const ok = validateSchema(JSON.parse(await textOf(file)));
    expect(validateSchema.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('clamps what it writes so it can always read it back', () => {
    const { data } = weekFixture();
    data.sessions[0]!.title = 'x'.repeat(FIELD_LIMITS.title + 5);
    data.sessions[0]!.activeMs = Number.NaN;
    data.visits[0]!.maxScrollPct = Number.POSITIVE_INFINITY;
    (data.sessions[1] as unknown as Rec).extra = 'not in the format';
    const parsed = parseBackup(backupFile(data, { now: NOW }).content);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.data.sessions[0]!.title).toHaveLength(FIELD_LIMITS.title);
    expect(parsed.backup.data.sessions[0]!.activeMs).toBe(0);
    expect(parsed.backup.data.visits[0]!.maxScrollPct).toBeUndefined();
  });
});

describe('round trip', () => {
  it('reports its progress up to every record of the file, written or already there', async () => {
    const file = backupFile(weekFixture().data, { now: NOW });
    const parsed = parseBackup(file.content);
    if (!parsed.ok) throw new Error(parsed.detail);
    const total = Object.values(parsed.counts).reduce((a, b) => a + b, 0);
    const target = await freshDb();
    for (let round = 0; round < 2; round++) {
      const seen: { done: number; total: number }[] = [];
      await importBackup(target, parsed.backup, (p) => seen.push(p));
      expect(seen.every((p) => p.total === total)).toBe(true);
      expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
      expect(seen.at(-1)).toEqual({ done: total, total });
    }
  });

  it('restores into an empty database exactly what was exported', async () => {
    const source = await seeded();
    const file = await exportBackup(source, { now: NOW });
    const target = await freshDb();
    const result = await restoreBackup(target, await textOf(file));
    expect(result).toEqual({
      ok: true,
      added: {
        skills: 4,
        sessions: 9,
        visits: 14,
        searches: 2,
        captures: 2,
        followUps: 2,
        endorsements: 1,
      },
      skipped: {
        skills: 0,
        sessions: 0,
        visits: 0,
        searches: 0,
        captures: 0,
        followUps: 0,
        endorsements: 0,
      },
    });
    expect(await dump(target)).toEqual(await dump(source));
    // Nothing of meta is restored: the target keeps only its own key.
    expect(await target.meta.toCollection().primaryKeys()).toEqual(['did-key']);
  });

  it('adds nothing when the same file is imported twice', async () => {
    const file = await exportBackup(await seeded(), { now: NOW });
    const target = await freshDb();
    const parsed = parseBackup(await textOf(file));
    if (!parsed.ok) throw new Error(parsed.detail);
    expect((await importBackup(target, parsed.backup)).ok).toBe(true);
    const before = await dump(target);
    const again = await restoreBackup(target, await textOf(file));
    expect(again).toEqual({
      ok: true,
      added: {
        skills: 0,
        sessions: 0,
        visits: 0,
        searches: 0,
        captures: 0,
        followUps: 0,
        endorsements: 0,
      },
      skipped: {
        skills: 4,
        sessions: 9,
        visits: 14,
        searches: 2,
        captures: 2,
        followUps: 2,
        endorsements: 1,
      },
    });
    expect(await dump(target)).toEqual(before);
  });

  it('merges skills by key and points imported sessions at the existing skill', async () => {
    const target = await freshDb();
    const mine = { ...weekFixture().data.skills[0]!, id: uid(0x999), name: 'Css' };
    await target.skills.add(mine);
    const file = backupFile(weekFixture().data, { now: NOW });
    const result = await restoreBackup(target, file.content);
    expect(result.ok && result.added.skills).toBe(3);
    // It keeps the id of the file's CSS, so endorsements of that CSS still count for it.
    expect(await target.skills.where('key').equals('css').toArray()).toEqual([
      { ...mine, mergedIds: [SKILL.css] },
    ]);
    const s1 = await target.sessions.get(uid(0x101));
    expect(s1!.skills).toEqual([uid(0x999), SKILL.frontEnd]);
    expect(await target.sessions.where('skills').equals(SKILL.css).count()).toBe(0);
    // The follow-up on CSS follows its skill.
    expect((await target.followUps.get(uid(0x601)))!.skillId).toBe(uid(0x999));
  });

  it('restores a version 1 file, which has no follow-ups or endorsements', async () => {
    const { data } = weekFixture();
    const text = JSON.stringify(documentV1Of(data));
    expect(validateSchema(JSON.parse(text))).toBe(true);
    const target = await freshDb();
    const result = await restoreBackup(target, text);
    expect(result).toMatchObject({
      ok: true,
      added: { skills: 4, sessions: 9, visits: 14, searches: 2, captures: 2, followUps: 0 },
    });
    expect(await target.sessions.count()).toBe(9);
    expect(await target.followUps.count()).toBe(0);
    // Kept with a capture: captured; any other: measured, as the database upgrade decides.
    const captured = new Set(data.captures.map((c) => c.sessionId));
    for (const s of await target.sessions.toArray()) {
      expect(s.provenance).toBe(
        captured.has(s.id) && s.status !== 'auto' ? 'captured' : 'measured',
      );
    }
  });

  it('restores a version 2 file, giving each record the provenance it had no field for', async () => {
    const data = weekFixture().data;
    const text = JSON.stringify(documentV2Of({ ...data, endorsements: [ENDORSEMENT] }));
    expect(validateSchema(JSON.parse(text))).toBe(true);
    const target = await freshDb();
    const result = await restoreBackup(target, text);
    expect(result.ok).toBe(true);
    expect(
      new Set((await target.sessions.toArray()).map((s) => s.provenance)).has(undefined as never),
    ).toBe(false);
    expect((await target.followUps.toArray()).every((f) => f.provenance === 'written')).toBe(true);
    expect((await target.endorsements.toArray()).map((e) => e.provenance)).toEqual(['vouched']);
  });

  it('keeps a stated activity, its kind, time, place and people through a round trip', async () => {
    const db = await seeded();
    const session = (await db.sessions.toArray())[0]!;
    const away: Session = {
      ...session,
      id: uid(0x7a1),
      kind: 'away',
      activeMs: 0,
      url: '',
      domain: '',
      provenance: 'stated',
      learningKind: 'mentoring',
      statedMs: 5 * 3_600_000,
      place: 'Workshop',
      people: 'Rosa, the senior technician',
    };
    await db.sessions.put(away);
    const data = await dump(db);
    const text = backupFile(data, { now: NOW }).content;
    expect(validateSchema(JSON.parse(text))).toBe(true);
    const target = await freshDb();
    const result = await restoreBackup(target, text);
    expect(result.ok).toBe(true);
    expect(await target.sessions.get(away.id)).toEqual(away);
  });

  it('refuses a version 1 file holding a table only version 2 has', () => {
    const doc = documentV1Of(weekFixture().data) as { data: Record<string, unknown> };
    doc.data.followUps = [];
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, key: 'unknown-field' });
    expect(validateSchema(doc)).toBe(false);
  });

  it('adds an endorsement once, even under another record id', async () => {
    const target = await seeded();
    const data = await dump(target);
    data.endorsements = [{ ...ENDORSEMENT, id: uid(0x702) }];
    const result = await restoreBackup(target, backupFile(data, { now: NOW }).content);
    expect(result.ok && result.skipped.endorsements).toBe(1);
    expect(await target.endorsements.count()).toBe(1);
  });

  it('keeps the existing record when an id is already there, and skips known capture URLs', async () => {
    const target = await freshDb();
    const { data } = weekFixture();
    const edited = { ...data.sessions[0]!, note: 'edited here since' };
    await target.sessions.add(edited);
    await target.captures.add({ ...data.captures[0]!, id: uid(0x777) });
    const result = await restoreBackup(
      target,
      backupFile(weekFixture().data, { now: NOW }).content,
    );
    expect(result.ok && result.skipped).toMatchObject({ sessions: 1, captures: 1 });
    expect((await target.sessions.get(edited.id))!.note).toBe('edited here since');
    expect(await target.captures.count()).toBe(2);
  });

  it('writes nothing when a write fails half-way', async () => {
    const target = await seeded();
    await target.sessions.clear();
    await target.visits.clear();
    const before = await dump(target);
    target.visits.hook('creating', () => {
      throw new Error('disk full');
    });
    const result = await restoreBackup(
      target,
      backupFile(weekFixture().data, { now: NOW }).content,
    );
    expect(result).toMatchObject({ ok: false, key: 'write-failed' });
    expect(result.ok ? '' : result.detail).toContain('disk full');
    expect(await dump(target)).toEqual(before);
  });
});

describe('parseBackup refuses hostile files and leaves the database unchanged', () => {
  const valid = fixtureBackupText();
  const longTitle = 'x'.repeat(FIELD_LIMITS.title + 1);
  const cases: [string, string, string][] = [
    ['empty text', '', 'not-json'],
    ['plain text', 'hello', 'not-json'],
    ['JSON cut short at 10%', valid.slice(0, Math.floor(valid.length * 0.1)), 'not-json'],
    ['JSON cut short at 50%', valid.slice(0, Math.floor(valid.length * 0.5)), 'not-json'],
    ['JSON cut short by one character', valid.slice(0, -1), 'not-json'],
    ['null', 'null', 'not-backup'],
    ['an array', '[]', 'not-backup'],
    ['another format', fixtureBackupText((b) => (b.format = 'other-app')), 'not-backup'],
    ['version 5', fixtureBackupText((b) => (b.version = 5)), 'unsupported-version'],
    [
      'a reading session said to be stated',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.provenance = 'stated')),
      'invalid-field',
    ],
    [
      'a reading session with stated time',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.statedMs = 60_000)),
      'invalid-field',
    ],
    [
      'an away session that is not stated',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.kind = 'away')),
      'invalid-field',
    ],
    [
      'an away session with measured time',
      fixtureBackupText((b) =>
        Object.assign(dataOf(b).sessions[0]!, {
          kind: 'away',
          provenance: 'stated',
          learningKind: 'mentoring',
          statedMs: 60_000,
        }),
      ),
      'invalid-field',
    ],
    [
      'an away session stating more than a day',
      fixtureBackupText((b) =>
        Object.assign(dataOf(b).sessions[0]!, {
          kind: 'away',
          provenance: 'stated',
          learningKind: 'mentoring',
          activeMs: 0,
          statedMs: 25 * 3_600_000,
        }),
      ),
      'invalid-field',
    ],
    [
      'a session with an unknown provenance',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.provenance = 'rumoured')),
      'invalid-field',
    ],
    [
      'a follow-up said to be vouched',
      fixtureBackupText((b) => (dataOf(b).followUps[0]!.provenance = 'vouched')),
      'invalid-field',
    ],
    [
      'version 2 without follow-ups',
      fixtureBackupText((b) => delete (dataOf(b) as Rec).followUps),
      'invalid-field',
    ],
    [
      'a follow-up with an unknown status',
      fixtureBackupText((b) => ((dataOf(b) as Rec as Tables).followUps[0]!.status = 'maybe')),
      'invalid-field',
    ],
    ['version "1"', fixtureBackupText((b) => (b.version = '1')), 'unsupported-version'],
    ['no version', fixtureBackupText((b) => delete b.version), 'unsupported-version'],
    ['a bad exportedAt', fixtureBackupText((b) => (b.exportedAt = 'yesterday')), 'invalid-field'],
    ['an unknown top-level field', fixtureBackupText((b) => (b.extra = 1)), 'unknown-field'],
    ['an unknown table', fixtureBackupText((b) => (dataOf(b).settings = [])), 'unknown-field'],
    [
      'a missing table',
      fixtureBackupText((b) => delete (dataOf(b) as Rec).visits),
      'invalid-field',
    ],
    [
      'a table that is an object',
      fixtureBackupText((b) => ((b.data as Rec).skills = {})),
      'invalid-field',
    ],
    [
      'a record that is a string',
      fixtureBackupText((b) => (dataOf(b).sessions[0] = 'x' as never)),
      'invalid-field',
    ],
    [
      'activeMs as a string',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.activeMs = '60000')),
      'invalid-field',
    ],
    [
      'a negative time',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.startedAt = -1)),
      'invalid-field',
    ],
    [
      'a time far in the future (year 2500)',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.updatedAt = Date.UTC(2500, 0, 1))),
      'invalid-field',
    ],
    [
      'a time before any learner could have one (1985)',
      fixtureBackupText((b) => (dataOf(b).captures[0]!.capturedAt = Date.UTC(1985, 0, 1))),
      'invalid-field',
    ],
    [
      'a skill colour that loads a remote image',
      fixtureBackupText((b) => (dataOf(b).skills[0]!.colour = 'url(https://tracker.example/p)')),
      'invalid-field',
    ],
    [
      'a skill colour that is a name, not #rrggbb',
      fixtureBackupText((b) => (dataOf(b).skills[0]!.colour = 'red')),
      'invalid-field',
    ],
    [
      'a visit of no session in the file',
      fixtureBackupText((b) => (dataOf(b).visits[0]!.sessionId = 'no-such-session')),
      'orphan-record',
    ],
    [
      'a search of no session in the file',
      fixtureBackupText((b) => (dataOf(b).searches[0]!.sessionId = 'no-such-session')),
      'orphan-record',
    ],
    [
      'a capture of no session in the file',
      fixtureBackupText((b) => (dataOf(b).captures[0]!.sessionId = 'no-such-session')),
      'orphan-record',
    ],
    [
      'an infinite number (1e400)',
      valid.replace('"activeMs":540000', '"activeMs":1e400'),
      'invalid-field',
    ],
    [
      'an unknown kind',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.kind = 'hacking')),
      'invalid-field',
    ],
    [
      'null for an optional field',
      fixtureBackupText((b) => (dataOf(b).visits[0]!.wordCount = null)),
      'invalid-field',
    ],
    [
      'a missing field',
      fixtureBackupText((b) => delete dataOf(b).sessions[0]!.note),
      'invalid-field',
    ],
    [
      'an unknown record field',
      fixtureBackupText((b) => (dataOf(b).visits[0]!.html = '<b>')),
      'unknown-field',
    ],
    [
      'a huge title',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.title = longTitle)),
      'invalid-field',
    ],
    [
      'a number as skill id',
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.skills = [5])),
      'invalid-field',
    ],
    ['an empty id', fixtureBackupText((b) => (dataOf(b).sessions[0]!.id = '')), 'invalid-field'],
    [
      'a path as id',
      fixtureBackupText((b) => (dataOf(b).visits[0]!.id = '../../x')),
      'invalid-field',
    ],
    [
      'an id with markup',
      fixtureBackupText((b) => (dataOf(b).visits[0]!.id = '<script>')),
      'invalid-field',
    ],
    [
      '"__proto__" as an id value',
      fixtureBackupText((b) => (dataOf(b).skills[0]!.id = '__proto__')),
      'invalid-field',
    ],
    [
      'a 129-character id',
      fixtureBackupText((b) => (dataOf(b).skills[0]!.id = 'a'.repeat(129))),
      'invalid-field',
    ],
    ['a numeric id', fixtureBackupText((b) => (dataOf(b).skills[0]!.id = 7)), 'invalid-field'],
    [
      'duplicate session ids',
      fixtureBackupText((b) => (dataOf(b).sessions[1]!.id = dataOf(b).sessions[0]!.id)),
      'duplicate-id',
    ],
    [
      'duplicate skill keys',
      fixtureBackupText((b) => (dataOf(b).skills[1]!.key = 'css')),
      'duplicate-key',
    ],
    [
      'duplicate capture URLs',
      fixtureBackupText((b) => (dataOf(b).captures[1]!.url = dataOf(b).captures[0]!.url)),
      'duplicate-key',
    ],
    [
      '"__proto__" at the top',
      valid.replace('{"format"', '{"__proto__":{"polluted":1},"format"'),
      'forbidden-key',
    ],
    [
      '"__proto__" in a record',
      valid.replace('"data":{"skills":[{', '"data":{"skills":[{"__proto__":{"polluted":1},'),
      'forbidden-key',
    ],
    [
      '"constructor" in a record',
      valid.replace(
        '"data":{"skills":[{',
        '"data":{"skills":[{"constructor":{"prototype":{"polluted":1}},',
      ),
      'forbidden-key',
    ],
    ['"prototype" in data', valid.replace('"data":{', '"data":{"prototype":1,'), 'forbidden-key'],
    [
      '"__proto__" in an object where a string belongs',
      fixtureBackupText(
        (b) => (dataOf(b).skills[0]!.name = JSON.parse('{"__proto__":{"polluted":1}}') as Rec),
      ),
      'invalid-field',
    ],
  ];

  it.each(cases)('%s', async (_name, text, key) => {
    const db = await seeded();
    const before = await dump(db);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.key).toBe(key);
    expect(parsed.message.length).toBeGreaterThan(10);
    expect(typeof parsed.detail).toBe('string');
    const restored = await restoreBackup(db, text);
    expect(restored.ok).toBe(false);
    expect(await dump(db)).toEqual(before);
    expect(({} as Rec).polluted).toBeUndefined();
    expect((Object.prototype as Rec).polluted).toBeUndefined();
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    expect(parseBackup(`\uFEFF${valid}`)).toMatchObject({ ok: true });
  });

  it("never attaches the file's pages to a session already stored", async () => {
    const db = await seeded();
    const stored = await db.sessions.toArray();
    const before = await dump(db);
    // The file holds a stored session again, with a page the database never had.
    const text = fixtureBackupText((b) => {
      const data = dataOf(b);
      data.visits.push({ ...data.visits[0]!, id: 'visit-new', sessionId: stored[0]!.id });
    });
    const restored = await restoreBackup(db, text);
    expect(restored).toMatchObject({ ok: true });
    expect(await db.visits.get('visit-new')).toBeUndefined();
    expect(await dump(db)).toEqual(before);
  });

  it('refuses what is not text at all, without throwing', () => {
    for (const v of [undefined, null, 42, {}, new Uint8Array(4)]) {
      expect(parseBackup(v)).toMatchObject({ ok: false, key: 'not-json' });
    }
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(parseBackup(valid, { ...BACKUP_LIMITS, maxChars: 100 })).toMatchObject({
      ok: false,
      key: 'too-large',
    });
  });

  it('refuses deeply nested JSON without throwing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseBackup(deep).ok).toBe(false);
  });

  it('names an unknown field before an invalid one in the same record', () => {
    const parsed = parseBackup(
      fixtureBackupText((b) => {
        const visit = dataOf(b).visits[3]!;
        visit.activeMs = -5;
        visit.html = '<b>';
      }),
    );
    expect(parsed).toMatchObject({
      ok: false,
      key: 'unknown-field',
      detail: 'data.visits[3].html',
    });
  });

  it('names where a record is wrong', () => {
    const parsed = parseBackup(fixtureBackupText((b) => (dataOf(b).visits[3]!.activeMs = -5)));
    expect(parsed).toMatchObject({
      ok: false,
      detail: expect.stringContaining('data.visits[3].activeMs'),
    });
  });

  it('reads 100k records quickly and refuses a table over its limit', () => {
    const { data } = weekFixture();
    const template = data.visits[0]!;
    const visits = Array.from({ length: 100_000 }, (_, i) => ({ ...template, id: `v-${i}` }));
    const text = backupFile({ ...data, visits }, { now: NOW }).content;
    const t0 = performance.now();
    const parsed = parseBackup(text);
    const elapsed = performance.now() - t0;
    expect(parsed.ok && parsed.counts.visits).toBe(100_000);
    // A generous bound: these machines are shared; it guards against quadratic work, not ms.
    expect(elapsed).toBeLessThan(15_000);
    const tooMany = parseBackup(text, {
      ...BACKUP_LIMITS,
      maxRecords: { ...BACKUP_LIMITS.maxRecords, visits: 99_999 },
    });
    expect(tooMany).toMatchObject({ ok: false, key: 'too-many-records' });
    const skills = Array.from({ length: BACKUP_LIMITS.maxRecords.skills + 1 }, (_, i) => ({
      ...data.skills[0]!,
      id: `s-${i}`,
      key: `k-${i}`,
    }));
    expect(parseBackup(backupFile({ ...data, skills }, { now: NOW }).content)).toMatchObject({
      ok: false,
      key: 'too-many-records',
    });
  }, 60_000);
});

describe('docs/backup.schema.json agrees with the reader', () => {
  it('rejects the structural hostile cases the reader rejects', () => {
    const samples = [
      fixtureBackupText((b) => (b.version = 5)),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.provenance = 'stated')),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.statedMs = 60_000)),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.kind = 'away')),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.provenance = 'rumoured')),
      fixtureBackupText((b) => (b.format = 'x')),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.activeMs = '1')),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.kind = 'hacking')),
      fixtureBackupText((b) => (dataOf(b).visits[0]!.html = '<b>')),
      fixtureBackupText((b) => (dataOf(b).visits[0]!.id = '../x')),
      fixtureBackupText((b) => (dataOf(b).sessions[0]!.title = 'x'.repeat(FIELD_LIMITS.title + 1))),
      fixtureBackupText((b) => delete dataOf(b).sessions[0]!.note),
    ];
    for (const text of samples) {
      expect(parseBackup(text).ok).toBe(false);
      expect(validateSchema(JSON.parse(text))).toBe(false);
    }
  });

  it('states the same string limits as the code', () => {
    const defs = (
      schema as { $defs: Record<string, { properties: Record<string, { maxLength?: number }> }> }
    ).$defs;
    expect(defs.session!.properties.title!.maxLength).toBe(FIELD_LIMITS.title);
    expect(defs.session!.properties.note!.maxLength).toBe(FIELD_LIMITS.note);
    expect(defs.visit!.properties.url!.maxLength).toBe(FIELD_LIMITS.url);
    expect(defs.search!.properties.query!.maxLength).toBe(FIELD_LIMITS.query);
    expect(defs.skill!.properties.name!.maxLength).toBe(FIELD_LIMITS.name);
    expect(defs.capture!.properties.excerpt!.maxLength).toBe(FIELD_LIMITS.excerpt);
    const data = (
      schema as { properties: { data: { properties: Record<string, { maxItems: number }> } } }
    ).properties.data.properties;
    for (const table of BACKUP_TABLES) {
      expect(data[table]!.maxItems).toBe(BACKUP_LIMITS.maxRecords[table]);
    }
  });
});
