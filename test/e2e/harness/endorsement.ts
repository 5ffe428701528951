/**
 * Endorsements in end-to-end tests, in Chromium and Firefox alike: a skill with this week's
 * activity to endorse, an endorsement file signed as a mentor's page signs it (a fresh
 * `did:key`, the real Data Integrity libraries), the same file edited by hand, adding a
 * file through the Skills view's real file chooser, and what an exported badge must carry.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Endorser } from '../../../lib/credentials/endorsement';
import { weekOf } from '../../../lib/time';
import {
  editedEndorsement,
  MENTOR,
  MENTOR_COMMENT,
  signedEndorsement,
  type SignedEndorsement,
} from '../../fixtures/endorsement';
import { expectBadgesPassIndependentCheckers } from './badge-checks';
import { putRecords } from './dexie-reader';
import { waitForTruthy } from './pages';

export { MENTOR, MENTOR_COMMENT };

/**
 * Puts a skill and one reading session of this week tagged with it into the extension's
 * database, from one of its pages. Answers the skill's id.
 */
export async function seedSkillWithActivity(
  page: Page,
  name = 'CSS',
  origin = 'https://developer.mozilla.org',
): Promise<string> {
  const skillId = crypto.randomUUID();
  const week = weekOf(Date.now(), { weekStart: 1 });
  const startedAt = Math.max(week.start + 1000, Date.now() - 20 * 60_000);
  await putRecords(page, {
    skills: [
      {
        id: skillId,
        name,
        key: name.toLowerCase(),
        aliases: [],
        colour: '#1d4ed8',
        createdAt: startedAt,
        updatedAt: startedAt,
      },
    ],
    sessions: [
      {
        id: crypto.randomUUID(),
        kind: 'reading',
        startedAt,
        endedAt: startedAt + 6 * 60_000,
        activeMs: 5 * 60_000,
        title: 'A complete guide to CSS grid',
        url: `${origin}/css-grid`,
        domain: new URL(origin).hostname,
        skills: [skillId],
        note: 'Grid areas name parts of a layout.',
        status: 'kept',
        provenance: 'measured',
        updatedAt: startedAt,
      },
    ],
  });
  return skillId;
}

/**
 * The learner's `did:key` and its fingerprint as the Skills view shows them (`page` must
 * show `#/skills`): whose work an endorsement must be about.
 */
export async function learnerKeyShown(page: Page): Promise<{ did: string; text: string }> {
  return (await waitForTruthy(
    page,
    () => {
      const p = document.querySelector('.your-key');
      const did = p?.getAttribute('data-did');
      return did ? { did, text: p!.textContent ?? '' } : null;
    },
    { timeout: 30_000 },
  ))!;
}

/**
 * Writes `skilltrail-endorsement-<skill>.json` into `dir`, signed as the mentor's page
 * signs it, for the skill of the learner `learnerDid`. Answers its path with the signed
 * credential.
 */
export async function writeEndorsementFile(
  dir: string,
  skill: { id: string; name: string },
  learnerDid: string,
  options: { endorser?: Endorser; comment?: string; now?: number } = {},
): Promise<SignedEndorsement & { path: string }> {
  const signed = await signedEndorsement({
    learnerDid,
    skillId: skill.id,
    skillName: skill.name,
    ...options,
  });
  const path = join(dir, `skilltrail-endorsement-${skill.name.toLowerCase()}.json`);
  writeFileSync(path, signed.text);
  return { ...signed, path };
}

/** The file at `text` with its comment changed after signing, written beside it. */
export function writeEditedEndorsementFile(dir: string, text: string, comment: string): string {
  const path = join(dir, 'skilltrail-endorsement-edited.json');
  writeFileSync(path, editedEndorsement(text, comment));
  return path;
}

/**
 * Adds the file at `path` with the Skills view's "Add endorsement" chooser (the page must
 * show `#/skills`) and answers the message it then shows.
 */
export async function addEndorsementFile(page: Page, path: string): Promise<string> {
  const input = await page.waitForSelector('.add-endorsement input[type="file"]');
  // Every verdict is a new line in the status, even one that reads as the last did.
  await page.$eval('.add-endorsement [role="status"]', (status) => {
    const w = window as unknown as { endorsementVerdict?: string | null };
    w.endorsementVerdict = null;
    new MutationObserver((_, observer) => {
      const p = status.querySelector('p');
      if (!p) return;
      w.endorsementVerdict = p.textContent ?? '';
      observer.disconnect();
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
  await input!.uploadFile(path);
  return (await waitForTruthy(
    page,
    () => (window as unknown as { endorsementVerdict?: string | null }).endorsementVerdict,
    { timeout: 60_000 },
  ))!;
}

/**
 * Checks a downloaded badges file: the badge of `skillName` embeds exactly `expected` (each
 * as its author signed it), the badge passes the independent checkers, and each embedded
 * endorsement passes `@digitalcredentials/verifier-core` on its own.
 */
export async function expectBadgeEmbedsEndorsements(
  badgesText: string,
  skillName: string,
  expected: readonly object[],
): Promise<void> {
  await expectBadgesPassIndependentCheckers(badgesText);
  const doc = JSON.parse(badgesText) as { credentials: (string | Record<string, unknown>)[] };
  const badge = doc.credentials.find(
    (c): c is Record<string, unknown> =>
      typeof c === 'object' &&
      (c.credentialSubject as { achievement?: { name?: string } }).achievement?.name === skillName,
  );
  expect(badge, `a badge for ${skillName}`).toBeDefined();
  expect(badge!.endorsement).toEqual(expected);
  const fetch = globalThis.fetch;
  // Offline, as everywhere here: verifier-core would fetch the credential's JSON Schema.
  globalThis.fetch = () => Promise.reject(new Error('offline'));
  try {
    for (const endorsement of expected) {
      const core = (await verifierCore({
        credential: endorsement as never,
        knownDIDRegistries: [],
      })) as { log?: { id: string; valid: boolean }[] };
      expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
    }
  } finally {
    globalThis.fetch = fetch;
  }
}

/**
 * Checks a badges file in the Verify view (`page` shows `#/verify`): in both proof forms the
 * badge's endorsement holds and names the endorser as they describe themselves.
 */
export async function expectVerifyViewNamesEndorser(
  page: Page,
  badgesPath: string,
  endorser = MENTOR,
  comment = MENTOR_COMMENT,
): Promise<void> {
  const input = await page.waitForSelector('.verify-view input[type="file"]');
  await input!.uploadFile(badgesPath);
  await page.waitForSelector('.credential .endorsement');
  const endorsements = await page.$$eval('.credential .endorsement', (els) =>
    els.map((e) => ({ status: e.getAttribute('data-status'), text: e.textContent ?? '' })),
  );
  // The Data Integrity form and the VC-JWT of the same badge.
  expect(endorsements).toHaveLength(2);
  for (const e of endorsements) {
    expect(e.status).toBe('valid');
    expect(e.text).toContain(`Endorsed by ${endorser.name} (as they describe themselves)`);
    expect(e.text).toContain(comment);
  }
}
