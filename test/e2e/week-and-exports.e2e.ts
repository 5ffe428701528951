import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftWeek, weekOf } from '../../lib/time';
import { putRecords, readStore } from './harness/dexie-reader';
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
import {
  expectBadgesPassIndependentCheckers,
  forgedBadgesFile,
  reissuedBadgesFile,
} from './harness/badge-checks';
import { downloaded } from './harness/pages';
import { articleHtml, htmlPage, startServer, type TestServer } from './harness/server';

const MIN = 60_000;
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

async function totals(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.week-total', (els) =>
    Object.fromEntries(
      els.map((e) => [
        e.querySelector('dt')?.textContent ?? '',
        e.querySelector('dd')?.textContent ?? '',
      ]),
    ),
  );
}

const card = (id: string) => `article[data-session-id="${id}"]`;

describe('the week: review, correct and export', () => {
  let server: TestServer;
  let ext: ExtensionSession;
  let dashboard: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });
  // Inside this week and never in the future, even minutes after Monday midnight.
  const at = (minutesAgo: number) => Math.max(week.start + 1000, Date.now() - minutesAgo * MIN);
  const ids = {
    search: crypto.randomUUID(),
    untagged: crypto.randomUUID(),
    edit: crypto.randomUUID(),
    hostile: crypto.randomUUID(),
    remove: crypto.randomUUID(),
  };
  let backupPath = '';
  let badgesPath = '';
  let walletPath = '';

  beforeAll(async () => {
    server = await startServer([
      htmlPage(
        '/css-grid',
        articleHtml('A complete guide to CSS grid', 14, '<link rel="canonical" href="/css-grid">'),
      ),
    ]);
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
    // A given profile keeps the welcome page a fresh install opens; it would take the front.
    const welcome = await ext.browser
      .waitForTarget((t) => t.url().endsWith('/welcome.html'), { timeout: 10_000 })
      .catch(() => null);
    await (await welcome?.asPage())?.close();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows the captured and recorded sessions of the week with their totals', async () => {
    // One session through the real popup, tagged CSS.
    const tab = await ext.newTab();
    await tab.goto(`${server.origin}/css-grid`);
    await tab.bringToFront();
    const popup = await ext.openPopup();
    await popup.waitForSelector('.page-title');
    await popup.type('[role="combobox"]', 'CSS');
    await popup.keyboard.press('Enter');
    await popup.type('#session-note', 'Grid areas name parts of a layout.');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('.status .ok');
    await popup.close();

    // The rest as the tracker would have written them.
    dashboard = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await dashboard.waitForSelector('.week-view');
    const o = server.origin;
    const session = (id: string, minutesAgo: number, fields: Record<string, unknown>) => ({
      id,
      kind: 'reading',
      startedAt: at(minutesAgo),
      endedAt: at(minutesAgo) + 5 * MIN,
      activeMs: 4 * MIN,
      title: 'Untitled',
      url: `${o}/${id}`,
      domain: '127.0.0.1',
      skills: [],
      note: '',
      status: 'auto',
      provenance: 'measured',
      updatedAt: at(minutesAgo),
      ...fields,
    });
    const visit = (sessionId: string, path: string, title: string, minutesAgo: number) => ({
      id: crypto.randomUUID(),
      sessionId,
      url: `${o}${path}`,
      title,
      domain: '127.0.0.1',
      startedAt: at(minutesAgo),
      endedAt: at(minutesAgo) + 2 * MIN,
      activeMs: 2 * MIN,
    });
    await putRecords(dashboard, {
      sessions: [
        session(ids.search, 50, {
          kind: 'search',
          title: 'css grid vs flexbox - Example Search',
          url: `${o}/search?q=css+grid+vs+flexbox`,
          engine: 'google',
          activeMs: 7 * MIN,
        }),
        session(ids.untagged, 40, { title: 'Flexbox in depth', url: `${o}/flexbox` }),
        session(ids.edit, 30, { title: 'Typography basics', url: `${o}/typography` }),
        session(ids.hostile, 20, { title: HOSTILE, url: 'javascript:alert(1)', domain: '' }),
        session(ids.remove, 10, { title: 'Football results', url: `${o}/football` }),
      ],
      visits: [
        visit(ids.search, '/guide', 'A guide to grid and flexbox', 49),
        visit(ids.search, '/subgrid', 'Subgrid support tables', 45),
        visit(ids.remove, '/football', 'Football results', 10),
      ],
      searches: [
        {
          id: crypto.randomUUID(),
          sessionId: ids.search,
          engine: 'google',
          query: 'css grid vs flexbox',
          url: `${o}/search?q=css+grid+vs+flexbox`,
          at: at(50),
        },
        {
          id: crypto.randomUUID(),
          sessionId: ids.search,
          engine: 'google',
          query: 'css subgrid support',
          url: `${o}/search?q=css+subgrid+support`,
          at: at(46),
        },
      ],
    });
    // Written behind Dexie's back: load the page again to read them.
    await dashboard.reload();
    await dashboard.waitForSelector(card(ids.remove));

    const stored = await readStore<{ id: string; startedAt: number }>(dashboard, 'sessions');
    const inWeek = stored.filter((s) => s.startedAt >= week.start && s.startedAt < week.end);
    expect(await dashboard.$$eval('.session-card', (els) => els.length)).toBe(inWeek.length);
    expect(await dashboard.$eval('h1', (e) => e.textContent)).toBe(`Week ${week.key}`);
    const t = await totals(dashboard);
    expect(t.Sessions).toBe(String(inWeek.length));
    expect(t.Searches).toBe('2');
    expect(Number(t['Pages read'])).toBeGreaterThanOrEqual(5);
    expect(Object.keys(t)).toEqual([
      'Active learning time',
      'Sessions',
      'Pages read',
      'Searches',
      'Distinct sources',
    ]);

    // Untagged sessions come first; queries and pages of a search session are listed.
    const firstTagged = await dashboard.$$eval('.session-card', (els) =>
      els.findIndex((e) => !e.querySelector('.session-untagged')),
    );
    expect(firstTagged).toBe(inWeek.length - 1);
    const searchCard = await dashboard.$eval(card(ids.search), (e) => e.textContent ?? '');
    expect(searchCard).toContain('css subgrid support');
    expect(searchCard).toContain('Pages (2)');

    // Charts are images with a text label, and a table equivalent.
    expect(
      await dashboard.$$eval('svg[role="img"]', (els) =>
        els.map((e) => e.getAttribute('aria-label')),
      ),
    ).toEqual([
      expect.stringMatching(/^Active time by skill: CSS /),
      expect.stringMatching(/^Active time by day: /),
    ]);
    expect(await dashboard.$$eval('.chart table caption', (els) => els.length)).toBe(2);

    // Page data stays text: no element was made from the hostile title, nothing ran.
    expect(
      await dashboard.$eval(card(ids.hostile), (e) => e.querySelector('img, a') === null),
    ).toBe(true);
    expect(await dashboard.$eval(`${card(ids.hostile)} h3`, (e) => e.textContent)).toBe(HOSTILE);
    expect(await dashboard.title()).toBe('Skilltrail dashboard');
  });

  it('finds sessions by text and filter, and opens the week a route names', async () => {
    await dashboard.type('.session-filters input[type="search"]', 'SUBGRID');
    await dashboard.waitForFunction(() => document.querySelectorAll('.session-card').length === 1);
    expect(await dashboard.$eval('.session-card', (e) => e.getAttribute('data-session-id'))).toBe(
      ids.search,
    );
    await dashboard.click('.filter-clear');
    await dashboard.waitForFunction(() => document.querySelectorAll('.session-card').length > 1);

    const last = shiftWeek(week, -1, { weekStart: 1 });
    await dashboard.click('.week-moves button:first-child');
    await dashboard.waitForFunction(
      (key) => document.querySelector('h1')?.textContent === `Week ${key}`,
      {},
      last.key,
    );
    expect(dashboard.url()).toContain(`#/week/${last.key}`);
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/week/not-a-week`);
    await dashboard.waitForSelector('.notice');
    expect(await dashboard.$eval('h1', (e) => e.textContent)).toBe(`Week ${week.key}`);
    await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/week/${week.key}`);
    await dashboard.waitForSelector(card(ids.remove));
  });

  it('tags from a suggestion, edits, tags in bulk, marks "not learning" and deletes', async () => {
    const [css] = (await readStore<{ id: string; name: string }>(dashboard, 'skills')).filter(
      (s) => s.name === 'CSS',
    );
    expect(css).toBeDefined();

    // Same site as the page tagged CSS: CSS is suggested; one click tags.
    const chip = `${card(ids.untagged)} button.suggestion[data-skill-id="${css!.id}"]`;
    await dashboard.waitForSelector(chip);
    await dashboard.click(chip);
    await dashboard.waitForFunction(
      (sel) => document.querySelector(sel)?.querySelector('.chip')?.textContent === 'CSS',
      {},
      card(ids.untagged),
    );

    // Edit: title, a new skill and a note.
    await dashboard.click(`${card(ids.edit)} [data-action="edit"]`);
    const title = `${card(ids.edit)} .session-edit input[type="text"]`;
    await dashboard.waitForSelector(title);
    await dashboard.click(title, { count: 3 });
    await dashboard.type(title, 'Typography basics, revisited');
    await dashboard.type(`${card(ids.edit)} [role="combobox"]`, 'Design');
    await dashboard.keyboard.press('Enter');
    await dashboard.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('Design'),
      {},
      `${card(ids.edit)} .session-editor .chips`,
    );
    await dashboard.type(`${card(ids.edit)} #session-note`, 'Line length matters most.');
    await dashboard.click(`${card(ids.edit)} button[type="submit"]`);
    await dashboard.waitForSelector(`${card(ids.edit)} .status .ok`);
    await dashboard.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === 'Typography basics, revisited',
      {},
      `${card(ids.edit)} h3`,
    );
    await dashboard.click(`${card(ids.edit)} [data-action="edit"]`);
    const edited = (await readStore<Record<string, unknown>>(dashboard, 'sessions')).find(
      (s) => s.id === ids.edit,
    );
    expect(edited).toMatchObject({
      title: 'Typography basics, revisited',
      note: 'Line length matters most.',
      status: 'kept',
      provenance: 'measured',
    });

    // Bulk: add Design to the search session and the suggestion-tagged one.
    await dashboard.click(`${card(ids.search)} .select-session input`);
    await dashboard.click(`${card(ids.untagged)} .select-session input`);
    await dashboard.waitForSelector('.bulk-bar');
    const design = (await readStore<{ id: string; name: string }>(dashboard, 'skills')).find(
      (s) => s.name === 'Design',
    )!;
    await dashboard.select('.bulk-bar select', design.id);
    await dashboard.click('.bulk-bar button::-p-text(Add to selected)');
    await dashboard.waitForFunction(() =>
      document.querySelector('.status[role="status"]')?.textContent?.includes('Added Design to 2'),
    );
    await dashboard.click('.bulk-bar button::-p-text(Clear selection)');

    // "Not learning": greyed, out of the totals, undoable.
    const before = Number((await totals(dashboard)).Sessions);
    await dashboard.click(`${card(ids.hostile)} [data-action="dismiss"]`);
    await dashboard.waitForSelector(`${card(ids.hostile)}[data-status="dismissed"]`);
    expect(Number((await totals(dashboard)).Sessions)).toBe(before - 1);
    await dashboard.click(`${card(ids.hostile)} [data-action="undo-dismiss"]`);
    await dashboard.waitForSelector(`${card(ids.hostile)}[data-status="kept"]`);
    expect(Number((await totals(dashboard)).Sessions)).toBe(before);
    await dashboard.click(`${card(ids.hostile)} [data-action="dismiss"]`);
    await dashboard.waitForSelector(`${card(ids.hostile)}[data-status="dismissed"]`);

    // Delete asks first, then removes the session with its pages.
    await dashboard.click(`${card(ids.remove)} [data-action="delete"]`);
    await dashboard.waitForSelector(`${card(ids.remove)} [data-action="confirm-delete"]`);
    expect(await dashboard.$eval(`${card(ids.remove)} .confirm`, (e) => e.textContent)).toContain(
      'cannot be undone',
    );
    await dashboard.click(`${card(ids.remove)} [data-action="confirm-delete"]`);
    await dashboard.waitForFunction((sel) => !document.querySelector(sel), {}, card(ids.remove));
    const visits = await readStore<{ sessionId: string }>(dashboard, 'visits');
    expect(visits.filter((v) => v.sessionId === ids.remove)).toEqual([]);
    expect(Number((await totals(dashboard)).Sessions)).toBe(before - 2);
  });

  it('previews each privacy level and downloads every export', async () => {
    expect(
      await dashboard.$$eval('.export-buttons button', (els) => els.map((e) => e.textContent)),
    ).toEqual([
      'Export Markdown',
      'Export CSV',
      'Export xAPI',
      'Export Open Badges',
      'Print report',
    ]);
    expect(await dashboard.$eval('[data-export="backup"]', (e) => e.textContent)).toBe(
      'Export JSON backup',
    );
    expect(
      await dashboard.$$eval('.import-backup label', (els) => els.map((e) => e.textContent)),
    ).toContain('Import backup');

    // Titles only: no addresses, no notes in the preview.
    await dashboard.click('.privacy-level:nth-of-type(2) input');
    await dashboard.waitForFunction(() => !document.querySelector('.preview td.url'));
    const titlesPreview = await dashboard.$eval('.preview', (e) => e.textContent ?? '');
    expect(titlesPreview).toContain('Typography basics, revisited');
    expect(titlesPreview).not.toContain('Line length matters most.');
    // Totals only: no sessions at all.
    await dashboard.click('.privacy-level:nth-of-type(4) input');
    await dashboard.waitForFunction(
      () => !document.querySelector('.preview')?.textContent?.includes('Typography'),
    );
    // Full, for the files below.
    await dashboard.click('.privacy-level:nth-of-type(1) input');
    await dashboard.waitForSelector('.preview td.url');
    expect(await dashboard.$eval('.preview', (e) => e.textContent)).toContain(
      'Line length matters most.',
    );

    const key = week.key;
    await dashboard.click('[data-export="markdown"]');
    const { text: md } = await downloaded(downloads, `skilltrail-${key}.md`);
    expect(md).toMatch(new RegExp(`^# Learning report — ${key}`));
    expect(md).toContain('Line length matters most.');
    expect(md).not.toContain('onerror');

    await dashboard.click('[data-export="csv"]');
    const { text: csv } = await downloaded(downloads, `skilltrail-${key}.csv`);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFsession_id,date,start,end,kind,skills,title,site,url,active_seconds,active_minutes,pages,searches,queries,note,provenance,stated_minutes,learning_kind,vouched_by',
    );
    expect(csv).toContain(ids.edit);
    // Dismissed sessions are not exported.
    expect(csv).not.toContain(ids.hostile);

    await dashboard.click('[data-export="xapi"]');
    const xapi = JSON.parse((await downloaded(downloads, `skilltrail-${key}-xapi.json`)).text) as {
      actor: { account?: { name: string } };
    }[];
    expect(Array.isArray(xapi)).toBe(true);
    expect(xapi.length).toBeGreaterThan(3);
    const installId = xapi[0]!.actor.account?.name;
    expect(installId).toMatch(/^[0-9a-f-]{36}$/);
    const meta = await readStore<{ key: string; value: unknown }>(dashboard, 'meta');
    expect(meta.find((m) => m.key === 'install-id')?.value).toBe(installId);

    await dashboard.click('[data-export="badges"]');
    const badgesFile = await downloaded(downloads, `skilltrail-${key}-badges.json`);
    badgesPath = badgesFile.path;
    const badges = JSON.parse(badgesFile.text) as { format: string; credentials: unknown[] };
    expect(badges.format).toBe('skilltrail-badges');
    // CSS and Design had learning this week: each as a JSON credential and as a VC-JWT.
    expect(badges.credentials).toHaveLength(4);
    for (const jws of badges.credentials.filter((c) => typeof c === 'string'))
      expect(jws).toMatch(JWS);
    expect(await expectBadgesPassIndependentCheckers(badgesFile.text)).toEqual({
      dataIntegrity: 2,
      jwt: 2,
    });
    const page = (await downloaded(downloads, `skilltrail-${key}-badges.html`)).text;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('VerifierPlus');

    // Each badge alone, as a wallet imports it.
    const walletButtons = await dashboard.$$eval('[data-wallet-file]', (els) =>
      els.map((e) => e.getAttribute('data-wallet-file')!),
    );
    expect(walletButtons).toHaveLength(2);
    await dashboard.click(`[data-wallet-file="${walletButtons[0]}"]`);
    const wallet = await downloaded(downloads, walletButtons[0]!);
    walletPath = wallet.path;
    expect(
      await expectBadgesPassIndependentCheckers(
        JSON.stringify({ credentials: [JSON.parse(wallet.text)] }),
      ),
    ).toEqual({ dataIntegrity: 1, jwt: 0 });

    await dashboard.click('[data-export="backup"]');
    const backupFile = await downloaded(downloads, /^skilltrail-\d{4}-W\d\d\.json$/);
    backupPath = backupFile.path;
    const backup = JSON.parse(backupFile.text) as {
      format: string;
      data: { sessions: { id: string }[] };
    };
    expect(backup.format).toBe('skilltrail-backup');
    expect(backup.data.sessions.map((s) => s.id)).toEqual(
      expect.arrayContaining([ids.edit, ids.hostile]),
    );
    expect(backup.data.sessions.map((s) => s.id)).not.toContain(ids.remove);
  });

  it('opens the printable report in a tab of its own, without running page data', async () => {
    await dashboard.click('[data-export="print"]');
    const target = await ext.browser.waitForTarget(
      (t) => t.url().startsWith('blob:chrome-extension://'),
      {
        timeout: 10_000,
      },
    );
    const report = (await target.asPage())!;
    await report.waitForSelector('h1');
    expect(await report.$eval('h1', (e) => e.textContent)).toBe(`Learning report — ${week.key}`);
    expect(await report.$eval('body', (e) => e.textContent)).toContain(
      'Typography basics, revisited',
    );
    expect(await report.$$eval('script', (els) => els.length)).toBe(0);
    await report.close();
  });

  it('verifies the exported badges', async () => {
    const verify = await ext.openExtensionPage('/dashboard.html#/verify');
    await verify.waitForSelector('.verify-view input[type="file"]');
    const input = await verify.$('.verify-view input[type="file"]');
    await input!.uploadFile(badgesPath);
    await verify.waitForSelector('.credential');
    expect(
      await verify.$$eval('.credential', (els) => els.map((e) => e.getAttribute('data-valid'))),
    ).toEqual(['true', 'true', 'true', 'true']);
    expect(
      await verify.$$eval('.credential', (els) => els.map((e) => e.getAttribute('data-proof'))),
    ).toEqual(['data-integrity', 'vc-jwt', 'data-integrity', 'vc-jwt']);
    expect(await verify.$eval('.verify-view', (e) => e.textContent)).toContain(
      'Typography basics, revisited',
    );

    // The file a wallet imports verifies alone.
    await input!.uploadFile(walletPath);
    await verify.waitForFunction(() => document.querySelectorAll('.credential').length === 1);
    expect(await verify.$eval('.credential', (e) => e.getAttribute('data-status'))).toBe('valid');

    // A university's name on a badge signed with another key: not confirmed, never valid.
    const forged = join(mkdtempSync(join(tmpdir(), 'skilltrail-badges-')), 'forged.json');
    writeFileSync(forged, await forgedBadgesFile(readFileSync(badgesPath, 'utf8')));
    await input!.uploadFile(forged);
    await verify.waitForSelector('.credential[data-status="issuer-unconfirmed"]');
    const forgedText = await verify.$eval('.credential', (e) => e.textContent ?? '');
    expect(forgedText).toContain('issuer not confirmed');
    expect(forgedText).toContain('https://www.ox.ac.uk/ — says it is “University of Oxford”');
    expect(forgedText).not.toContain('Valid: signed');

    // Signed by its own issuer, but outside its validity period.
    for (const [dates, words] of [
      [{ validFrom: '2019-01-01T00:00:00Z', validUntil: '2020-01-01T00:00:00Z' }, 'has expired'],
      [{ validFrom: '2999-01-01T00:00:00Z' }, 'not valid yet'],
    ] as const) {
      const file = join(mkdtempSync(join(tmpdir(), 'skilltrail-badges-')), 'dated.json');
      writeFileSync(file, await reissuedBadgesFile(readFileSync(badgesPath, 'utf8'), dates));
      await input!.uploadFile(file);
      await verify.waitForFunction(
        (w) => document.querySelector('.credential .verdict')?.textContent?.includes(w),
        {},
        words,
      );
      expect(await verify.$eval('.credential', (e) => e.getAttribute('data-status'))).toBe(
        'invalid',
      );
    }

    // One changed character in the payload breaks the signature.
    const doc = JSON.parse(readFileSync(badgesPath, 'utf8')) as {
      credentials: unknown[];
    };
    const at = doc.credentials.findIndex((c) => typeof c === 'string');
    const [h, p, s] = (doc.credentials[at] as string).split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { name: string };
    payload.name = `${payload.name} (edited)`;
    doc.credentials[at] = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const tampered = join(mkdtempSync(join(tmpdir(), 'skilltrail-badges-')), 'tampered.json');
    writeFileSync(tampered, JSON.stringify(doc));
    await input!.uploadFile(tampered);
    await verify.waitForSelector('.credential[data-valid="false"]');
    expect(
      await verify.$eval('.credential[data-valid="false"] .verdict', (e) => e.textContent),
    ).toContain('signature does not match');
    await verify.close();
  });

  it('restores the backup into a fresh browser profile, refusing a damaged file first', async () => {
    const fresh = await launchWithExtension();
    try {
      const page = await fresh.openExtensionPage(`/dashboard.html#/week/${week.key}`);
      await page.waitForSelector('.import-backup input[type="file"]');
      const input = await page.$('.import-backup input[type="file"]');

      const text = readFileSync(backupPath, 'utf8');
      const cut = join(mkdtempSync(join(tmpdir(), 'skilltrail-cut-')), 'truncated.json');
      writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
      await input!.uploadFile(cut);
      await page.waitForSelector('.import-backup .error');
      expect(await page.$eval('.import-backup .error', (e) => e.textContent)).toContain(
        'Nothing was changed',
      );
      expect(await readStore(page, 'sessions')).toEqual([]);

      await input!.uploadFile(backupPath);
      await page.waitForSelector('.import-backup .ok');
      expect(await page.$eval('.import-backup .ok', (e) => e.textContent)).toMatch(
        /^Restored 5 sessions/,
      );
      await page.waitForSelector(card(ids.edit));
      expect(await page.$eval(`${card(ids.edit)} h3`, (e) => e.textContent)).toBe(
        'Typography basics, revisited',
      );
      expect(await page.$eval(card(ids.hostile), (e) => e.getAttribute('data-status'))).toBe(
        'dismissed',
      );
      expect(await page.$$eval('.session-card', (els) => els.length)).toBe(5);
    } finally {
      await fresh.close();
    }
  });
});
