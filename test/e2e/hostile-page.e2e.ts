import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { htmlPage, startServer, type TestServer } from './harness/server';

/**
 * A page whose title, byline, excerpt and site name are markup and script: captured
 * through the real popup, then shown in the popup and the dashboard. Everything must read
 * as the literal text, no element may be injected and no script may run.
 */
const TITLE = '<img src=x onerror="window.__pwned=1"> Guide';
const BYLINE = '<script>window.__pwned=2</script>Eve';
const EXCERPT =
  '"><svg onload="window.__pwned=3"> An excerpt <iframe src="javascript:parent.__pwned=4">';
const SITE = '<b onmouseover="window.__pwned=5">Site</b>';
const SKILL = '<img src=y onerror="window.__pwned=6">';
const NOTE = '<a href="javascript:window.__pwned=7">click me</a>';

/** HTML-escapes text for the served page: the page itself shows it as text too. */
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const paragraphs = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of an article that a reader might learn from, long enough for Readability to treat it as an article and keep the metadata of the page.</p>`,
).join('\n');

const HOSTILE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(TITLE)}</title>
<meta name="author" content="${esc(BYLINE)}">
<meta name="description" content="${esc(EXCERPT)}">
<meta property="og:site_name" content="${esc(SITE)}">
</head><body><main><article><h1>${esc(TITLE)}</h1>${paragraphs}</article></main></body></html>`;

/** No element the hostile strings could have made, no handler attribute, and no script ran. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    // The dashboard draws its own charts in SVG; none carries page data as markup.
    injected: document.querySelectorAll('img, iframe, script:not([type="module"]), b, svg[onload]')
      .length,
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  }));
  expect(found.pwned).toBeNull();
  expect(found.injected).toBe(0);
  expect(found.handlers).toBe(0);
  for (const href of found.links) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
}

describe('hostile page data', () => {
  let server: TestServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await startServer([htmlPage('/hostile', HOSTILE_HTML)]);
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('is shown as literal text in the popup and the dashboard, and never runs', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/hostile`);
    await tab.bringToFront();

    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    const title = await popup.$eval('.page-title', (e) => e.textContent);
    expect(title).toContain('<img src=x onerror="window.__pwned=1">');
    const meta = await popup.$eval('.meta', (e) => e.textContent ?? '');
    expect(meta).toContain(SITE);
    expect(meta).toContain(BYLINE);
    expect(await popup.$eval('.excerpt', (e) => e.textContent)).toBe(EXCERPT.trim());
    await expectInert(popup);

    // The learner's own input is page data's neighbour: it is text too.
    await popup.type('[role="combobox"]', SKILL);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.chip span');
    await popup.type('#session-note', NOTE);
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await popup.waitForSelector('.status .ok');
    expect(await popup.$eval('.chip span', (e) => e.textContent)).toBe(SKILL);
    await expectInert(popup);
    await popup.close();

    const dashboard = await ext.openExtensionPage('/dashboard.html#/week');
    await dashboard.waitForSelector('.session-card');
    const card = await dashboard.$eval('.session-card', (e) => ({
      title: e.querySelector('.session-title')?.textContent,
      // The note's text, without the "Written" label that says where it came from.
      note: e.querySelector('.session-note .note-text')?.textContent,
      text: e.textContent ?? '',
      href: e.querySelector('.session-title a')?.getAttribute('href'),
    }));
    expect(card.title).toBe(title);
    expect(card.note).toBe(NOTE);
    expect(card.text).toContain(SKILL);
    expect(card.href).toBe(`${server.origin}/hostile`);
    await expectInert(dashboard);

    // What was stored is the text itself, bounded, never rewritten into markup.
    const [capture] = await readStore<{ title: string; byline: string; excerpt: string }>(
      dashboard,
      'captures',
    );
    expect(capture).toMatchObject({ byline: BYLINE, excerpt: EXCERPT.trim() });
    expect(capture!.title).toBe(title);
    await dashboard.close();
  });
});
