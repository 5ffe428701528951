import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { waitForTruthy, waitForValue } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

/**
 * The toolbar button of the build that ships, clicked the way a learner clicks it: no host
 * access, only the activeTab the click grants. The background starts the capture at the
 * click and opens the popup, which shows that capture instead of making a second one; a
 * stopped service worker wakes for the click and does the same.
 */
describe('the toolbar button in the shipped build', () => {
  let server: TestServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    server = await startServer([
      htmlPage('/flexbox', articleHtml('Flexbox from the ground up', 12)),
      htmlPage('/subgrid', articleHtml('What subgrid adds to CSS grid', 12)),
    ]);
    ext = await launchWithExtension({ build: 'production' });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('captures the page at the click into one capture and one session, with only the click’s access', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/flexbox`);
    await tab.bringToFront();

    const popup = await ext.openPopup(tab);
    await waitForTruthy(
      popup,
      (title) => document.querySelector('.page-title')?.textContent === title,
      {},
      'Flexbox from the ground up',
    );
    // Readability ran in the page: the byline comes from its content, not the tab's title.
    // The popup may show the page's address first, until the capture's reply arrives.
    await waitForTruthy(popup, () =>
      /Ada Example/.test(document.querySelector('.meta')?.textContent ?? ''),
    );
    const captures = await waitForValue(
      () => readStore<{ url: string }>(popup, 'captures'),
      (list) => list.length > 0,
    );
    expect(captures.map((c) => c.url)).toEqual([`${server.origin}/flexbox`]);
    expect(
      await waitForValue(
        () => readStore(popup, 'sessions'),
        (l) => l.length > 0,
      ),
    ).toHaveLength(1);
    await popup.close();
  });

  it('wakes a stopped service worker for the click', async () => {
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/subgrid`);
    await tab.bringToFront();
    const worker = await ext.stopWorker(tab);

    const popup = await ext.openPopup(tab);
    await worker.woken();
    await waitForTruthy(
      popup,
      (title) => document.querySelector('.page-title')?.textContent === title,
      {},
      'What subgrid adds to CSS grid',
    );
    const captures = await waitForValue(
      () => readStore<{ url: string }>(popup, 'captures'),
      (list) => list.length > 1,
    );
    expect(captures.map((c) => c.url).sort()).toEqual([
      `${server.origin}/flexbox`,
      `${server.origin}/subgrid`,
    ]);
    await popup.close();
  });
});
