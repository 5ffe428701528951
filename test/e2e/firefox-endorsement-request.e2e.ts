import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../lib/credentials/fingerprint';
import { HOSTILE_TITLE, SKILL } from '../fixtures/week';
import {
  cspViolations,
  expectScriptRefused,
  expectStrictCsp,
  expectValidEndorsement,
  pageWithAlteredScript,
  pageWithEditedClaim,
  pageWithForeignSkill,
  putFixtureWeek,
} from './harness/endorsement-request';
import { openFromDisk, savedPageFolders } from './harness/from-disk';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { readStore } from './harness/dexie-reader';
import {
  addEndorsementFile,
  expectBadgeEmbedsEndorsements,
  expectVerifyViewNamesEndorser,
  learnerKeyShown,
  writeEditedEndorsementFile,
} from './harness/endorsement';
import { downloaded, waitForTruthy } from './harness/pages';

const REQUEST = 'skilltrail-endorsement-request-front-end-development.html';
const ENDORSEMENT = 'skilltrail-endorsement-front-end-development.json';
/** The fixture's sessions all lie in this week. */
const FIXTURE_WEEK = '2026-W48';
const GRACE = { name: 'Grace Mentor' };
const COMMENT = 'Rebuilt our pricing page with grid.';

describe('Firefox: asking for an endorsement, and signing one in the page opened from disk', () => {
  let ext: FirefoxSession;
  const { downloads, scratch } = savedPageFolders();
  let request: { path: string; text: string };
  /** The learner's did:key and the fingerprint the Skills view shows them. */
  let learner: { did: string; text: string };

  const open = async (path: string): Promise<Page> => openFromDisk(await ext.newTab(), path);

  beforeAll(async () => {
    ext = await launchFirefoxWithExtension({ prefs: downloadPrefs(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('saves the request page from the Skills view', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await putFixtureWeek(dashboard);
    // Written behind Dexie's back: the view reads them when it loads again.
    await ext.gotoPrivileged(dashboard, 'about:blank');
    await ext.gotoPrivileged(dashboard, `${ext.origin}/dashboard.html#/skills`);
    const row = `[data-skill-id="${SKILL.frontEnd}"]`;
    await dashboard.waitForSelector(`${row} [data-ask-endorsement]`);
    learner = await learnerKeyShown(dashboard);
    await dashboard.click(`${row} [data-ask-endorsement]`);
    await dashboard.click(`${row} .endorsement-request input[value="full"]`);
    await dashboard.click(`${row} [data-endorse-save]`);
    request = await downloaded(downloads, REQUEST);
    expectStrictCsp(request.text);
    expect(request.text).not.toContain(HOSTILE_TITLE);
    await dashboard.close();
  });

  it('opens from disk, says the learner’s signature holds, and signs an endorsement that verifies', async () => {
    const page = await open(request.path);
    await page.waitForSelector('#signature[data-signature="holds"]', { timeout: 60_000 });
    expect(await page.$eval('body', (b) => b.textContent)).toContain(HOSTILE_TITLE);
    expect(await page.$$('img, iframe, object')).toHaveLength(0);
    // Whose work: the learner's name and the fingerprint their Skills view shows them.
    expect(await page.$eval('#learner', (e) => e.textContent)).toBe('Learner: Skilltrail learner');
    const fingerprint = await keyFingerprint(learner.did);
    expect(learner.text).toContain(fingerprint);
    expect(
      await waitForTruthy(page, () => document.getElementById('fingerprint')?.dataset.fingerprint),
    ).toBe(fingerprint);
    expect(await page.$eval('#will-say-subject', (e) => e.textContent)).toBe(
      `${learner.did}/skills/${SKILL.frontEnd}`,
    );
    await page.click('#sign');
    await waitForTruthy(page, () => document.getElementById('field-comment-error')?.textContent);
    await page.type('#field-name', 'Grace Mentor');
    await page.type('#field-role', 'Tech lead, Example Ltd');
    await page.type('#field-comment', COMMENT);
    await page.click('#sign');
    await page.waitForSelector('#endorse-form[data-signed="true"]', { timeout: 60_000 });
    expect(await cspViolations(page)).toEqual([]);
    await page.close();

    const signed = await downloaded(downloads, ENDORSEMENT);
    const credential = await expectValidEndorsement(signed.text, SKILL.frontEnd, learner.did);
    expect(credential).toMatchObject({
      issuer: { name: 'Grace Mentor', description: 'Tech lead, Example Ltd' },
      credentialSubject: { endorsementComment: COMMENT },
    });
  });

  it('joins the record through “Add endorsement”, an edited copy is refused, and the exported badge carries it', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await dashboard.waitForSelector('.skills-view');
    const signed = await downloaded(downloads, ENDORSEMENT);
    expect(await addEndorsementFile(dashboard, signed.path)).toBe(
      'Added: Grace Mentor endorses Front-end development.',
    );
    await dashboard.waitForSelector(`[data-skill-id="${SKILL.frontEnd}"] .endorsement-list li`);
    const edited = writeEditedEndorsementFile(scratch, signed.text, 'The best I ever saw.');
    expect(await addEndorsementFile(dashboard, edited)).toMatch(
      /^The signature on this endorsement does not hold/,
    );
    expect(await readStore(dashboard, 'endorsements')).toHaveLength(1);
    await dashboard.close();

    // The skill's badge for the fixture week carries it, exactly as signed, and verifies.
    const weekView = await ext.openExtensionPage(`/dashboard.html#/week/${FIXTURE_WEEK}`);
    await weekView.waitForSelector('[data-export="badges"]');
    await weekView.click('[data-export="badges"]');
    const badges = await downloaded(downloads, `skilltrail-${FIXTURE_WEEK}-badges.json`);
    await expectBadgeEmbedsEndorsements(badges.text, 'Front-end development', [
      JSON.parse(signed.text) as object,
    ]);
    await weekView.close();
    const verify = await ext.openExtensionPage('/dashboard.html#/verify');
    await expectVerifyViewNamesEndorser(verify, badges.path, GRACE, COMMENT);
    await verify.close();
  });

  it('runs its script only because of its hash, and says so when the claim was edited', async () => {
    const altered = await open(pageWithAlteredScript(request.text, join(scratch, 'altered.html')));
    await expectScriptRefused(altered);
    await altered.close();

    const edited = await open(pageWithEditedClaim(request.text, join(scratch, 'edited.html')));
    await edited.waitForSelector('#signature[data-signature="fails"]', { timeout: 60_000 });
    await edited.close();
  });

  it('says a request forged with the learner’s skill but signed by another key is not theirs', async () => {
    const forged = await open(
      await pageWithForeignSkill(request.text, join(scratch, 'forged.html')),
    );
    await forged.waitForSelector('#signature[data-signature="not-theirs"]', { timeout: 60_000 });
    await forged.type('#field-name', 'Grace Mentor');
    await forged.type('#field-comment', 'Looks fine.');
    await forged.click('#sign');
    expect(
      await waitForTruthy(forged, () => document.getElementById('sign-status')?.textContent),
    ).toContain('Do not endorse it.');
    expect(await forged.$('#endorse-form[data-signed]')).toBeNull();
    await forged.close();
  });

  it('a second learner, in a fresh profile with a skill of the same id, cannot add the endorsement: someone else’s work', async () => {
    const signed = await downloaded(downloads, ENDORSEMENT);
    const other = await launchFirefoxWithExtension({
      prefs: downloadPrefs(mkdtempSync(join(tmpdir(), 'skilltrail-other-'))),
    });
    try {
      let dashboard = await other.openExtensionPage('/dashboard.html#/skills');
      await putFixtureWeek(dashboard);
      await dashboard.close();
      dashboard = await other.openExtensionPage('/dashboard.html#/skills');
      await dashboard.waitForSelector(`[data-skill-id="${SKILL.frontEnd}"]`);
      expect((await learnerKeyShown(dashboard)).did).not.toBe(learner.did);
      expect(await addEndorsementFile(dashboard, signed.path)).toBe(
        'This endorsement is about someone else’s work. Nothing was changed.',
      );
      expect(await readStore(dashboard, 'endorsements')).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
