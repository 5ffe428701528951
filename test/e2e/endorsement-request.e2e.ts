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
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
import { readStore } from './harness/dexie-reader';
import {
  addEndorsementFile,
  expectBadgeEmbedsEndorsements,
  expectVerifyViewNamesEndorser,
  learnerKeyShown,
  writeEditedEndorsementFile,
} from './harness/endorsement';
import { downloaded } from './harness/pages';

const REQUEST = 'skilltrail-endorsement-request-front-end-development.html';
const ENDORSEMENT = 'skilltrail-endorsement-front-end-development.json';
/** The fixture's sessions all lie in this week. */
const FIXTURE_WEEK = '2026-W48';
const GRACE = { name: 'Grace Mentor' };
const COMMENT = 'Rebuilt our pricing page with grid; clean and accessible.';

/** Opens a file in a plain tab, recording every CSP violation the page reports. */
async function open(ext: ExtensionSession, path: string, noEd25519 = false): Promise<Page> {
  return openFromDisk(await ext.browser.newPage(), path, {
    prepare: (page) =>
      page.evaluateOnNewDocument((withoutEd25519: boolean) => {
        if (withoutEd25519) {
          // A browser without Ed25519 in WebCrypto: key generation refuses the algorithm.
          const generate = crypto.subtle.generateKey.bind(crypto.subtle);
          const refuse = (algorithm: unknown, ...rest: unknown[]) =>
            JSON.stringify(algorithm).includes('Ed25519')
              ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))
              : (generate as (...a: unknown[]) => Promise<unknown>)(algorithm, ...rest);
          crypto.subtle.generateKey = refuse as typeof crypto.subtle.generateKey;
        }
      }, noEd25519),
  });
}

