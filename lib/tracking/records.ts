/**
 * From tracker state to the records the database keeps (`Session`, `Visit`, `Search`),
 * and how they merge with what is stored. Thresholds decide what exists at all: a visit
 * below `minReadingMs` of active time is never written; a search session is written once
 * its results-page time plus its read results reach the threshold, and its results visit
 * and queries go with it.
 */
import type { Search, Session, Visit } from '../model';
import type { Settings } from '../settings/settings';
import { editSession, editVisit, type StepContext } from './step-context';
import type { OpenSession, OpenVisit, TrackerState } from './state';

export interface TrackerWrites {
  sessions: Session[];
  visits: Visit[];
  searches: Search[];
  /** Sessions written for the first time in this step. */
  newSessionIds: string[];
}

/** Capture the article of the page in `tabId`: its visit just passed the reading threshold. */
export interface CaptureRequest {
  tabId: number;
  sessionId: string;
  url: string;
}

/**
 * No writes.
 * @example noWrites().sessions // []
 */
export function noWrites(): TrackerWrites {
  return { sessions: [], visits: [], searches: [], newSessionIds: [] };
}

/** Audible for at least half its active time: watching rather than reading. */
function isWatching(v: { activeMs: number; audibleMs: number }): boolean {
  return v.audibleMs > 0 && v.audibleMs * 2 >= v.activeMs;
}

/**
 * Active time of a visit that no idle report can take back any more. In the current
 * unbroken run of the counted visit, time is confirmed up to the latest evidence of
 * input: the engagement script's last input, or (no idle report having come) the idle
 * threshold before the last count. Audible media needs no input.
 * @example confirmedMs(visit, state, DEFAULT_SETTINGS)
 */
export function confirmedMs(
  visit: OpenVisit,
  state: Pick<TrackerState, 'credit' | 'tabs'>,
  settings: Pick<Settings, 'idleSeconds'>,
): number {
  const credit = state.credit;
  if (!credit || credit.visitId !== visit.id || credit.audible) return visit.activeMs;
  const inputAt = state.tabs[String(credit.tabId)]?.engagement?.inputAt ?? -Infinity;
  const confirmedUntil = Math.max(
    credit.runStart,
    visit.endedAt - settings.idleSeconds * 1000,
    Math.min(inputAt, visit.endedAt),
  );
  // A run that began after the visit's last counted instant has nothing unconfirmed yet.
  return visit.activeMs - Math.max(0, visit.endedAt - confirmedUntil);
}

/**
 * The visits of `session` that may be stored, or `[]` while the session is below the
 * threshold. Result and reading visits need `minReadingMs` of confirmed active time each;
 * the results visit is stored with its session.
 * @example storableVisits(session, state.visits, state, DEFAULT_SETTINGS)
 */
export function storableVisits(
  session: OpenSession,
  visits: Readonly<Record<string, OpenVisit>>,
  state: Pick<TrackerState, 'credit' | 'tabs'>,
  settings: Pick<Settings, 'minReadingMs' | 'idleSeconds'>,
): OpenVisit[] {
  const list: OpenVisit[] = [];
  let ms = 0;
  let read = 0;
  for (const id of session.visitIds) {
    const visit = visits[id];
    if (!visit) continue;
    // Once stored, a visit stays: a later idle report only trims its time.
    const confirmed = visit.stored ? visit.activeMs : confirmedMs(visit, state, settings);
    if (visit.serp || confirmed >= settings.minReadingMs) {
      list.push(visit);
      ms += confirmed;
      if (!visit.serp) read++;
    }
  }
  const enough =
    session.stored ||
    (session.kind === 'search' ? ms > 0 && ms >= settings.minReadingMs : read > 0 && ms > 0);
  return enough ? list.filter((v) => v.activeMs > 0) : [];
}

