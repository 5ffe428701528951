import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { openFromDisk } from './harness/from-disk';
import { downloaded } from './harness/pages';
import {
  ACTIVITY_ENDORSEMENT,
  addVouchingBack,
  askActivityEndorsement,
  signActivityRequest,
  storedActivity,
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

  it('a mentor vouches for that one activity: asked from its card, signed in a plain tab from disk, added back, shown vouched in the week and every export', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await page.bringToFront();
    const request = await askActivityEndorsement(page, downloads);
    const { id } = (await storedActivity(page)) as { id: string };
    await page.close();

    const tab = await openFromDisk(await ext.newTab(), request.path);
    await signActivityRequest(tab, id);
    await tab.close();
    const signed = await downloaded(downloads, ACTIVITY_ENDORSEMENT);

    await addVouchingBack(ext, signed, id, downloads, week.key);
  });
});
