import { browser } from 'wxt/browser';
import { db } from '../../lib/store/records';
import { sessionsBetween } from '../../lib/store/sessions';
import { formatDateTime } from '../../lib/format';
import { isPaused, PAUSED_UNTIL_RESUMED } from '../../lib/settings/settings';
import { badgeText, learningMinutes, todayBounds } from '../../lib/week/today';
import { workerSettings } from './worker-settings';

const MINUTES_COLOUR = '#1d4ed8';
const PAUSED_COLOUR = '#6b7280';

/**
 * What this life of the worker last put on the button. Most refreshes show the same
 * minutes, and each of the three calls goes through the browser's main thread.
 */
let shown: { color: string; text: string; title: string } | undefined;

/** Forgets what the button shows (a new life of the worker sets it all again). */
export function forgetShownBadge(): void {
  shown = undefined;
}

/**
 * Shows today's learning minutes on the toolbar button, or the paused sign (with the
 * pause in the button's title) while tracking is paused. Safe to call any time: it reads
 * everything it shows.
 */
export async function refreshBadge(): Promise<void> {
  const settings = await workerSettings();
  const now = Date.now();
  const paused = isPaused(settings, now);
  let minutes = 0;
  if (!paused) {
    const { start, end } = todayBounds(now);
    const today = await sessionsBetween(db(), start, end);
    minutes = learningMinutes(today, start, end);
  }
  const action = browser.action;
  const title = browser.i18n.getMessage('actionTitle');
  let pausedTitle = '';
  if (paused) {
    const until =
      settings.pausedUntil >= PAUSED_UNTIL_RESUMED || !settings.trackingConsent
        ? browser.i18n.getMessage('pausedUntilResumed')
        : browser.i18n.getMessage(
            'pausedUntil',
            formatDateTime(settings.pausedUntil, browser.i18n.getUILanguage()),
          );
    pausedTitle = until || browser.i18n.getMessage('pauseLegend');
  }
  const next = {
    color: paused ? PAUSED_COLOUR : MINUTES_COLOUR,
    text: badgeText({ minutes, paused }),
    title: pausedTitle ? `${title} — ${pausedTitle}` : title,
  };
  const before = shown;
  shown = next;
  try {
    await Promise.all([
      before?.color === next.color || action.setBadgeBackgroundColor({ color: next.color }),
      before?.text === next.text || action.setBadgeText({ text: next.text }),
      before?.title === next.title || action.setTitle({ title: next.title }),
    ]);
  } catch (error) {
    // Unknown what the button shows now: the next refresh sets it all.
    shown = undefined;
    throw error;
  }
}
