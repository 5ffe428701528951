/**
 * The database's half of the backup: merging a parsed file in, and reading every table
 * out into one. The format and its checks are pure and live in `lib/export/backup*.ts`.
 */
import type { ExportParts } from '../export/file';
import {
  BACKUP_TABLES,
  type Backup,
  type BackupTable,
  type ImportBackupResult,
  type ImportProgress,
} from '../export/backup';
import { backupFilename, BackupText, type BackupFileOptions } from '../export/backup-file';
import type { WrappedIdentity } from '../credentials/wrapped-identity';
import { backupEndorsementProblem } from '../export/backup-endorsements';
import { fail, parseBackup } from '../export/backup-parse';
import type { Skill } from '../model';
import type { SkilltrailDb } from './db';
import { didKeyStore, replaceDidKey } from './keys';

/** Thrown inside the restore's transaction to undo it with a reason for the learner. */
class RestoreRefused extends Error {
  constructor(readonly error: ReturnType<typeof fail>) {
    super(error.detail);
  }
}

function zeroCounts(): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;
}

/** Records written per request while restoring, so the page can tell how far it is. */
const IMPORT_CHUNK = 5000;

/**
 * Merges a parsed backup into the database. Atomic: one transaction over all its tables,
 * so a failure leaves the database as it was. Idempotent: records merge by id and an
 * existing record always wins, so importing a file twice adds nothing the second time.
 * A skill whose key the database already has is not added; the sessions of the file that
 * name it are pointed at the existing skill. A capture whose URL is already captured is
 * skipped; a skill matched by key keeps the file's skill's id among its `mergedIds`, so its
 * endorsements still count. A follow-up or endorsement whose skill is in neither the file
 * nor the database refuses the whole file. `identity`: the learner's key the file brought,
 * made this browser's key in the same transaction (refused if the record already has
 * endorsements, bound to the key it replaces). Answers how many records each table gained
 * and how many were already there; `onProgress` hears how far it is as it writes (ten heavy
 * years take a minute or more).
 * @example
 * const r = await importBackup(db(), parsed.backup, ({ done, total }) => show(done, total));
 * if (r.ok) toast(`${r.added.sessions} sessions restored`);
 */
export async function importBackup(
  db: SkilltrailDb,
  backup: Backup,
  onProgress?: (progress: ImportProgress) => void,
  identity?: CryptoKeyPair,
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
      [
        db.skills,
        db.sessions,
        db.visits,
        db.searches,
        db.captures,
        db.followUps,
        db.endorsements,
        db.meta,
      ],
      async () => {
        if (identity) {
          if ((await db.endorsements.count()) > 0)
            throw new RestoreRefused(fail('other-identity', 'identity'));
          await replaceDidKey(db, identity);
        }
        const existing = await db.skills.toArray();
        const ids = new Set(existing.map((s) => s.id));
        const byKey = new Map(existing.map((s) => [s.key, s.id]));
        const remap = new Map<string, string>();
        /** Skills of the file matched by key to a skill of the database, by that skill. */
        const absorbed = new Map<string, Skill[]>();
        const skills: Skill[] = [];
        for (const s of data.skills) {
          const target = ids.has(s.id) ? s.id : byKey.get(s.key);
          if (target !== undefined) {
            remap.set(s.id, target);
            if (target !== s.id) absorbed.set(target, [...(absorbed.get(target) ?? []), s]);
            continue;
          }
          skills.push(s);
          ids.add(s.id);
          byKey.set(s.key, s.id);
        }
        await write(db.skills, 'skills', skills);
        // A skill matched by name keeps the ids it absorbed: their endorsements still count.
        for (const [target, sources] of absorbed) {
          const skill = await db.skills.get(target);
          if (!skill) continue;
          const ids = new Set(skill.mergedIds ?? []);
          for (const s of sources) for (const id of [s.id, ...(s.mergedIds ?? [])]) ids.add(id);
          ids.delete(target);
          await db.skills.put({ ...skill, mergedIds: [...ids] });
        }
        const orphan = (skillId: string) => !ids.has(remap.get(skillId) ?? skillId);
        const lostFollowUp = data.followUps.findIndex((f) => orphan(f.skillId));
        if (lostFollowUp >= 0)
          throw new RestoreRefused(
            fail('orphan-skill', `data.followUps[${lostFollowUp}].skillId: no such skill`),
          );
        const lostEndorsement = data.endorsements.findIndex((e) => orphan(e.skillId));
        if (lostEndorsement >= 0)
          throw new RestoreRefused(
            fail('orphan-skill', `data.endorsements[${lostEndorsement}].skillId: no such skill`),
          );

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

        const followUps = (await newRecords(db.followUps, data.followUps)).map((f) => ({
          ...f,
          skillId: remap.get(f.skillId) ?? f.skillId,
        }));
        await write(db.followUps, 'followUps', followUps);
        // An endorsement already added (under any record id) is not added twice.
        const endorsed = new Set(
          await db.endorsements
            .where('credentialId')
            .anyOf(data.endorsements.map((e) => e.credentialId))
            .keys(),
        );
        const endorsements = (await newRecords(db.endorsements, data.endorsements))
          .filter((e) => !endorsed.has(e.credentialId))
          .map((e) => ({ ...e, skillId: remap.get(e.skillId) ?? e.skillId }));
        await write(db.endorsements, 'endorsements', endorsements);
      },
    );
  } catch (e) {
    if (e instanceof RestoreRefused) return e.error;
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

export interface RestoreOptions {
  /** Opens the signing key the backup carries, if it carries one. */
  passphrase?: string;
  now?: number;
}

/**
 * Parses, checks and imports in one call, for the dashboard's "Import a backup": a file
 * that does not parse, whose key the passphrase does not open, or with one follow-up or
 * endorsement that may not be restored (`backupEndorsementProblem`) changes nothing. The
 * endorsements must be the learner's whose key the file brings, or else this browser's.
 * @example const r = await restoreBackup(db(), await file.text(), show, { passphrase }); if (!r.ok) alert(r.message);
 */
export async function restoreBackup(
  db: SkilltrailDb,
  text: string,
  onProgress?: (progress: ImportProgress) => void,
  options: RestoreOptions = {},
): Promise<ImportBackupResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { backup } = parsed;
  const { didKeyOf, getOrCreateDidKey } = await import('../credentials/did-key');
  let learnerDid: string;
  let identity: CryptoKeyPair | undefined;
  if (backup.identity) {
    if (!options.passphrase) return fail('needs-passphrase', 'identity');
    const { unwrapIdentity } = await import('../credentials/key-backup');
    const opened = await unwrapIdentity(backup.identity, options.passphrase);
    if (!opened.ok) return fail(opened.key, opened.detail);
    learnerDid = opened.did;
    const current = await didKeyStore(db).load();
    if (!current || (await didKeyOf(current.publicKey)) !== opened.did) identity = opened.pair;
  } else {
    learnerDid = (await getOrCreateDidKey(didKeyStore(db))).did;
  }
  const problem = await backupEndorsementProblem(
    backup,
    await db.skills.toArray(),
    learnerDid,
    options.now ?? Date.now(),
  );
  if (problem) return problem;
  return importBackup(db, backup, onProgress, identity);
}

