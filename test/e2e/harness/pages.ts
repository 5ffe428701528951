import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, EvaluateFunc, Page } from 'puppeteer-core';

/**
 * Runs `predicate` in the page until it returns something truthy, and returns that.
 *
 * Puppeteer's `waitForFunction` builds its poller inside the page with `Function()`, which
 * an extension page's CSP forbids in Firefox ESR 140; `evaluate` hands the function to the
 * browser instead, so this works in every page of both browsers. Errors while the page
 * navigates are retried; the last one is reported if time runs out.
 */
export async function waitForTruthy<Params extends unknown[], Func extends EvaluateFunc<Params>>(
  page: Page,
  predicate: Func,
  { timeout = 30_000, polling = 100 }: { timeout?: number; polling?: number } = {},
  ...args: Params
): Promise<Awaited<ReturnType<Func>>> {
  const deadline = Date.now() + timeout;
  let failure: unknown;
  for (;;) {
    try {
      const value = await page.evaluate(predicate, ...args);
      if (value) return value;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${predicate.toString()}`, {
        cause: failure,
      });
    }
    await new Promise((r) => setTimeout(r, polling));
  }
}

/**
 * Reads `read()` until `holds` accepts its value (a record count, a stored row), then
 * answers that value: the Node side's counterpart of `waitForTruthy`.
 */
export async function waitForValue<T>(
  read: () => Promise<T>,
  holds: (value: T) => boolean,
  { timeout = 30_000, polling = 100 }: { timeout?: number; polling?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((r) => setTimeout(r, polling));
  }
}

/** The extension's settings as stored, read from one of its pages (Chromium or Firefox). */
export async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    type Api = { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    return ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
  });
}

/** The CSS selector of the field the `<label>` whose text is `label` names. */
async function labelledField(page: Page, label: string): Promise<string> {
  const id = await page.$$eval(
    'label',
    (labels, text) => labels.find((l) => l.textContent?.trim() === text)?.htmlFor ?? '',
    label,
  );
  if (!id) throw new Error(`No field labelled "${label}".`);
  return `[id="${id}"]`;
}

/** Replaces what the field labelled `label` holds with `value`, typed as a person types. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  const field = await labelledField(page, label);
  await page.click(field, { count: 3 });
  await page.type(field, value);
}

/** Types a whole number into the Settings field labelled `label` and leaves the field. */
export async function setNumber(page: Page, label: string, value: number): Promise<void> {
  await fillField(page, label, String(value));
  await page.keyboard.press('Tab');
}

/** Clicks the visible button whose text is `text`, once it shows. */
export async function clickButton(page: Page, text: string): Promise<void> {
  const button = await page.waitForSelector(`button::-p-text(${text})`, { visible: true });
  await button!.click();
}

/** Waits for the download the extension named `filename` (or that matches) and reads it. */
export async function downloaded(
  dir: string,
  filename: string | RegExp,
): Promise<{ path: string; text: string }> {
  const matches = (name: string) =>
    typeof filename === 'string' ? name === filename : filename.test(name);
  for (let i = 0; i < 100; i++) {
    const name = readdirSync(dir).find(matches);
    if (name) {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      if (text.length > 0) return { path, text };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `No download named ${String(filename)} in ${dir}: ${readdirSync(dir).join(', ')}`,
  );
}

/**
 * Lets the browser save downloads into `dir` without asking, and returns the paths of the
 * downloads it finishes, as CDP reports them (the array fills as they complete).
 */
export async function recordDownloads(browser: Browser, dir: string): Promise<string[]> {
  const saved: string[] = [];
  const cdp = await browser.target().createCDPSession();
  cdp.on('Browser.downloadProgress', (e) => {
    if (e.state === 'completed' && e.filePath) saved.push(e.filePath);
  });
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: dir,
    eventsEnabled: true,
  });
  return saved;
}
