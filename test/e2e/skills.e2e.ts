import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, Skill } from '../../lib/model';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

// Pages of one site that share no words, so the site is what the suggestion rests on.
const PAGES = {
  '/grid': 'A complete guide to CSS grid',
  '/flexbox': 'Flexbox layout from the ground up',
  '/selectors': 'Choosing elements with selectors',
} as const;

describe('skills: suggestions, the library and taxonomy import', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let dashboard: Page;
  const files = mkdtempSync(join(tmpdir(), 'skilltrail-taxonomy-'));

  beforeAll(async () => {
    server = await startServer(
      Object.entries(PAGES).map(([path, title]) =>
        htmlPage(path, articleHtml(title, 12, `<link rel="canonical" href="${path}">`)),
      ),
    );
    ext = await launchWithExtension();
    dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Opens the popup on `path` in a new tab, once the capture is shown. */
  async function popupOn(path: keyof typeof PAGES): Promise<Page> {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}${path}`);
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    return popup;
  }

  async function tagInPopup(path: keyof typeof PAGES, skill: string): Promise<void> {
    const popup = await popupOn(path);
    await popup.type('[role="combobox"]', skill);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.chips .chip');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('.status .ok');
    await popup.close();
  }

  const sessionOf = async (path: string) =>
    (await readStore<Session>(dashboard, 'sessions')).find((s) => s.url.endsWith(path));
  const skillsByName = async () =>
    new Map((await readStore<Skill>(dashboard, 'skills')).map((s) => [s.name, s]));

  it('suggests a skill tagged on another page of the same site; one click adds it', async () => {
    await tagInPopup('/grid', 'CSS');

    const popup = await popupOn('/flexbox');
    const chip = await popup.waitForSelector('::-p-aria(Add suggested skill CSS)');
    const reason = await popup.$eval(
      '.suggestion-chips li',
      (li) => li.querySelector('.suggestion-reason')?.textContent,
    );
    expect(reason).toBe('Same site');
    await chip!.click();
    await popup.waitForSelector('.chips .chip');
    expect(await popup.$$eval('.chips .chip span', (els) => els.map((e) => e.textContent))).toEqual(
      ['CSS'],
    );
    // A chosen suggestion is not offered again.
    expect(await popup.$('::-p-aria(Add suggested skill CSS)')).toBeNull();
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForSelector('.status .ok');
    await popup.close();

    const css = (await skillsByName()).get('CSS');
    expect((await sessionOf('/flexbox'))?.skills).toEqual([css?.id]);
  });

  it('merges two skills in the Skills view, and their sessions follow', async () => {
    await tagInPopup('/selectors', 'Stylesheets');
    await dashboard.bringToFront();
    await dashboard.reload();
    const article = await dashboard.waitForSelector(
      '::-p-aria([name="Stylesheets"][role="article"])',
    );
    const merge = await article!.$(
      '::-p-aria([name="Merge Stylesheets into another skill"][role="button"])',
    );
    await merge!.click();
    const select = (await dashboard.waitForSelector(
      '::-p-aria([name="Merge “Stylesheets” into"][role="combobox"])',
    )) as ElementHandle<HTMLSelectElement>;
    const cssId = (await skillsByName()).get('CSS')!.id;
    await select.select(cssId);
    await dashboard.click('::-p-aria([name="Merge"][role="button"])');
    await dashboard.waitForFunction(() =>
      document
        .querySelector('.skills-status')
        ?.textContent?.includes('Merged “Stylesheets” into “CSS”. Sessions moved: 1.'),
    );

    const skills = await skillsByName();
    expect([...skills.keys()]).toEqual(['CSS']);
    expect(skills.get('CSS')?.aliases).toEqual(['Stylesheets']);
    for (const path of Object.keys(PAGES)) {
      expect((await sessionOf(path))?.skills, path).toEqual([cssId]);
    }
    const totals = await dashboard.$eval(
      `[data-skill-id="${cssId}"] .skill-totals`,
      (e) => e.textContent,
    );
    expect(totals).toContain('Sessions3');

    // The week's list shows the merged skill on the session that had the other one.
    const week = await ext.openExtensionPage('/dashboard.html#/week');
    await week.waitForFunction(
      (title) =>
        [...document.querySelectorAll('.session-card')].some(
          (card) => card.textContent?.includes(title) && card.textContent.includes('CSS'),
        ),
      {},
      PAGES['/selectors'],
    );
    expect(
      await week.$$eval('.session-card', (cards) => cards.map((c) => c.textContent)),
    ).not.toEqual(expect.arrayContaining([expect.stringContaining('Stylesheets')]));
    await week.close();
  });

  it('imports a taxonomy CSV only once every row is good, reporting the bad row', async () => {
    await dashboard.bringToFront();
    const bad = join(files, 'framework.csv');
    writeFileSync(
      bad,
      'name,uri,aliases,description\n' +
        'SQL,urn:acme:skill:sql,Databases;Queries,Querying relational data\n' +
        ',urn:acme:skill:none,,A row without a name\n' +
        'Negotiation,https://example.org/skills/negotiation,,\n',
    );
    const input = (await dashboard.waitForSelector(
      '.taxonomy-import input[type="file"]',
    )) as ElementHandle<HTMLInputElement>;
    expect(await input.evaluate((e) => e.labels?.[0]?.textContent)).toBe('Import skills (CSV)');
    await input.uploadFile(bad);
    await dashboard.waitForSelector('.taxonomy-problems');
    expect(
      await dashboard.$$eval('.taxonomy-problems li', (els) => els.map((e) => e.textContent)),
    ).toEqual(['Row 3: the name is missing.']);
    expect(await dashboard.$eval('.taxonomy-import [role="status"]', (e) => e.textContent)).toBe(
      'Nothing was imported from “framework.csv”. Problems found: 1. Fix them and choose the file again.',
    );
    expect([...(await skillsByName()).keys()]).toEqual(['CSS']);

    const good = join(files, 'framework-fixed.csv');
    writeFileSync(
      good,
      'name,uri,aliases,description\n' +
        'SQL,urn:acme:skill:sql,Databases;Queries,Querying relational data\n' +
        'CSS,https://example.org/skills/css,Cascading Style Sheets,Styling web pages\n' +
        'Negotiation,https://example.org/skills/negotiation,,\n',
    );
    await input.uploadFile(good);
    await dashboard.waitForSelector('.taxonomy-preview');
    expect(await dashboard.$eval('.taxonomy-import [role="status"]', (e) => e.textContent)).toBe(
      '“framework-fixed.csv” is ready to import. New skills: 2. Skills to complete: 1. Already up to date: 0.',
    );
    expect((await skillsByName()).size).toBe(1);
    await dashboard.click('.taxonomy-preview ::-p-aria([name="Import"][role="button"])');
    await dashboard.waitForFunction(() =>
      document
        .querySelector('.taxonomy-import [role="status"]')
        ?.textContent?.startsWith('Imported.'),
    );
    await dashboard.waitForSelector('::-p-aria([name="SQL"][role="article"])');

    const skills = await skillsByName();
    expect([...skills.keys()].sort()).toEqual(['CSS', 'Negotiation', 'SQL']);
    expect(skills.get('SQL')).toMatchObject({
      uri: 'urn:acme:skill:sql',
      aliases: ['Databases', 'Queries'],
      description: 'Querying relational data',
    });
    // An existing skill is filled in, never overwritten: the merged alias stays.
    expect(skills.get('CSS')).toMatchObject({
      uri: 'https://example.org/skills/css',
      aliases: ['Stylesheets', 'Cascading Style Sheets'],
    });
  });
});
