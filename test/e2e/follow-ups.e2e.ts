import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { expectBadgesPassIndependentCheckers } from './harness/badge-checks';
import { readStore } from './harness/dexie-reader';
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
import { downloaded, setNumber, storedSettings } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

const RECALL = 'Grid areas name regions; <b>subgrid</b> passes tracks down.';
const APPLICATION = 'Rebuilt the pricing page layout with grid';
const LINK = 'https://github.com/example/site/pull/42';

describe('follow-ups: asked when due, answered in the popup, kept as evidence', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/css-grid', articleHtml('A complete guide to CSS grid', 14)),
    ]);
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
    const welcome = await ext.browser
      .waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 10_000 })
      .catch(() => null);
    await (await welcome?.asPage())?.close();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('asks nothing at first, asks once the delay is shrunk, and exports the answer', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/css-grid`);
    await tab.bringToFront();
    let popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.chip');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForSelector('.status .ok');
    // A session of today is not due with the default delay of 7 days.
    expect(await popup.$('.follow-up')).toBeNull();
    await popup.close();

    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await settings.waitForSelector('#follow-ups-enabled');
    await setNumber(settings, 'Days before a follow-up', 0);
    await settings.waitForFunction(
      () =>
        document.activeElement?.tagName !== 'INPUT' ||
        (document.activeElement as HTMLInputElement).type !== 'number',
    );
    for (let i = 0; i < 50 && (await storedSettings(settings)).followUpDays !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await storedSettings(settings)).followUpDays).toBe(0);
    await settings.close();

    await tab.bringToFront();
    popup = await ext.openPopup();
    await popup.waitForSelector('.follow-up textarea');
    const heading = await popup.$eval('.follow-up h2', (e) => e.textContent);
    expect(heading).toBe('Follow-up: CSS');
    expect(await popup.$eval('.follow-up form', (e) => e.textContent)).toContain(
      'What do you still remember about CSS?',
    );
    await popup.type('.follow-up textarea', RECALL);
    await popup.type('.follow-up input[type="text"]', APPLICATION);
    await popup.type('.follow-up input[type="url"]', LINK);
    await popup.click('.follow-up button[type="submit"]');
    await popup.waitForFunction(() =>
      document.querySelector('.follow-up [role="status"]')?.textContent?.startsWith('Saved.'),
    );
    await popup.close();

    const dashboard = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await dashboard.bringToFront();
    await dashboard.waitForSelector('.follow-up-list');
    const list = await dashboard.$eval('.follow-up-list', (e) => e.textContent ?? '');
    expect(list).toContain(RECALL);
    expect(list).toContain(APPLICATION);
    expect(await dashboard.$eval('.follow-up-list a', (a) => a.getAttribute('href'))).toBe(LINK);
    // One question a day: the week view asks nothing more today.
    expect(await dashboard.$('.follow-up')).toBeNull();
    type Stored = { status: string; recall: string; sessionIds: string[] };
    const records = await readStore<Stored>(dashboard, 'followUps');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'answered', recall: RECALL });
    const sessions = await readStore<{ id: string }>(dashboard, 'sessions');
    expect(records[0]!.sessionIds).toEqual(sessions.map((s) => s.id));

    await dashboard.click('[data-export="markdown"]');
    const { text: md } = await downloaded(downloads, `skilltrail-${week.key}.md`);
    expect(md).toContain('**Follow-ups**');
    expect(md).toContain('Grid areas name regions; \\<b\\>subgrid\\</b\\> passes tracks down.');
    expect(md).toContain(`(<${LINK}>)`);

    await dashboard.click('[data-export="xapi"]');
    const xapi = JSON.parse(
      (await downloaded(downloads, `skilltrail-${week.key}-xapi.json`)).text,
    ) as {
      verb: { id: string };
      result?: { response?: string };
      context: { contextActivities: { other?: { id: string }[] } };
    }[];
    const recalled = xapi.find((s) => s.verb.id === 'https://skilltrail.app/xapi/verbs/recalled');
    expect(recalled?.result?.response).toBe(RECALL);
    expect(recalled?.context.contextActivities.other?.[0]?.id).toBe(
      `https://skilltrail.app/xapi/sessions/${sessions[0]!.id}`,
    );

    await dashboard.click('[data-export="badges"]');
    const badges = (await downloaded(downloads, `skilltrail-${week.key}-badges.json`)).text;
    // The evidence keeps the badge valid for the verifiers wallets use and the 1EdTech schema.
    expect((await expectBadgesPassIndependentCheckers(badges)).dataIntegrity).toBe(1);
    // Each credential is there as JSON with a Data Integrity proof, and as VC-JWT.
    const credential = (JSON.parse(badges) as { credentials: unknown[] }).credentials.find(
      (c) => typeof c === 'object',
    );
    // Both answers are there as the learner's own words.
    expect(JSON.stringify(credential).match(/"genre":"written"/g)?.length).toBeGreaterThanOrEqual(
      2,
    );
    expect(JSON.stringify(credential)).toContain(`"id":"${LINK}"`);

    // The skill's history in the Skills view.
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/skills`);
    await dashboard.waitForSelector('.skill-follow-ups summary');
    expect(await dashboard.$eval('.skill-follow-ups summary', (e) => e.textContent)).toBe(
      'Follow-ups (1)',
    );
    await dashboard.close();
  });
});
