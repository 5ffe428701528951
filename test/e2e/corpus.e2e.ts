import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore } from './harness/dexie-reader';
import { type ExtensionSession, launchWithExtension } from './harness/extension';
import { loadCorpus, sameText } from './harness/corpus';
import { startServer, type TestServer } from './harness/server';

const corpus = loadCorpus();

describe.skipIf(corpus === null)('capture of real web pages', () => {
  let server: TestServer;
  let ext: ExtensionSession;

  beforeAll(async () => {
    const pages = new Map(corpus!.map((p) => [`/${p.name}/`, p.html]));
    server = await startServer([
      (_req, res, url) => {
        const html = pages.get(url.pathname);
        if (!html) return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return true;
      },
    ]);
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('stores the title, byline and excerpt Readability expects', { timeout: 600_000 }, async () => {
    const rows: Record<string, string>[] = [];
    for (const page of corpus!) {
      // A fresh tab per page: some pages' scripts navigate away.
      const tab = await ext.newTab();
      await tab
        .goto(`${server.origin}/${page.name}/`, { waitUntil: 'load', timeout: 30_000 })
        .catch(() => {});
      await tab.bringToFront();
      const popup = await ext.openPopup();
      await popup.waitForSelector('[data-phase="ready"] .page-title, [data-phase="blocked"]', {
        timeout: 30_000,
      });
      await popup.close();
      await tab.close();
      rows.push({ name: page.name });
    }
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    const captures = await readStore<{
      url: string;
      title: string;
      byline?: string;
      excerpt?: string;
    }>(dashboard, 'captures');
    const byPage = new Map(captures.map((c) => [new URL(c.url).pathname.split('/')[1], c]));

    const table = corpus!.map((page) => {
      const got = byPage.get(page.name);
      const e = page.expected;
      return {
        page: page.name,
        readerable: e.readerable !== false,
        title: sameText(got?.title, e.title),
        byline: e.byline ? sameText(got?.byline, e.byline) : null,
        excerpt: e.excerpt ? sameText(got?.excerpt, e.excerpt) : null,
        stored: got?.title?.slice(0, 50) ?? '(none)',
      };
    });
    console.table(table);
    const readerable = table.filter((r) => r.readerable);
    const rate = (key: 'title' | 'byline' | 'excerpt') => {
      const applicable = readerable.filter((r) => r[key] !== null);
      return applicable.filter((r) => r[key] === true).length / applicable.length;
    };
    const summary = {
      pages: corpus!.length,
      readerable: readerable.length,
      title: rate('title'),
      byline: rate('byline'),
      excerpt: rate('excerpt'),
    };
    console.log('corpus capture', summary);
    expect(captures.length).toBe(corpus!.length);
    expect(summary.title).toBeGreaterThanOrEqual(0.95);
    expect(summary.byline).toBeGreaterThanOrEqual(0.8);
    expect(summary.excerpt).toBeGreaterThanOrEqual(0.8);
  });
});
