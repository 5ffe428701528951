import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { blocking, colourScheme, runAxe } from './harness/a11y';
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
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

describe('learning away from the screen (Chromium)', () => {
  let ext: ExtensionSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });

  beforeAll(async () => {
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('the popup links to "Add learning"', async () => {
    const popup = await ext.openExtensionPage('/popup.html');
    const href = await popup.waitForSelector('[data-action="add-learning"]');
    expect(await href!.evaluate((a) => (a as HTMLAnchorElement).href)).toMatch(
      /\/dashboard\.html#\/add$/,
    );
    await popup.close();
  });

  it('adds a mentoring session with the keyboard alone, two skills tagged, stored as stated', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/add');
    await addMentoringByKeyboard(page);
    const stored = await expectStoredAsStated(page);
    expect(stored.people).toBe('Rosa, senior technician');
    await putMeasuredSession(page);
    await page.close();
  });

  it('shows it in the week apart from measured time, and exports it everywhere', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await expectWeekShowsItApart(page);

    await expectWeekExports(page, downloads, week.key);
    await page.close();
  });

  it('a mentor vouches for that one activity: asked from its card, signed in a plain tab from disk, added back, shown vouched in the week and every export', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    const request = await askActivityEndorsement(page, downloads);
    const { id } = (await storedActivity(page)) as { id: string };
    await page.close();

    const tab = await openFromDisk(await ext.browser.newPage(), request.path);
    await signActivityRequest(tab, id);
    await tab.close();
    const signed = await downloaded(downloads, ACTIVITY_ENDORSEMENT);

    await addVouchingBack(ext, signed, id, downloads, week.key);
  });

  it('refuses a day that has not come yet, and stores nothing', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/add');
    await page.waitForSelector('.stated-form');
    await page.click('input[value="work"]');
    await page.$eval('input[type="date"]', (input) => {
      const el = input as HTMLInputElement;
      el.max = '';
      el.value = '2099-01-01';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('.stated-form button[type="submit"]');
    await page.waitForSelector('.stated-problems li');
    const alert = await page.$eval('.stated-problems', (e) => e.textContent ?? '');
    expect(alert).toContain('This day has not come yet.');
    expect(alert).toContain('Choose at least one skill.');
    await page.close();
  });

  it('the form is axe-clean in light and dark', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/add');
    await page.waitForSelector('.stated-form');
    for (const scheme of ['light', 'dark'] as const) {
      await colourScheme(page, scheme);
      expect(blocking(await runAxe(page)), scheme).toEqual([]);
    }
    await page.close();
  });
});
