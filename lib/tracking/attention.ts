/**
 * Attention: which tab is being read right now, and how much of the time since the last
 * event counts. A page counts while it is the active tab of the focused window, the
 * system is not idle or locked, and tracking is not paused; audible media counts as
 * watching while the system is idle (never while locked).
 *
 * When the system reports idle, it means "no input for the idle threshold": the count
 * ends at that last input, not when the report arrives (as ActivityWatch's AFK watcher
 * dates the start of AFK to the last input), so a page glanced at before walking away
 * stays a glance. Where the engagement script runs, a hidden document or no input in
 * the page for longer than the idle threshold also stops the count; the system's idle
 * report then trims it to the same last input, so both paths agree.
 */
import { isPaused, type Settings } from '../settings/settings';
import { isExcludedUrl } from './excluded-sites';
import { editSession, editVisit, type StepContext } from './step-context';
import type { TrackerState } from './state';

/** Period of the background's heartbeat alarm (browsers allow ≥ 30 s). */
export const HEARTBEAT_MS = 60_000;

/**
 * The longest interval without any event that can still be trusted. Idle detection and
 * the heartbeat both produce events while the system runs, so a longer silence means it
 * slept, the clock jumped, or the browser was closed: that interval counts for nothing.
 * @example maxUnobservedMs({ idleSeconds: 60 }) // 90_000
 */
export function maxUnobservedMs(settings: Pick<Settings, 'idleSeconds'>): number {
  return Math.max(settings.idleSeconds * 1000, HEARTBEAT_MS) + HEARTBEAT_MS / 2;
}

export interface CreditTarget {
  tabId: number;
  audible: boolean;
}

/**
 * The tab whose page counts at `now`, or `null` while nothing does.
 * `checkExclusions` re-reads the excluded sites (they can change while a page is open);
 * pages are checked when they load, so frequent events may skip it.
 * @example creditTarget(state, settings, now, true) // { tabId: 12, audible: false }
 */
export function creditTarget(
  state: TrackerState,
  settings: Settings,
  now: number,
  checkExclusions: boolean,
): CreditTarget | null {
  if (state.focusedWindowId === null || state.idle === 'locked') return null;
  if (isPaused(settings, now)) return null;
  const tabId = state.activeTabs[String(state.focusedWindowId)];
  if (tabId === undefined) return null;
  const tab = state.tabs[String(tabId)];
  const page = tab?.page;
  if (!tab || !page || page.untracked || tab.incognito) return null;
  const engagement = tab.engagement;
  const audible = tab.audible || engagement?.audible === true;
  if (state.idle === 'idle' && !audible) return null;
  if (engagement) {
    if (!engagement.visible) return null;
    if (!audible && now - engagement.inputAt > settings.idleSeconds * 1000) return null;
  }
  if (checkExclusions && isExcludedUrl(page.url, settings.excludedSites)) return null;
  return { tabId, audible };
}

/**
 * Adds the time since the last event to the visit being counted: measured, clamped to
 * the last input + idle threshold where the engagement script reports input, and nothing
 * at all for an interval too long to have been observed (sleep, clock jump).
 * @example accrue(ctx) // ctx.state.visits[id].activeMs grows by now − since
 */
export function accrue(ctx: StepContext): void {
  const { state, now, settings } = ctx;
  const credit = state.credit;
  if (!credit) return;
  const elapsed = now - credit.since;
  state.credit = { ...credit, since: now };
  // A clock set back, or a silence longer than any awake system allows, counts nothing.
  if (elapsed <= 0 || elapsed > maxUnobservedMs(settings)) return;
  let end = now;
  const engagement = state.tabs[String(credit.tabId)]?.engagement;
  if (engagement && !credit.audible) {
    end = Math.min(end, engagement.inputAt + settings.idleSeconds * 1000);
  }
  const ms = end - credit.since;
  if (ms <= 0 || !state.visits[credit.visitId]) return;
  const visit = editVisit(ctx, credit.visitId)!;
  if (visit.activeMs === 0) visit.startedAt = credit.since;
  visit.activeMs += ms;
  if (credit.audible) visit.audibleMs += ms;
  visit.endedAt = end;
  const session = editSession(ctx, visit.sessionId);
  if (session) session.lastActivityAt = Math.max(session.lastActivityAt, end);
}

/**
 * On a system idle report: takes back the time counted since the last input (the idle
 * threshold before the report), within the current unbroken run of the counted visit.
 * Audible media is exempt: watching needs no input.
 * @example retractIdleTail(ctx) // the visit loses up to idleSeconds of counted time
 */
export function retractIdleTail(ctx: StepContext): void {
  const credit = ctx.state.credit;
  if (!credit || credit.audible) return;
  const visit = ctx.state.visits[credit.visitId];
  if (!visit) return;
  // The report says no input since the threshold; the run began with an input.
  const lastInputAt = Math.max(ctx.now - ctx.settings.idleSeconds * 1000, credit.runStart);
  const tail = Math.min(visit.endedAt - lastInputAt, visit.activeMs);
  if (tail <= 0) return;
  const writable = editVisit(ctx, visit.id)!;
  writable.activeMs -= tail;
  writable.audibleMs = Math.min(writable.audibleMs, writable.activeMs);
  writable.endedAt = lastInputAt;
  editSession(ctx, visit.sessionId);
}
