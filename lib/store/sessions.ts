import type { SkilltrailDb } from './db';
import { type EraseCounts, eraseSessions } from './erase';
import { newId } from '../ids';
import type { Capture, OpenedFields, Search, Session, Skill, Visit } from '../model';
import { currentSkillIds, skillsByRecentUse } from './skills';
import { domainOf } from '../url';

/**
 * Stores a capture and the session it belongs to. Atomic (one transaction over sessions
 * and captures) and idempotent per canonical URL: capturing the same page again updates
 * its capture and session, never adds a second one.
 *
 * The session is, in order: the one the capture of this URL already belongs to, the
 * `currentSessionId` the tracker names for the tab, the latest session of this URL, or a
 * new reading session.
 * @example await recordCapture(db, shaped, { now: Date.now() })
 */
export async function recordCapture(
  db: SkilltrailDb,
  shaped: Omit<Capture, 'id' | 'sessionId' | 'capturedAt'>,
  options: {
    now: number;
    currentSessionId?: string | null;
    /** A capture the learner did not ask for (a page passed the reading threshold) leaves the status alone. */
    automatic?: boolean;
  },
): Promise<{ session: Session; capture: Capture }> {
  const { now } = options;
  return db.transaction('rw', db.sessions, db.captures, async () => {
    const existing = await db.captures.where('url').equals(shaped.url).first();
    let session =
      (existing && (await db.sessions.get(existing.sessionId))) ||
      (options.currentSessionId ? await db.sessions.get(options.currentSessionId) : undefined) ||
      (await db.sessions.where('url').equals(shaped.url).last());
    if (session) {
      session = {
        ...session,
        // A tracked search session keeps its own title; a reading session takes the article's.
        title: session.kind === 'search' ? session.title : shaped.title,
        status: session.status === 'dismissed' || options.automatic ? session.status : 'kept',
        updatedAt: now,
      };
    } else {
      session = {
        id: newId(),
        kind: 'reading',
        startedAt: now,
        endedAt: now,
        activeMs: 0,
        title: shaped.title,
        url: shaped.url,
        domain: domainOf(shaped.url),
        skills: [],
        note: '',
        status: options.automatic ? 'auto' : 'kept',
        updatedAt: now,
      };
    }
    const capture: Capture = {
      ...shaped,
      id: existing?.id ?? newId(),
      sessionId: session.id,
      capturedAt: now,
    };
    await db.sessions.put(session);
    await db.captures.put(capture);
    return { session, capture };
  });
}

/**
 * Sets a session's skills, note and title (what Save does in the popup and the week view),
 * merged by field with what is stored now: with `opened`, only what the learner changed on
 * that screen changes (a skill added elsewhere since stays, one removed there goes; a note
 * or title left as it was keeps the stored one), and a skill merged away since the screen
 * opened becomes the skill it was merged into. Atomic (one transaction over sessions,
 * skills and meta) and idempotent.
 * @example await tagSession(db, id, { skills: [skillId], note: 'Grid areas', opened, now })
 */
export async function tagSession(
  db: SkilltrailDb,
  sessionId: string,
  patch: { skills?: string[]; note?: string; title?: string; opened?: OpenedFields; now: number },
): Promise<Session | undefined> {
  return db.transaction('rw', [db.sessions, db.skills, db.meta], async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) return undefined;
    const { opened } = patch;
    let skills = session.skills;
    if (patch.skills && opened) {
      const removed = new Set(opened.skills.filter((id) => !patch.skills!.includes(id)));
      const added = patch.skills.filter((id) => !opened.skills.includes(id));
      skills = await currentSkillIds(db, [
        ...session.skills.filter((id) => !removed.has(id)),
        ...added,
      ]);
    } else if (patch.skills) {
      skills = await currentSkillIds(db, patch.skills);
    }
    const changed = <T>(value: T | undefined, base: T | undefined, stored: T): T =>
      value === undefined || (opened && value === base) ? stored : value;
    const next: Session = {
      ...session,
      skills,
      note: changed(patch.note, opened?.note, session.note),
      title: changed(patch.title, opened?.title, session.title),
      status: session.status === 'dismissed' ? 'dismissed' : 'kept',
      updatedAt: patch.now,
    };
    await db.sessions.put(next);
    return next;
  });
}

/**
 * Sessions that started in `[start, end)`, newest first.
 * @example await sessionsBetween(db, week.start, week.end)
 */
export async function sessionsBetween(
  db: SkilltrailDb,
  start: number,
  end: number,
): Promise<Session[]> {
  const list = await db.sessions.where('startedAt').between(start, end, true, false).toArray();
  return list.sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * Deletes one session with its visits, searches and captures. Atomic (one transaction over
 * the four tables) and idempotent: deleting a session that is gone deletes nothing. The
 * LRS outbox keeps its rows on purpose, so the next sync withdraws (voids) what it sent.
 * @example await deleteSession(db, id) // { sessions: 1, visits: 3, searches: 2, captures: 1 }
 */
export async function deleteSession(db: SkilltrailDb, sessionId: string): Promise<EraseCounts> {
  return eraseSessions(db, [sessionId]);
}

/**
 * Marks a session "not learning" (`dismissed`: left out of totals and exports, kept so it
 * can be undone), or undoes that. Undoing makes it `kept`: the learner has looked at it and
 * said it is learning. Idempotent. Returns the session, or `undefined` when it is gone.
 * @example await setSessionDismissed(db, id, true, Date.now()) // status 'dismissed'
 */
export async function setSessionDismissed(
  db: SkilltrailDb,
  sessionId: string,
  dismissed: boolean,
  now: number,
): Promise<Session | undefined> {
  return db.transaction('rw', db.sessions, async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) return undefined;
    const status = dismissed ? 'dismissed' : 'kept';
    if (session.status === status) return session;
    const next: Session = { ...session, status, updatedAt: now };
    await db.sessions.put(next);
    return next;
  });
}

/** A captured session as the popup shows it: the session, its capture, pages and queries, and the skills to pick from. */
export interface CapturedSession {
  session?: Session;
  capture?: Capture;
  skills: Skill[];
  searches: Search[];
  visits: Visit[];
}

/**
 * A session, one capture of it, its queries and pages (oldest first) and the skills by
 * recent use. Read-only; a live query re-runs it when any of these change.
 * @example const shown = await loadCapturedSession(db, sessionId, captureId)
 */
export async function loadCapturedSession(
  db: SkilltrailDb,
  sessionId: string,
  captureId: string,
): Promise<CapturedSession> {
  const [session, capture, skills, searches, visits] = await Promise.all([
    db.sessions.get(sessionId),
    db.captures.get(captureId),
    skillsByRecentUse(db),
    db.searches.where('sessionId').equals(sessionId).sortBy('at'),
    db.visits.where('sessionId').equals(sessionId).sortBy('startedAt'),
  ]);
  return { session, capture, skills, searches, visits };
}

/**
 * Sessions tagged with a skill, oldest first. Read-only, by the `skills` index.
 * @example (await sessionsWithSkill(db, skillId))[0]?.startedAt
 */
export async function sessionsWithSkill(db: SkilltrailDb, skillId: string): Promise<Session[]> {
  return db.sessions.where('skills').equals(skillId).sortBy('startedAt');
}

/**
 * The page URLs of some sessions (those still stored). Read-only.
 * @example await sessionUrls(db, [id]) // ['https://example.org/guide']
 */
export async function sessionUrls(db: SkilltrailDb, ids: readonly string[]): Promise<string[]> {
  return (await db.sessions.bulkGet([...ids])).flatMap((s) => (s ? [s.url] : []));
}
