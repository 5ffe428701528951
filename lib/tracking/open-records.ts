/**
 * How a session and a visit begin: the one shape every new open session and visit takes,
 * whether reading or search, so the two kinds never drift apart in what they start with.
 */
import { domainOf } from '../url';
import { editSession, putSession, putVisit, type StepContext } from './step-context';
import type { OpenSession, OpenVisit, PageState } from './state';

/**
 * A new session that starts at `page` now, with no visits yet: a search session when an
 * engine is named, else reading.
 * @example startSession(ctx, serpPage, 'google').kind // 'search'
 */
export function startSession(ctx: StepContext, page: PageState, engine?: string): OpenSession {
  return putSession(ctx, {
    id: ctx.newId(),
    kind: engine === undefined ? 'reading' : 'search',
    ...(engine === undefined ? {} : { engine }),
    url: page.url,
    title: page.title,
    domain: domainOf(page.url),
    lastActivityAt: ctx.now,
    visitIds: [],
    searches: [],
    baseActiveMs: 0,
    stored: false,
  });
}

/**
 * A new visit of `session` that starts now: the results page itself (`serp`, recorded as
 * the session's page) or a page read in it.
 * @example startVisit(ctx, session, articlePage, { serp: false }).activeMs // 0
 */
export function startVisit(
  ctx: StepContext,
  session: OpenSession,
  page: PageState,
  fields: Pick<OpenVisit, 'serp' | 'searchId'>,
): OpenVisit {
  const visit = putVisit(ctx, {
    id: ctx.newId(),
    sessionId: session.id,
    url: fields.serp ? session.url : page.url,
    title: fields.serp ? session.title : page.title,
    domain: domainOf(fields.serp ? session.url : page.url),
    startedAt: ctx.now,
    endedAt: ctx.now,
    activeMs: 0,
    audibleMs: 0,
    serp: fields.serp,
    stored: false,
    ...(fields.searchId ? { searchId: fields.searchId } : {}),
  });
  const writable = editSession(ctx, session.id)!;
  writable.visitIds = [...writable.visitIds, visit.id];
  return visit;
}