describe('asking for an endorsement: the request page, opened from disk, signs one (Chromium)', () => {
  let ext: ExtensionSession;
  const { downloads, scratch } = savedPageFolders();
  let request: { path: string; text: string };
  /** The learner's did:key and the fingerprint the Skills view shows them. */
  let learner: { did: string; text: string };

  beforeAll(async () => {
    // A fresh profile of its own: the harness answers the welcome page it opens.
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('saves the request page from the Skills view, at the privacy level chosen', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await putFixtureWeek(dashboard);
    await dashboard.reload();
    const row = `[data-skill-id="${SKILL.frontEnd}"]`;
    await dashboard.waitForSelector(`${row} [data-ask-endorsement]`);
    learner = await learnerKeyShown(dashboard);
    expect(learner.text).toContain(await keyFingerprint(learner.did));
    // A skill without sessions has nothing to be endorsed for.
    expect(
      await dashboard.$(`[data-skill-id="${SKILL.gardening}"] [data-ask-endorsement]`),
    ).toBeNull();
    await dashboard.click(`${row} [data-ask-endorsement]`);
    await dashboard.click(`${row} .endorsement-request input[value="full"]`);
    await dashboard.click(`${row} [data-endorse-save]`);
    request = await downloaded(downloads, REQUEST);
    await dashboard.waitForFunction(
      (name) => document.querySelector('.skills-status')?.textContent?.includes(name),
      {},
      REQUEST,
    );
    expectStrictCsp(request.text);
    // The hostile title and note are data in the page, never markup.
    expect(request.text).not.toContain(HOSTILE_TITLE);
    expect(request.text).not.toMatch(/<script>alert/);
    await dashboard.close();
  });

  it('opens offline from disk, shows the claim as text, says the signature holds, and signs an endorsement', async () => {
    const page = await open(ext, request.path);
    await page.waitForSelector('#signature[data-signature="holds"]', { timeout: 30_000 });
    const body = await page.$eval('body', (b) => b.innerText);
    expect(body).toContain('Front-end development');
    expect(body).toContain(HOSTILE_TITLE);
    expect(body).toContain('<script>alert(1)</script>');
    expect(await page.$$('img, iframe, object')).toHaveLength(0);
    expect(body).toContain('Your endorsement says only what you write here.');
    // Whose work: the learner's name, and the fingerprint their own Skills view shows them.
    expect(await page.$eval('#learner', (e) => e.textContent)).toBe('Learner: Skilltrail learner');
    const fingerprint = await keyFingerprint(learner.did);
    await page.waitForSelector(`#fingerprint[data-fingerprint="${fingerprint}"]`);
    expect(await page.$eval('#fingerprint', (e) => e.textContent)).toContain(fingerprint);
    // What the signature will say, before it is made.
    expect(await page.$eval('#will-say-subject', (e) => e.textContent)).toBe(
      `${learner.did}/skills/${SKILL.frontEnd}`,
    );

    // Required fields and a broken email are named, next to their fields.
    await page.click('#sign');
    await page.waitForFunction(() => document.getElementById('field-name-error')?.textContent);
    expect(await page.$eval('#field-name-error', (e) => e.textContent)).toBe('Enter your name.');
    expect(await page.$eval('#field-comment-error', (e) => e.textContent)).toBe(
      'Write a comment: what you saw of their work.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
    await page.type('#field-name', 'Grace Mentor');
    expect(await page.$eval('#will-say', (e) => e.textContent)).toBe(
      `Grace Mentor endorses Skilltrail learner (${learner.did}) for the skill “Front-end development”.`,
    );
    await page.type('#field-email', 'grace@');
    await page.type('#field-comment', COMMENT);
    await page.click('#sign');
    await page.waitForFunction(() => document.getElementById('field-email-error')?.textContent);
    expect(await page.$eval('#field-name-error', (e) => e.textContent)).toBe('');

    await page.type('#field-email', 'example.org');
    await page.type('#field-role', 'Tech lead, Example Ltd');
    await page.type('#field-howKnown', 'I reviewed her pull requests for a year.');
    await page.click('#sign');
    await page.waitForSelector('#endorse-form[data-signed="true"]', { timeout: 30_000 });
    expect(await page.$eval('#sign-status', (e) => e.textContent)).toContain(ENDORSEMENT);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();

    const signed = await downloaded(downloads, ENDORSEMENT);
    const credential = await expectValidEndorsement(signed.text, SKILL.frontEnd, learner.did);
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'EndorsementCredential'],
      description: `Grace Mentor endorses Skilltrail learner (${learner.did}) for the skill “Front-end development”.`,
      issuer: {
        type: ['Profile'],
        name: 'Grace Mentor',
        email: 'grace@example.org',
        description: 'Tech lead, Example Ltd\n\nI reviewed her pull requests for a year.',
      },
      credentialSubject: {
        type: ['EndorsementSubject'],
        id: `${learner.did}/skills/${SKILL.frontEnd}`,
        endorsementComment: COMMENT,
      },
    });
    expect((credential.issuer as { id: string }).id).toMatch(/^did:key:z6Mk/);
  });

  it('joins the record through “Add endorsement”, an edited copy is refused, and the exported badge carries it', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await dashboard.waitForSelector('.skills-view');
    const signed = await downloaded(downloads, ENDORSEMENT);
    expect(await addEndorsementFile(dashboard, signed.path)).toBe(
      'Added: Grace Mentor endorses Front-end development.',
    );
    const shown = await dashboard.waitForSelector(
      `[data-skill-id="${SKILL.frontEnd}"] .endorsement-list li`,
    );
    const text = await shown!.evaluate((li) => li.textContent ?? '');
    expect(text).toContain('Endorsed by Grace Mentor (as they describe themselves)');
    expect(text).toContain(COMMENT);
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

  it('runs its script only because of its hash: one changed byte and the CSP refuses it', async () => {
    const page = await open(
      ext,
      pageWithAlteredScript(request.text, join(scratch, 'altered.html')),
    );
    await expectScriptRefused(page);
    await page.close();
  });

  it('says so when the claim was changed after the learner signed it, and will not sign', async () => {
    const page = await open(ext, pageWithEditedClaim(request.text, join(scratch, 'edited.html')));
    await page.waitForSelector('#signature[data-signature="fails"]', { timeout: 30_000 });
    expect(await page.$eval('#signature', (e) => e.textContent)).toContain(
      'The learner’s signature does not hold',
    );
    await page.type('#field-name', 'Grace Mentor');
    await page.type('#field-comment', 'Looks fine.');
    await page.click('#sign');
    await page.waitForFunction(() => document.getElementById('sign-status')?.textContent);
    expect(await page.$eval('#sign-status', (e) => e.textContent)).toContain('does not hold');
    expect(await page.$('#endorse-form[data-signed]')).toBeNull();
    await page.close();
  });

  it('says a request forged with the learner’s skill but signed by another key is not theirs, and will not sign', async () => {
    const page = await open(
      ext,
      await pageWithForeignSkill(request.text, join(scratch, 'forged.html')),
    );
    await page.waitForSelector('#signature[data-signature="not-theirs"]', { timeout: 30_000 });
    expect(await page.$eval('#signature', (e) => e.textContent)).toContain(
      'This request is not what it claims',
    );
    await page.type('#field-name', 'Grace Mentor');
    await page.type('#field-comment', 'Looks fine.');
    await page.click('#sign');
    await page.waitForFunction(() => document.getElementById('sign-status')?.textContent);
    expect(await page.$eval('#sign-status', (e) => e.textContent)).toContain('Do not endorse it.');
    expect(await page.$('#endorse-form[data-signed]')).toBeNull();
    await page.close();
  });

  it('a second learner, in a fresh profile with a skill of the same id, cannot add the endorsement: someone else’s work', async () => {
    const signed = await downloaded(downloads, ENDORSEMENT);
    const other = await launchWithExtension({
      userDataDir: profileDownloadingTo(mkdtempSync(join(tmpdir(), 'skilltrail-other-'))),
    });
    try {
      const dashboard = await other.openExtensionPage('/dashboard.html#/skills');
      await putFixtureWeek(dashboard);
      await dashboard.reload();
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

  it('moves to a new computer with a backup under a passphrase: the same key, and the endorsement still counts', async () => {
    const PASSPHRASE = 'correct horse battery staple';
    const weekView = await ext.openExtensionPage(`/dashboard.html#/week/${FIXTURE_WEEK}`);
    await weekView.waitForSelector('.backup-key input[type="password"]');
    const [key, again] = await weekView.$$('.backup-key input[type="password"]');
    await key!.type(PASSPHRASE);
    await again!.type(PASSPHRASE);
    await weekView.click('[data-export="backup"]');
    const backup = await downloaded(downloads, `skilltrail-${FIXTURE_WEEK}.json`);
    expect(JSON.parse(backup.text).identity).toMatchObject({ did: learner.did });
    expect(backup.text).not.toMatch(/"d":/);
    await weekView.close();

    const elsewhere = mkdtempSync(join(tmpdir(), 'skilltrail-new-computer-'));
    const fresh = await launchWithExtension({ userDataDir: profileDownloadingTo(elsewhere) });
    try {
      const page = await fresh.openExtensionPage(`/dashboard.html#/week/${FIXTURE_WEEK}`);
      const file = await page.waitForSelector('.import-backup input[type="file"]');
      await file!.uploadFile(backup.path);
      await page.waitForSelector('.import-backup .error');
      expect(await page.$eval('.import-backup .error', (e) => e.textContent)).toBe(
        'This backup carries your signing key: type the passphrase you chose for it, then choose the file again. Nothing was changed.',
      );
      await page.type('.import-backup input[type="password"]', PASSPHRASE);
      await file!.uploadFile(backup.path);
      await page.waitForSelector('.import-backup .ok', { timeout: 60_000 });
      expect(await page.$eval('.import-backup .ok', (e) => e.textContent)).toContain(
        '1 endorsements',
      );
      await page.close();

      const skills = await fresh.openExtensionPage('/dashboard.html#/skills');
      expect((await learnerKeyShown(skills)).did).toBe(learner.did);
      await skills.waitForSelector(`[data-skill-id="${SKILL.frontEnd}"] .endorsement-list li`);
      await skills.close();
      // Its badge there carries the endorsement, and verifies.
      const week = await fresh.openExtensionPage(`/dashboard.html#/week/${FIXTURE_WEEK}`);
      await week.waitForSelector('[data-export="badges"]');
      await week.click('[data-export="badges"]');
      const badges = await downloaded(elsewhere, `skilltrail-${FIXTURE_WEEK}-badges.json`);
      const signed = await downloaded(downloads, ENDORSEMENT);
      await expectBadgeEmbedsEndorsements(badges.text, 'Front-end development', [
        JSON.parse(signed.text) as object,
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('tells an endorser whose browser has no Ed25519 what to do', async () => {
    const page = await open(ext, request.path, true);
    await page.waitForSelector('#signature[data-signature="holds"]', { timeout: 30_000 });
    await page.type('#field-name', 'Grace Mentor');
    await page.type('#field-comment', 'Solid work.');
    await page.click('#sign');
    await page.waitForFunction(() => document.getElementById('sign-status')?.textContent);
    expect(await page.$eval('#sign-status', (e) => e.textContent)).toBe(
      'This browser cannot sign: it has no Ed25519 keys in WebCrypto. Open this file in a current Chrome, Edge, Firefox or Safari.',
    );
    await page.close();
  });
});
