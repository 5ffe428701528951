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
import { fail, parseBackup } from '../export/backup-parse';
import type { Skill } from '../model';
import type { SkilltrailDb } from './db';

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
      [db.skills, db.sessions, db.visits, db.searches, db.captures, db.followUps, db.endorsements],
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
 * Parses and imports in one call, for the dashboard's "Import a backup": a file that does
 * not parse changes nothing.
 * @example const r = await restoreBackup(db(), await file.text()); if (!r.ok) alert(r.message);
 */
export async function restoreBackup(
  db: SkilltrailDb,
  text: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportBackupResult> {
  const parsed = parseBackup(text);
  return parsed.ok ? importBackup(db, parsed.backup, onProgress) : parsed;
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
  options: BackupFileOptions,
): Promise<ExportParts> {
  const text = new BackupText(options.now);
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
