import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

describe('capture, tag and find again', () => {
  let server: TestServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await startServer([
      htmlPage(
        '/css-grid',
        articleHtml('A complete guide to CSS grid', 14, '<link rel="canonical" href="/css-grid">'),
      ),
    ]);
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('captures the page in the popup, saves a skill and a note, and shows them again', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/css-grid?utm_source=newsletter`);
    await tab.bringToFront();

    let popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    expect(await popup.$eval('.page-title', (e) => e.textContent)).toBe(
      'A complete guide to CSS grid',
    );
    expect(await popup.$eval('.meta', (e) => e.textContent)).toMatch(/Ada Example.*min read/);

    await popup.type('[role="combobox"]', 'Front-end development');
    await popup.keyboard.press('Enter');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.keyboard.press('Enter');
    await popup.type('#session-note', 'Grid areas name parts of a layout.');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForSelector('.status .ok');
    await popup.close();

    await tab.bringToFront();
    popup = await ext.openPopup();
    await popup.waitForSelector('.chip');
    expect(await popup.$$eval('.chip span', (els) => els.map((e) => e.textContent))).toEqual([
      'Front-end development',
      'CSS',
    ]);
    expect(await popup.$eval('#session-note', (e) => (e as HTMLTextAreaElement).value)).toBe(
      'Grid areas name parts of a layout.',
    );
    await popup.close();

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await dashboard.waitForSelector('.session-card');
    const card = await dashboard.$eval('.session-card', (e) => e.textContent ?? '');
    expect(card).toContain('A complete guide to CSS grid');
    expect(card).toContain('Front-end development');
    expect(card).toContain('Grid areas name parts of a layout.');

    // Capturing again (another URL form of the same page) updates the one session.
    await tab.goto(`${server.origin}/css-grid#section-2`);
    await tab.bringToFront();
    popup = await ext.openPopup();
    await popup.waitForSelector('.chip');
    await popup.close();
    const sessions = await readStore(dashboard, 'sessions');
    const captures = await readStore(dashboard, 'captures');
    expect(sessions).toHaveLength(1);
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({
      url: `${server.origin}/css-grid`,
      byline: 'By Ada Example',
    });
  });

  it('explains pages that cannot be captured', async () => {
    const tab = await ext.browser.newPage();
    await tab.goto('chrome://version');
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('[role="status"]');
    await popup.waitForFunction(() => document.body.textContent?.includes('browser page'));
    await popup.close();
  });
});
