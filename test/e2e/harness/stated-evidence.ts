/**
 * A stated activity as evidence after it is saved, in either browser: the follow-up that
 * asks about it some days later (named by its kind and what was learned), the answer in
 * the week and its exports, and its journey to a real LRS (sent once, replaced when
 * edited, withdrawn when deleted).
 */
import xapiValidation from '@learninglocker/xapi-validation';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { XapiStatement } from '../../../lib/export/xapi/statement';
import { IRI, statedActivityIri } from '../../../lib/export/iri';
import { newId } from '../../../lib/ids';
import { statedSession } from '../../../lib/learning-away/session';
import type { Session } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';
import { addDays, localDate, weekOf } from '../../../lib/time';
import { fetchStatement, queryStatements } from '../../integration/lrs-query';
import { putRecords, readStore } from './dexie-reader';
import { blocking, runAxe } from './a11y';
import {
  clickButton,
  downloaded,
  fillField,
  setNumber,
  storedSettings,
  waitForTruthy,
  waitForValue,
} from './pages';

const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => unknown[];

export const LEARNED = 'How to test a circuit with a meter';
export const RECALL = 'Test the meter on a live socket first.';
export const APPLICATION = 'Found the broken fuse in the walk-in fridge';
const HOUR = 3_600_000;

/**
 * Three hours of mentoring two days ago, tagged "Electrics", saved ten minutes ago: the
 * record the "Add learning" form writes (`statedSession`), put in the database as other
 * tests put theirs, so it can be some days old.
 */
export async function putMentoring(page: Page): Promise<{ session: Session; weekKey: string }> {
  const now = Date.now();
  const skill = {
    id: newId(),
    name: 'Electrics',
    key: skillKey('Electrics'),
    aliases: [],
    colour: '#1f77b4',
    createdAt: now - HOUR,
    updatedAt: now - HOUR,
  };
  const session = statedSession(
    {
      learningKind: 'mentoring',
      day: addDays(localDate(now), -2),
      statedMs: 3 * HOUR,
      skills: [skill.id],
      learned: LEARNED,
      people: 'Rosa, the senior technician',
    },
    { id: newId(), now: now - 10 * 60_000 },
  );
  await putRecords(page, { skills: [skill], sessions: [session] });
  return { session, weekKey: weekOf(session.startedAt, { weekStart: 1 }).key };
}

/** Follow-ups the same day (0 days), set in Settings as the learner would. */
export async function askFollowUpsSameDay(page: Page): Promise<void> {
  await page.waitForSelector('#follow-ups-enabled');
  await setNumber(page, 'Days before a follow-up', 0);
  await waitForValue(
    () => storedSettings(page),
    (s) => s.followUpDays === 0,
  );
}

/**
 * In the week of the activity: the prompt names it by its kind, day and what was
 * learned; the learner answers both questions and the answer shows in the week.
 */
export async function answerTheFollowUp(page: Page, session: Session): Promise<void> {
  const named = await waitForTruthy(
    page,
    (id: string) =>
      document.querySelector(`.follow-up [data-stated-activity="${id}"]`)?.textContent ?? '',
    {},
    session.id,
  );
  expect(named).toMatch(new RegExp(`^Mentoring or coaching on .+: ${LEARNED}$`));
  const prompt = await page.$eval('.follow-up', (e) => e.textContent ?? '');
  expect(prompt).toContain('Follow-up: Electrics');
  expect(prompt).toContain('About what you did away from the screen:');
  // Nothing on the screen was asked about: no count of "sessions".
  expect(prompt).not.toMatch(/sessions? since/);
  expect(prompt).toContain('What do you still remember about Electrics?');
  expect(blocking(await runAxe(page))).toEqual([]);

  const fill = async (selector: string, text: string) => {
    await page.type(selector, text);
    await waitForTruthy(
      page,
      (s: string, v: string) => (document.querySelector(s) as HTMLInputElement)?.value === v,
      {},
      selector,
      text,
    );
  };
  await fill('.follow-up textarea', RECALL);
  await fill('.follow-up input[type="text"]', APPLICATION);
  await page.click('.follow-up button[type="submit"]');
  await waitForTruthy(page, () =>
    document.querySelector('.follow-up [role="status"]')?.textContent?.startsWith('Saved.'),
  );
  const list = await waitForTruthy(page, () => {
    const text = document.querySelector('.follow-up-list')?.textContent ?? '';
    return text.includes('Found the broken fuse') ? text : '';
  });
  expect(list).toContain(RECALL);
  // The answer says what it was about: the activity, not a count of sessions.
  expect(list).toMatch(
    new RegExp(`Electrics · Mentoring or coaching on .+: ${LEARNED} · Answered`),
  );
  const stored = await readStore<{ status: string; sessionIds: string[]; recall: string }>(
    page,
    'followUps',
  );
  expect(stored).toEqual([
    expect.objectContaining({ status: 'answered', sessionIds: [session.id], recall: RECALL }),
  ]);
}

