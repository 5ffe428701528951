// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBadgesFile } from '../../../../lib/credentials/badges-file';
import type { BadgeKeys } from '../../../../lib/export/openbadges/issue';
import { badgesJsonFile } from '../../../../lib/export/openbadges/json-files';
import { badgeKeys } from '../../../fixtures/badge-keys';
import { weekBadges, weekShared } from '../../../fixtures/week-badges';

let keys: BadgeKeys;
let did: string;

beforeAll(async () => {
  keys = await badgeKeys();
  did = keys.didKey.did;
}, 60_000);

describe('badges files', () => {
  it('writes a JSON document of compact JWS credentials that the verifier reads back', async () => {
    const list = await weekBadges(keys);
    const file = badgesJsonFile(weekShared(), list, did);
    expect(file.filename).toBe('skilltrail-2026-W48-badges.json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toMatchObject({
      format: 'skilltrail-badges',
      version: 2,
      issuer: did,
      period: '2026-W48',
    });
    expect(parseBadgesFile(file.content)).toEqual({
      ok: true,
      credentials: list.flatMap((b) => [b.credential, b.jws]),
    });
  });
});
