import type { SkilltrailDb } from './db';
import { newId } from './ids';
import type { Capture, Session } from './model';
import { domainOf } from './url';

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
  options: { now: number; currentSessionId?: string | null },
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
        status: session.status === 'dismissed' ? 'dismissed' : 'kept',
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
        status: 'kept',
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
 * Sets a session's skills and note (what the popup's Save does). Idempotent.
 * @example await tagSession(db, id, { skills: [skillId], note: 'Grid areas', now })
 */
export async function tagSession(
  db: SkilltrailDb,
  sessionId: string,
  patch: { skills?: string[]; note?: string; title?: string; now: number },
): Promise<Session | undefined> {
  return db.transaction('rw', db.sessions, async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) return undefined;
    const next: Session = {
      ...session,
      skills: patch.skills ? [...new Set(patch.skills)] : session.skills,
      note: patch.note ?? session.note,
      title: patch.title ?? session.title,
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