/** The week's Markdown names the activity the answer is about; its xAPI points at it. */
export async function expectAnswerExported(
  page: Page,
  downloads: string,
  weekKey: string,
  session: Session,
): Promise<void> {
  await page.waitForSelector('[data-export="markdown"]');
  await page.click('[data-export="markdown"]');
  const { text: md } = await downloaded(downloads, `skilltrail-${weekKey}.md`);
  expect(md).toContain('**Follow-ups**');
  expect(md).toContain(`on Mentoring or coaching: ${LEARNED} · Written*`);
  expect(md).toContain(`> ${RECALL}`);
  expect(md).toContain(`> ${APPLICATION}`);

  await page.click('[data-export="xapi"]');
  const statements = JSON.parse(
    (await downloaded(downloads, `skilltrail-${weekKey}-xapi.json`)).text,
  ) as XapiStatement[];
  for (const s of statements) expect(validate(s), JSON.stringify(s)).toEqual([]);
  const sessionIri = `https://skilltrail.app/xapi/sessions/${session.id}`;
  const about = (verb: string) =>
    statements.find(
      (s) =>
        (s.verb as { id: string }).id === `https://skilltrail.app/xapi/verbs/${verb}` &&
        JSON.stringify(s.context).includes(sessionIri),
    ) as { result?: { response?: string } } | undefined;
  expect(about('recalled')?.result?.response).toBe(RECALL);
  expect(about('applied')?.result?.response).toBe(APPLICATION);
}

/** Connects the LRS in Settings and turns sync on (the browser's prompt is answered first). */
export async function connectLrs(page: Page, endpoint: string): Promise<void> {
  await page.waitForSelector('.sync-settings');
  await fillField(page, 'LRS endpoint (xAPI address)', endpoint);
  await fillField(page, 'Key', 'key');
  await fillField(page, 'Secret', 'secret');
  await page.$eval('.sync-settings input[type="checkbox"]:not([id$="-scope"])', (e) => {
    if (!(e as HTMLInputElement).checked) (e as HTMLInputElement).click();
  });
  await clickButton(page, 'Save');
  await waitForTruthy(page, () =>
    document.querySelector('.sync-settings')?.textContent?.includes('Saved.'),
  );
}

/** Sync now, and wait until it says it finished (the worker's own runs may send first). */
async function syncNow(page: Page): Promise<void> {
  await clickButton(page, 'Sync now');
  await waitForTruthy(
    page,
    () => document.querySelector('.sync-settings')?.textContent?.includes('Sync finished'),
    { timeout: 60_000 },
  );
}

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** What the LRS holds about the activity: its statements (not voided) and the voiding ones. */
async function inLrs(endpoint: string, session: Session) {
  const all = await queryStatements(endpoint, {});
  const object = statedActivityIri(session.id);
  return {
    stated: all.filter((s) => (s.object as { id?: string }).id === object),
    voiding: all.filter((s) => (s.verb as { id: string }).id === VOIDED),
    all,
  };
}

type Stated = {
  id: string;
  verb: { id: string };
  object: { id: string; definition: { type: string; name: Record<string, string> } };
  result: { duration?: string; extensions?: unknown };
  context: { extensions: Record<string, unknown> };
};

/**
 * The LRS journey: sent once with the kind's verb and type, the stated time as
 * `result.duration` and the provenance as a context extension; an edit voids it and sends
 * the new one; a delete voids that.
 */
