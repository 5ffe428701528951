import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { expectBadgesPassIndependentCheckers } from './harness/badge-checks';
import { downloaded } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

describe('Firefox: exports from the dashboard (the shipped build)', () => {
  let server: TestServer;
  let ext: FirefoxSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/css-grid', articleHtml('A complete guide to CSS grid')),
    ]);
    ext = await launchFirefoxWithExtension({
      prefs: downloadPrefs(downloads),
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('saves the week as Markdown, CSV, xAPI, Open Badges and a JSON backup, and opens the printable report', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/css-grid`);
    await tab.bringToFront();
    const popup = await ext.clickToolbarButton();
    await popup.waitFor('.page-title');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.press('Enter');
    await popup.waitForCount('.chip', 1);
    await popup.type('#session-note', 'Grid areas name parts of a layout.');
    await popup.press('Enter', { control: true });
    await popup.waitFor('.status .ok');
    await popup.close();

    const dashboard = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await dashboard.bringToFront();
    await dashboard.waitForSelector('[data-export="markdown"]');

    await dashboard.click('[data-export="markdown"]');
    const { text: md } = await downloaded(downloads, `skilltrail-${week.key}.md`);
    expect(md).toMatch(new RegExp(`^# Learning report — ${week.key}`));
    expect(md).toContain('Grid areas name parts of a layout.');

    await dashboard.click('[data-export="csv"]');
    const { text: csv } = await downloaded(downloads, `skilltrail-${week.key}.csv`);
    expect(csv).toContain('A complete guide to CSS grid');

    await dashboard.click('[data-export="xapi"]');
    const xapi = JSON.parse((await downloaded(downloads, `skilltrail-${week.key}-xapi.json`)).text);
    expect(Array.isArray(xapi) && xapi.length > 0).toBe(true);

    await dashboard.click('[data-export="badges"]');
    const badgesText = (await downloaded(downloads, `skilltrail-${week.key}-badges.json`)).text;
    // One badge, signed in Firefox's WebCrypto both ways, passes checkers we did not write.
    expect(await expectBadgesPassIndependentCheckers(badgesText)).toEqual({
      dataIntegrity: 1,
      jwt: 1,
    });

    await dashboard.click('[data-export="backup"]');
    const backup = JSON.parse((await downloaded(downloads, /^skilltrail-\d{4}-W\d\d\.json$/)).text);
    expect(backup.format).toBe('skilltrail-backup');
    expect(backup.data.sessions).toHaveLength(1);

    // The printable report opens in a tab of its own. BiDi does not report that tab, so
    // the browser window says what it shows.
    await dashboard.click('[data-export="print"]');
    const isReport = (t: { url: string; title: string }) =>
      t.url.startsWith(`blob:${ext.origin}/`) && t.title === `Learning report — ${week.key}`;
    for (let i = 0; i < 100 && !(await ext.tabs()).some(isReport); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await ext.tabs()).filter(isReport)).toHaveLength(1);
    await dashboard.close();
  });
});
