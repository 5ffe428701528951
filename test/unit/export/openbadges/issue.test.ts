// @vitest-environment node
import { compactVerify, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCompactJws } from '../../../../lib/credentials/jws';
import { verifyCredential } from '../../../../lib/credentials/vc-jwt';
import type { BadgeKeys } from '../../../../lib/export/openbadges/issue';
import { badgeKeys } from '../../../fixtures/badge-keys';
import { BADGE_NOW, weekBadges } from '../../../fixtures/week-badges';

let keys: BadgeKeys;
let did: string;

beforeAll(async () => {
  keys = await badgeKeys();
  did = keys.didKey.did;
}, 60_000);

describe('issuing Open Badges', () => {
  it('signs every credential so that our verifier and jose both accept it', async () => {
    for (const b of await weekBadges(keys)) {
      const r = await verifyCredential(b.jws, { now: BADGE_NOW });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.credential).toEqual(b.credential);
      expect(r.evidence).toEqual(b.credential.evidence ?? []);
      const header = decodeCompactJws(b.jws)!.header;
      expect(Object.keys(header).sort()).toEqual(['alg', 'jwk', 'typ']);
      const { payload } = await compactVerify(b.jws, await importJWK(header.jwk as never, 'RS256'));
      expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
        iss: did,
        sub: did,
        jti: b.credential.id,
        nbf: Math.floor(BADGE_NOW / 1000),
      });
    }
  });
});
