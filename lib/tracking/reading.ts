/**
 * Reading sessions: one page read, in one or several tabs. The same page (same recorded
 * URL) again within `continueWithinMs` of its last activity continues the same session
 * and visit, so switching tabs away and back, or revisiting, adds to one record.
 */
import { startSession, startVisit } from './open-records';
import type { StepContext } from './step-context';
import { isSessionOpen } from './sessions-open';
import type { OpenVisit, PageState } from './state';

/**
 * The reading visit for `page`: the open one for the same URL, or a new session with one visit.
 * @example resolveReadingVisit(ctx, articlePage).sessionId
 */
export function resolveReadingVisit(ctx: StepContext, page: PageState): OpenVisit {
  for (const session of Object.values(ctx.state.sessions)) {
    if (session.kind !== 'reading' || session.url !== page.url) continue;
    if (!isSessionOpen(session, ctx.settings, ctx.now)) continue;
    const visit = ctx.state.visits[session.visitIds[0] ?? ''];
    if (visit) return visit;
  }
  return startVisit(ctx, startSession(ctx, page), page, { serp: false });
}
