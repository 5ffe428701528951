/**
 * Learning away from the screen, end to end, in either browser: the "Add learning" form
 * filled with the keyboard alone, and the checks on where the activity then shows.
 */
import xapiValidation from '@learninglocker/xapi-validation';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { newId } from '../../../lib/ids';
import { skillKey } from '../../../lib/skills/names';
import { readStore, putRecords } from './dexie-reader';
import { downloaded, waitForTruthy } from './pages';
import { expectBadgesPassIndependentCheckers } from './badge-checks';

const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => unknown[];

export const LEARNED = 'How to read a wiring diagram';
export const SKILLS = ['Wiring', 'Customer care'] as const;

/** Presses Tab until the focus is on `selector` (at most `max` presses). */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Fills "Add learning" with the keyboard alone: mentoring (the second kind, one arrow down
 * from the first), today, 5 hours, two new skills, what was learned and with whom; Enter
 * saves. Resolves when the form says it saved.
 */
export async function addMentoringByKeyboard(page: Page): Promise<void> {
  await page.waitForSelector('.stated-form');
  await tabTo(page, '.learning-kind input[type="radio"]');
  await page.keyboard.press('ArrowDown');
  await waitForTruthy(
    page,
    () => (document.querySelector('input[value="mentoring"]') as HTMLInputElement)?.checked,
  );
  await tabTo(page, '.stated-duration-parts input');
  await page.keyboard.type('5');
  await tabTo(page, '.stated-form [role="combobox"]');
  for (const name of SKILLS) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await waitForTruthy(
      page,
      (n: string) =>
        [...document.querySelectorAll('.stated-form .chip')].some((c) =>
          c.textContent?.includes(n),
        ),
      {},
      name,
    );
  }
  await page.keyboard.press('Tab');
  await page.keyboard.type(LEARNED);
  await page.keyboard.press('Tab');
  await page.keyboard.type('The workshop');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rosa, senior technician');
  await page.keyboard.press('Enter');
  const outcome = await waitForTruthy(page, () => {
    const form = document.querySelector('.stated-form');
    if (form?.querySelector('.status .ok')) return 'saved';
    const problems = form?.querySelector('.stated-problems')?.textContent;
    return problems || form?.querySelector('.status .error')?.textContent || '';
  });
  expect(outcome).toBe('saved');
}

/** The stated activity as stored, once it is. */
export async function storedActivity(page: Page): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const sessions = await readStore(page, 'sessions');
    const found = sessions.find((s) => s.kind === 'away');
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('No stated activity was stored');
}

/** A 20-minute measured reading session today, tagged with the first skill. */
export async function putMeasuredSession(page: Page): Promise<void> {
  const skills = await readStore<{ id: string; key: string }>(page, 'skills');
  const wiring = skills.find((s) => s.key === skillKey(SKILLS[0]))!;
  const now = Date.now();
  await putRecords(page, {
    sessions: [
      {
        id: newId(),
        kind: 'reading',
        startedAt: now - 30 * 60_000,
        endedAt: now - 10 * 60_000,
        activeMs: 20 * 60_000,
        title: 'Reading a wiring diagram',
        url: 'https://example.org/wiring',
        domain: 'example.org',
        skills: [wiring.id],
        note: '',
        status: 'kept',
        provenance: 'measured',
        updatedAt: now,
      },
    ],
  });
}

/** The week view shows the stated activity apart from measured time, and its card as stated. */
export async function expectWeekShowsItApart(page: Page): Promise<void> {
  const totals = await waitForTruthy(page, () => {
    const text = document.querySelector('.week-totals')?.textContent ?? '';
    return text.includes('stated') ? text : '';
  });
  expect(totals).toMatch(/measured 20 min · stated 5 hr/);
  const card = await waitForTruthy(
    page,
    () => document.querySelector('[data-provenance="stated"]')?.textContent ?? '',
  );
  expect(card).toContain(LEARNED);
  expect(card).toContain('Mentoring or coaching');
  expect(card).toContain('stated 5 hr');
  expect(card).toContain('With: Rosa, senior technician');
}

/** The xAPI file: the validator passes every statement; the activity is `attended`, 5 hours. */
export function expectXapi(text: string): void {
  const statements = JSON.parse(text) as Record<string, unknown>[];
  for (const s of statements) expect(validate(s), JSON.stringify(s)).toEqual([]);
  const stated = statements.filter((s) => JSON.stringify(s).includes('/stated/'));
  expect(stated).toHaveLength(1);
  expect(stated[0]).toMatchObject({
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
    result: { duration: 'PT5H' },
  });
}

/** Markdown and CSV carry the activity, its stated time apart from measured. */
export function expectMarkdownAndCsv(md: string, csv: string): void {
  expect(md).toContain(LEARNED);
  expect(md).toContain('Mentoring or coaching');
  expect(md).toContain('measured 20 min · stated 5 hr');
  const [header, ...rows] = csv.slice(1).trim().split('\r\n');
  const columns = header!.split(',');
  const row = rows.find((r) => r.includes(LEARNED))!.split(',');
  expect(row[columns.indexOf('stated_minutes')]).toBe('300');
  expect(row[columns.indexOf('active_seconds')]).toBe('0');
  expect(row[columns.indexOf('provenance')]).toBe('stated');
  expect(row[columns.indexOf('learning_kind')]).toBe('mentoring');
}

/** The activity the keyboard added, as stored: stated, of its kind, no measured time, two skills. */
export async function expectStoredAsStated(page: Page): Promise<Record<string, unknown>> {
  const stored = await storedActivity(page);
  expect(stored).toMatchObject({
    kind: 'away',
    provenance: 'stated',
    learningKind: 'mentoring',
    activeMs: 0,
    statedMs: 5 * 3_600_000,
  });
  expect(stored.skills).toHaveLength(2);
  return stored;
}

/** Every export of the week from its page: Markdown, CSV, xAPI and badges, each checked. */
export async function expectWeekExports(page: Page, downloads: string, weekKey: string) {
  await page.click('[data-export="markdown"]');
  const md = (await downloaded(downloads, `skilltrail-${weekKey}.md`)).text;
  await page.click('[data-export="csv"]');
  const csv = (await downloaded(downloads, `skilltrail-${weekKey}.csv`)).text;
  expectMarkdownAndCsv(md, csv);

  await page.click('[data-export="xapi"]');
  expectXapi((await downloaded(downloads, `skilltrail-${weekKey}-xapi.json`)).text);

  await page.click('[data-export="badges"]');
  const badges = (await downloaded(downloads, `skilltrail-${weekKey}-badges.json`)).text;
  // Two skills, each in both forms, pass checkers Skilltrail did not write.
  expect(await expectBadgesPassIndependentCheckers(badges)).toEqual({
    dataIntegrity: 2,
    jwt: 2,
  });
  expect(badges).toMatch(/"genre": *"stated"/);
}
