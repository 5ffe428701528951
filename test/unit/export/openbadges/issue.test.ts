// @vitest-environment node
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeCompactJws } from '../../../../lib/credentials/jws';
import { verifyCredential } from '../../../../lib/credentials/vc-jwt';
import { BADGE_NOW, learnerForFile, weekBadges } from '../../../fixtures/week-badges';

const learner = learnerForFile();

describe('issuing Open Badges', () => {
  it('signs every credential so that our verifier and jose both accept it', async () => {
    for (const b of await weekBadges(learner.keys)) {
      const r = await verifyCredential(b.jws, { now: BADGE_NOW });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.credential).toEqual(b.credential);
      expect(r.evidence).toEqual(b.credential.evidence ?? []);
      const header = decodeCompactJws(b.jws)!.header;
      expect(Object.keys(header).sort()).toEqual(['alg', 'jwk', 'typ']);
      const { payload } = await compactVerify(b.jws, await importJWK(header.jwk as never, 'RS256'));
      expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
        iss: learner.did,
        sub: learner.did,
        jti: b.credential.id,
        nbf: Math.floor(BADGE_NOW / 1000),
      });
    }
  });
});
