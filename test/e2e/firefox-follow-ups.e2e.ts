import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { downloaded, setNumber, storedSettings } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

const RECALL = 'Grid areas name regions.';
const APPLICATION = 'Rebuilt the pricing page';
const LINK = 'https://github.com/example/site/pull/42';

describe('Firefox: a follow-up when due, answered in the popup, in the week and its export', () => {
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

  it('asks about the tagged session once the delay is 0 days, and keeps the answer', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/css-grid`);
    await tab.bringToFront();
    let popup = await ext.clickToolbarButton();
    await popup.waitFor('.page-title');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.press('Enter');
    await popup.waitForCount('.chip', 1);
    await popup.press('Enter', { control: true });
    await popup.waitFor('.status .ok');
    expect(await popup.texts('.follow-up')).toEqual([]);
    await popup.close();

    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await settings.waitForSelector('#follow-ups-enabled');
    await setNumber(settings, 'Days before a follow-up', 0);
    for (let i = 0; i < 50 && (await storedSettings(settings)).followUpDays !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await storedSettings(settings)).followUpDays).toBe(0);
    await settings.close();

    await tab.bringToFront();
    popup = await ext.clickToolbarButton();
    await popup.waitFor('.follow-up textarea');
    await popup.waitForText('What do you still remember about CSS?');
    // Keys reach the popup a moment after they are sent: each field is filled before the next.
    const fill = async (selector: string, text: string) => {
      await popup.type(selector, text);
      for (let i = 0; i < 50 && (await popup.value(selector)) !== text; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await popup.value(selector)).toBe(text);
    };
    await fill('.follow-up textarea', RECALL);
    await fill('.follow-up input[type="text"]', APPLICATION);
    await fill('.follow-up input[type="url"]', LINK);
    // Enter in a field of the form saves it.
    await popup.press('Enter');
    await popup.waitForText('Saved.');
    await popup.close();

    const dashboard = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await dashboard.bringToFront();
    await dashboard.waitForSelector('.follow-up-list');
    const list = await dashboard.$eval('.follow-up-list', (e) => e.textContent ?? '');
    expect(list).toContain(RECALL);
    expect(list).toContain(APPLICATION);
    expect(await dashboard.$('.follow-up')).toBeNull();

    await dashboard.waitForSelector('[data-export="markdown"]');
    await dashboard.click('[data-export="markdown"]');
    const { text: md } = await downloaded(downloads, `skilltrail-${week.key}.md`);
    expect(md).toContain('**Follow-ups**');
    expect(md).toContain(`> ${RECALL}`);
    expect(md).toContain(`(<${LINK}>)`);

    await dashboard.click('[data-export="xapi"]');
    const xapi = (await downloaded(downloads, `skilltrail-${week.key}-xapi.json`)).text;
    expect(xapi).toContain('https://skilltrail.app/xapi/verbs/applied');
    await dashboard.close();
  });
});
