/**
 * The portfolio in end-to-end tests, in Chromium and Firefox alike: a week of learning with
 * measured sessions, a captured page, reflections, a follow-up answer and an endorsement,
 * put into the extension's database; the counts by provenance each skill record must show;
 * and the same saved page with one character of one evidence text changed.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Endorsement } from '../../../lib/model';
import { recordScope } from '../../../lib/portfolio/scope';
import { summarise } from '../../../lib/week/summary';
import { signedEndorsement, storedEndorsement } from '../../fixtures/endorsement';
import { SKILL, uid, weekFixture } from '../../fixtures/week';
import { expectBadgesPassIndependentCheckers } from './badge-checks';
import { putRecords } from './dexie-reader';
import { waitForTruthy } from './pages';

/** The session of the fixture the learner captured by a click (it has a capture). */
const CAPTURED = uid(0x101);

/** The fixture week as the database holds it, one page captured, with one endorsement. */
export async function portfolioWeek(learnerDid?: string) {
  const f = weekFixture();
  const sessions = f.data.sessions.map((s) =>
    s.id === CAPTURED ? { ...s, provenance: 'captured' as const } : s,
  );
  expect(f.data.captures.some((c) => c.sessionId === CAPTURED)).toBe(true);
  // The learner's key is known once the Skills view shows it: the endorsement comes then.
  if (!learnerDid) return { ...f.data, sessions, endorsements: [] as Endorsement[] };
  const signed = await signedEndorsement({
    learnerDid,
    skillId: SKILL.css,
    skillName: 'CSS',
    comment: 'Ada rebuilt our pricing page with grid.',
    now: f.now - 86_400_000,
  });
  const endorsement = await storedEndorsement(signed.text, {
    learnerDid,
    skillIds: [SKILL.css],
    id: uid(0x781),
  });
  return { ...f.data, sessions, endorsements: [endorsement] };
}

/** Writes the portfolio week into the extension's database from one of its pages. */
export async function putPortfolioWeek(page: Page, learnerDid?: string): Promise<void> {
  const data = await portfolioWeek(learnerDid);
  await putRecords(page, data as unknown as Record<string, unknown[]>);
}

/**
 * The counts by provenance each skill's record must show, worked out here from the records
 * with the week's own summary: skill name → non-zero counts.
 */
export async function expectedCounts(
  learnerDid: string,
): Promise<Map<string, Record<string, number>>> {
  const data = await portfolioWeek(learnerDid);
  const ids = data.skills.map((s) => s.id);
  const scope = recordScope(data, ids, { now: Date.now() })!;
  const summary = summarise(scope.data, { start: scope.start, end: scope.end });
  return new Map(
    summary.skills.map((s) => [
      s.name,
      Object.fromEntries(Object.entries(s.byProvenance).filter(([, n]) => n > 0)),
    ]),
  );
}

/** The skill records in a saved portfolio page's data block. */
export function recordsOf(html: string): Record<string, unknown>[] {
  const block = /<script type="application\/json" id="portfolio-data">([\s\S]*?)<\/script>/.exec(
    html,
  )?.[1];
  const data = JSON.parse(block!) as { records: { credential: Record<string, unknown> }[] };
  return data.records.map((r) => r.credential);
}

/** Every skill record of the page passes checkers Skilltrail did not write. */
export async function expectRecordsPassIndependentCheckers(html: string): Promise<void> {
  const credentials = recordsOf(html);
  expect(credentials.length).toBeGreaterThan(0);
  const counts = await expectBadgesPassIndependentCheckers(JSON.stringify({ credentials }));
  expect(counts.dataIntegrity).toBe(credentials.length);
}

/**
 * A copy of the page with one character of one evidence narrative changed (where CSS was
 * used, a follow-up answer only the CSS record holds), written to `path`. Answers the skill
 * whose record it is in.
 */
export function pageWithEditedEvidence(html: string, path: string): string {
  const text = 'Rebuilt the *pricing* page';
  expect(html.split(text)).toHaveLength(2);
  const edited = html.replace(text, 'Rebuilt the *pricinG* page');
  expect(edited).not.toBe(html);
  expect(edited.length).toBe(html.length);
  writeFileSync(path, edited);
  return 'CSS';
}

/** What the opened page shows of each record: its verdict, its counts and its endorsements'. */
export function readPortfolio(): {
  skill: string;
  signature: string;
  counts: Record<string, number>;
  endorsements: string[];
}[] {
  return [...document.querySelectorAll<HTMLElement>('section.record')].map((s) => ({
    skill: s.dataset.skill ?? '',
    signature: s.querySelector<HTMLElement>(':scope > p.status')?.dataset.signature ?? '',
    counts: Object.fromEntries(
      [...s.querySelectorAll<HTMLElement>('ul.counts li[data-provenance]')].map((li) => [
        li.dataset.provenance!,
        Number(li.dataset.count),
      ]),
    ),
    endorsements: [...s.querySelectorAll<HTMLElement>('.endorsement p.status')].map(
      (p) => p.dataset.signature ?? '',
    ),
  }));
}

/** Whether every verdict on the page has been given (none still "checking"). */
export function portfolioChecked(): boolean {
  const statuses = [...document.querySelectorAll<HTMLElement>('p.status[data-signature]')];
  return statuses.length > 0 && statuses.every((p) => p.dataset.signature !== 'checking');
}

/** Where the opened page checked its signatures (`worker` or `page`), once all are given. */
export function checkedIn(): string | undefined {
  return document.getElementById('page')?.dataset.checkedIn;
}

/**
 * A copy of the page whose CSP allows no worker (as a stricter host might serve it), written
 * to `path`: the page must check its signatures itself.
 */
export function pageWithoutWorkers(html: string, path: string): string {
  const edited = html.replace(' worker-src blob:;', '');
  expect(edited).not.toBe(html);
  writeFileSync(path, edited);
  return path;
}

/** Every verdict on the opened page is given and holds, checked in `where`. */
export async function expectEverySignatureHolds(page: Page, where: 'worker' | 'page') {
  await waitForTruthy(page, portfolioChecked, { timeout: 60_000 });
  for (const record of await page.evaluate(readPortfolio)) {
    expect(record.signature, record.skill).toBe('holds');
    for (const e of record.endorsements) expect(e).toBe('holds');
  }
  await waitForTruthy(page, checkedIn);
  expect(await page.evaluate(checkedIn)).toBe(where);
}
