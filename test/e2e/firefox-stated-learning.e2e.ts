import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import {
  addMentoringByKeyboard,
  expectStoredAsStated,
  expectWeekExports,
  expectWeekShowsItApart,
  putMeasuredSession,
} from './harness/stated-learning';

describe('Firefox: learning away from the screen (the shipped build)', () => {
  let ext: FirefoxSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });

  beforeAll(async () => {
    ext = await launchFirefoxWithExtension({ prefs: downloadPrefs(downloads), consent: true });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('adds a mentoring session with the keyboard alone, two skills tagged, stored as stated', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/add');
    await page.bringToFront();
    await addMentoringByKeyboard(page);
    await expectStoredAsStated(page);
    await putMeasuredSession(page);
    await page.close();
  });

  it('shows it in the week apart from measured time, and exports it everywhere', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await page.bringToFront();
    await expectWeekShowsItApart(page);

    await expectWeekExports(page, downloads, week.key);
    await page.close();
  });
});