export async function expectLrsJourney(
  settings: Page,
  week: Page,
  endpoint: string,
  session: Session,
): Promise<void> {
  await syncNow(settings);
  const first = await waitForValue(
    () => inLrs(endpoint, session),
    (r) => r.stated.length === 1,
  );
  const sent = first.stated[0] as unknown as Stated;
  expect(validate(sent), JSON.stringify(sent)).toEqual([]);
  expect(sent.verb.id).toBe('http://adlnet.gov/expapi/verbs/attended');
  expect(sent.object.definition.type).toBe('http://adlnet.gov/expapi/activities/meeting');
  expect(sent.object.definition.name).toEqual({ und: LEARNED });
  expect(sent.result.duration).toBe('PT3H');
  expect(sent.result.extensions).toBeUndefined();
  expect(sent.context.extensions[IRI.extension.provenance]).toBe('stated');
  expect(sent.context.extensions[IRI.extension.learningKind]).toBe('mentoring');
  // The one session sent one statement; the answered follow-up is the learner's file only.
  expect(first.all).toHaveLength(1);

  // Once: another run sends nothing more.
  await syncNow(settings);
  await waitForTruthy(settings, () =>
    document.querySelector('.sync-settings')?.textContent?.includes('Sync finished: 0 sent'),
  );
  expect((await inLrs(endpoint, session)).all).toHaveLength(1);
  const outbox = await readStore<{ sessionId: string; state: string; kind: string }>(
    settings,
    'outbox',
  );
  expect(outbox.filter((o) => o.sessionId === session.id)).toEqual([
    expect.objectContaining({ kind: 'statement', state: 'sent' }),
  ]);

  // Edited: two hours, not three. The learner left it alone past the quiet time, as the
  // clock would show after a few minutes.
  const [stored] = (await readStore<Session>(settings, 'sessions')).filter(
    (s) => s.id === session.id,
  );
  await putRecords(settings, {
    sessions: [{ ...stored, statedMs: 2 * HOUR, updatedAt: Date.now() - 3 * 60_000 }],
  });
  await syncNow(settings);
  const edited = await waitForValue(
    () => inLrs(endpoint, session),
    (r) => r.voiding.length === 1 && r.stated.length === 1 && r.stated[0]!.id !== sent.id,
  );
  expect((edited.stated[0] as unknown as Stated).result.duration).toBe('PT2H');
  expect(validate(edited.stated[0]), JSON.stringify(edited.stated[0])).toEqual([]);
  expect(edited.voiding[0]!.object).toMatchObject({ objectType: 'StatementRef', id: sent.id });
  expect(await fetchStatement(endpoint, sent.id)).toBeUndefined();
  expect(await fetchStatement(endpoint, sent.id, true)).toMatchObject({ id: sent.id });

  // Deleted from the week: what the LRS has of it is withdrawn.
  await week.bringToFront();
  const card = `[data-session-id="${session.id}"]`;
  await week.waitForSelector(`${card} [data-action="delete"]`);
  await week.click(`${card} [data-action="delete"]`);
  await week.waitForSelector(`${card} [data-action="confirm-delete"]`);
  await week.click(`${card} [data-action="confirm-delete"]`);
  await waitForValue(
    () => readStore<{ id: string }>(week, 'sessions'),
    (list) => !list.some((s) => s.id === session.id),
  );
  await settings.bringToFront();
  await syncNow(settings);
  const deleted = await waitForValue(
    () => inLrs(endpoint, session),
    (r) => r.voiding.length === 2 && r.stated.length === 0,
  );
  const replaced = edited.stated[0]!.id;
  expect(deleted.voiding.map((v) => (v.object as { id: string }).id).sort()).toEqual(
    [sent.id, replaced].sort(),
  );
  expect(await fetchStatement(endpoint, replaced, true)).toMatchObject({ id: replaced });
  // Nothing else was ever there: the two statements and the two that voided them.
  expect(deleted.all).toHaveLength(2);
}

/** A browser session of either harness: what these journeys open pages with. */
type Opens = { openExtensionPage: (path: string) => Promise<Page> };

/**
 * A stated mentoring activity is asked about by name, answered in the week and exported.
 * Answers the activity, for the LRS journey after it.
 */
export async function followUpJourney(
  ext: Opens,
  downloads: string,
): Promise<{ session: Session; weekKey: string }> {
  const settings = await ext.openExtensionPage('/dashboard.html#/settings');
  await settings.bringToFront();
  const mentoring = await putMentoring(settings);
  await askFollowUpsSameDay(settings);
  await settings.close();

  const week = await ext.openExtensionPage(`/dashboard.html#/week/${mentoring.weekKey}`);
  await week.bringToFront();
  await answerTheFollowUp(week, mentoring.session);
  await expectAnswerExported(week, downloads, mentoring.weekKey, mentoring.session);
  await week.close();
  return mentoring;
}

/**
 * The activity reaches the LRS at `endpoint` once, is replaced when edited and withdrawn when
 * deleted. `allowLrs` answers the browser's prompt for the LRS's address where it asks one.
 */
export async function lrsJourney(
  ext: Opens,
  endpoint: string,
  mentoring: { session: Session; weekKey: string },
  allowLrs?: () => Promise<void>,
): Promise<void> {
  const settings = await ext.openExtensionPage('/dashboard.html#/settings');
  await settings.bringToFront();
  await allowLrs?.();
  await connectLrs(settings, endpoint);
  const week = await ext.openExtensionPage(`/dashboard.html#/week/${mentoring.weekKey}`);
  await settings.bringToFront();
  await expectLrsJourney(settings, week, endpoint, mentoring.session);
}
