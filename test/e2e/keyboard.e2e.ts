import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FocusStop, focused } from './harness/a11y';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { recordDownloads } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * A learner who uses only the keyboard: capture in the popup, tag, save, then export from
 * the dashboard. Nothing is clicked; every focus stop shows where the keyboard is.
 */

/**
 * Presses Tab until the element matching `selector` has the focus (at most `max` times),
 * recording every stop on the way.
 */
async function tabTo(page: Page, selector: string, stops: FocusStop[], max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop) stops.push(stop);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} never took the focus after ${max} presses of Tab`);
}

describe('keyboard only: capture, tag, save and export', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-keyboard-'));
  const stops: FocusStop[] = [];
  /** Paths of downloads the browser finished, as CDP reports them. */
  let saved: string[] = [];

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/grid', articleHtml('A complete guide to CSS grid', 14)),
      htmlPage('/flexbox', articleHtml('Flexbox in depth', 10)),
    ]);
    ext = await launchWithExtension();
    saved = await recordDownloads(ext.browser, downloads);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('tags a page and saves it with Ctrl+Enter, in the popup', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/grid`);
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');

    await tabTo(popup, '[role="combobox"]', stops);
    await popup.keyboard.type('CSS');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.chips .chip');
    await tabTo(popup, '#session-note', stops);
    await popup.keyboard.type('Grid areas name parts of a layout.');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForSelector('.status .ok');
    await popup.close();
  });

  it('tags a second page and saves it with Tab to Save and Enter', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/flexbox`);
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');

    await tabTo(popup, '[role="combobox"]', stops);
    await popup.keyboard.type('Layout');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.chips .chip');
    await tabTo(popup, 'button[type="submit"]', stops);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.status .ok');
    await popup.close();

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    const sessions = await readStore<{ title: string; note: string; skills: string[] }>(
      dashboard,
      'sessions',
    );
    const skills = await readStore<{ id: string; name: string }>(dashboard, 'skills');
    const named = (id: string) => skills.find((s) => s.id === id)?.name;
    expect(
      sessions
        .map((s) => ({ title: s.title, note: s.note, skills: s.skills.map(named) }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    ).toEqual([
      {
        title: 'A complete guide to CSS grid',
        note: 'Grid areas name parts of a layout.',
        skills: ['CSS'],
      },
      { title: 'Flexbox in depth', note: '', skills: ['Layout'] },
    ]);
    await dashboard.close();
  });

  it('exports the week as Markdown from the dashboard with Tab and Enter', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/week');
    await dashboard.bringToFront();
    await dashboard.waitForSelector('.session-card');
    await dashboard.waitForSelector('[data-export="markdown"]');

    await tabTo(dashboard, '[data-export="markdown"]', stops, 300);
    await dashboard.keyboard.press('Enter');
    await dashboard.waitForSelector('.export-panel .status .ok');

    // CDP names the file after the download's id; what matters is what it holds.
    for (let i = 0; i < 100 && saved.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(saved).toHaveLength(1);
    const md = readFileSync(saved[0]!, 'utf8');
    expect(md).toMatch(/^# Learning report — \d{4}-W\d\d/);
    expect(md).toContain('Grid areas name parts of a layout.');
    await dashboard.close();
  });

  it('showed the focus at every stop', () => {
    expect(stops.length).toBeGreaterThan(5);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
  });
});
