import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { agreeOnWelcome, type ExtensionSession, launchWithExtension } from './harness/extension';
import { type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { clickButton, setNumber, storedSettings, waitForTruthy } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * Consent in the built extension, in both browsers: a fresh install records nothing until
 * the learner says yes on the welcome page, and after "Delete all my data" nothing again
 * until they say yes there once more. The reading threshold is shrunk in Settings, so each
 * page is read long enough to be recorded once recording is on.
 */

const PATHS = ['/before-yes', '/after-yes', '/after-delete', '/after-yes-again'] as const;
const OFF_TEXT = 'Skilltrail records nothing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The shortest thresholds Settings allows (recording or not: they are the learner's). */
async function shrinkThresholds(settings: Page): Promise<void> {
  await settings.waitForSelector('h1');
  await setNumber(settings, 'Minimum reading time', 5);
  await setNumber(settings, 'Away after', 15);
  const until = Date.now() + 5000;
  for (;;) {
    const stored = await storedSettings(settings);
    if (stored.minReadingMs === 5000 && stored.idleSeconds === 15) return;
    if (Date.now() > until) throw new Error(`Thresholds not saved: ${JSON.stringify(stored)}`);
    await sleep(100);
  }
}

/** "Delete all my data" in Settings, behind the typed word. */
async function deleteAll(settings: Page): Promise<void> {
  await clickButton(settings, 'Delete all my data');
  await settings.waitForSelector('.danger-zone input');
  await settings.type('.danger-zone input', 'DELETE');
  await clickButton(settings, 'Delete everything');
  await waitForTruthy(
    settings,
    () => document.body.textContent?.includes('Done. All your Skilltrail data is deleted.'),
    { timeout: 15_000 },
  );
}

/** Addresses of every page recorded (as a session or a page of one). */
async function recordedUrls(page: Page): Promise<string[]> {
  const sessions = await readStore<{ url: string }>(page, 'sessions');
  const visits = await readStore<{ url: string }>(page, 'visits');
  return [...sessions, ...visits].map((r) => r.url);
}

async function waitForRecorded(page: Page, url: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await recordedUrls(page)).includes(url)) {
    if (Date.now() > until) throw new Error(`${url} was never recorded.`);
    await sleep(250);
  }
}

/** The welcome page says what is recorded and where it stays, then asks. */
async function expectWelcomeAsks(welcome: Page): Promise<void> {
  await welcome.waitForSelector('section.consent');
  const text = await welcome.$eval('main', (e) => e.textContent ?? '');
  expect(text).toContain('Pages you read for at least 30 seconds');
  expect(text).toContain('Everything stays on this device.');
  expect(text).toContain('Skilltrail records nothing until you agree.');
  expect(await welcome.$eval('#welcome-start', (e) => e.textContent)).toBe('Turn on Skilltrail');
}

/** The dashboard's week view says recording is off, with the way to the welcome page. */
async function expectDashboardSaysOff(dashboard: Page, origin: string): Promise<void> {
  await dashboard.waitForSelector('.recording-off a');
  expect(await dashboard.$eval('.recording-off', (e) => e.textContent)).toContain(OFF_TEXT);
  expect(await dashboard.$eval('.recording-off a', (a) => (a as HTMLAnchorElement).href)).toBe(
    `${origin}/welcome.html`,
  );
}

