import { browser } from 'wxt/browser';
import { db } from '../../lib/store/records';
import { purgeExpired } from '../../lib/store/retention';
import { loadSettings, watchSettings } from '../../lib/settings/settings-storage';

export const RETENTION_ALARM = 'retention';
const DAY_MINUTES = 24 * 60;

/**
 * Deletes sessions older than the learner's retention setting (with their pages, searches
 * and captures). Does nothing while the learner keeps everything.
 */
export async function runRetention(now = Date.now()): Promise<number> {
  const { retentionMonths } = await loadSettings();
  if (retentionMonths <= 0) return 0;
  const counts = await purgeExpired(db(), now, retentionMonths);
  return counts.sessions;
}

/**
 * A daily alarm runs retention, and so does a change of the setting. Call synchronously in
 * the background's main(): Chrome wakes a stopped worker only for listeners added then.
 */
export function registerRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetention().catch(logFailure);
  });
  watchSettings((settings) => {
    if (settings.retentionMonths > 0) void runRetention().catch(logFailure);
  });
  // Alarms outlive the worker; creating it again on every wake would push it back forever.
  void (async () => {
    if (!(await browser.alarms.get(RETENTION_ALARM)))
      await browser.alarms.create(RETENTION_ALARM, {
        delayInMinutes: 5,
        periodInMinutes: DAY_MINUTES,
      });
  })().catch(logFailure);
}

function logFailure(error: unknown): void {
  // A purge that fails leaves everything as it was; the next day's alarm tries again.
  console.error('Skilltrail retention clean-up failed', error);
}
