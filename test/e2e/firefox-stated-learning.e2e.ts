import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../lib/time';
import { expectBadgesPassIndependentCheckers } from './harness/badge-checks';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { downloaded } from './harness/pages';
import {
  addMentoringByKeyboard,
  expectMarkdownAndCsv,
  expectWeekShowsItApart,
  expectXapi,
  putMeasuredSession,
  storedActivity,
} from './harness/stated-learning';

describe('Firefox: learning away from the screen (the shipped build)', () => {
  let ext: FirefoxSession;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const week = weekOf(Date.now(), { weekStart: 1 });

  beforeAll(async () => {
    ext = await launchFirefoxWithExtension({ prefs: downloadPrefs(downloads), consent: true });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('adds a mentoring session with the keyboard alone, two skills tagged, stored as stated', async () => {
    const page = await ext.openExtensionPage('/dashboard.html#/add');
    await page.bringToFront();
    await addMentoringByKeyboard(page);
    const stored = await storedActivity(page);
    expect(stored).toMatchObject({
      kind: 'away',
      provenance: 'stated',
      learningKind: 'mentoring',
      activeMs: 0,
      statedMs: 5 * 3_600_000,
    });
    expect(stored.skills).toHaveLength(2);
    await putMeasuredSession(page);
    await page.close();
  });

  it('shows it in the week apart from measured time, and exports it everywhere', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await page.bringToFront();
    await expectWeekShowsItApart(page);

    await page.click('[data-export="markdown"]');
    const md = (await downloaded(downloads, `skilltrail-${week.key}.md`)).text;
    await page.click('[data-export="csv"]');
    const csv = (await downloaded(downloads, `skilltrail-${week.key}.csv`)).text;
    expectMarkdownAndCsv(md, csv);

    await page.click('[data-export="xapi"]');
    expectXapi((await downloaded(downloads, `skilltrail-${week.key}-xapi.json`)).text);

    await page.click('[data-export="badges"]');
    const badges = (await downloaded(downloads, `skilltrail-${week.key}-badges.json`)).text;
    expect(await expectBadgesPassIndependentCheckers(badges)).toEqual({
      dataIntegrity: 2,
      jwt: 2,
    });
    expect(badges).toMatch(/"genre": *"stated"/);
    await page.close();
  });
});