describe('Chromium: nothing is recorded until the learner says yes on the welcome page', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let origin: string;
  /** An extension page, never recorded: switching to it ends a run of reading. */
  let home: Page;
  const url = (path: string) => `${server.origin}${path}`;

  beforeAll(async () => {
    server = await startServer(PATHS.map((p) => htmlPage(p, articleHtml(`Article ${p}`, 14))));
    ext = await launchWithExtension({ keepWelcome: true });
    origin = `chrome-extension://${ext.extensionId}`;
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Reads the article at `path` in front for longer than the threshold, then leaves it. */
  async function read(path: string): Promise<void> {
    const tab = await ext.newTab();
    await tab.bringToFront();
    await tab.goto(url(path));
    await sleep(7000);
    await home.bringToFront();
    await tab.close();
  }

  it('asks on the welcome page opened at install, and records nothing before yes', async () => {
    const target = await ext.browser.waitForTarget((t) => t.url().endsWith('/welcome.html'));
    const welcome = (await target.asPage())!;
    await expectWelcomeAsks(welcome);
    expect((await storedSettings(welcome)).trackingConsent ?? false).toBe(false);
    await welcome.close();

    home = await ext.openExtensionPage('/dashboard.html#/settings');
    await home.bringToFront();
    await shrinkThresholds(home);
    expect(await home.$eval('.pause-state', (e) => e.textContent)).toContain(OFF_TEXT);

    await read('/before-yes');
    await sleep(3000);
    expect(await recordedUrls(home)).toEqual([]);
    await home.goto(`${origin}/dashboard.html#/week`);
    await expectDashboardSaysOff(home, origin);
  });

  it('records once the learner says yes on the welcome page', async () => {
    const welcome = await ext.openExtensionPage('/welcome.html');
    await agreeOnWelcome(welcome);
    expect(await welcome.$eval('#welcome-start', (e) => e.textContent)).toBe('Skilltrail is on');
    await welcome.close();
    await home.bringToFront();
    expect(await home.$('.recording-off')).toBeNull();

    await read('/after-yes');
    await waitForRecorded(home, url('/after-yes'));
    expect(await recordedUrls(home)).not.toContain(url('/before-yes'));
  });

  it('after "Delete all my data", records nothing until the learner says yes again', async () => {
    await home.goto(`${origin}/dashboard.html#/settings`);
    await deleteAll(home);
    expect(await recordedUrls(home)).toEqual([]);
    await waitForTruthy(
      home,
      (t) => document.querySelector('.pause-state')?.textContent?.includes(t),
      {},
      OFF_TEXT,
    );
    // Settings are gone with everything else: the learner shrinks the threshold again.
    await shrinkThresholds(home);
    expect((await storedSettings(home)).trackingConsent).toBe(false);

    await read('/after-delete');
    await sleep(3000);
    expect(await recordedUrls(home)).toEqual([]);

    await home.goto(`${origin}/dashboard.html#/week`);
    await expectDashboardSaysOff(home, origin);

    const welcome = await ext.openExtensionPage('/welcome.html');
    await expectWelcomeAsks(welcome);
    await agreeOnWelcome(welcome);
    await welcome.close();
    await home.bringToFront();
    await read('/after-yes-again');
    await waitForRecorded(home, url('/after-yes-again'));
    expect(await recordedUrls(home)).not.toContain(url('/after-delete'));
  });

  // Last: after the toolbar popup in headless Chromium, reading in this test's tabs was no
  // longer counted (the popup there stands in a window of its own), so it comes after the
  // reading checks.
  it('says in the popup that recording is off after "Delete all my data"', async () => {
    await home.goto(`${origin}/dashboard.html#/settings`);
    await deleteAll(home);
    await home.goto(`${origin}/dashboard.html#/week`);
    await expectDashboardSaysOff(home, origin);
    // On an extension page, where the popup captures nothing itself.
    const popup = await ext.openPopup(home);
    await popup.waitForSelector('.recording-off a');
    expect(await popup.$eval('.recording-off', (e) => e.textContent)).toContain(OFF_TEXT);
    expect(await popup.$eval('.recording-off a', (a) => (a as HTMLAnchorElement).href)).toBe(
      `${origin}/welcome.html`,
    );
    await popup.close();
    expect(await recordedUrls(home)).toEqual([]);
  });
});

describe('Firefox: nothing is recorded until the learner says yes on the welcome page', () => {
  let server: TestServer;
  let ext: FirefoxSession;
  let home: Page;
  const url = (path: string) => `${server.origin}${path}`;

  beforeAll(async () => {
    server = await startServer(PATHS.map((p) => htmlPage(p, articleHtml(`Article ${p}`, 14))));
    ext = await launchFirefoxWithExtension({ keepWelcome: true });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /**
   * Reads the article at `path` as a person does (now and then a key or a mouse move, told
   * to Firefox's idle service), past the idle threshold that confirms attention without
   * the engagement script, then leaves it.
   */
  async function read(path: string): Promise<void> {
    const tab = await ext.newTab();
    await tab.bringToFront();
    await ext.userActivity();
    await tab.goto(url(path));
    for (const until = Date.now() + 21_000; Date.now() < until;) {
      await ext.userActivity();
      await sleep(3000);
    }
    await home.bringToFront();
    await tab.close();
  }

  it('asks on the welcome page opened at install, and records nothing before yes', async () => {
    const opened = await ext.tabs();
    expect(opened.map((t) => t.url)).toContain(`${ext.origin}/welcome.html`);
    const welcome = await ext.openExtensionPage('/welcome.html');
    await expectWelcomeAsks(welcome);
    await welcome.close();

    home = await ext.openExtensionPage('/dashboard.html#/settings');
    await home.bringToFront();
    await shrinkThresholds(home);
    expect(await home.$eval('.pause-state', (e) => e.textContent)).toContain(OFF_TEXT);

    await read('/before-yes');
    await sleep(3000);
    expect(await recordedUrls(home)).toEqual([]);
    await ext.gotoPrivileged(home, `${ext.origin}/dashboard.html#/week`);
    await expectDashboardSaysOff(home, ext.origin);
  });

  it('records once the learner says yes on the welcome page', async () => {
    const welcome = await ext.openExtensionPage('/welcome.html');
    await agreeOnWelcome(welcome);
    await welcome.close();
    await home.bringToFront();

    await read('/after-yes');
    await waitForRecorded(home, url('/after-yes'));
    expect(await recordedUrls(home)).not.toContain(url('/before-yes'));
  });

  it('after "Delete all my data", records nothing until the learner says yes again', async () => {
    await ext.gotoPrivileged(home, `${ext.origin}/dashboard.html#/settings`);
    await deleteAll(home);
    expect(await recordedUrls(home)).toEqual([]);
    await shrinkThresholds(home);
    expect((await storedSettings(home)).trackingConsent).toBe(false);

    await read('/after-delete');
    await sleep(3000);
    expect(await recordedUrls(home)).toEqual([]);

    await ext.gotoPrivileged(home, `${ext.origin}/dashboard.html#/week`);
    await expectDashboardSaysOff(home, ext.origin);
    const popup = await ext.clickToolbarButton();
    await popup.waitFor('.recording-off a');
    expect((await popup.texts('.recording-off'))[0]).toContain(OFF_TEXT);
    expect(await popup.texts('.recording-off a')).toEqual(['Choose on the welcome page']);
    await popup.close();

    const welcome = await ext.openExtensionPage('/welcome.html');
    await expectWelcomeAsks(welcome);
    await agreeOnWelcome(welcome);
    await welcome.close();
    await home.bringToFront();
    await read('/after-yes-again');
    await waitForRecorded(home, url('/after-yes-again'));
    expect(await recordedUrls(home)).not.toContain(url('/after-delete'));
  }, 180_000);
});
