import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyDoc } from '../../tools/privacy-doc';
import { blocking, colourScheme, runAxe } from './harness/a11y';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { waitForTruthy } from './harness/pages';

/**
 * The privacy policy a learner reaches from the welcome page and from Settings: the page
 * says, word for word, what docs/PRIVACY.md says.
 */

/** docs/PRIVACY.md as the lines a reader sees: headings, paragraphs and list items. */
function docLines(): string[] {
  return privacyDoc()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^(#+|-) /, '').replace(/^<(.*)>$/, '$1'));
}

/** The page's headings, paragraphs and list items, in order. */
async function pageLines(page: Page): Promise<string[]> {
  return page.$$eval('article :is(h1, h2, p, li)', (els) =>
    els.map((e) => e.textContent?.trim() ?? ''),
  );
}

/** Follows the link named "Privacy policy" on `page` and waits for the policy. */
async function followPolicyLink(page: Page): Promise<void> {
  // CSS and text, not an ARIA query: Firefox is driven over BiDi, which has none.
  const link = await page.waitForSelector('a[href$="/privacy.html"]');
  expect(await link!.evaluate((a) => a.textContent)).toBe('Privacy policy');
  await link!.click();
  await waitForTruthy(page, () => location.pathname === '/privacy.html', { timeout: 10_000 });
  await page.waitForSelector('article h2');
}

/**
 * The same journey in each browser: from the welcome page and from Settings to the policy.
 * `checkPage` adds what one browser can check beyond it (axe runs in Chromium).
 */
function policyJourney(
  launch: () => Promise<Pick<ExtensionSession | FirefoxSession, 'openExtensionPage' | 'close'>>,
  checkPage: (page: Page) => Promise<void> = async () => {},
) {
  let ext: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    ext = await launch();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('is linked from the welcome page and says what docs/PRIVACY.md says', async () => {
    const welcome = await ext.openExtensionPage('/welcome.html');
    await welcome.bringToFront();
    await followPolicyLink(welcome);
    expect(await welcome.evaluate(() => location.pathname)).toBe('/privacy.html');
    expect(await pageLines(welcome)).toEqual(docLines());
    expect(await welcome.evaluate(() => document.title)).toBe('Skilltrail privacy policy');
    expect(await welcome.$eval('html', (e) => e.lang)).toMatch(/^en\b/);
    await checkPage(welcome);
    await welcome.close();
  });

  it('is linked from Settings', async () => {
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await followPolicyLink(settings);
    expect(await settings.$eval('h1', (e) => e.textContent)).toBe('Skilltrail privacy policy');
    await settings.close();
  });
}

describe('the privacy page in Chromium (the shipped build)', () => {
  policyJourney(
    () => launchWithExtension({ build: 'production' }),
    async (page) => {
      for (const scheme of ['light', 'dark'] as const) {
        await colourScheme(page, scheme);
        expect(blocking(await runAxe(page)), scheme).toEqual([]);
      }
    },
  );
});

describe('the privacy page in Firefox (the shipped build)', () => {
  policyJourney(() => launchFirefoxWithExtension());
});
