import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putRecords, readStore } from './harness/dexie-reader';
import { launchWithExtension } from './harness/extension';
import { launchFirefoxWithExtension } from './harness/firefox';
import { clickButton, waitForTruthy } from './harness/pages';

/** A loopback server that answers every request with `answer` and notes what it got. */
async function listen(
  answer: (
    method: string,
    path: string,
  ) => { status: number; headers?: Record<string, string>; body?: string },
): Promise<{ server: Server; origin: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      const reply = answer(req.method ?? 'GET', req.url ?? '/');
      res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  const id = await page.$$eval(
    'label',
    (labels, text) => labels.find((l) => l.textContent === text)?.htmlFor ?? '',
    label,
  );
  await page.type(`[id="${id}"]`, value);
}

/** Opens the dashboard's Settings in a browser with the built extension. */
interface Browsing {
  openSettings: () => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * The same journey in each browser: an LRS whose every answer is a redirect to another
 * server, tried with Test connection and with Sync now.
 */
function redirectJourney(name: string, launch: () => Promise<Browsing>): void {
  describe(`${name}: an LRS that redirects gets nothing, and the learner is told`, () => {
    let browsing: Browsing;
    let elsewhere: Awaited<ReturnType<typeof listen>>;
    let lrs: Awaited<ReturnType<typeof listen>>;

    beforeAll(async () => {
      // Anything re-posted here would be the learner's browsing record, sent where they never chose.
      elsewhere = await listen(() => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: ['1.0.3'] }),
      }));
      lrs = await listen((_method, path) => ({
        status: path.startsWith('/xAPI/statements') ? 307 : 302,
        headers: { location: `${elsewhere.origin}${path}` },
      }));
      browsing = await launch();
    });

    afterAll(async () => {
      await browsing?.close();
      await new Promise((done) => lrs?.server.close(done));
      await new Promise((done) => elsewhere?.server.close(done));
    });

    it('refuses the redirect on Test connection and on Sync now, and keeps the statements', async () => {
      const page = await browsing.openSettings();
      await page.bringToFront();
      await page.waitForSelector('.sync-settings');
      const hour = 3_600_000;
      await putRecords(page, {
        sessions: [
          {
            id: 'redirected',
            kind: 'reading',
            startedAt: Date.now() - 3 * hour,
            endedAt: Date.now() - 2 * hour,
            activeMs: 600_000,
            title: 'A page the learner read',
            url: 'https://example.org/read',
            domain: 'example.org',
            skills: [],
            note: '',
            status: 'kept',
            provenance: 'measured',
            updatedAt: Date.now() - 2 * hour,
          },
        ],
      });
      await fill(page, 'LRS endpoint (xAPI address)', `${lrs.origin}/xAPI`);
      await fill(page, 'Key', 'key');
      await fill(page, 'Secret', 'secret');
      await clickButton(page, 'Test connection');
      await waitForTruthy(page, () =>
        document.querySelector('.sync-settings')?.textContent?.includes('answered with a redirect'),
      );
      await page.$eval('.sync-settings input[type="checkbox"]:not([id$="-scope"])', (e) =>
        (e as HTMLInputElement).click(),
      );
      await clickButton(page, 'Save');
      await waitForTruthy(page, () =>
        document.querySelector('.sync-settings')?.textContent?.includes('Saved.'),
      );
      await clickButton(page, 'Sync now');
      await waitForTruthy(page, () =>
        document.querySelector('.sync-settings')?.textContent?.includes('answered with a redirect'),
      );
      expect(lrs.seen).toContain('POST /xAPI/statements');
      expect(elsewhere.seen).toEqual([]);
      const outbox = await readStore<{ state: string }>(page, 'outbox');
      expect(outbox.length).toBeGreaterThan(0);
      expect(outbox.map((o) => o.state)).not.toContain('sent');
      await page.close();
    });
  });
}

redirectJourney('Chromium', async () => {
  const ext = await launchWithExtension();
  return {
    openSettings: () => ext.openExtensionPage('/dashboard.html#/settings'),
    close: ext.close,
  };
});

// The shipped build, which asks for the LRS's site when the learner connects: the prompt
// is answered Allow, as the learner who typed the address would.
redirectJourney('Firefox', async () => {
  const ext = await launchFirefoxWithExtension();
  await ext.answerPermissionPrompts(true);
  return {
    openSettings: () => ext.openExtensionPage('/dashboard.html#/settings'),
    close: ext.close,
  };
});
