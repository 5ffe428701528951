import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Session } from '../../lib/model';
import { startLrs, type RunningLrs } from '../lrs/start';
import {
  type ExtensionSession,
  launchWithExtension,
  profileDownloadingTo,
} from './harness/extension';
import {
  answerTheFollowUp,
  askFollowUpsSameDay,
  connectLrs,
  expectAnswerExported,
  expectLrsJourney,
  putMentoring,
} from './harness/stated-evidence';

describe('Chromium: a stated mentoring afternoon is followed up and synced like any evidence', () => {
  let ext: ExtensionSession;
  let lrs: RunningLrs;
  let mentoring: { session: Session; weekKey: string };
  const downloads = mkdtempSync(join(tmpdir(), 'skilltrail-downloads-'));

  beforeAll(async () => {
    lrs = await startLrs();
    ext = await launchWithExtension({ userDataDir: profileDownloadingTo(downloads) });
  });

  afterAll(async () => {
    await ext?.close();
    await lrs?.stop();
  });

  it('asks about it by name, keeps the answer in the week and exports it', async () => {
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    mentoring = await putMentoring(settings);
    await askFollowUpsSameDay(settings);
    await settings.close();

    const week = await ext.openExtensionPage(`/dashboard.html#/week/${mentoring.weekKey}`);
    await week.bringToFront();
    await answerTheFollowUp(week, mentoring.session);
    await expectAnswerExported(week, downloads, mentoring.weekKey, mentoring.session);
    await week.close();
  });

  it('sends it to the LRS once, replaces it when edited and withdraws it when deleted', async () => {
    const settings = await ext.openExtensionPage('/dashboard.html#/settings');
    await settings.bringToFront();
    await connectLrs(settings, lrs.endpoint);
    const week = await ext.openExtensionPage(`/dashboard.html#/week/${mentoring.weekKey}`);
    await settings.bringToFront();
    await expectLrsJourney(settings, week, lrs.endpoint, mentoring.session);
  });
});