function toVisitRecord(visit: OpenVisit): Visit {
  return {
    id: visit.id,
    sessionId: visit.sessionId,
    url: visit.url,
    title: visit.title,
    domain: visit.domain,
    startedAt: visit.startedAt,
    endedAt: visit.endedAt,
    activeMs: visit.activeMs,
    ...(visit.maxScrollPct !== undefined ? { maxScrollPct: visit.maxScrollPct } : {}),
    ...(visit.searchId ? { searchId: visit.searchId } : {}),
    ...(isWatching(visit) ? { watching: true } : {}),
  };
}

function toSessionRecord(session: OpenSession, visits: OpenVisit[], now: number): Session {
  let activeMs = session.baseActiveMs;
  let audibleMs = 0;
  let startedAt = Infinity;
  let endedAt = -Infinity;
  for (const v of visits) {
    activeMs += v.activeMs;
    audibleMs += v.audibleMs;
    if (v.activeMs > 0) {
      startedAt = Math.min(startedAt, v.startedAt);
      endedAt = Math.max(endedAt, v.endedAt);
    }
  }
  for (const search of session.searches) {
    startedAt = Math.min(startedAt, search.at);
    endedAt = Math.max(endedAt, search.at);
  }
  const kind =
    session.kind === 'search'
      ? 'search'
      : isWatching({ activeMs: activeMs - session.baseActiveMs, audibleMs })
        ? 'watching'
        : 'reading';
  return {
    id: session.id,
    kind,
    startedAt: Number.isFinite(startedAt) ? startedAt : now,
    endedAt: Number.isFinite(endedAt) ? endedAt : now,
    activeMs,
    title: session.title || session.url,
    url: session.url,
    domain: session.domain,
    ...(session.engine ? { engine: session.engine } : {}),
    skills: [],
    note: '',
    status: 'auto',
    provenance: 'measured',
    updatedAt: now,
  };
}

/**
 * The records to write after a step: every session changed in it that has reached its
 * threshold, with its changed visits and new queries (all of them the first time).
 * Marks what it returns as stored in `ctx.state`.
 * @example const { writes, captures } = collectWrites(ctx)
 */
export function collectWrites(ctx: StepContext): {
  writes: TrackerWrites;
  captures: CaptureRequest[];
} {
  const { state, settings, now } = ctx;
  const writes = noWrites();
  const captures: CaptureRequest[] = [];
  const sessionIds = new Set(ctx.touchedSessions);
  for (const id of ctx.touchedVisits) {
    const visit = state.visits[id];
    if (visit) sessionIds.add(visit.sessionId);
  }
  const touchedVisits = new Set(ctx.touchedVisits);
  for (const id of sessionIds) {
    const open = state.sessions[id];
    if (!open) continue;
    const visits = storableVisits(open, state.visits, state, settings);
    if (visits.length === 0) continue;
    const firstTime = !open.stored;
    const session = firstTime ? editSession(ctx, id)! : open;
    if (firstTime) {
      session.stored = true;
      writes.newSessionIds.push(id);
    }
    for (const visit of visits) {
      if (!firstTime && visit.stored && !touchedVisits.has(visit.id)) continue;
      if (!visit.stored) {
        editVisit(ctx, visit.id)!.stored = true;
        if (!visit.serp) {
          const tabId = tabShowing(ctx, visit.id);
          if (tabId !== null) captures.push({ tabId, sessionId: id, url: visit.url });
        }
      }
      writes.visits.push(toVisitRecord(visit));
    }
    if (firstTime || session.searches.some((s) => !s.stored)) {
      const writable = editSession(ctx, id)!;
      for (const search of writable.searches) {
        if (!firstTime && search.stored) continue;
        writes.searches.push({
          id: search.id,
          sessionId: id,
          engine: writable.engine ?? '',
          query: search.query,
          url: search.url,
          at: search.at,
        });
      }
      writable.searches = writable.searches.map((s) => (s.stored ? s : { ...s, stored: true }));
    }
    writes.sessions.push(toSessionRecord(state.sessions[id]!, visits, now));
  }
  return { writes, captures };
}

