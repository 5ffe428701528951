import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endorsement } from '../../lib/model';
import { readStore } from './harness/dexie-reader';
import {
  addEndorsementFile,
  MENTOR,
  MENTOR_COMMENT,
  seedSkillWithActivity,
  writeEditedEndorsementFile,
  writeEndorsementFile,
} from './harness/endorsement';
import { downloadPrefs, type FirefoxSession, launchFirefoxWithExtension } from './harness/firefox';

describe('Firefox: a signed endorsement joins the record, an edited one does not', () => {
  let ext: FirefoxSession;
  let dashboard: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));
  const files = mkdtempSync(join(tmpdir(), 'skilltrail-endorsements-'));
  let skillId = '';

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
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('adds a signed endorsement with the file chooser and shows it under the skill, once', async () => {
    const file = await writeEndorsementFile(files, { id: skillId, name: 'CSS' });
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
    const file = await writeEndorsementFile(files, { id: skillId, name: 'CSS' });
    const edited = writeEditedEndorsementFile(files, file.text, 'The best engineer I ever met.');
    expect(await addEndorsementFile(dashboard, edited)).toBe(
      'The signature on this endorsement does not hold: it was changed after it was signed, or never signed. Nothing was changed.',
    );
    expect(await readStore<Endorsement>(dashboard, 'endorsements')).toHaveLength(1);
    expect(await dashboard.$$('.endorsement-list li')).toHaveLength(1);
  });
});
