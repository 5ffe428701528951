import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, putSampleWeek, runAxe } from './harness/a11y';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * Zoomed to 200%: a 1280px window shows the dashboard 640 CSS pixels wide, and it must
 * reflow without scrolling sideways (WCAG 1.4.4, 1.4.10). The popup keeps its width, so
 * its text is doubled instead, and its controls must stay whole and apart.
 */

/** Everything wider than the page, by selector: what makes it scroll sideways. */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        // Visually hidden text (1px, clipped) and zero-size boxes take no room.
        if (r.width <= 1 || r.height <= 1 || r.right <= width + 1) return false;
        // Inside a box that scrolls or clips on its own (a wide data table), it moves the
        // box's content, not the page.
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return false;
        }
        return true;
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: [...new Set(wide)] };
  });
}

describe('zoom: 200% of a 1280px window, and doubled text in the popup', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let dashboard: Page;

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/grid', articleHtml('A complete guide to CSS grid', 14)),
    ]);
    ext = await launchWithExtension();
    dashboard = await ext.openExtensionPage('/dashboard.html#/week');
    await dashboard.waitForSelector('.week-view');
    await putSampleWeek(dashboard, server.origin);
    // 1280 device pixels at a zoom of 2: 640 CSS pixels across.
    await dashboard.setViewport({ width: 640, height: 900, deviceScaleFactor: 2 });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it.each([
    ['week', '.session-card'],
    ['skills', '[data-skill-id]'],
    ['settings', 'fieldset'],
    ['verify', 'input[type="file"]'],
  ])('the %s view reflows at 640 CSS pixels', async (view, ready) => {
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/${view}`);
    await dashboard.reload();
    await dashboard.waitForSelector(ready);
    const base = await dashboard.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(base).toBe('15px');
    const { scrollWidth, width, wide } = await overflow(dashboard);
    expect(wide, `${view}: wider than the page`).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    // Narrow, tables scroll in their own box: a keyboard must reach it, and axe says so.
    expect(blocking(await runAxe(dashboard))).toEqual([]);
  });

  it('the popup keeps its controls whole and apart with text at 200%', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/grid`);
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await popup.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const { scrollWidth, width, wide } = await overflow(popup);
    expect(wide).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(width);

    // The controls a capture needs: none cut off at the side, none on top of another.
    const boxes = await popup.evaluate(() =>
      [
        '[role="combobox"]',
        '#session-note',
        'button[type="submit"]',
        '.footer a',
        '.pause-controls button',
      ].flatMap((selector) =>
        [...document.querySelectorAll(selector)].map((e) => {
          const r = e.getBoundingClientRect();
          return { selector, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      ),
    );
    expect(boxes.map((b) => b.selector)).toEqual(
      expect.arrayContaining(['[role="combobox"]', '#session-note', 'button[type="submit"]']),
    );
    const viewport = await popup.evaluate(() => document.documentElement.clientWidth);
    for (const b of boxes) {
      expect(b.left, b.selector).toBeGreaterThanOrEqual(0);
      expect(b.right, b.selector).toBeLessThanOrEqual(viewport);
    }
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.selector} × ${b.selector}`),
    );
    expect(overlapping).toEqual([]);
    await popup.close();
  });
});
