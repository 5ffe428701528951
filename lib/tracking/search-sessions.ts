/**
 * Search sessions: every query on one engine within `searchGapMs` of the session's last
 * activity joins it (a refined query adds a search; page 2 or a return to the results is
 * the same search); another engine starts its own session. All results-page time goes to
 * one results visit; each result page reached from the results is a visit of its own.
 */
import { startSession, startVisit } from './open-records';
import { editSession, type StepContext } from './step-context';
import { isSessionOpen } from './sessions-open';
import type { OpenSession, OpenVisit, PageState, SearchLink } from './state';

/** The open search session on `engine` with the latest activity, if any. */
function openSearchSession(ctx: StepContext, engine: string): OpenSession | undefined {
  let best: OpenSession | undefined;
  for (const session of Object.values(ctx.state.sessions)) {
    if (session.kind !== 'search' || session.engine !== engine) continue;
    if (!isSessionOpen(session, ctx.settings, ctx.now)) continue;
    if (!best || session.lastActivityAt > best.lastActivityAt) best = session;
  }
  return best;
}

/**
 * The results visit for a results page: joins the open session on its engine (or starts
 * one), adds the query unless the session has it already, and names the search shown.
 * @example resolveResultsVisit(ctx, serpPage) // { visit, search: { sessionId, searchId } }
 */
export function resolveResultsVisit(
  ctx: StepContext,
  page: PageState,
): { visit: OpenVisit; search: SearchLink } | null {
  const serp = page.serp;
  if (!serp) return null;
  const session = openSearchSession(ctx, serp.engine) ?? startSession(ctx, page, serp.engine);
  const writable = editSession(ctx, session.id)!;
  writable.lastActivityAt = Math.max(writable.lastActivityAt, ctx.now);
  let search = writable.searches.find((s) => s.queryKey === serp.queryKey);
  if (!search) {
    search = {
      id: ctx.newId(),
      queryKey: serp.queryKey,
      query: serp.query,
      url: page.url,
      at: ctx.now,
      stored: false,
    };
    writable.searches = [...writable.searches, search];
  }
  const existing = writable.visitIds
    .map((id) => ctx.state.visits[id])
    .find((v): v is OpenVisit => v?.serp === true);
  const visit = existing ?? startVisit(ctx, writable, page, { serp: true, searchId: search.id });
  return { visit, search: { sessionId: writable.id, searchId: search.id } };
}

/**
 * The visit of a result page in the search session it was reached from, or `null` when
 * that session has ended (the page then becomes reading of its own).
 * @example resolveResultVisit(ctx, articlePage, link)
 */
export function resolveResultVisit(
  ctx: StepContext,
  page: PageState,
  link: SearchLink,
): OpenVisit | null {
  const session = ctx.state.sessions[link.sessionId];
  if (!session || !isSessionOpen(session, ctx.settings, ctx.now)) return null;
  const existing = session.visitIds
    .map((id) => ctx.state.visits[id])
    .find((v): v is OpenVisit => v !== undefined && !v.serp && v.url === page.url);
  if (existing) return existing;
  return startVisit(ctx, session, page, { serp: false, searchId: link.searchId });
}
