import { browser, type Browser } from 'wxt/browser';
import {
  captureBlockReason,
  fallbackExtract,
  readExtract,
  shapeCapture,
} from '../../lib/capture/extract';
import type { CaptureResult } from '../../lib/messages';
import { Handoff } from '../../lib/capture/handoff';
import { recordCapture } from '../../lib/store/sessions';
import { captureHeld, type Settings } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/store';
import { domainOf, siteOnly } from '../../lib/url';
import { defineWriter, writeOrKeep } from './retry-writes';
import { currentSessionIdForTab } from './tracking';

/** Storing a capture, replayable when the disk was full: `recordCapture` is idempotent per URL. */
const storeCapture = defineWriter(
  'capture',
  (
    database,
    p: {
      shaped: Parameters<typeof recordCapture>[1];
      now: number;
      sessionId: string | null;
      automatic?: boolean;
    },
  ) =>
    recordCapture(database, p.shaped, {
      now: p.now,
      currentSessionId: p.sessionId,
      automatic: p.automatic,
    }),
);

/**
 * Captures a tab: runs Readability in the page and stores the capture and its session.
 * Pages where no script may run (PDF viewer, a page that failed to load) are still
 * captured with the tab's URL and title; pages that may not be captured at all
 * (browser pages, web stores, incognito, excluded sites) give a reason instead.
 */
export async function captureTab(
  tabId: number,
  options: { sessionId?: string | null; automatic?: boolean; settings?: Settings } = {},
): Promise<CaptureResult> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return { ok: false, reason: 'no-tab' };
  const settings = options.settings ?? (await loadSettings());
  const reason = captureBlockReason(tab.url, tab.incognito, settings.excludedSites);
  if (reason) return { ok: false, reason };

  let extract = fallbackExtract(tab.url, tab.title);
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/capture-page.js'],
    });
    extract = readExtract(injection?.result, tab.url, tab.title);
  } catch {
    // No access to this page's content (PDF viewer, error page): keep URL and title.
  }
  let shaped = shapeCapture(extract);
  if (settings.sitesOnly) {
    const site = siteOnly(shaped.url);
    shaped = { ...shaped, url: site, title: domainOf(site), byline: undefined, excerpt: undefined };
  }
  // The page joins the session the tracker has it in (a search session, say), so the
  // popup shows and tags that whole session.
  const sessionId =
    options.sessionId !== undefined ? options.sessionId : await currentSessionIdForTab(tabId);
  const outcome = await writeOrKeep(
    storeCapture,
    { shaped, now: Date.now(), sessionId, automatic: options.automatic },
    { key: shaped.url },
  );
  if (outcome.stored) {
    const { session, capture } = outcome.value;
    return {
      ok: true,
      sessionId: session.id,
      captureId: capture.id,
      readerable: capture.readerable,
    };
  }
  if (outcome.kept) return { ok: false, reason: 'kept-for-later' };
  console.error('Skilltrail could not store a capture', outcome.error);
  return { ok: false, reason: 'failed' };
}

/** Shows the outcome of a capture without a popup (shortcut, context menu) on the badge. */
export async function confirmOnBadge(tabId: number, result: CaptureResult): Promise<void> {
  const text = result.ok ? '✓' : '!';
  const color = result.ok ? '#047857' : '#b91c1c';
  await browser.action.setBadgeBackgroundColor({ color, tabId });
  await browser.action.setBadgeText({ text, tabId });
  // Null clears the tab's own text after a moment, so the day's minutes show again.
  setTimeout(
    () =>
      void browser.action.setBadgeText({ text: null as unknown as string, tabId }).catch(() => {}),
    4000,
  );
}

/** How long a click's capture waits for the popup it opened to ask for it. */
const CLICK_HANDOFF_MS = 10_000;
const fromClicks = new Handoff<number, Promise<CaptureResult>>(CLICK_HANDOFF_MS);

/** The popup's capture of its tab: the one the toolbar click already started, or a new one. */
export function captureForPopup(tabId: number): Promise<CaptureResult> {
  return fromClicks.take(tabId, Date.now()) ?? captureTab(tabId);
}

/**
 * The toolbar button where the manifest names no popup (Chromium): the capture starts at
 * the click and the popup opens while it runs, rather than the popup loading first (some
 * 40–60 ms) and only then asking. Paused, the popup opens and records nothing, as always.
 */
export async function captureAndOpenPopup(tab: Browser.tabs.Tab): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const settings = await loadSettings();
  const capture = captureHeld(settings, Date.now()) ? undefined : captureTab(tabId, { settings });
  if (capture) fromClicks.give(tabId, capture, Date.now());
  try {
    await browser.action.setPopup({ tabId, popup: '/popup.html' });
    await browser.action.openPopup({ windowId: tab.windowId });
  } catch {
    // No popup could open (another window has the focus, say): the badge tells the outcome.
    if (capture) await confirmOnBadge(tabId, await capture);
  } finally {
    // So that the next click comes here again instead of straight to the popup.
    await browser.action.setPopup({ tabId, popup: '' }).catch(() => {});
  }
}
