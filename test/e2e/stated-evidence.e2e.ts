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
import { followUpJourney, lrsJourney } from './harness/stated-evidence';

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
    mentoring = await followUpJourney(ext, downloads);
  });

  it('sends it to the LRS once, replaces it when edited and withdraws it when deleted', async () => {
    await lrsJourney(ext, lrs.endpoint, mentoring);
  });
});
