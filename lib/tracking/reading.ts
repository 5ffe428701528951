/**
 * Reading sessions: one page read, in one or several tabs. The same page (same recorded
 * URL) again within `continueWithinMs` of its last activity continues the same session
 * and visit, so switching tabs away and back, or revisiting, adds to one record.
 */
import { domainOf } from '../url';
import { editSession, putSession, putVisit, type StepContext } from './step-context';
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
  const session = putSession(ctx, {
    id: ctx.newId(),
    kind: 'reading',
    url: page.url,
    title: page.title,
    domain: domainOf(page.url),
    lastActivityAt: ctx.now,
    visitIds: [],
    searches: [],
    baseActiveMs: 0,
    stored: false,
  });
  const visit = putVisit(ctx, {
    id: ctx.newId(),
    sessionId: session.id,
    url: page.url,
    title: page.title,
    domain: session.domain,
    startedAt: ctx.now,
    endedAt: ctx.now,
    activeMs: 0,
    audibleMs: 0,
    serp: false,
    stored: false,
  });
  editSession(ctx, session.id)!.visitIds = [visit.id];
  return visit;
}
