/**
 * Learning away from the screen, end to end, in either browser: the "Add learning" form
 * filled with the keyboard alone, the checks on where the activity then shows, and a
 * mentor vouching for that one activity: the request page saved from its card, signed in a
 * plain tab opened from disk, and the endorsement added back.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import xapiValidation from '@learninglocker/xapi-validation';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { checkEndorsement } from '../../../lib/credentials/endorsement';
import { learnerActivityId } from '../../../lib/credentials/learner-binding';
import { endorsementFilename, requestPageFilename } from '../../../lib/endorsement-request/files';
import { VOUCHED_BY_EXTENSION } from '../../../lib/export/iri';
import { newId } from '../../../lib/ids';
import { skillKey } from '../../../lib/skills/names';
import { readStore, putRecords } from './dexie-reader';
import { addEndorsementFile, learnerKeyShown } from './endorsement';
import { downloaded, waitForTruthy } from './pages';
import { expectBadgesPassIndependentCheckers } from './badge-checks';

const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => unknown[];

export const LEARNED = 'How to read a wiring diagram';
export const SKILLS = ['Wiring', 'Customer care'] as const;
/** The mentor who vouches for the activity, and what they write. */
export const MENTOR = 'Rosa Delgado';
export const MENTOR_COMMENT = 'I watched him trace the whole panel from the diagram, alone.';
/** The files asking for, and carrying, the endorsement of the activity. */
export const ACTIVITY_REQUEST = requestPageFilename(LEARNED);
export const ACTIVITY_ENDORSEMENT = endorsementFilename(LEARNED);

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
export function expectXapi(text: string, vouchedBy?: string): void {
  const statements = JSON.parse(text) as Record<string, unknown>[];
  for (const s of statements) expect(validate(s), JSON.stringify(s)).toEqual([]);
  const stated = statements.filter((s) => JSON.stringify(s).includes('/stated/'));
  expect(stated).toHaveLength(1);
  expect(stated[0]).toMatchObject({
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
    result: { duration: 'PT5H' },
  });
  if (vouchedBy) {
    const extensions = (stated[0]!.context as { extensions: Record<string, unknown> }).extensions;
    expect(extensions[VOUCHED_BY_EXTENSION]).toEqual([
      expect.objectContaining({ name: vouchedBy }),
    ]);
  }
}

