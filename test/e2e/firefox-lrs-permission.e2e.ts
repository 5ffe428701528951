import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putRecords, readStore } from './harness/dexie-reader';
import { type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { clickButton, fillField, waitForTruthy } from './harness/pages';

/**
 * Firefox asks before the learner's data leaves the browser (`data_collection_permissions`,
 * optional: browsing activity and search terms). Connecting an LRS asks for them with the
 * LRS's site in one prompt; refused, Skilltrail stays unconnected and says why.
 */

type Api = {
  permissions: { getAll: () => Promise<{ origins?: string[]; data_collection?: string[] }> };
  storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } };
};

/** A loopback LRS that accepts everything and notes what it got. */
async function lrsServer(): Promise<{ server: Server; origin: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url?.startsWith('/xAPI/about'))
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ version: ['1.0.3'] }));
      else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function syncText(page: Page, text: string): Promise<unknown> {
  return waitForTruthy(
    page,
    (t) => document.querySelector('.sync-settings')?.textContent?.includes(t),
    {},
    text,
  );
}

function granted(page: Page) {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: Api }).browser.permissions.getAll(),
  );
}

async function storedSync(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    async () =>
      ((await (globalThis as unknown as { browser: Api }).browser.storage.local.get('syncSettings'))
        .syncSettings ?? {}) as Record<string, unknown>,
  );
}

describe('Firefox: connecting an LRS asks to send browsing activity and search terms', () => {
  let ext: FirefoxSession;
  let lrs: Awaited<ReturnType<typeof lrsServer>>;
  let page: Page;

  beforeAll(async () => {
    lrs = await lrsServer();
    ext = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await new Promise((done) => lrs?.server.close(done));
  });

  it('declares the data an LRS would get as optional, none required', async () => {
    page = await ext.openExtensionPage('/dashboard.html#/settings');
    const manifest = await page.evaluate(
      () =>
        (
          globalThis as unknown as { browser: { runtime: { getManifest: () => unknown } } }
        ).browser.runtime.getManifest() as {
          browser_specific_settings: { gecko: { data_collection_permissions: unknown } };
        },
    );
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toMatchObject({
      required: ['none'],
      optional: ['browsingActivity', 'searchTerms'],
    });
    expect((await granted(page)).data_collection ?? []).toEqual([]);
  });

  it('refused, stays unconnected, says why, and sends nothing', async () => {
    await ext.answerPermissionPrompts(false);
    await page.bringToFront();
    await page.waitForSelector('.sync-settings');
    await putRecords(page, {
      sessions: [
        {
          id: 'read-yesterday',
          kind: 'reading',
          startedAt: Date.now() - 3 * 3_600_000,
          endedAt: Date.now() - 2 * 3_600_000,
          activeMs: 600_000,
          title: 'A page the learner read',
          url: 'https://example.org/read',
          domain: 'example.org',
          skills: [],
          note: '',
          status: 'kept',
          provenance: 'measured',
          updatedAt: Date.now() - 2 * 3_600_000,
        },
      ],
    });
    await fillField(page, 'LRS endpoint (xAPI address)', `${lrs.origin}/xAPI`);
    await fillField(page, 'Key', 'key');
    await fillField(page, 'Secret', 'secret');
    await page.$eval('.sync-settings input[type="checkbox"]:not([id$="-scope"])', (e) =>
      (e as HTMLInputElement).click(),
    );
    await clickButton(page, 'Save');
    await syncText(page, 'Not connected:');
    expect(await ext.permissionPrompts()).toEqual([
      {
        permissions: [],
        origins: ['http://127.0.0.1/*'],
        data_collection: ['browsingActivity', 'searchTerms'],
      },
    ]);
    expect((await storedSync(page)).enabled).toBe(false);
    expect((await granted(page)).data_collection ?? []).toEqual([]);
    expect(lrs.seen).toEqual([]);
  });

  it('allowed, connects in one prompt and sends the statements', async () => {
    await ext.answerPermissionPrompts(true);
    await page.$eval('.sync-settings input[type="checkbox"]:not([id$="-scope"])', (e) => {
      if (!(e as HTMLInputElement).checked) (e as HTMLInputElement).click();
    });
    await clickButton(page, 'Save');
    await syncText(page, 'Saved.');
    expect((await ext.permissionPrompts()).length).toBe(2);
    const now = await granted(page);
    expect(now.origins).toContain('http://127.0.0.1/*');
    expect([...(now.data_collection ?? [])].sort()).toEqual(['browsingActivity', 'searchTerms']);
    expect((await storedSync(page)).enabled).toBe(true);

    await clickButton(page, 'Sync now');
    await waitForTruthy(
      page,
      () => document.querySelector('.sync-settings')?.textContent?.match(/Sent\s*[1-9]/),
      { timeout: 15_000 },
    );
    expect(lrs.seen.some((r) => r.startsWith('POST /xAPI/statements'))).toBe(true);
    const outbox = await readStore<{ state: string }>(page, 'outbox');
    expect(outbox.map((o) => o.state)).toContain('sent');
    // Already granted: syncing asks nothing more.
    expect((await ext.permissionPrompts()).length).toBe(2);
    await page.close();
  });
});
