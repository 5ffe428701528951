/**
 * Deleting what the learner asked to delete: some sessions with everything recorded for
 * them, everything from one site, or everything at all. Nothing else in Skilltrail deletes
 * records.
 */
import type { SkilltrailDb } from './db';
import type { Session } from '../model';
import { isExcluded } from '../url';

/** How many records of each kind a deletion removed. */
export interface EraseCounts {
  sessions: number;
  visits: number;
  searches: number;
  captures: number;
}

/** Sessions are deleted this many at a time, so one transaction never holds a whole history. */
const BATCH = 500;

function noCounts(): EraseCounts {
  return { sessions: 0, visits: 0, searches: 0, captures: 0 };
}

function addCounts(total: EraseCounts, more: EraseCounts): EraseCounts {
  total.sessions += more.sessions;
  total.visits += more.visits;
  total.searches += more.searches;
  total.captures += more.captures;
  return total;
}

export interface EraseSessionsOptions {
  /**
   * Also forget what was queued for or sent to a Learning Record Store. `false` (the
   * default) leaves the outbox rows, so the next sync withdraws (voids) what the record
   * store holds for these sessions; `true` leaves the record store's copy alone.
   */
  forgetOutbox?: boolean;
}

/**
 * Deletes sessions and their visits, searches and captures, and takes them off the
 * follow-ups that asked about them. Atomic per batch of 500
 * sessions (one transaction); idempotent (ids already gone are skipped).
 * @example await eraseSessions(db, ['a1b2…'])
 */
export async function eraseSessions(
  db: SkilltrailDb,
  ids: readonly string[],
  options: EraseSessionsOptions = {},
): Promise<EraseCounts> {
  const total = noCounts();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const tables = [
      db.sessions,
      db.visits,
      db.searches,
      db.captures,
      db.outbox,
      db.followUps,
      db.endorsements,
    ];
    const counts = await db.transaction('rw', tables, async () => {
      const present = (await db.sessions.bulkGet(batch)).filter((s): s is Session => !!s);
      const sessionIds = present.map((s) => s.id);
      const visits = await db.visits.where('sessionId').anyOf(sessionIds).primaryKeys();
      const searches = await db.searches.where('sessionId').anyOf(sessionIds).primaryKeys();
      const captures = await db.captures.where('sessionId').anyOf(sessionIds).primaryKeys();
      await db.visits.bulkDelete(visits);
      await db.searches.bulkDelete(searches);
      await db.captures.bulkDelete(captures);
      await db.sessions.bulkDelete(sessionIds);
      // A follow-up stays (it is the learner's own words on the skill) without the sessions.
      const gone = new Set(sessionIds);
      await db.followUps
        .where('sessionIds')
        .anyOf(sessionIds)
        .modify((f) => {
          f.sessionIds = f.sessionIds.filter((id) => !gone.has(id));
        });
      // An endorsement of one of these activities vouched for it alone: it goes with it.
      await db.endorsements.filter((e) => !!e.sessionId && gone.has(e.sessionId)).delete();
      if (options.forgetOutbox) await db.outbox.where('sessionId').anyOf(sessionIds).delete();
      return {
        sessions: sessionIds.length,
        visits: visits.length,
        searches: searches.length,
        captures: captures.length,
      };
    });
    addCounts(total, counts);
  }
  return total;
}

/** What is recorded from one site: its sessions, and pages of it inside other sessions. */
export interface SiteRecords {
  sessionIds: string[];
  /** Visits to the site that belong to a session of another site (a search that led there). */
  strayVisitIds: string[];
  /** Captures of the site's pages whose session is of another site. */
  strayCaptureIds: string[];
}

/**
 * Finds everything recorded from `site` (a host name; its subdomains too). Reads only.
 * @example (await findSiteRecords(db, 'example.org')).sessionIds.length
 */
export async function findSiteRecords(db: SkilltrailDb, site: string): Promise<SiteRecords> {
  const sites = [site];
  const onSite = (url: string, domain?: string) =>
    isExcluded(url, sites) || (!!domain && isExcluded(`https://${domain}/`, sites));
  return db.transaction('r', db.sessions, db.visits, db.captures, async () => {
    const sessionIds = (await db.sessions.filter((s) => onSite(s.url, s.domain)).toArray()).map(
      (s) => s.id,
    );
    const gone = new Set(sessionIds);
    const strayVisitIds = (
      await db.visits.filter((v) => !gone.has(v.sessionId) && onSite(v.url, v.domain)).toArray()
    ).map((v) => v.id);
    const strayCaptureIds = (
      await db.captures.filter((c) => !gone.has(c.sessionId) && onSite(c.url)).toArray()
    ).map((c) => c.id);
    return { sessionIds, strayVisitIds, strayCaptureIds };
  });
}

/**
 * Deletes everything recorded from `site`: its sessions (with their visits, searches and
 * captures), and its pages inside other sessions, whose active time drops by theirs.
 * Idempotent. The sessions are deleted in batches; the stray pages in one transaction.
 * @example await eraseSite(db, 'example.org', Date.now())
 */
export async function eraseSite(db: SkilltrailDb, site: string, now: number): Promise<EraseCounts> {
  const found = await findSiteRecords(db, site);
  const total = await eraseSessions(db, found.sessionIds);
  const stray = await db.transaction('rw', db.sessions, db.visits, db.captures, async () => {
    const visits = (await db.visits.bulkGet(found.strayVisitIds)).filter((v) => !!v);
    // A search session's time is the sum of its pages; the deleted pages leave it.
    const lessTime = new Map<string, number>();
    for (const v of visits)
      lessTime.set(v.sessionId, (lessTime.get(v.sessionId) ?? 0) + v.activeMs);
    for (const [sessionId, ms] of lessTime) {
      const session = await db.sessions.get(sessionId);
      if (session)
        await db.sessions.put({
          ...session,
          activeMs: Math.max(0, session.activeMs - ms),
          updatedAt: now,
        });
    }
    await db.visits.bulkDelete(visits.map((v) => v.id));
    await db.captures.bulkDelete(found.strayCaptureIds);
    return {
      sessions: 0,
      visits: visits.length,
      searches: 0,
      captures: found.strayCaptureIds.length,
    };
  });
  return addCounts(total, stray);
}

/**
 * Empties every table of the database: sessions, pages, searches, skills, captures, the
 * record-store outbox and the small records (install id, signing key, tracker state).
 * Atomic: one transaction over every table, so it never leaves half a history.
 * @example await eraseEverything(db)
 */
export async function eraseEverything(db: SkilltrailDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
