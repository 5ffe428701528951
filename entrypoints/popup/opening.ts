import { browser } from 'wxt/browser';
import { captureBlockReason } from '../../lib/capture/extract';
import { sendRequest, type CaptureBlockReason } from '../../lib/messages';
import type { Capture, Session, Skill } from '../../lib/model';
import { captureHeld } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/settings-storage';
import { db } from '../../lib/store/records';
import { domainOf } from '../../lib/url';

/** The tab the popup captures. */
export type PopupTab = { id: number };

export type Phase =
  | { kind: 'capturing' }
  /** Paused: opening the popup (perhaps only to resume) records nothing by itself. */
  | { kind: 'paused'; tab: PopupTab }
  | { kind: 'blocked'; reason: CaptureBlockReason }
  /** Stored: the capture and its session as the background wrote them, and the skills to tag with. */
  | { kind: 'ready'; session: Session; capture: Capture; skills: Skill[] };

/** Captures a tab (or takes the capture its toolbar click started) and the phase it ends in. */
export async function captureOf(tabId: number): Promise<Phase> {
  const result = await sendRequest(browser.runtime, 'capture-tab', { tabId }).catch(
    () => ({ ok: false, reason: 'failed' }) as const,
  );
  if (!result.ok) return { kind: 'blocked', reason: result.reason };
  return { kind: 'ready', session: result.session, capture: result.capture, skills: result.skills };
}

/** How the popup opens: the phase its capture ends in, and the site it may offer to never record. */
export interface Opening {
  phase: Phase;
  site: string | null;
}

/**
 * What the popup does as soon as its script runs, before the first render: Preact runs
 * effects only after the first paint, a frame or more later, and the capture's reply is
 * what the skill field waits for.
 * @param clickedTab the tab whose capture the toolbar click already started (the
 *   background names it in the popup's address): asked for at once, beside the tab and
 *   the settings, rather than after them.
 */
export function startOpening(clickedTab?: number): Promise<Opening> {
  // The popup's own queries (and its saves) will need the database: opened meanwhile.
  db()
    .open()
    .catch(() => {});
  const clicked = clickedTab === undefined ? undefined : captureOf(clickedTab);
  return (async () => {
    const [[tab], settings] = await Promise.all([
      browser.tabs.query({ active: true, currentWindow: true }),
      loadSettings(),
    ]);
    const site = offeredSite(tab, settings.excludedSites);
    if (clicked) return { phase: await clicked, site };
    if (tab?.id === undefined) return { phase: { kind: 'blocked', reason: 'no-tab' }, site };
    if (captureHeld(settings, Date.now())) {
      return { phase: { kind: 'paused', tab: { id: tab.id } }, site };
    }
    return { phase: await captureOf(tab.id), site };
  })();
}

/** The site "Never record this site" offers: web pages outside private windows only. */
function offeredSite(
  tab: { url?: string; incognito: boolean } | undefined,
  excludedSites: readonly string[],
): string | null {
  if (!tab || captureBlockReason(tab.url, tab.incognito, excludedSites)) return null;
  return domainOf(tab.url);
}
