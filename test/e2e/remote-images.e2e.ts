import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putRecords } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { startServer, type TestServer } from './harness/server';

/**
 * A skill colour reaches CSS (`background`); one written as `url(…)` (a record from an
 * old or forged backup) must never make an extension page load a remote image: the pages'
 * Content Security Policy takes images only from the package.
 */
describe('Chromium: extension pages load no remote image', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  const hits: string[] = [];

  beforeAll(async () => {
    server = await startServer([
      (req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'image/gif' }).end();
        return true;
      },
    ]);
    ext = await launchWithExtension({ build: 'production' });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows a skill whose colour is a remote url() without fetching it', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/skills');
    const pixel = `${server.origin}/pixel.gif`;
    await putRecords(page, {
      skills: [
        {
          id: 'tracked',
          name: 'Pixel',
          key: 'pixel',
          aliases: [],
          colour: `url(${pixel})`,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        },
      ],
    });
    await page.reload();
    await page.waitForFunction(() => document.body.textContent?.includes('Pixel'));
    // And an image element, the plainest way a page loads one.
    await page.evaluate((src) => {
      const img = document.createElement('img');
      img.src = src;
      document.body.append(img);
    }, `${pixel}?img`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(hits).toEqual([]);
    await page.close();
  });
});
