import { Dexie, type EntityTable } from 'dexie';
import type { Capture, Endorsement, FollowUp, Search, Session, Skill, Visit } from '../model';
import { sessionProvenanceBefore, VOUCHED, WRITTEN } from '../provenance';
import type { OutboxEntry } from '../sync/outbox-entry';

/** A small key-value record: install id, signing key, tracker state. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'skilltrail';

export type SkilltrailDb = Dexie & {
  sessions: EntityTable<Session, 'id'>;
  visits: EntityTable<Visit, 'id'>;
  searches: EntityTable<Search, 'id'>;
  skills: EntityTable<Skill, 'id'>;
  captures: EntityTable<Capture, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  followUps: EntityTable<FollowUp, 'id'>;
  endorsements: EntityTable<Endorsement, 'id'>;
};

/**
 * Opens (lazily) the Skilltrail database. Old `version()` blocks stay forever, each with
 * its upgrade, so a database written by any earlier release opens.
 * @example const db = openDb(); await db.sessions.count();
 */
export function openDb(name = DB_NAME): SkilltrailDb {
  const db = new Dexie(name) as SkilltrailDb;
  db.version(1).stores({
    // startedAt answers "this week"; *skills answers "by skill"; url finds a page's session.
    sessions: 'id, startedAt, updatedAt, *skills, url, domain, kind',
    visits: 'id, sessionId, startedAt, url',
    searches: 'id, sessionId, at',
    skills: 'id, &key, updatedAt',
    captures: 'id, &url, sessionId',
    meta: 'key',
  });
  // v2 adds the LRS outbox; no existing data changes, so no upgrade function is needed.
  // [state+queuedAt] lists pending statements in queue order and counts each state.
  db.version(2).stores({
    outbox: 'id, sessionId, [state+queuedAt]',
  });
  // v3 adds evidence beyond the learner's own word: follow-ups (by skill, by date, and
  // by the sessions they cover, so none is asked about twice) and endorsements received.
  // New tables only, so no upgrade function is needed.
  db.version(3).stores({
    followUps: 'id, skillId, at, *sessionIds',
    endorsements: 'id, &credentialId, skillId, addedAt',
  });
  // v4 keeps with every piece of evidence where it came from (`lib/provenance.ts`). No
  // index changes; the upgrade fills the records written before: a session with a capture
  // the learner kept was captured, any other the tracker measured; a follow-up is written,
  // an endorsement vouched.
  db.version(4)
    .stores({})
    .upgrade(async (tx) => {
      // The sessionId index alone: ten years of captures need not be read whole.
      const captured = new Set(
        (await tx.table<Capture, string>('captures').orderBy('sessionId').uniqueKeys()).map(String),
      );
      await tx
        .table<Session, string>('sessions')
        .toCollection()
        .modify((s) => {
          s.provenance ??= sessionProvenanceBefore(s, captured.has(s.id));
        });
      await tx
        .table<FollowUp, string>('followUps')
        .toCollection()
        .modify((f) => {
          f.provenance ??= WRITTEN;
        });
      await tx
        .table<Endorsement, string>('endorsements')
        .toCollection()
        .modify((e) => {
          e.provenance ??= VOUCHED;
        });
    });
  return db;
}

let shared: SkilltrailDb | undefined;

/** The one database of this extension page or worker. */
export function db(): SkilltrailDb {
  shared ??= openDb();
  return shared;
}
