import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from './harness/extension';

interface ChromeApi {
  alarms: {
    get: (name: string) => Promise<{ name: string; scheduledTime: number } | undefined>;
    create: (name: string, info: { when: number }) => Promise<void>;
  };
  notifications: { getAll: () => Promise<Record<string, boolean>> };
  storage: { local: { set: (items: Record<string, unknown>) => Promise<void> } };
}

describe('the weekly reminder', () => {
  let ext: ExtensionSession;

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('is scheduled for the learner’s day and time, and shows last week when it rings', async () => {
    const page = await ext.openExtensionPage('/dashboard.html');
    // Wednesday 18:30 local time, set the way the Settings view stores it.
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({
        settings: { reminderEnabled: true, reminderDay: 3, reminderTime: '18:30' },
      }),
    );
    const worker = await ext.worker();
    const scheduled = await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      for (let i = 0; i < 50; i++) {
        const alarm = await chrome.alarms.get('weekly-reminder');
        const at = alarm && new Date(alarm.scheduledTime);
        if (at && at.getDay() === 3 && at.getHours() === 18 && at.getMinutes() === 30)
          return alarm.scheduledTime;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    expect(scheduled).not.toBeNull();
    expect(scheduled!).toBeGreaterThan(Date.now());
    expect(scheduled!).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);

    // Let it ring now instead of waiting for Wednesday.
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.create('weekly-reminder', {
        when: Date.now() + 50,
      }),
    );
    const ids = await worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const all = Object.keys(await chrome.notifications.getAll());
        if (all.length > 0) return all;
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    });
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^weekly-reminder:\d{4}-W\d\d$/);
  });
});