function tabShowing(ctx: StepContext, visitId: string): number | null {
  const credit = ctx.state.credit;
  if (credit?.visitId === visitId) return credit.tabId;
  for (const [tabId, tab] of Object.entries(ctx.state.tabs)) {
    if (tab.visitId === visitId) return Number(tabId);
  }
  return null;
}

/**
 * A tracked session merged into the stored one: the tracker owns the time (kind, start,
 * end, active time); the learner owns skills, note, status and an edited title.
 * @example mergeTrackedSession(stored, tracked).skills // stored.skills
 */
export function mergeTrackedSession(existing: Session | undefined, tracked: Session): Session {
  if (!existing) return tracked;
  return {
    ...existing,
    kind: existing.kind === 'search' ? 'search' : tracked.kind,
    startedAt: Math.min(existing.startedAt, tracked.startedAt),
    endedAt: Math.max(existing.endedAt, tracked.endedAt),
    activeMs: tracked.activeMs,
    title: existing.title || tracked.title,
    ...(tracked.engine ? { engine: tracked.engine } : {}),
    updatedAt: tracked.updatedAt,
  };
}

/**
 * The writes as they go to the database, given the sessions stored now: sessions merged
 * with the stored ones; a session the tracker wrote before that is gone (the learner
 * deleted it) is not brought back, nor are its visits and queries.
 * @example planWrites(writes, new Map([[s.id, stored]]))
 */
export function planWrites(
  writes: TrackerWrites,
  stored: ReadonlyMap<string, Session | undefined>,
): Pick<TrackerWrites, 'sessions' | 'visits' | 'searches'> {
  const deleted = new Set<string>();
  const sessions: Session[] = [];
  for (const tracked of writes.sessions) {
    const existing = stored.get(tracked.id);
    if (!existing && !writes.newSessionIds.includes(tracked.id)) {
      deleted.add(tracked.id);
      continue;
    }
    sessions.push(mergeTrackedSession(existing, tracked));
  }
  return {
    sessions,
    visits: writes.visits.filter((v) => !deleted.has(v.sessionId)),
    searches: writes.searches.filter((s) => !deleted.has(s.sessionId)),
  };
}

/**
 * Whether a new reading session should continue `stored` instead: the same page, stored
 * by a capture or an earlier run, and active within `continueWithinMs`.
 * @example canAdopt(capturedSession, trackedSession, DEFAULT_SETTINGS) // true
 */
export function canAdopt(
  stored: Session,
  tracked: Session,
  settings: Pick<Settings, 'continueWithinMs'>,
): boolean {
  return (
    stored.id !== tracked.id &&
    stored.kind !== 'search' &&
    tracked.kind !== 'search' &&
    stored.url === tracked.url &&
    tracked.startedAt - stored.endedAt <= settings.continueWithinMs
  );
}

/**
 * `first` followed by `second`, with the records of session `dropped` left out of `first`
 * (the adoption step wrote them again under their stored id).
 * @example combineWrites(before, after, trackedId)
 */
export function combineWrites(
  first: TrackerWrites,
  second: TrackerWrites,
  dropped: string,
): TrackerWrites {
  const later = new Set([
    ...second.sessions.map((s) => s.id),
    ...second.visits.map((v) => v.id),
    ...second.searches.map((s) => s.id),
  ]);
  const keep = <T extends { id: string }>(r: T, sessionId: string) =>
    sessionId !== dropped && !later.has(r.id);
  return {
    sessions: [...first.sessions.filter((s) => keep(s, s.id)), ...second.sessions],
    visits: [...first.visits.filter((v) => keep(v, v.sessionId)), ...second.visits],
    searches: [...first.searches.filter((s) => keep(s, s.sessionId)), ...second.searches],
    newSessionIds: [...first.newSessionIds.filter((id) => id !== dropped), ...second.newSessionIds],
  };
}