/** Markdown and CSV carry the activity, its stated time apart from measured. */
export function expectMarkdownAndCsv(md: string, csv: string, vouchedBy?: string): void {
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
  expect(row[columns.indexOf('vouched_by')]).toBe(vouchedBy ?? '');
  if (vouchedBy) expect(md).toContain(`Vouched for by ${vouchedBy}`);
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

/**
 * Every export of the week from its page: Markdown, CSV, xAPI and badges, each checked;
 * with `vouchedBy`, each also says who vouched for the activity. Earlier exports of the
 * same names are cleared first, so what is read is what this export saved.
 */
export async function expectWeekExports(
  page: Page,
  downloads: string,
  weekKey: string,
  vouchedBy?: string,
) {
  for (const name of ['.md', '.csv', '-xapi.json', '-badges.json'])
    rmSync(join(downloads, `skilltrail-${weekKey}${name}`), { force: true });
  await page.click('[data-export="markdown"]');
  const md = (await downloaded(downloads, `skilltrail-${weekKey}.md`)).text;
  await page.click('[data-export="csv"]');
  const csv = (await downloaded(downloads, `skilltrail-${weekKey}.csv`)).text;
  expectMarkdownAndCsv(md, csv, vouchedBy);

  await page.click('[data-export="xapi"]');
  expectXapi((await downloaded(downloads, `skilltrail-${weekKey}-xapi.json`)).text, vouchedBy);

  await page.click('[data-export="badges"]');
  const badges = (await downloaded(downloads, `skilltrail-${weekKey}-badges.json`)).text;
  // Two skills, each in both forms, pass checkers Skilltrail did not write.
  expect(await expectBadgesPassIndependentCheckers(badges)).toEqual({
    dataIntegrity: 2,
    jwt: 2,
  });
  expect(badges).toMatch(/"genre": *"stated"/);
  if (vouchedBy) expect(badges).toContain(`Vouched for by ${vouchedBy}`);
}

/**
 * From the week (its page shows it): "Ask for an endorsement" on the stated activity's
 * card, with the keyboard, saves the request page of that one activity. Answers the file.
 */
export async function askActivityEndorsement(
  page: Page,
  downloads: string,
): Promise<{ path: string; text: string }> {
  const button = '[data-provenance="stated"] [data-action="ask-endorsement"]';
  await page.waitForSelector(button);
  await page.focus(button);
  await page.keyboard.press('Enter');
  // The panel opens with the focus on its save button: Enter saves.
  await waitForTruthy(page, () => document.activeElement?.matches('[data-endorse-save]'));
  await page.keyboard.press('Enter');
  const request = await downloaded(downloads, ACTIVITY_REQUEST);
  const said = await waitForTruthy(
    page,
    () => document.querySelector('[data-provenance="stated"] .ask-status')?.textContent ?? '',
  );
  expect(said).toContain(ACTIVITY_REQUEST);
  return request;
}

/**
 * The request page, open from disk in a plain tab: it shows one activity, stated by the
 * learner, with its kind, day and stated time; the learner's signature holds; the mentor
 * signs, and the statement names the activity and the learner. Resolves once it saved.
 */
export async function signActivityRequest(page: Page, sessionId: string): Promise<void> {
  await page.waitForSelector('#signature[data-signature="holds"]', { timeout: 60_000 });
  const oneActivity = await page.$eval('#one-activity', (e) => e.textContent ?? '');
  expect(oneActivity).toContain('one activity, not a whole skill');
  expect(oneActivity).toContain('Skilltrail did not measure it');
  const claim = await page.$eval('.claim', (e) => e.textContent ?? '');
  expect(claim).toContain(LEARNED);
  expect(claim).toContain('Mentoring or coaching');
  expect(claim).toContain('for 5 hr');
  expect(claim).toMatch(/on \d{4}-\d\d-\d\d/);
  expect(claim).toContain('stated 5 hr');
  const subject = await page.$eval('#will-say-subject', (e) => e.textContent ?? '');
  expect(subject).toMatch(new RegExp(`^did:key:z6Mk[^/]+/activities/${sessionId}$`));
  await page.type('#field-name', MENTOR);
  await page.type('#field-role', 'Senior technician');
  await page.type('#field-comment', MENTOR_COMMENT);
  expect(await page.$eval('#will-say', (e) => e.textContent)).toMatch(
    new RegExp(
      `^${MENTOR} endorses .+\\(did:key:z6Mk[^)]+\\) for one activity they stated: “${LEARNED}”\\.$`,
    ),
  );
  await page.click('#sign');
  await page.waitForSelector('#endorse-form[data-signed="true"]', { timeout: 60_000 });
}

/**
 * The endorsement the mentor saved: `@digitalcredentials/verifier-core` finds its signature
 * valid, and Skilltrail's own check binds it to that one activity of this learner.
 */
export async function expectActivityEndorsement(
  text: string,
  sessionId: string,
  learnerDid: string,
): Promise<void> {
  const credential = JSON.parse(text) as Record<string, unknown>;
  expect(credential).toMatchObject({
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `Endorsement of one activity: ${LEARNED}`,
    credentialSubject: { id: learnerActivityId(learnerDid, sessionId) },
    issuer: { name: MENTOR },
  });
  expect(credential.description).toContain(`(${learnerDid}) for one activity they stated`);
  const fetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('offline'));
  const core = (await verifierCore({
    credential: credential as never,
    knownDIDRegistries: [],
  }).finally(() => (globalThis.fetch = fetch))) as { log?: { id: string; valid: boolean }[] };
  expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
  const activities = new Map([
    [learnerActivityId(learnerDid, sessionId), { sessionId, skillId: 'any' }],
  ]);
  const checked = await checkEndorsement(text, new Map(), Date.now(), learnerDid, { activities });
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
}

/** The week's card of the activity says who vouched for it. */
export async function expectWeekShowsItVouched(page: Page): Promise<void> {
  const vouched = await waitForTruthy(
    page,
    () => document.querySelector('[data-provenance="stated"] .session-vouched')?.textContent ?? '',
  );
  expect(vouched).toBe(`Vouched for by ${MENTOR}`);
}

/**
 * Adds the mentor's signed file back from the Skills view, as the learner does, and checks it
 * is stored with the activity, on its card and in the week's exports.
 */
export async function addVouchingBack(
  ext: { openExtensionPage: (path: string) => Promise<Page> },
  signed: { text: string; path: string },
  sessionId: string,
  downloads: string,
  weekKey: string,
): Promise<void> {
  const skills = await ext.openExtensionPage('/dashboard.html#/skills');
  await skills.bringToFront();
  const learner = await learnerKeyShown(skills);
  await expectActivityEndorsement(signed.text, sessionId, learner.did);
  expect(await addEndorsementFile(skills, signed.path)).toBe(
    `Added: ${MENTOR} endorses ${LEARNED}.`,
  );
  expect(await readStore(skills, 'endorsements')).toEqual([
    expect.objectContaining({ sessionId, issuerName: MENTOR }),
  ]);
  await skills.close();

  const vouched = await ext.openExtensionPage(`/dashboard.html#/week/${weekKey}`);
  await vouched.bringToFront();
  await expectWeekShowsItVouched(vouched);
  await expectWeekExports(vouched, downloads, weekKey, MENTOR);
  await vouched.close();
}
