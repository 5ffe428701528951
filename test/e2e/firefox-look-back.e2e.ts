import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, runAxe } from './harness/a11y';
import { readStore } from './harness/dexie-reader';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import {
  candidatesShown,
  expectKeptVisits,
  expectSearchAndArticleOnly,
  expectWeekFromHistory,
  keepCandidate,
  LOOK_BACK_QUERY,
  lookBackSite,
  sessionsFromHistory,
  startLookBack,
  tagCandidate,
  typeSkill,
  expectKeptWithSkill,
  visitBeforeRecording,
} from './harness/look-back';
import { storedSettings, waitForTruthy } from './harness/pages';
import { startServer, type TestServer } from './harness/server';

type Api = {
  permissions: { contains: (p: { permissions: string[] }) => Promise<boolean> };
};

function holdsHistory(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: Api }).browser.permissions.contains({
      permissions: ['history'],
    }),
  );
}

/** Waits until the look back has given `history` back. */
async function historyGivenBack(page: Page): Promise<void> {
  await waitForTruthy(
    page,
    () =>
      (globalThis as unknown as { browser: Api }).browser.permissions
        .contains({ permissions: ['history'] })
        .then((held) => !held),
    { timeout: 10_000 },
  );
}

/**
 * Looking back through the history in Firefox, with the shipped build: `history` is asked
 * for at the click (the harness answers the prompt as a person would) and given back when
 * the look back ends; refused, nothing changes.
 */
describe('Firefox: looking back through the history', () => {
  let server: TestServer;
  let ext: FirefoxSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));

  beforeAll(async () => {
    server = await startServer(lookBackSite(), { https: true });
    ext = await launchFirefoxWithExtension({
      prefs: downloadPrefs(downloads),
      hosts: {
        'duckduckgo.com': server.port,
        'notes.example.org': server.port,
        'www.paypal.com': server.port,
      },
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('asks at the click, gives the permission back, and keeps only what the learner keeps', async () => {
    const tab = await ext.newTab();
    await visitBeforeRecording(tab);
    await tab.close();

    const welcome = await ext.openExtensionPage('/welcome.html');
    await welcome.bringToFront();
    await welcome.waitForSelector('section.consent button.primary');
    expect(await welcome.$('.look-back')).toBeNull();
    await welcome.click('section.consent button.primary');
    await waitForTruthy(welcome, () => document.querySelector('.look-back') !== null);
    expect((await storedSettings(welcome)).trackingConsent).toBe(true);
    // Nothing asked, nothing held, before the click.
    expect(await holdsHistory(welcome)).toBe(false);
    expect(await ext.permissionPrompts()).toEqual([]);

    // Refused: a message, nothing read, nothing changed.
    await ext.answerPermissionPrompts(false);
    await startLookBack(welcome);
    await waitForTruthy(
      welcome,
      () => document.querySelector('.look-back')?.textContent?.includes('did not allow') ?? false,
      { timeout: 15_000 },
    );
    expect(await holdsHistory(welcome)).toBe(false);
    expect(await readStore(welcome, 'sessions')).toEqual([]);

    await ext.answerPermissionPrompts(true);
    await startLookBack(welcome);
    const found = await candidatesShown(welcome);
    const prompts = await ext.permissionPrompts();
    expect(prompts.map((p) => p.permissions)).toEqual([['history'], ['history']]);
    // Given back as soon as the look back ended.
    await historyGivenBack(welcome);

    const { reading } = expectSearchAndArticleOnly(found);
    expect(blocking(await runAxe(welcome))).toEqual([]);

    await tagCandidate(welcome, LOOK_BACK_QUERY, 'CSS layout');
    await keepCandidate(welcome, LOOK_BACK_QUERY);
    // A skill typed but not entered is kept with the item, as the popup saves one.
    await typeSkill(welcome, reading.title, 'Grid layout');
    await keepCandidate(welcome, reading.title);
    await expectKeptWithSkill(welcome, reading.title, 'Grid layout');
    const sessions = await sessionsFromHistory(welcome, 2);
    expect(sessions.map((s) => s.activeMs)).toEqual([0, 0]);
    await expectKeptVisits(welcome);
    await welcome.close();

    const week = await ext.openExtensionPage('/dashboard.html#/week');
    await expectWeekFromHistory(week, downloads);
    await week.close();

    // A second look back, from Settings: asked again, offers nothing already kept.
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await startLookBack(settings);
    await waitForTruthy(
      settings,
      () =>
        document.querySelector('.look-back')?.textContent?.includes('Nothing new to offer') ??
        false,
      { timeout: 60_000 },
    );
    expect((await ext.permissionPrompts()).length).toBe(3);
    await historyGivenBack(settings);
    await settings.close();
  });
});
