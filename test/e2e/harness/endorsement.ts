/**
 * Endorsements in end-to-end tests, in Chromium and Firefox alike: a skill with this week's
 * activity to endorse, an endorsement file signed as a mentor's page signs it (a fresh
 * `did:key`, the real Data Integrity libraries), the same file edited by hand, and adding a
 * file through the Skills view's real file chooser.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Endorser } from '../../../lib/credentials/endorsement';
import { weekOf } from '../../../lib/time';
import {
  editedEndorsement,
  signedEndorsement,
  type SignedEndorsement,
} from '../../fixtures/endorsement';
import { putRecords } from './dexie-reader';

export { MENTOR, MENTOR_COMMENT } from '../../fixtures/endorsement';

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
        updatedAt: startedAt,
      },
    ],
  });
  return skillId;
}

/**
 * Writes `skilltrail-endorsement-<skill>.json` into `dir`, signed as the mentor's page
 * signs it. Answers its path with the signed credential.
 */
export async function writeEndorsementFile(
  dir: string,
  skill: { id: string; name: string },
  options: { endorser?: Endorser; comment?: string; now?: number } = {},
): Promise<SignedEndorsement & { path: string }> {
  const signed = await signedEndorsement({ skillId: skill.id, skillName: skill.name, ...options });
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
  const verdict = await page.waitForFunction(
    () => (window as unknown as { endorsementVerdict?: string | null }).endorsementVerdict,
    { timeout: 60_000 },
  );
  return (await verdict.jsonValue()) as string;
}
