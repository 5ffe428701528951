import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { agreeOnWelcome, type ExtensionSession, launchWithExtension } from './harness/extension';
import { clickButton, storedSettings } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * The learner's controls in the built extension: pausing from Settings, "Never record
 * this site" from the popup, and deleting everything behind the typed word.
 */

/**
 * Clicks the button whose text is `text`. Through its handle, not a locator: a locator
 * waits for animation frames, which a tab behind another (the welcome page) never gets.
 */
describe('the learner’s controls', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let port: number;
  const page = (host: string, path: string) => `http://${host}:${port}${path}`;

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/grid', articleHtml('A complete guide to CSS grid')),
      htmlPage('/flex', articleHtml('Flexbox in depth')),
    ]);
    port = server.port;
    // Named hosts, so excluding one site leaves the others recordable.
    ext = await launchWithExtension({
      hostResolverRules: 'MAP *.test 127.0.0.1',
      keepWelcome: true,
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('opens the welcome page on install, asks before recording, then says how to pause', async () => {
    const target = await ext.browser.waitForTarget((t) => t.url().endsWith('/welcome.html'));
    const welcome = (await target.asPage())!;
    await welcome.waitForSelector('h1');
    expect(await welcome.$eval('h1', (e) => e.textContent)).toBe('Welcome to Skilltrail');
    await welcome.waitForSelector('#welcome-start');
    expect(await welcome.$eval('#welcome-start', (e) => e.textContent)).toBe('Turn on Skilltrail');
    await agreeOnWelcome(welcome);
    expect(await welcome.$eval('#welcome-start', (e) => e.textContent)).toBe('Skilltrail is on');
    expect(await welcome.$eval('main', (e) => e.textContent)).toContain('To pause it');
    expect((await storedSettings(welcome)).trackingConsent).toBe(true);
    await welcome.close();
  });

  it('pauses from Settings, and the popup says so and resumes', async () => {
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await settings.waitForSelector('h1');
    await clickButton(settings, 'For 1 hour');
    await settings.waitForFunction(() =>
      document.querySelector('.pause-state')?.textContent?.startsWith('Paused until'),
    );
    expect(Number((await storedSettings(settings)).pausedUntil)).toBeGreaterThan(Date.now());

    const tab = await ext.newTab();
    await tab.goto(page('docs.test', '/grid'));
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.pause-state');
    expect(await popup.$eval('.pause-state', (e) => e.textContent)).toMatch(/^Paused until /);
    // Opening the popup while paused records nothing by itself.
    await popup.waitForFunction(() =>
      document.body.textContent?.includes('While paused, this page is not captured.'),
    );
    expect(await readStore(popup, 'captures')).toEqual([]);
    await clickButton(popup, 'Resume');
    await popup.waitForFunction(() => !document.querySelector('.pause-state'));
    expect((await storedSettings(popup)).pausedUntil).toBe(0);
    // Resumed, the popup does what it does: captures the page.
    await popup.waitForSelector('.page-title');
    await popup.close();

    // Settings, still open, shows the change made in the popup.
    await settings.waitForFunction(() =>
      document.querySelector('.pause-state')?.textContent?.includes('recording'),
    );
    await settings.close();
    await tab.close();
  });

  it('never records a site again after "Never record this site", keeping what was recorded', async () => {
    const tab = await ext.newTab();
    await tab.goto(page('shop.test', '/grid'));
    await tab.bringToFront();
    let popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await clickButton(popup, 'Never record this site');
    const also = await popup.$eval(
      '.never-record input[type="checkbox"]',
      (e) => (e as HTMLInputElement).checked,
    );
    expect(also).toBe(false);
    await clickButton(popup, 'Never record shop.test');
    await popup.waitForFunction(() =>
      document.querySelector('.never-record [role="status"]')?.textContent?.includes('shop.test'),
    );
    expect(await popup.$eval('.never-record [role="status"]', (e) => e.textContent)).toBe(
      'shop.test will never be recorded. What was already recorded stays.',
    );
    expect((await storedSettings(popup)).excludedSites).toContain('shop.test');
    await popup.close();

    // Next time, the capture is refused with the clear message, on any page of the site.
    await tab.goto(page('shop.test', '/flex'));
    await tab.bringToFront();
    popup = await ext.openPopup();
    await popup.waitForFunction(() =>
      document.body.textContent?.includes('You chose never to record this site.'),
    );
    expect(await popup.$('.page-title')).toBeNull();
    expect(await popup.$('.never-record')).toBeNull();
    const sessions = await readStore<{ url: string; domain: string }>(popup, 'sessions');
    expect(sessions.filter((s) => s.domain === 'shop.test').map((s) => s.url)).toEqual([
      page('shop.test', '/grid'),
    ]);
    await popup.close();
    await tab.close();
  });

  it('deletes what was recorded from a site when the learner also asks for that', async () => {
    const tab = await ext.newTab();
    await tab.goto(page('forum.test', '/grid'));
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await clickButton(popup, 'Never record this site');
    await popup.click('.never-record input[type="checkbox"]');
    await clickButton(popup, 'Never record forum.test');
    await popup.waitForFunction(() =>
      document.body.textContent?.includes('You chose never to record this site.'),
    );
    const sessions = await readStore<{ domain: string }>(popup, 'sessions');
    const captures = await readStore<{ url: string }>(popup, 'captures');
    expect(sessions.map((s) => s.domain)).not.toContain('forum.test');
    expect(captures.map((c) => c.url).filter((u) => u.includes('forum.test'))).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('deletes all data after the typed confirmation, and says it is done', async () => {
    // Something in every kind of store first: a capture with a skill and a note.
    const tab = await ext.newTab();
    await tab.goto(page('docs.test', '/flex'));
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.keyboard.press('Enter');
    await popup.type('#session-note', 'Flex basis first.');
    await clickButton(popup, 'Save');
    await popup.waitForSelector('.status .ok');
    await popup.close();
    await tab.close();

    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await settings.waitForSelector('h1');
    expect((await readStore(settings, 'sessions')).length).toBeGreaterThan(0);
    expect((await readStore(settings, 'skills')).length).toBeGreaterThan(0);

    await clickButton(settings, 'Delete all my data');
    const confirm = 'button::-p-text(Delete everything)';
    await settings.waitForSelector(confirm);
    expect(await settings.$eval(confirm, (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    const label = await settings.$eval('.danger-zone label', (e) => e.textContent);
    expect(label).toBe('To confirm, type DELETE');
    await settings.type('.danger-zone input', 'DELETE');
    await clickButton(settings, 'Delete everything');
    await settings.waitForFunction(() =>
      document.body.textContent?.includes('Done. All your Skilltrail data is deleted.'),
    );

    for (const store of ['sessions', 'visits', 'searches', 'skills', 'captures', 'outbox']) {
      expect(await readStore(settings, store), store).toEqual([]);
    }
    // The background may write fresh state of its own again (the tracker follows the open
    // tabs); nothing of the past, and no identity, survives.
    const meta = await readStore<{ key: string }>(settings, 'meta');
    expect(meta.map((m) => m.key)).not.toContain('install-id');
    expect(JSON.stringify(meta)).not.toMatch(/docs\.test|shop\.test|forum\.test|Flex basis/);
    // Settings are back to their defaults: the sites the learner excluded are gone.
    expect((await storedSettings(settings)).excludedSites ?? []).not.toContain('shop.test');
    await settings.close();
  });
});
