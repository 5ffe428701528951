import { browser } from 'wxt/browser';
import { db } from '../../lib/store/db';
import { sessionsBetween } from '../../lib/store/sessions';
import { formatDateTime } from '../../lib/format';
import { isPaused, PAUSED_UNTIL_RESUMED } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/store';
import { badgeText, learningMinutes, todayBounds } from '../../lib/week/today';

const MINUTES_COLOUR = '#1d4ed8';
const PAUSED_COLOUR = '#6b7280';

/**
 * Shows today's learning minutes on the toolbar button, or the paused sign (with the
 * pause in the button's title) while tracking is paused. Safe to call any time: it reads
 * everything it shows.
 */
export async function refreshBadge(): Promise<void> {
  const settings = await loadSettings();
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
  await Promise.all([
    action.setBadgeBackgroundColor({ color: paused ? PAUSED_COLOUR : MINUTES_COLOUR }),
    action.setBadgeText({ text: badgeText({ minutes, paused }) }),
    action.setTitle({ title: pausedTitle ? `${title} — ${pausedTitle}` : title }),
  ]);
}
