import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE } from '../fixtures/week';
import {
  cspViolations,
  expectStrictCsp,
  pageWithAlteredScript,
} from './harness/endorsement-request';
import { openFromDisk, savedPageFolders } from './harness/from-disk';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
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

describe('Firefox: the portfolio, saved from the Skills view, checks itself from disk', () => {
  let ext: FirefoxSession;
  const { downloads, scratch } = savedPageFolders();
  let portfolio: { path: string; text: string };
  let learnerDid: string;

  const open = async (path: string): Promise<Page> => openFromDisk(await ext.newTab(), path);

  beforeAll(async () => {
    ext = await launchFirefoxWithExtension({ prefs: downloadPrefs(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('saves one page holding a signed record per skill', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await putPortfolioWeek(dashboard);
    // Written behind Dexie's back: the view reads them when it loads again.
    await ext.gotoPrivileged(dashboard, 'about:blank');
    await ext.gotoPrivileged(dashboard, `${ext.origin}/dashboard.html#/skills`);
    learnerDid = (await learnerKeyShown(dashboard)).did;
    await putPortfolioWeek(dashboard, learnerDid);
    await ext.gotoPrivileged(dashboard, 'about:blank');
    await ext.gotoPrivileged(dashboard, `${ext.origin}/dashboard.html#/skills`);
    await dashboard.waitForSelector('[data-portfolio-save]');
    await dashboard.click('.portfolio-panel input[value="full"]');
    await dashboard.click('[data-portfolio-save]');
    portfolio = await downloaded(downloads, PORTFOLIO);
    expectStrictCsp(portfolio.text, { workers: true });
    expect(portfolio.text).not.toContain(HOSTILE_TITLE);
    await waitForTruthy(dashboard, () => document.querySelectorAll('[data-linkedin]').length > 0);
    await dashboard.close();
    await expectRecordsPassIndependentCheckers(portfolio.text);
  }, 120_000);

  it('opens from disk and shows each skill with its counts by provenance and every signature holding', async () => {
    const page = await open(portfolio.path);
    await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
    const shown = await page.evaluate(readPortfolio);
    const expected = await expectedCounts(learnerDid);
    expect(shown.map((r) => r.skill).sort()).toEqual([...expected.keys()].sort());
    for (const record of shown) {
      expect(record.signature, record.skill).toBe('holds');
      expect(record.counts, record.skill).toEqual(expected.get(record.skill));
    }
    expect(shown.find((r) => r.skill === 'CSS')!.endorsements).toEqual(['holds']);
    // Checked in a worker made from the page's own script, which its CSP lets start.
    await waitForTruthy(page, checkedIn);
    expect(await page.evaluate(checkedIn)).toBe('worker');
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('checks its signatures itself where a stricter policy allows no worker', async () => {
    const page = await open(pageWithoutWorkers(portfolio.text, join(scratch, 'no-workers.html')));
    await expectEverySignatureHolds(page, 'page');
    await page.close();
  }, 120_000);

  it('with one character of one evidence text changed, shows only that record as changed', async () => {
    const skill = pageWithEditedEvidence(portfolio.text, join(scratch, 'edited.html'));
    const page = await open(join(scratch, 'edited.html'));
    await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
    for (const record of await page.evaluate(readPortfolio)) {
      expect(record.signature, record.skill).toBe(record.skill === skill ? 'changed' : 'holds');
    }
    await page.close();
  }, 120_000);

  it('runs its script only because of its hash', async () => {
    const page = await open(pageWithAlteredScript(portfolio.text, join(scratch, 'altered.html')));
    await waitForTruthy(
      page,
      () => (window as unknown as { violations: string[] }).violations.length > 0,
    );
    expect(await page.$('section.record')).toBeNull();
    await page.close();
  });
});
