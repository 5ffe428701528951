import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { readStore } from './dexie-reader';
import { downloaded, waitForTruthy } from './pages';
import { articleHtml, type Handler } from './server';

/**
 * The pages a learner visits before turning recording on, for the look back's tests: a
 * search on DuckDuckGo's host name with a result read from it, an article opened by its
 * address, and a page on a site never recorded (PayPal is excluded by default).
 */
export const LOOK_BACK_QUERY = 'css grid areas';
export const RESULT_URL = 'https://notes.example.org/articles/grid-template-areas-explained';
export const ARTICLE_URL = 'https://notes.example.org/guide/css-grid-layout';
export const EXCLUDED_URL = 'https://www.paypal.com/docs/guide/how-to-send-money';
export const SEARCH_URL = `https://duckduckgo.com/?q=${encodeURIComponent(LOOK_BACK_QUERY)}&t=h_`;

/** The handlers of a server that plays every host above (HTTPS, mapped to 127.0.0.1). */
export function lookBackSite(): Handler[] {
  return [
    (req, res, url) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (host !== 'duckduckgo.com' || !url.searchParams.get('q')) return false;
      const q = url.searchParams.get('q') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${q} at DuckDuckGo</title></head>
<body><ol><li><a id="first" href="${RESULT_URL}">Grid template areas explained</a></li></ol></body></html>`,
      );
      return true;
    },
    (req, res, url) => {
      if (url.pathname === '/favicon.ico') return false;
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const title =
        host === 'www.paypal.com'
          ? 'Send money to a friend'
          : url.pathname.includes('areas')
            ? 'Grid template areas explained'
            : 'A complete guide to CSS grid layout';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(title, 8));
      return true;
    },
  ];
}

/**
 * Visits the pages as a learner would: the article and the excluded site by their address,
 * then the search and a click on its result. (Automation's navigations reach Firefox's
 * history as links, not typed addresses, so the article comes first: after a result, a
 * page Firefox names no referrer for would join the search by time.)
 */
export async function visitBeforeRecording(tab: Page): Promise<void> {
  await tab.goto(ARTICLE_URL);
  await tab.waitForSelector('h1');
  await tab.goto(EXCLUDED_URL);
  await tab.goto(SEARCH_URL);
  await Promise.all([tab.waitForNavigation(), tab.click('#first')]);
  expect(tab.url()).toBe(RESULT_URL);
}

/** Clicks the button whose text is `text` inside `within`. */
export async function clickText(page: Page, within: string, text: string): Promise<void> {
  await waitForTruthy(
    page,
    (scope, t) =>
      [...document.querySelectorAll(`${scope} button`)].some(
        (b) => b.textContent?.trim() === t && !(b as HTMLButtonElement).disabled,
      ),
    { timeout: 10_000 },
    within,
    text,
  );
  await page.evaluate(
    (scope, t) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find(
        (b) => b.textContent?.trim() === t,
      );
      button?.focus();
    },
    within,
    text,
  );
  await page.keyboard.press('Enter');
}

/** Starts a look back on `page` (welcome or Settings) and waits for its review list or verdict. */
export async function startLookBack(page: Page): Promise<void> {
  const button = await page.waitForSelector('.look-back button.primary:not([disabled])', {
    visible: true,
  });
  await button!.scrollIntoView();
  await button!.click();
}

/** The review list's candidates, once it shows: kind, title, queries and pages as text. */
export async function candidatesShown(page: Page) {
  await waitForTruthy(page, () => document.querySelector('.look-back-review') !== null, {
    timeout: 60_000,
  });
  return page.$$eval('.look-back-review li[data-candidate]', (items) =>
    items.map((li) => ({
      kind: li.getAttribute('data-candidate'),
      title: li.querySelector('h4')?.textContent ?? '',
      text: li.textContent ?? '',
    })),
  );
}

/** Tags the candidate titled `title` with a new skill `skill`, with the keyboard. */
export async function tagCandidate(page: Page, title: string, skill: string): Promise<void> {
  await typeSkill(page, title, skill);
  await page.keyboard.press('Enter');
  await waitForTruthy(
    page,
    (t, s) => {
      const li = [...document.querySelectorAll('.look-back-review li[data-candidate]')].find(
        (l) => l.querySelector('h4')?.textContent === t,
      );
      return li?.querySelector('.chips')?.textContent?.includes(s) ?? false;
    },
    { timeout: 10_000 },
    title,
    skill,
  );
}

/** Types `skill` in the skill field of the candidate titled `title`, without Enter. */
export async function typeSkill(page: Page, title: string, skill: string): Promise<void> {
  const field = await page.evaluateHandle((t) => {
    const li = [...document.querySelectorAll('.look-back-review li[data-candidate]')].find(
      (l) => l.querySelector('h4')?.textContent === t,
    );
    return li?.querySelector<HTMLInputElement>('[role="combobox"]') ?? null;
  }, title);
  const input = field.asElement() as import('puppeteer-core').ElementHandle<HTMLInputElement>;
  await input.focus();
  await page.keyboard.type(skill);
  await waitForTruthy(
    page,
    (s) => (document.activeElement as HTMLInputElement | null)?.value === s,
    { timeout: 10_000 },
    skill,
  );
}

/**
 * The stored skill named `name` is on the kept session titled `title` (a skill typed but
 * not entered before Keep is kept with it).
 */
export async function expectKeptWithSkill(page: Page, title: string, name: string): Promise<void> {
  await waitForTruthy(
    page,
    (t, n) =>
      new Promise<boolean>((done) => {
        const open = indexedDB.open('skilltrail');
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'skills']);
          const skills = tx.objectStore('skills').getAll();
          const sessions = tx.objectStore('sessions').getAll();
          tx.oncomplete = () => {
            const skill = (skills.result as { id: string; name: string }[]).find(
              (s) => s.name === n,
            );
            const session = (sessions.result as { title: string; skills: string[] }[]).find(
              (s) => s.title === t,
            );
            done(Boolean(skill && session?.skills.includes(skill.id)));
          };
          tx.onerror = () => done(false);
        };
        open.onerror = () => done(false);
      }),
    { timeout: 10_000 },
    title,
    name,
  );
}

/** Presses Keep on the candidate titled `title` and waits until it says it was kept. */
export async function keepCandidate(page: Page, title: string): Promise<void> {
  await page.evaluate((t) => {
    const li = [...document.querySelectorAll('.look-back-review li[data-candidate]')].find(
      (l) => l.querySelector('h4')?.textContent === t,
    );
    li?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }, title);
  await page.keyboard.press('Enter');
  await waitForTruthy(
    page,
    (t) =>
      [...document.querySelectorAll('.look-back-review li[data-candidate]')].some(
        (l) =>
          l.querySelector('h4')?.textContent === t && l.getAttribute('data-decision') === 'kept',
      ),
    { timeout: 10_000 },
    title,
  );
}

/** The sessions stored, once `count` of them are from history. */
export async function sessionsFromHistory(page: Page, count: number) {
  await waitForTruthy(
    page,
    (n) =>
      new Promise<boolean>((done) => {
        const open = indexedDB.open('skilltrail');
        open.onsuccess = () => {
          const all = open.result.transaction('sessions').objectStore('sessions').getAll();
          all.onsuccess = () =>
            done(
              all.result.filter((s: { provenance?: string }) => s.provenance === 'from-history')
                .length === n,
            );
          all.onerror = () => done(false);
        };
        open.onerror = () => done(false);
      }),
    { timeout: 10_000 },
    count,
  );
  return readStore<{
    id: string;
    kind: string;
    title: string;
    url: string;
    activeMs: number;
    provenance: string;
    skills: string[];
  }>(page, 'sessions');
}

/** What every look back in these tests must offer: the search with its result and the article, never the excluded site. */
export function expectSearchAndArticleOnly(found: Awaited<ReturnType<typeof candidatesShown>>) {
  expect(found.map((c) => c.kind).sort()).toEqual(['reading', 'search']);
  const search = found.find((c) => c.kind === 'search')!;
  expect(search.title).toBe(LOOK_BACK_QUERY);
  expect(search.text).toContain('Grid template areas explained');
  expect(JSON.stringify(found)).not.toMatch(/paypal|Send money/i);
  return { reading: found.find((c) => c.kind === 'reading')! };
}

/** The kept items' pages are stored as visits, so the next look back knows them; the excluded site's never. */
export async function expectKeptVisits(page: Page): Promise<void> {
  const visits = (await readStore<{ url: string }>(page, 'visits')).map((v) => v.url);
  expect(visits).toEqual(expect.arrayContaining([RESULT_URL, ARTICLE_URL]));
  expect(visits.some((u) => u.includes('paypal'))).toBe(false);
}

/**
 * The week shows the two kept items from history, none of their time in the measured total,
 * and the CSV says so on each row. Leaves the week open for further checks.
 */
export async function expectWeekFromHistory(week: Page, downloads: string): Promise<void> {
  await waitForTruthy(
    week,
    () => document.querySelectorAll('[data-provenance="from-history"]').length === 2,
    { timeout: 15_000 },
  );
  expect(await week.$eval('.week-total dd', (e) => e.textContent)).toMatch(/^0\D/);
  await week.click('[data-export="csv"]');
  const { text: csv } = await downloaded(downloads, /^skilltrail-.*\.csv$/);
  const rows = csv.trim().split('\r\n').slice(1);
  expect(rows).toHaveLength(2);
  // provenance, then stated_minutes, learning_kind and vouched_by, all empty for what was not stated.
  for (const row of rows) expect(row.endsWith(',from-history,,,')).toBe(true);
}
