import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endorsement } from '../../lib/model';
import { weekOf } from '../../lib/time';
import { readStore } from './harness/dexie-reader';
import {
  addEndorsementFile,
  expectBadgeEmbedsEndorsements,
  expectVerifyViewNamesEndorser,
  learnerKeyShown,
  MENTOR,
  MENTOR_COMMENT,
  seedSkillWithActivity,
  writeEditedEndorsementFile,
  writeEndorsementFile,
} from './harness/endorsement';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';
import { downloaded } from './harness/pages';

describe('Firefox: a signed endorsement joins the record, an edited one does not', () => {
  let ext: FirefoxSession;
  let dashboard: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const files = mkdtempSync(join(tmpdir(), 'skilltrail-endorsements-'));
  let skillId = '';
  /** The learner's did:key, as the Skills view shows it. */
  let learnerDid = '';
  let added: Awaited<ReturnType<typeof writeEndorsementFile>>;

  beforeAll(async () => {
    ext = await launchFirefoxWithExtension({ prefs: downloadPrefs(downloads) });
    dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await dashboard.bringToFront();
    await dashboard.waitForSelector('.skills-view');
    skillId = await seedSkillWithActivity(dashboard, 'CSS');
    // Written past Dexie, so a new view reads them (BiDi does not wait for an extension
    // page's reload).
    await dashboard.close();
    dashboard = await ext.openExtensionPage('/dashboard.html#/skills');
    await dashboard.bringToFront();
    learnerDid = (await learnerKeyShown(dashboard)).did;
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('adds a signed endorsement with the file chooser and shows it under the skill, once', async () => {
    const file = await writeEndorsementFile(files, { id: skillId, name: 'CSS' }, learnerDid);
    added = file;
    expect(await addEndorsementFile(dashboard, file.path)).toBe(
      `Added: ${MENTOR.name} endorses CSS.`,
    );
    const shown = await dashboard.waitForSelector(
      `[data-skill-id="${skillId}"] .endorsement-list li`,
    );
    const text = await shown!.evaluate((li) => li.textContent ?? '');
    expect(text).toContain(`Endorsed by ${MENTOR.name} (as they describe themselves)`);
    expect(text).toContain(MENTOR.description);
    expect(text).toContain(MENTOR_COMMENT);

    expect(await addEndorsementFile(dashboard, file.path)).toMatch(
      /already in your record: it was not added twice\.$/,
    );
    const stored = await readStore<Endorsement>(dashboard, 'endorsements');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ skillId, credential: file.text });
  });

  it('refuses an endorsement whose comment was edited after signing, and stores nothing', async () => {
    const file = await writeEndorsementFile(files, { id: skillId, name: 'CSS' }, learnerDid);
    const edited = writeEditedEndorsementFile(files, file.text, 'The best engineer I ever met.');
    expect(await addEndorsementFile(dashboard, edited)).toBe(
      'The signature on this endorsement does not hold: it was changed after it was signed, or never signed. Nothing was changed.',
    );
    expect(await readStore<Endorsement>(dashboard, 'endorsements')).toHaveLength(1);
    expect(await dashboard.$$('.endorsement-list li')).toHaveLength(1);
  });

  it('exports the skill’s badge with the endorsement inside, and the Verify view names the endorser', async () => {
    const week = weekOf(Date.now(), { weekStart: 1 });
    const weekView = await ext.openExtensionPage(`/dashboard.html#/week/${week.key}`);
    await weekView.bringToFront();
    await weekView.waitForSelector('[data-export="badges"]');
    await weekView.click('[data-export="badges"]');
    // Signed in Firefox's WebCrypto, with the endorsement under the learner's proof.
    const badges = await downloaded(downloads, `skilltrail-${week.key}-badges.json`);
    await expectBadgeEmbedsEndorsements(badges.text, 'CSS', [added.credential]);
    await weekView.close();

    const verify = await ext.openExtensionPage('/dashboard.html#/verify');
    await expectVerifyViewNamesEndorser(verify, badges.path);
    await verify.close();
  });
});
