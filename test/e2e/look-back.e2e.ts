import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, runAxe } from './harness/a11y';
import {
  agreeOnWelcome,
  launchWithExtension,
  profileDownloadingTo,
  type ExtensionSession,
} from './harness/extension';
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
import { downloaded, waitForTruthy } from './harness/pages';
import { startServer, type TestServer } from './harness/server';

/**
 * Looking back through the history in Chromium (the e2e build, which holds `history` from
 * install: Chromium's permission prompt cannot be answered by automation; Firefox's test
 * asks for it and gives it back). Pages visited before recording was on are found, kept,
 * tagged, shown as from history and exported, and never offered twice.
 */
describe('Chromium: looking back through the history', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));

  beforeAll(async () => {
    server = await startServer(lookBackSite(), { https: true });
    ext = await launchWithExtension({
      hostResolverRules: `MAP * 127.0.0.1:${server.port}`,
      consent: false,
      userDataDir: profileDownloadingTo(downloads),
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('finds the search with its result and the article, never the excluded site; kept items are from history, apart from measured time, exported, and never offered again', async () => {
    const tab = await ext.newTab();
    await visitBeforeRecording(tab);
    await tab.close();

    const welcome = await ext.openExtensionPage('/welcome.html');
    await agreeOnWelcome(welcome);
    await startLookBack(welcome);
    const found = await candidatesShown(welcome);
    const { reading } = expectSearchAndArticleOnly(found);
    expect(reading.title).toBe('A complete guide to CSS grid layout');
    expect(blocking(await runAxe(welcome))).toEqual([]);

    await tagCandidate(welcome, LOOK_BACK_QUERY, 'CSS layout');
    await keepCandidate(welcome, LOOK_BACK_QUERY);
    // A skill typed but not entered is kept with the item, as the popup saves one.
    await typeSkill(welcome, reading.title, 'Grid layout');
    await keepCandidate(welcome, reading.title);
    await expectKeptWithSkill(welcome, reading.title, 'Grid layout');
    const sessions = await sessionsFromHistory(welcome, 2);
    expect(sessions.filter((s) => s.provenance === 'from-history').map((s) => s.activeMs)).toEqual([
      0, 0,
    ]);
    expect(sessions.some((s) => s.url.includes('paypal'))).toBe(false);
    expect(sessions.find((s) => s.kind === 'search')?.skills).toHaveLength(1);
    await expectKeptVisits(welcome);
    await welcome.close();

    // The week: both shown as from history, none of their time in the measured total.
    const week = await ext.openExtensionPage('/dashboard.html#/week');
    await expectWeekFromHistory(week, downloads);
    expect(
      await week.$$eval('[data-provenance="from-history"] .provenance', (els) =>
        els.map((e) => e.textContent),
      ),
    ).toEqual(['From history', 'From history'].map((l) => expect.stringContaining(l)));
    await week.click('[data-export="xapi"]');
    const xapi = (await downloaded(downloads, /^skilltrail-.*-xapi\.json$/)).text;
    expect(xapi).toContain('from-history');
    await week.close();

    // A second look back offers nothing already kept.
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await startLookBack(settings);
    await waitForTruthy(
      settings,
      () =>
        document.querySelector('.look-back')?.textContent?.includes('Nothing new to offer') ??
        false,
      { timeout: 60_000 },
    );
    expect(await settings.$$('.look-back-review li[data-candidate]')).toHaveLength(0);
    await settings.close();
  });
});

/**
 * The shipped build holds no `history`: Chromium asks at the click. Its question cannot be
 * answered by automation, so this checks what can be seen of it: nothing granted before the
 * click, the page saying the browser is asking, still nothing granted and nothing read.
 */
describe('Chromium, the shipped build: history is asked for at the click', () => {
  let ext: ExtensionSession;

  beforeAll(async () => {
    ext = await launchWithExtension({ build: 'production' });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('holds nothing before the click, asks at it, and reads nothing while the question waits', async () => {
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    type Permissions = {
      permissions: { contains: (p: { permissions: string[] }) => Promise<boolean> };
    };
    const holds = () =>
      settings.evaluate(() =>
        (globalThis as unknown as { chrome: Permissions }).chrome.permissions.contains({
          permissions: ['history'],
        }),
      );
    expect(await holds()).toBe(false);
    await startLookBack(settings);
    await waitForTruthy(
      settings,
      () =>
        document
          .querySelector('.look-back')
          ?.textContent?.includes(
            'Your browser is asking whether Skilltrail may read your history',
          ) ?? false,
      { timeout: 20_000 },
    );
    expect(await holds()).toBe(false);
    expect(await settings.$('.look-back progress')).toBeNull();
    expect(await settings.$$('.look-back-review li[data-candidate]')).toHaveLength(0);
    await settings.close();
  });
});