/**
 * The learner's key wrapped under `passphrase` for a backup, or nothing without one (the
 * key then stays in this browser only). Throws when the stored key was made by an earlier
 * version that could not let it out.
 */
async function backupIdentity(
  db: SkilltrailDb,
  passphrase: string | undefined,
): Promise<WrappedIdentity | undefined> {
  if (!passphrase) return undefined;
  const [{ getOrCreateDidKey }, { wrapIdentity }] = await Promise.all([
    import('../credentials/did-key'),
    import('../credentials/key-backup'),
  ]);
  const keys = didKeyStore(db);
  await getOrCreateDidKey(keys);
  const pair = await keys.load();
  if (!pair?.privateKey.extractable) throw new KeyNotMovable();
  return wrapIdentity(pair, passphrase);
}

/** The stored key was made non-extractable by an earlier version: it cannot go in a backup. */
export class KeyNotMovable extends Error {
  constructor() {
    super('This browser’s signing key was made by an earlier version and cannot be moved.');
    this.name = 'KeyNotMovable';
  }
}

/**
 * Records read per request while writing a backup: the database reads the next chunk while
 * this page turns the last one into text.
 */
const EXPORT_CHUNK = 10_000;

/**
 * The whole database as a backup file named for the week it was made in,
 * `skilltrail-2026-W48.json`, like the other exports of that week. Reads all seven
 * tables in one transaction, so the file is a consistent snapshot, a chunk at a time:
 * the next chunk is asked for before the last is written out, so reading and writing
 * overlap. Each chunk's text becomes a Blob at once (its encoding and its copy to the
 * browser's file storage done while the database reads the next), so the file is ready
 * when the last chunk is written, and no chunk's text is kept.
 * @example const file = await exportBackup(db(), { now: Date.now(), timeZone });
 */
export async function exportBackup(
  db: SkilltrailDb,
  options: BackupFileOptions & { passphrase?: string },
): Promise<ExportParts> {
  const text = new BackupText(options.now, await backupIdentity(db, options.passphrase));
  const size = options.chunkSize ?? EXPORT_CHUNK;
  const parts: Blob[] = [];
  await db.transaction(
    'r',
    BACKUP_TABLES.map((t) => db.table(t)),
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
          parts.push(new Blob(text.take()));
          if (chunk.length < size) break;
        }
      }
    },
  );
  parts.push(new Blob(text.end()));
  return { filename: backupFilename(options), mimeType: 'application/json', parts };
}
