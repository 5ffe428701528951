import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';
import { waitForTruthy } from './harness/pages';

/** Extension APIs, as an extension page sees them (typed only as far as the tests need). */
type Api = {
  permissions: { getAll: () => Promise<{ origins?: string[] }> };
  tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText: (d: { tabId: number }) => Promise<string> };
};

/** The badge text Skilltrail shows on the tab at `url`. */
function badgeText(extensionPage: Page, url: string): Promise<string> {
  return extensionPage.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    return api.action.getBadgeText({ tabId: tab?.id ?? -1 });
  }, url);
}

function pages(server: TestServer) {
  return {
    grid: `${server.origin}/css-grid`,
    flexbox: `${server.origin}/flexbox`,
    subgrid: `${server.origin}/subgrid`,
  };
}

describe('Firefox: capture, tag and find again (the shipped build)', () => {
  let server: TestServer;
  let ext: FirefoxSession;

  beforeAll(async () => {
    server = await startServer([
      htmlPage(
        '/css-grid',
        articleHtml('A complete guide to CSS grid', 14, '<link rel="canonical" href="/css-grid">'),
      ),
      htmlPage('/flexbox', articleHtml('Flexbox in practice', 10)),
      htmlPage('/subgrid', articleHtml('Subgrid, finally', 10)),
    ]);
    ext = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('captures the page in the toolbar popup, saves a skill and a note, and shows them again', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${pages(server).grid}?utm_source=newsletter`);
    await tab.bringToFront();

    let popup = await ext.clickToolbarButton();
    await popup.waitFor('.page-title');
    expect(await popup.texts('.page-title')).toEqual(['A complete guide to CSS grid']);
    expect((await popup.texts('.meta'))[0]).toMatch(/Ada Example.*min read/);

    // Each skill is stored before the next is typed, at a person's pace.
    await popup.type('[role="combobox"]', 'Front-end development');
    await popup.press('Enter');
    await popup.waitForCount('.chip', 1);
    await popup.type('[role="combobox"]', 'CSS');
    await popup.press('Enter');
    await popup.waitForCount('.chip', 2);
    await popup.type('#session-note', 'Grid areas name parts of a layout.');
    await popup.press('Enter', { control: true });
    await popup.waitFor('.status .ok');
    await popup.close();

    await tab.bringToFront();
    popup = await ext.clickToolbarButton();
    await popup.waitFor('.chip');
    expect(await popup.texts('.chip span')).toEqual(['Front-end development', 'CSS']);
    expect(await popup.value('#session-note')).toBe('Grid areas name parts of a layout.');
    await popup.close();

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await dashboard.waitForSelector('.session-card');
    const card = await dashboard.$eval('.session-card', (e) => e.textContent ?? '');
    expect(card).toContain('A complete guide to CSS grid');
    expect(card).toContain('Front-end development');
    expect(card).toContain('Grid areas name parts of a layout.');

    // The click's activeTab was enough: the shipped build holds no host access.
    const granted = await dashboard.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.permissions.getAll(),
    );
    expect(granted.origins ?? []).toEqual([]);
    const captures = await readStore(dashboard, 'captures');
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ url: pages(server).grid, byline: 'By Ada Example' });
    await dashboard.close();
  });

  it('captures with the keyboard shortcut and confirms on the badge for a moment', async () => {
    const tab = await ext.newTab();
    await tab.goto(pages(server).flexbox);
    await tab.bringToFront();
    await ext.pressShortcut('Alt+Shift+S');

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await waitForTruthy(
      dashboard,
      () =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('skilltrail');
          open.onsuccess = () => {
            const all = open.result.transaction('captures').objectStore('captures').getAll();
            all.onsuccess = () =>
              done(all.result.some((c: { title?: string }) => c.title === 'Flexbox in practice'));
          };
        }),
      { polling: 200, timeout: 10_000 },
    );
    const captures = await readStore<{ title: string; byline?: string }>(dashboard, 'captures');
    expect(captures.find((c) => c.title === 'Flexbox in practice')?.byline).toBe('By Ada Example');

    expect(await badgeText(dashboard, pages(server).flexbox)).toBe('✓');
    // Firefox accepts `null` to hand the tab back to the badge every tab shares.
    await waitForTruthy(
      dashboard,
      async (u) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        const t = (await api.tabs.query({})).find((x) => x.url === u);
        return (await api.action.getBadgeText({ tabId: t?.id ?? -1 })) !== '✓';
      },
      { polling: 250, timeout: 10_000 },
      pages(server).flexbox,
    );
    await dashboard.close();
  });

  it("captures from the page's context menu", async () => {
    const tab = await ext.newTab();
    await tab.goto(pages(server).subgrid);
    await tab.bringToFront();
    await ext.chooseContextMenuItem(tab, 'h1', 'Capture this page');

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await waitForTruthy(
      dashboard,
      () => document.body.textContent?.includes('Subgrid, finally') ?? false,
      { polling: 200, timeout: 10_000 },
    );
    await dashboard.close();
  });

  it('explains pages that cannot be captured', async () => {
    const tab = await ext.newTab();
    await ext.gotoPrivileged(tab, 'about:robots');
    await tab.bringToFront();
    const popup = await ext.clickToolbarButton();
    await popup.waitForText('browser page');
    await popup.close();
  });
});

describe('Firefox: after the event page is suspended', () => {
  let server: TestServer;
  let ext: FirefoxSession;

  beforeAll(async () => {
    server = await startServer([htmlPage('/grid', articleHtml('Grid after a nap', 10))]);
    // Firefox suspends an idle event page after 30 s; a second makes the test quick.
    ext = await launchFirefoxWithExtension({
      prefs: { 'extensions.background.idle.timeout': 1000 },
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('wakes for the toolbar popup and captures', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/grid`);
    await tab.bringToFront();
    const deadline = Date.now() + 20_000;
    while ((await ext.backgroundState()) !== 'stopped') {
      if (Date.now() > deadline) throw new Error('The event page was never suspended.');
      await new Promise((r) => setTimeout(r, 250));
    }

    const popup = await ext.clickToolbarButton();
    await popup.waitFor('.page-title');
    expect(await popup.texts('.page-title')).toEqual(['Grid after a nap']);
    await popup.close();
  });
});
