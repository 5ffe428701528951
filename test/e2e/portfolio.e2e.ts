import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE } from '../fixtures/week';
import { blocking, runAxe } from './harness/a11y';
import {
  cspViolations,
  expectStrictCsp,
  pageWithAlteredScript,
} from './harness/endorsement-request';
import { openFromDisk, savedPageFolders } from './harness/from-disk';
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
import { learnerKeyShown } from './harness/endorsement';
import { downloaded, waitForTruthy } from './harness/pages';
import {
  checkedIn,
  expectEverySignatureHolds,
  expectedCounts,
  expectRecordsPassIndependentCheckers,
  pageWithEditedEvidence,
  pageWithoutWorkers,
  portfolioChecked,
  putPortfolioWeek,
  readPortfolio,
} from './harness/portfolio';

const PORTFOLIO = /^skilltrail-portfolio-.*\.html$/;

const open = async (ext: ExtensionSession, path: string, width = 1280): Promise<Page> =>
  openFromDisk(await ext.browser.newPage(), path, { width });

describe('the portfolio: saved from the Skills view, it checks itself from disk (Chromium)', () => {
  let ext: ExtensionSession;
  const { downloads, scratch } = savedPageFolders();
  let portfolio: { path: string; text: string };
  let learnerDid: string;

  beforeAll(async () => {
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('saves one page holding a signed record per skill, at the privacy level chosen', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await putPortfolioWeek(dashboard);
    await dashboard.reload();
    learnerDid = (await learnerKeyShown(dashboard)).did;
    await putPortfolioWeek(dashboard, learnerDid);
    await dashboard.reload();
    await dashboard.waitForSelector('[data-portfolio-save]');
    await dashboard.click('.portfolio-panel input[value="full"]');
    await dashboard.click('[data-portfolio-save]');
    portfolio = await downloaded(downloads, PORTFOLIO);
    await waitForTruthy(
      dashboard,
      () =>
        document.querySelector('[data-portfolio-status]')?.getAttribute('data-portfolio-status') ===
        'done',
    );
    expectStrictCsp(portfolio.text, { workers: true });
    expect(portfolio.text).not.toContain(HOSTILE_TITLE);
    // LinkedIn's link for each record, said plainly to be self-issued, opened only by a click.
    const links = await dashboard.$$eval('[data-linkedin]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(links.length).toBeGreaterThan(0);
    const first = new URL(links[0]!);
    expect(first.origin + first.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(first.searchParams.get('organizationName')).toMatch(/^Self-issued by /);
    expect(first.searchParams.get('certId')).toMatch(/^urn:uuid:/);
    await dashboard.type('.linkedin input[type="url"]', 'http://ada.example/p.html');
    await waitForTruthy(dashboard, () => !!document.querySelector('.linkedin .error')?.textContent);
    await dashboard.click('.linkedin input[type="url"]', { count: 3 });
    await dashboard.type('.linkedin input[type="url"]', 'https://ada.example/p.html');
    await waitForTruthy(dashboard, () =>
      (document.querySelector('[data-linkedin]') as HTMLAnchorElement | null)?.href.includes(
        'certUrl=https%3A%2F%2Fada.example%2Fp.html',
      ),
    );
    await dashboard.close();
  });

  it('each record passes the independent checkers', async () => {
    await expectRecordsPassIndependentCheckers(portfolio.text);
  }, 120_000);

  it('opens from disk, offline, and shows each skill with its counts by provenance and every signature holding', async () => {
    const page = await open(ext, portfolio.path);
    await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
    const shown = await page.evaluate(readPortfolio);
    const expected = await expectedCounts(learnerDid);
    expect(shown.map((r) => r.skill).sort()).toEqual([...expected.keys()].sort());
    for (const record of shown) {
      expect(record.signature, record.skill).toBe('holds');
      expect(record.counts, record.skill).toEqual(expected.get(record.skill));
      for (const e of record.endorsements) expect(e).toBe('holds');
    }
    expect(shown.find((r) => r.skill === 'CSS')!.endorsements).toEqual(['holds']);
    // Checked in a worker made from the page's own script, which its CSP lets start.
    await waitForTruthy(page, checkedIn);
    expect(await page.evaluate(checkedIn)).toBe('worker');
    const body = await page.$eval('body', (b) => b.innerText);
    expect(body).toContain('Signature holds — issued by the learner’s own key');
    expect(body).toContain(HOSTILE_TITLE);
    expect(await page.$$('img, iframe, object')).toHaveLength(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(blocking(await runAxe(page))).toEqual([]);
    await page.close();
  }, 120_000);

  it('fits a phone’s width', async () => {
    const page = await open(ext, portfolio.path, 360);
    await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    await page.close();
  }, 120_000);

  it('checks its signatures itself where a stricter policy allows no worker', async () => {
    const page = await open(
      ext,
      pageWithoutWorkers(portfolio.text, join(scratch, 'no-workers.html')),
    );
    await expectEverySignatureHolds(page, 'page');
    await page.close();
  }, 120_000);

  it('with one character of one evidence text changed, shows only that record as changed', async () => {
    const skill = pageWithEditedEvidence(portfolio.text, join(scratch, 'edited.html'));
    const page = await open(ext, join(scratch, 'edited.html'));
    await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
    const shown = await page.evaluate(readPortfolio);
    for (const record of shown) {
      expect(record.signature, record.skill).toBe(record.skill === skill ? 'changed' : 'holds');
    }
    expect(await page.$eval('body', (b) => b.innerText)).toContain('Changed since it was signed');
    await page.close();
  }, 120_000);

  it('runs its script only because of its hash: one changed byte and the CSP refuses it', async () => {
    const page = await open(
      ext,
      pageWithAlteredScript(portfolio.text, join(scratch, 'altered.html')),
    );
    await waitForTruthy(
      page,
      () => (window as unknown as { violations: string[] }).violations.length > 0,
    );
    expect(await page.$('section.record')).toBeNull();
    await page.close();
  });
});
