import { browser } from 'wxt/browser';
import { db } from '../../lib/store/records';
import { formatDuration, formatNumber } from '../../lib/format';
import { nextReminderAt, weekTotals } from '../../lib/week/reminder';
import { sessionsBetween } from '../../lib/store/sessions';
import { loadSettings, watchSettings } from '../../lib/settings/settings-storage';
import { shiftWeek, weekOf } from '../../lib/time';

const ALARM = 'weekly-reminder';
const NOTIFICATION_PREFIX = 'weekly-reminder:';

/** Schedules the weekly reminder for the learner's day and time, or clears it. */
async function scheduleReminder(): Promise<void> {
  const settings = await loadSettings();
  await browser.alarms.clear(ALARM);
  if (settings.reminderEnabled) {
    await browser.alarms.create(ALARM, { when: nextReminderAt(Date.now(), settings) });
  }
}

/** Shows last week's total; clicking it opens that week in the dashboard. */
async function showReminder(): Promise<void> {
  const settings = await loadSettings();
  const lastWeek = shiftWeek(weekOf(Date.now(), settings), -1, settings);
  const totals = weekTotals(await sessionsBetween(db(), lastWeek.start, lastWeek.end), lastWeek);
  const locale = browser.i18n.getUILanguage();
  const message =
    totals.sessions === 0
      ? browser.i18n.getMessage('reminderEmpty')
      : browser.i18n.getMessage('reminderBody', [
          formatDuration(totals.activeMs, locale),
          formatNumber(totals.skills, locale),
        ]);
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${lastWeek.key}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: browser.i18n.getMessage('reminderTitle'),
    message,
  });
}

/** The weekly summary reminder: an alarm at the learner's chosen local day and time. */
export function registerReminder(): void {
  browser.runtime.onInstalled.addListener(() => void scheduleReminder());
  browser.runtime.onStartup.addListener(() => void scheduleReminder());
  watchSettings(() => void scheduleReminder());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void showReminder().finally(scheduleReminder);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const week = id.slice(NOTIFICATION_PREFIX.length);
    void browser.tabs.create({
      url: browser.runtime.getURL(`/dashboard.html#/week/${week}` as '/dashboard.html'),
    });
    void browser.notifications.clear(id);
  });
}
