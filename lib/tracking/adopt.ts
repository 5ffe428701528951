/**
 * Adopting a stored session: a page captured by the learner before the tracker stored a
 * session for it continues that session rather than starting a second record of one read.
 */
import {
  forgetOpenSession,
  editTab,
  editVisit,
  putSession,
  type StepContext,
} from './step-context';
import type { SearchLink } from './state';

/** The link with its session renamed, if it named `from`. */
function renameLink(link: SearchLink | undefined, from: string, to: string) {
  return link?.sessionId === from ? { ...link, sessionId: to } : link;
}

/**
 * Continues a session the learner captured before the tracker stored its own for the page
 * (the `session-adopted` event): the open session `from` takes the stored id `to`, counts
 * on from the stored active time, and every visit and tab that named `from` names `to`.
 * Does nothing when `from` is gone or `to` is already open.
 * @example adoptStoredSession(ctx, trackedId, storedId, stored.activeMs)
 */
export function adoptStoredSession(
  ctx: StepContext,
  from: string,
  to: string,
  activeMs: number,
): void {
  const session = ctx.state.sessions[from];
  if (!session || ctx.state.sessions[to]) return;
  forgetOpenSession(ctx, from);
  putSession(ctx, { ...session, id: to, baseActiveMs: Math.max(0, activeMs) });
  for (const visitId of session.visitIds) {
    const visit = editVisit(ctx, visitId);
    if (visit) visit.sessionId = to;
  }
  for (const [tabId, tab] of Object.entries(ctx.state.tabs)) {
    const refers =
      tab.page?.link?.sessionId === from ||
      tab.page?.search?.sessionId === from ||
      tab.openedFrom?.sessionId === from ||
      Object.values(tab.resultLinks ?? {}).some((l) => l.sessionId === from);
    if (!refers) continue;
    const writable = editTab(ctx, Number(tabId))!;
    if (writable.page) {
      writable.page = {
        ...writable.page,
        link: renameLink(writable.page.link, from, to),
        search: renameLink(writable.page.search, from, to),
      };
    }
    writable.openedFrom = renameLink(writable.openedFrom, from, to);
    if (writable.resultLinks) {
      writable.resultLinks = Object.fromEntries(
        Object.entries(writable.resultLinks).map(([url, l]) => [url, renameLink(l, from, to)!]),
      );
    }
  }
}
