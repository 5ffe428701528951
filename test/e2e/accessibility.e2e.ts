import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeKeys } from '../fixtures/badge-keys';
import { issueBadges } from '../../lib/export/openbadges/issue';
import { badgesJsonFile } from '../../lib/export/openbadges/json-files';
import { prepareExport } from '../../lib/export/privacy';
import {
  type AxeFinding,
  blocking,
  colourScheme,
  focusStopsWithoutIndicator,
  runAxe,
  putSampleWeek,
  sampleWeek,
} from './harness/a11y';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * Every page a learner sees, checked by axe-core in real Chromium in light and in dark
 * colours, with records in it: no serious or critical violation of WCAG 2.2 AA. In every
 * interface language; in Arabic every page reads right to left.
 */

const SCHEMES = ['light', 'dark'] as const;

/**
 * Every interface language, Arabic reading the other way: `lang` is what the pages
 * declare (its first subtag), `locale` what Chromium is started in.
 */
const LANGUAGES = [
  { lang: 'en', locale: 'en', dir: 'ltr' },
  { lang: 'es', locale: 'es', dir: 'ltr' },
  { lang: 'fr', locale: 'fr', dir: 'ltr' },
  { lang: 'pt', locale: 'pt-BR', dir: 'ltr' },
  { lang: 'ar', locale: 'ar', dir: 'rtl' },
  { lang: 'zh', locale: 'zh-CN', dir: 'ltr' },
] as const;

/** Runs axe in both colour schemes; returns what blocks, and logs everything found. */
async function check(
  page: Page,
  name: string,
  language: (typeof LANGUAGES)[number],
): Promise<Record<string, AxeFinding[]>> {
  expect(
    await page.$eval('html', (e) => [e.lang.split('-')[0], e.dir]),
    `${name}: lang and dir`,
  ).toEqual([language.lang, language.dir]);
  name = `${name} [${language.lang}]`;
  const found: Record<string, AxeFinding[]> = {};
  for (const scheme of SCHEMES) {
    await colourScheme(page, scheme);
    const all = await runAxe(page);
    if (all.length > 0) {
      console.info(
        `axe ${name} (${scheme}):`,
        all.map(
          (f) => `${f.impact} ${f.id} ×${f.nodes.length}: ${f.nodes.slice(0, 3).join(' | ')}`,
        ),
      );
    }
    const bad = blocking(all);
    if (bad.length > 0) found[scheme] = bad;
  }
  // axe cannot see focus: every Tab stop must show where the keyboard is, in both schemes.
  for (const scheme of SCHEMES) {
    await colourScheme(page, scheme);
    const { stops, hidden } = await focusStopsWithoutIndicator(page);
    expect(stops, `${name}: Tab stops`).toBeGreaterThan(2);
    if (scheme === 'light') console.info(`${name}: ${stops} Tab stops`);
    if (hidden.length > 0) {
      found[`${scheme}: focus not shown`] = hidden.map((s) => ({
        id: 'focus-visible',
        impact: 'serious',
        help: 'The keyboard focus is not shown',
        nodes: [s.element],
        summary: s.text,
      }));
    }
  }
  await colourScheme(page, 'light');
  return found;
}

describe.each(LANGUAGES)(
  'accessibility in $lang: axe-core in light and dark colours',
  (language) => {
    let server: TestServer;
    let ext: ExtensionSession;
    let dashboard: Page;
    const files = mkdtempSync(join(tmpdir(), 'skilltrail-a11y-'));

    beforeAll(async () => {
      server = await startServer([
        htmlPage('/grid', articleHtml('A complete guide to CSS grid', 14)),
      ]);
      ext = await launchWithExtension({ keepWelcome: true, locale: language.locale });
    });

    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('the welcome page', async () => {
      const target = await ext.browser.waitForTarget((t) => t.url().endsWith('/welcome.html'));
      const welcome = (await target.asPage())!;
      await welcome.bringToFront();
      await welcome.waitForSelector('#welcome-start');
      expect(await check(welcome, 'welcome', language)).toEqual({});
      await welcome.close();
    });

    it('the popup after a capture', async () => {
      const tab = await ext.newTab();
      await tab.goto(`${server.origin}/grid`);
      await tab.bringToFront();
      const popup = await ext.openPopup();
      await popup.waitForSelector('.page-title');
      await popup.type('[role="combobox"]', 'CSS');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('.chips .chip');
      expect(await check(popup, 'popup', language)).toEqual({});
      await popup.close();
    });

    it('the week view with a week of records', async () => {
      dashboard = await ext.openExtensionPage('/dashboard.html#/week');
      await dashboard.waitForSelector('.week-view');
      await putSampleWeek(dashboard, server.origin);
      await dashboard.reload();
      await dashboard.waitForSelector('.session-card');
      await dashboard.waitForSelector('.preview');
      expect(await check(dashboard, 'week', language)).toEqual({});

      // The week with a session open for editing and a delete being confirmed.
      await dashboard.click('.session-card [data-action="edit"]');
      await dashboard.waitForSelector('.session-edit');
      expect(await check(dashboard, 'week, editing', language)).toEqual({});
    });

    it('the skills view', async () => {
      await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/skills`);
      await dashboard.waitForSelector('[data-skill-id]');
      expect(await check(dashboard, 'skills', language)).toEqual({});
    });

    it('the settings view', async () => {
      await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/settings`);
      await dashboard.waitForSelector('h1');
      await dashboard.waitForSelector('fieldset');
      expect(await check(dashboard, 'settings', language)).toEqual({});
    });

    it('the privacy page', async () => {
      const privacy = await ext.openExtensionPage('/privacy.html');
      await privacy.waitForSelector('article h2');
      expect(await check(privacy, 'privacy', language)).toEqual({});
      await privacy.close();
    });

    it('the verify view, with a checked badges file', async () => {
      await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/verify`);
      await dashboard.waitForSelector('input[type="file"]');
      expect(await check(dashboard, 'verify, empty', language)).toEqual({});

      const data = sampleWeek(server.origin);
      const shared = prepareExport(data, {
        start: data.week.start,
        end: data.week.end,
        level: 'full',
      });
      const keys = await badgeKeys();
      const badges = await issueBadges(shared, keys, { now: Date.now(), learnerName: 'Ada' });
      const file = badgesJsonFile(shared, badges, keys.didKey.did);
      // One credential altered after signing: shown as not verified.
      const doc = JSON.parse(file.content) as { credentials: unknown[] };
      const jws = doc.credentials.find((c): c is string => typeof c === 'string')!;
      const [head, payload, signature] = jws.split('.');
      doc.credentials.push(`${head}.${payload}x.${signature}`);
      const path = join(files, 'badges.json');
      writeFileSync(path, JSON.stringify(doc));
      const input = (await dashboard.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      await dashboard.waitForSelector('.credential');
      expect(await check(dashboard, 'verify, checked', language)).toEqual({});
    });
  },
);
