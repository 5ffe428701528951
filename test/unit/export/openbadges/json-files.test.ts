// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseBadgesFile } from '../../../../lib/credentials/badges-file';
import { badgesJsonFile } from '../../../../lib/export/openbadges/json-files';
import { learnerForFile, weekBadges, weekShared } from '../../../fixtures/week-badges';

const learner = learnerForFile();

describe('badges files', () => {
  it('writes a JSON document of compact JWS credentials that the verifier reads back', async () => {
    const list = await weekBadges(learner.keys);
    const file = badgesJsonFile(weekShared(), list, learner.did);
    expect(file.filename).toBe('skilltrail-2026-W48-badges.json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toMatchObject({
      format: 'skilltrail-badges',
      version: 2,
      issuer: learner.did,
      period: '2026-W48',
    });
    expect(parseBadgesFile(file.content)).toEqual({
      ok: true,
      credentials: list.flatMap((b) => [b.credential, b.jws]),
    });
  });
});
