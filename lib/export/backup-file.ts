/**
 * Writing a backup file: the document's text, table by table, with every record as the
 * format allows it, so a file Skilltrail writes is one it can read back.
 */
import type { WrappedIdentity } from '../credentials/wrapped-identity';
import { SKILL_COLOURS } from '../skills/names';
import { weekOf } from '../time';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  COLOUR_PATTERN,
  MAX_TIME,
  MIN_TIME,
  TABLE_RULES,
  type BackupData,
  type BackupTable,
} from './backup';
import { checkRecord } from './backup-parse';
import { FILE_PREFIX, type ExportFile } from './file';

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
        v = min;
      } else v = Math.min(max, Math.max(min, v));
    }
    if (rule.t === 'strs' && Array.isArray(v)) {
      v = v.slice(0, rule.maxItems).map((s: unknown) => String(s).slice(0, rule.max));
    }
    if (rule.t === 'ids' && Array.isArray(v)) v = v.slice(0, rule.maxItems);
    // A colour no restore would take is written as the first chip colour instead.
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

export interface BackupFileOptions {
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
 * as one string would be copied whole again on its way into a file. `take` hands over the
 * parts made so far, so they can become a file while the next records are read.
 */
export class BackupText {
  private parts: string[];
  private tables = 0;
  private records = 0;

  /** `identity`: the learner's key under their passphrase, when the backup carries it. */
  constructor(now: number, identity?: WrappedIdentity) {
    const head = JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      ...(identity ? { identity } : {}),
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

  /** The parts made since the last `take`, in order. */
  take(): string[] {
    const parts = this.parts;
    this.parts = [];
    return parts;
  }

  /** The document's last parts: what no `take` has handed over yet, and its end. */
  end(): string[] {
    this.parts.push(`${this.tables > 0 ? ']' : ''}}}\n`);
    return this.take();
  }
}

/**
 * The backup's file name: the week on screen when given, so one week's exports share one name.
 * @example backupFilename({ now: Date.now(), weekKey: '2026-W48' }) // 'skilltrail-2026-W48.json'
 */
export function backupFilename(options: BackupFileOptions): string {
  return `${FILE_PREFIX}-${options.weekKey ?? weekOf(options.now, options).key}.json`;
}

/**
 * A backup file from data already in memory.
 * @example const file = backupFile(data, { now: Date.now() });
 */
export function backupFile(data: BackupData, options: BackupFileOptions): ExportFile {
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
