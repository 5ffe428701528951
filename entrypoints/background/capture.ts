import { browser, type Browser } from 'wxt/browser';
import {
  captureBlockReason,
  fallbackExtract,
  readExtract,
  shapeCapture,
} from '../../lib/capture/extract';
import {
  popupForClickedTab,
  type CaptureBlockReason,
  type CaptureResult,
} from '../../lib/messages';
import { Handoff } from '../../lib/capture/handoff';
import type { Capture, Session, Skill } from '../../lib/model';
import { db } from '../../lib/store/records';
import { captureHeld, type Settings } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/settings-storage';
import { domainOf, siteOnly } from '../../lib/url';
import { loadQueue, writeOrKeep } from './pending-writes';
import { currentSessionIdForTab } from '../../lib/store/tracker';
import { skillsByRecentUse } from '../../lib/store/skills';

/** A tab read for its capture, or why it may not be captured. */
type Extracted =
  { ok: true; shaped: ReturnType<typeof shapeCapture> } | { ok: false; reason: CaptureBlockReason };

/**
 * Reads a tab for its capture: runs Readability in the page. Pages where no script may
 * run (PDF viewer, a page that failed to load) still give the tab's URL and title; pages
 * that may not be captured at all (browser pages, web stores, incognito, excluded sites)
 * give a reason instead.
 */
async function extractTab(
  tab: Browser.tabs.Tab | undefined,
  settings: Settings,
): Promise<Extracted> {
  if (tab?.id === undefined || !tab.url) return { ok: false, reason: 'no-tab' };
  const reason = captureBlockReason(tab.url, tab.incognito, settings.excludedSites);
  if (reason) return { ok: false, reason };
  let extract = fallbackExtract(tab.url, tab.title);
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
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
  return { ok: true, shaped };
}

/** A capture stored, with its session, or why not: what every way of capturing learns. */
export type StoredCapture =
  { ok: true; session: Session; capture: Capture } | { ok: false; reason: CaptureBlockReason };

/** Stores a tab's capture, once read, and its session. */
async function storeExtracted(
  tabId: number,
  reading: Promise<Extracted>,
  options: { sessionId?: string | null; automatic?: boolean },
): Promise<StoredCapture> {
  // The page joins the session the tracker has it in (a search session, say), so the
  // popup shows and tags that whole session; looked up, like the writes waiting ahead of
  // it, while the page is read.
  const [extracted, sessionId] = await Promise.all([
    reading,
    options.sessionId !== undefined ? options.sessionId : currentSessionIdForTab(db(), tabId),
    loadQueue(),
  ]);
  if (!extracted.ok) return extracted;
  const { shaped } = extracted;
  const outcome = await writeOrKeep(
    'capture',
    { shaped, now: Date.now(), sessionId, automatic: options.automatic },
    { key: shaped.url },
  );
  if (outcome.stored) {
    const { session, capture } = outcome.value;
    return { ok: true, session, capture };
  }
  if (outcome.kept) return { ok: false, reason: 'kept-for-later' };
  console.error('Skilltrail could not store a capture', outcome.error);
  return { ok: false, reason: 'failed' };
}

/**
 * What the popup shows of a stored capture: it, its session, and every skill to tag it with
 * (read after the write, so that they never delay it; a failed read leaves the popup to read
 * them itself).
 */
async function withSkills(stored: StoredCapture): Promise<CaptureResult> {
  if (!stored.ok) return stored;
  return { ...stored, skills: await skillsByRecentUse(db()).catch((): Skill[] => []) };
}

/** Captures a tab: runs Readability in the page and stores the capture and its session. */
export async function captureTab(
  tabId: number,
  options: { sessionId?: string | null; automatic?: boolean; settings?: Settings } = {},
): Promise<StoredCapture> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const settings = options.settings ?? (await loadSettings());
  return storeExtracted(tabId, extractTab(tab, settings), options);
}

/** Shows the outcome of a capture without a popup (shortcut, context menu) on the badge. */
export async function confirmOnBadge(tabId: number, result: { ok: boolean }): Promise<void> {
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
  return fromClicks.take(tabId, Date.now()) ?? captureTab(tabId).then(withSkills);
}

/**
 * The longest the popup waits for the capture to be stored: on a heavy page it opens beside
 * Readability rather than keep the learner waiting for any sign of the click.
 */
const POPUP_WAITS_MS = 50;

/**
 * The toolbar button where the manifest names no popup (Chromium): the capture starts at
 * the click, and the popup opens once it is stored (or `POPUP_WAITS_MS` on), while the
 * skills for the popup's reply are read. Opened before, the browser making the popup ran
 * beside Readability and the write on the same cores and slowed them by a half; opened
 * after, the popup shows the capture from the reply at once, no later than when it opened
 * sooner (`bench/capture-latency.bench.ts`).
 * Paused, the popup opens at once and records nothing, as always.
 */
export async function captureAndOpenPopup(tab: Browser.tabs.Tab): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const settings = await loadSettings();
  const extracted = captureHeld(settings, Date.now()) ? undefined : extractTab(tab, settings);
  const stored = extracted && storeExtracted(tabId, extracted, {});
  if (stored) fromClicks.give(tabId, stored.then(withSkills), Date.now());
  try {
    await Promise.all([
      browser.action.setPopup({
        tabId,
        popup: stored ? popupForClickedTab(tabId) : '/popup.html',
      }),
      stored && Promise.race([stored, new Promise((r) => setTimeout(r, POPUP_WAITS_MS))]),
    ]);
    await browser.action.openPopup({ windowId: tab.windowId });
  } catch {
    // No popup could open (another window has the focus, say): the badge tells the outcome.
    if (stored) await confirmOnBadge(tabId, await stored);
  } finally {
    // So that the next click comes here again instead of straight to the popup.
    await browser.action.setPopup({ tabId, popup: '' }).catch(() => {});
  }
}
