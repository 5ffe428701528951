import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { setNumber, storedSettings, waitForTruthy } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

type Api = {
  storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } };
  action: { getBadgeText: (details: object) => Promise<string> };
};

/** Clicks the button that reads `text`, as a person would. */
async function clickButton(page: Page, text: string): Promise<void> {
  await waitForTruthy(
    page,
    (t) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === t),
    { timeout: 5000 },
    text,
  );
  for (const button of await page.$$('button')) {
    if ((await button.evaluate((b) => b.textContent?.trim())) === text) return button.click();
  }
}

/** Whether the extension's database holds any search, session or visit. */
async function recordedAnything(page: Page): Promise<boolean> {
  for (const store of ['searches', 'sessions', 'visits']) {
    if ((await readStore(page, store)).length > 0) return true;
  }
  return false;
}

/** A person reading: now and then a mouse move or a key, for `ms`. */
async function reading(ext: FirefoxSession, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await ext.userActivity();
    await new Promise((r) => setTimeout(r, Math.min(3000, Math.max(0, until - Date.now()))));
  }
}

function resultsPage(query: string, resultUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${query} at DuckDuckGo</title></head>
<body><form action="/"><input name="q" value="${query}"></form>
<ol><li><a id="first" href="${resultUrl}">A complete guide to CSS grid</a></li></ol></body></html>`;
}

describe('Firefox: automatic tracking of a web search (the shipped build)', () => {
  let site: TestServer;
  let engine: TestServer;
  let ext: FirefoxSession;

  beforeAll(async () => {
    site = await startServer([
      htmlPage('/css-grid', articleHtml('A complete guide to CSS grid', 14)),
    ]);
    // The real engine's address, answered by a local HTTPS server through the test proxy.
    engine = await startServer(
      [
        (_req, res, url) => {
          if (url.pathname !== '/' || !url.searchParams.get('q')) return false;
          const html = resultsPage(url.searchParams.get('q') ?? '', `${site.origin}/css-grid`);
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
          return true;
        },
      ],
      { https: true },
    );
    ext = await launchFirefoxWithExtension({ hosts: { 'duckduckgo.com': engine.port } });
  });

  afterAll(async () => {
    await ext?.close();
    await engine?.close();
    await site?.close();
  });

  async function searchAndRead(query: string): Promise<Page> {
    const tab = await ext.newTab();
    await tab.bringToFront();
    await ext.userActivity();
    await tab.goto(`https://duckduckgo.com/?q=${encodeURIComponent(query)}&t=h_`);
    await reading(ext, 2000);
    await Promise.all([tab.waitForNavigation(), tab.click('#first')]);
    expect(tab.url()).toBe(`${site.origin}/css-grid`);
    // Without the engagement script, attention is confirmed once the idle threshold (15 s)
    // has passed without an idle report; the threshold is 5 s of reading on top.
    await reading(ext, 21_000);
    return tab;
  }

  it('records nothing until the learner turns tracking on, then a search and the result read from it', async () => {
    // The shortest reading threshold Settings allows keeps the test short.
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await settings.waitForSelector('h1');
    await setNumber(settings, 'Minimum reading time', 5);
    await waitForTruthy(
      settings,
      async () =>
        (
          (await (globalThis as unknown as { browser: Api }).browser.storage.local.get(
            'settings',
          )) as { settings?: { minReadingMs?: number } }
        ).settings?.minReadingMs === 5000,
      { polling: 200, timeout: 5000 },
    );
    expect((await storedSettings(settings)).trackingConsent).toBe(false);
    await settings.close();

    // Firefox: off until the learner agrees, and the badge says so.
    const before = await searchAndRead('css grid before consent');
    const check = await ext.openExtensionPage('/dashboard.html');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await recordedAnything(check)).toBe(false);
    expect(
      await check.evaluate(() =>
        (globalThis as unknown as { browser: Api }).browser.action.getBadgeText({}),
      ),
    ).toBe('⏸');
    await check.close();
    await before.close();

    const welcome = await ext.openExtensionPage('/welcome.html');
    await welcome.bringToFront();
    await clickButton(welcome, 'Turn on Skilltrail');
    await waitForTruthy(
      welcome,
      () => document.body.textContent?.includes('Skilltrail is on') ?? false,
      { timeout: 5000 },
    );
    expect((await storedSettings(welcome)).trackingConsent).toBe(true);
    await welcome.close();

    await searchAndRead('css grid vs flexbox');

    // Leaving the tab closes the run of attention, and the session is written.
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await waitForTruthy(
      dashboard,
      (url) =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('skilltrail');
          open.onsuccess = () => {
            const all = open.result.transaction('visits').objectStore('visits').getAll();
            all.onsuccess = () => done(all.result.some((v: { url: string }) => v.url === url));
            all.onerror = () => done(false);
          };
          open.onerror = () => done(false);
        }),
      { polling: 500, timeout: 15_000 },
      `${site.origin}/css-grid`,
    );

    const searches = await readStore<{ engine: string; query: string; sessionId: string }>(
      dashboard,
      'searches',
    );
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ engine: 'duckduckgo', query: 'css grid vs flexbox' });
    const sessions = await readStore<{ id: string; kind: string }>(dashboard, 'sessions');
    expect(sessions.find((s) => s.id === searches[0]?.sessionId)?.kind).toBe('search');
    const visits = await readStore<{ url: string; sessionId: string; activeMs: number }>(
      dashboard,
      'visits',
    );
    const read = visits.find((v) => v.url === `${site.origin}/css-grid`);
    expect(read?.sessionId).toBe(searches[0]?.sessionId);
    expect(read?.activeMs).toBeGreaterThan(15_000);

    await waitForTruthy(
      dashboard,
      () => document.body.textContent?.includes('css grid vs flexbox') ?? false,
      { timeout: 10_000 },
    );
    await dashboard.close();
  });
});
