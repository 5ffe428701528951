import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import {
  type FirefoxPopup,
  type FirefoxSession,
  launchFirefoxWithExtension,
} from './harness/firefox';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/** How a quick typist saves: each way types a new skill and saves with no pause at all. */
const WAYS = ['ctrl-enter', 'enter-then-click', 'click-with-list-open'] as const;

interface StoredSession {
  url: string;
  skills: string[];
}
interface StoredSkill {
  id: string;
  name: string;
}

/** The skills stored on the session of `path`, by name. */
async function storedSkillNames(page: Page, origin: string, path: string): Promise<string[]> {
  const sessions = await readStore<StoredSession>(page, 'sessions');
  const skills = await readStore<StoredSkill>(page, 'skills');
  const session = sessions.find((s) => s.url === `${origin}${path}`);
  return (session?.skills ?? []).map((id) => skills.find((s) => s.id === id)?.name ?? id);
}

const paths = WAYS.map((way) => `/${way}`);

/**
 * Firefox's keys reach the popup through the parent process while the click is dispatched
 * in the popup itself, so the click could overtake keys typed before it, which no person's
 * click can. Waiting for the field to show the keys keeps their order; the skill is still
 * being created when the click comes.
 */
async function fieldHolds(popup: FirefoxPopup, text: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await popup.value('[role="combobox"]')) !== text) {
    if (Date.now() > deadline) throw new Error(`The skill field never showed "${text}".`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('Chromium: a save straight after typing a new skill keeps it', () => {
  let server: TestServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await startServer(paths.map((p) => htmlPage(p, articleHtml(`Article ${p}`, 10))));
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const way of WAYS) {
    it(`saves with ${way}`, async () => {
      const tab = await ext.newTab();
      await tab.goto(`${server.origin}/${way}`);
      await tab.bringToFront();
      const popup = await ext.openPopup(tab);
      await popup.waitForSelector('.page-title');
      const skill = `Skill for ${way}`;
      await popup.type('[role="combobox"]', skill);
      if (way === 'ctrl-enter') {
        await popup.keyboard.down('Control');
        await popup.keyboard.press('Enter');
        await popup.keyboard.up('Control');
      } else if (way === 'enter-then-click') {
        await popup.keyboard.press('Enter');
        // The chip of the skill being created can move Save between puppeteer measuring the
        // button and pressing the mouse there; the click goes to the button itself.
        await popup.$eval('button[type="submit"]', (button) => (button as HTMLElement).click());
      } else {
        await popup.click('button[type="submit"]');
      }
      await popup.waitForSelector('.status .ok');
      const chips = await popup.$$eval('.chip span', (els) => els.map((e) => e.textContent));
      expect(chips).toEqual([skill]);
      await popup.close();
      const dashboard = await ext.openExtensionPage('/dashboard.html');
      expect(await storedSkillNames(dashboard, server.origin, `/${way}`)).toEqual([skill]);
      await dashboard.close();
      await tab.close();
    });
  }
});

describe('Firefox: a save straight after typing a new skill keeps it', () => {
  let server: TestServer;
  let ext: FirefoxSession;

  beforeAll(async () => {
    server = await startServer(paths.map((p) => htmlPage(p, articleHtml(`Article ${p}`, 10))));
    ext = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const way of WAYS) {
    it(`saves with ${way}`, async () => {
      const tab = await ext.newTab();
      await tab.goto(`${server.origin}/${way}`);
      await tab.bringToFront();
      const popup = await ext.clickToolbarButton();
      await popup.waitFor('.page-title');
      const skill = `Skill for ${way}`;
      if (way === 'ctrl-enter') {
        await popup.type('[role="combobox"]', skill, { then: 'Enter', control: true });
      } else if (way === 'enter-then-click') {
        await popup.type('[role="combobox"]', skill, { then: 'Enter' });
        await fieldHolds(popup, '');
        await popup.click('button[type="submit"]');
      } else {
        await popup.type('[role="combobox"]', skill);
        await fieldHolds(popup, skill);
        await popup.click('button[type="submit"]');
      }
      await popup.waitFor('.status .ok');
      expect(await popup.texts('.chip span')).toEqual([skill]);
      await popup.close();
      const dashboard = await ext.openExtensionPage('/dashboard.html');
      expect(await storedSkillNames(dashboard, server.origin, `/${way}`)).toEqual([skill]);
      await dashboard.close();
      await tab.close();
    });
  }
});
