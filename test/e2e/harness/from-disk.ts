/**
 * Pages the extension saves and a reader opens from disk (the endorsement request page, the
 * portfolio), in Chromium and Firefox alike: fresh folders for the browser's downloads and
 * for edited copies, and a tab on a file that records every CSP violation the page reports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { watchCspViolations } from './endorsement-request';

/** Where the browser saves downloads, and where a test writes edited copies of them. */
export function savedPageFolders(): { downloads: string; scratch: string } {
  return {
    downloads: mkdtempSync(join(tmpdir(), 'skilltrail-downloads-')),
    scratch: mkdtempSync(join(tmpdir(), 'skilltrail-edited-')),
  };
}

/**
 * Opens the file at `path` in `tab` (a plain tab, no extension page), recording the CSP
 * violations it reports; `width` sets a viewport first, `prepare` runs before it loads.
 */
export async function openFromDisk(
  tab: Page,
  path: string,
  options: { width?: number; prepare?: (tab: Page) => Promise<unknown> } = {},
): Promise<Page> {
  if (options.width) await tab.setViewport({ width: options.width, height: 900 });
  await watchCspViolations(tab);
  await options.prepare?.(tab);
  await tab.goto(`file://${path}`);
  return tab;
}
