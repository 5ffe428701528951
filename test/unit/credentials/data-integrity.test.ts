// @vitest-environment node
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import jsonld from 'jsonld';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  prepareVerification,
  signDataIntegrity,
  verifyDataIntegrity,
} from '../../../lib/credentials/data-integrity';
import { getOrCreateDidKey } from '../../../lib/credentials/did-key';
import { BUNDLED_CONTEXTS, documentLoader } from '../../../lib/credentials/document-loader';
import { decodeCompactJws, MAX_JWS_LENGTH } from '../../../lib/credentials/jws';
import { getOrCreateSigningKey, memoryKeyStore } from '../../../lib/credentials/keys';
import { signCredential } from '../../../lib/credentials/vc-jwt';
import { checkCredential } from '../../../lib/credentials/verify';
import { MAX_EVIDENCE } from '../../../lib/export/openbadges/evidence';
import {
  issueBadges,
  type BadgeKeys,
  type IssuedBadge,
} from '../../../lib/export/openbadges/issue';
import { prepareExport, PRIVACY_LEVELS, type PrivacyLevel } from '../../../lib/export/privacy';
import { badgeKeys } from '../../fixtures/badge-keys';
import { heavyWeek } from '../../fixtures/heavy-week';
import { weekFixture, type WeekFixture } from '../../fixtures/week';

const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);
let keys: BadgeKeys;
const issued = new Map<PrivacyLevel, IssuedBadge[]>();

function shared(f: WeekFixture, level: PrivacyLevel = 'full') {
  return prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
}

beforeAll(async () => {
  keys = await badgeKeys();
  for (const level of PRIVACY_LEVELS) {
    issued.set(level, await issueBadges(shared(weekFixture(), level), keys, { now: NOW }));
  }
}, 60_000);

afterEach(() => vi.unstubAllGlobals());

function all(): IssuedBadge[] {
  return [...issued.values()].flat();
}

/** No check may reach the network: any fetch fails the test. */
function forbidNetwork() {
  const fetch = vi.fn((_url: unknown) => Promise.reject(new Error('network used')));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function edited<T extends { name: string }>(c: T): T {
  return { ...structuredClone(c), name: `${c.name}!` };
}

describe('valid JSON-LD', () => {
  it('expands every credential of the fixture week in safe mode, in both forms', async () => {
    expect(all().length).toBeGreaterThan(8);
    for (const b of all()) {
      await expect(
        jsonld.expand(b.credential, { documentLoader, safe: true }),
      ).resolves.toBeTruthy();
      // A VC-JWT's JWT claims are JOSE's, not JSON-LD's; the credential they wrap is JSON-LD.
      const { iss: _i, sub: _s, jti: _j, nbf: _n, ...payload } = decodeCompactJws(b.jws)!.payload;
      await expect(jsonld.expand(payload, { documentLoader, safe: true })).resolves.toBeTruthy();
    }
  });

  it('fails safe-mode expansion without the OB extensions context', async () => {
    const c = structuredClone(all()[0]!.credential);
    c['@context'] = c['@context'].slice(0, 2);
    await expect(jsonld.expand(c, { documentLoader, safe: true })).rejects.toThrow();
  });

  it('loads only the bundled contexts and did:key, never the network', async () => {
    const fetch = forbidNetwork();
    expect([...BUNDLED_CONTEXTS.keys()].sort()).toEqual([
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/credentials/v2',
    ]);
    for (const url of [
      'https://example.org/context.json',
      'https://www.w3.org/2018/credentials/v1',
      'did:web:mit.edu',
      'http://localhost/',
    ]) {
      await expect(documentLoader(url)).rejects.toThrow(/Not loaded/);
    }
    const doc = await documentLoader(keys.didKey.verificationMethod);
    expect(doc.document).toMatchObject({
      id: keys.didKey.verificationMethod,
      controller: keys.didKey.did,
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('resolves an Ed25519 did:key from the key alone, as the did:key method specifies', async () => {
    // The did:key specification's first Ed25519 example.
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const method = `${did}#${did.slice(8)}`;
    expect((await documentLoader(did)).document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: method, type: 'Multikey', controller: did, publicKeyMultibase: did.slice(8) },
      ],
      authentication: [method],
      assertionMethod: [method],
      capabilityDelegation: [method],
      capabilityInvocation: [method],
    });
    expect((await documentLoader(method)).document).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: method,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: did.slice(8),
    });
    for (const url of [
      did.slice(0, -1), // a key a character short
      `${did}K`, // or long
      `${did}#z6MkfzXu5KWApz4tEZpo98wMDDTAhiMpb5io5ZkaJya5Juxd`, // another key's fragment
      `${method}#again`,
      did.replace('doK', 'd0K'), // not base58
    ]) {
      await expect(documentLoader(url), url).rejects.toThrow();
    }
    // X25519 (key agreement) is not resolved at all.
    await expect(
      documentLoader('did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc'),
    ).rejects.toThrow(/Not loaded/);
  });
});

describe('Data Integrity proofs (eddsa-rdfc-2022)', () => {
  it('are checked valid by verifier-core, the wallets’ and VerifierPlus’s verifier, offline', async () => {
    const fetch = forbidNetwork();
    for (const b of issued.get('full')!) {
      const r = (await verifierCore({
        credential: b.credential as never,
        knownDIDRegistries: [],
      })) as {
        log?: { id: string; valid: boolean }[];
        errors?: unknown[];
      };
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(r.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
      const bad = (await verifierCore({
        credential: edited(b.credential) as never,
        knownDIDRegistries: [],
      })) as { log?: { id: string; valid: boolean }[]; errors?: unknown[] };
      expect(bad.log?.find((s) => s.id === 'valid_signature')?.valid ?? false).toBe(false);
    }
    // verifier-core's own loader bundles the same contexts; did:key is resolved from the key.
    expect(fetch.mock.calls.map((c) => String(c[0]))).not.toContain(
      expect.stringMatching(/credentials\/v2|imsglobal|did:key/),
    );
  }, 60_000);

  it('are verified by Digital Bazaar’s vc.verifyCredential; an edited copy fails', async () => {
    const suite = new DataIntegrityProof({ cryptosuite });
    for (const b of all()) {
      const ok = await vc.verifyCredential({ credential: b.credential, suite, documentLoader });
      expect(ok.verified, JSON.stringify(ok.error)).toBe(true);
      const bad = await vc.verifyCredential({
        credential: edited(b.credential),
        suite,
        documentLoader,
      });
      expect(bad.verified).toBe(false);
    }
  }, 60_000);

  it('say the same as the VC-JWT beside them', () => {
    for (const b of all()) {
      const { iss, sub, jti, nbf, ...credential } = decodeCompactJws(b.jws)!.payload;
      expect(credential).toEqual(b.credential);
      expect([iss, sub, jti, nbf]).toEqual([
        keys.didKey.did,
        keys.didKey.did,
        b.credential.id,
        NOW / 1000,
      ]);
    }
  });

  it('are signed by the learner’s did:key, as issuer and subject', () => {
    for (const b of all()) {
      expect(b.credential.issuer.id).toBe(keys.didKey.did);
      expect(b.credential.credentialSubject.id).toBe(keys.didKey.did);
      expect(b.credential.proof).toEqual([
        expect.objectContaining({
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          verificationMethod: keys.didKey.verificationMethod,
          proofPurpose: 'assertionMethod',
          created: '2026-11-30T08:00:00Z',
          proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]+$/),
        }),
      ]);
    }
  });

  it('fail on any edit, in our own verifier too', async () => {
    const b = issued.get('full')![0]!;
    expect(await verifyDataIntegrity(b.credential)).toMatchObject({
      ok: true,
      signer: keys.didKey.did,
    });
    expect(await verifyDataIntegrity(edited(b.credential))).toMatchObject({
      ok: false,
      key: 'signature',
    });
    const { proof: _, ...unsigned } = b.credential;
    expect(await verifyDataIntegrity(unsigned)).toMatchObject({ ok: false, key: 'no-proof' });
    const undefinedTerm = { ...structuredClone(b.credential), sneaky: 'not in any context' };
    expect(await verifyDataIntegrity(undefinedTerm)).toMatchObject({ ok: false, key: 'jsonld' });
  });

  it('check the same in a browser without WebCrypto Ed25519, through the library’s own code', async () => {
    // A key this run has not checked with yet, so none is kept from WebCrypto.
    const other = await getOrCreateDidKey(memoryKeyStore());
    const b = issued.get('full')![0]!;
    const { proof: _, ...unsigned } = b.credential;
    const signed = await signDataIntegrity({ ...unsigned, issuer: other.did }, other.signer, {
      now: NOW,
    });
    const importKey = vi
      .spyOn(crypto.subtle, 'importKey')
      .mockRejectedValue(new DOMException('Ed25519', 'NotSupportedError'));
    expect(await verifyDataIntegrity(signed)).toMatchObject({ ok: true, signer: other.did });
    expect(await verifyDataIntegrity(edited(signed))).toMatchObject({
      ok: false,
      key: 'signature',
    });
    expect(importKey).toHaveBeenCalled();
  });

  it('make the contexts ready ahead of the first check, without ever throwing', async () => {
    await expect(prepareVerification()).resolves.toBeUndefined();
    const fetch = forbidNetwork();
    await expect(prepareVerification()).resolves.toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('honest verdicts, both proof forms', () => {
  const oxford = { id: 'https://www.ox.ac.uk/', type: ['Profile'], name: 'University of Oxford' };

  it('calls our own badges valid', async () => {
    for (const b of issued.get('full')!) {
      expect(await checkCredential(b.credential, { now: NOW })).toMatchObject({
        status: 'valid',
        proof: 'data-integrity',
        signer: keys.didKey.did,
      });
      expect(await checkCredential(b.jws, { now: NOW })).toMatchObject({
        status: 'valid',
        proof: 'vc-jwt',
        signer: keys.didKey.did,
      });
    }
  });

  it('never confirms an issuer the signing key is not: a forged university badge', async () => {
    const { proof: _, ...unsigned } = issued.get('full')![0]!.credential;
    const forgedUnsigned = { ...unsigned, issuer: oxford };
    const anyKey = await getOrCreateDidKey(memoryKeyStore());
    const forged = await signDataIntegrity(forgedUnsigned, anyKey.signer, { now: NOW });
    expect(await checkCredential(forged, { now: NOW })).toMatchObject({
      status: 'issuer-unconfirmed',
      issuerId: 'https://www.ox.ac.uk/',
      signer: anyKey.did,
    });
    const rsa = await getOrCreateSigningKey(memoryKeyStore());
    for (const jws of [
      await signCredential(forgedUnsigned, rsa),
      await signCredential(forged, rsa),
    ]) {
      expect(await checkCredential(jws, { now: NOW })).toMatchObject({
        status: 'issuer-unconfirmed',
        issuerId: 'https://www.ox.ac.uk/',
      });
    }
    // A did:key issuer that is another key than the one that signed: provably forged.
    const otherIssuer = await signDataIntegrity(
      { ...unsigned, issuer: { ...unsigned.issuer, id: anyKey.did } },
      keys.didKey.signer,
      { now: NOW },
    );
    expect(await checkCredential(otherIssuer, { now: NOW })).toMatchObject({
      status: 'invalid',
      key: 'forged',
    });
  }, 60_000);

  it.each([
    ['expired', { validFrom: '2019-01-01T00:00:00Z', validUntil: '2020-01-01T00:00:00Z' }],
    ['not-yet-valid', { validFrom: '2999-01-01T00:00:00Z' }],
  ])('refuses a %s credential in both forms', async (key, dates) => {
    const { proof: _, ...unsigned } = issued.get('full')![0]!.credential;
    const signed = await signDataIntegrity({ ...unsigned, ...dates }, keys.didKey.signer);
    expect(await checkCredential(signed, { now: NOW })).toMatchObject({ status: 'invalid', key });
    const jws = await signCredential(signed, keys.jwtKey);
    expect(await checkCredential(jws, { now: NOW })).toMatchObject({ status: 'invalid', key });
  });
});

describe('limits agree', () => {
  it('a heavy week’s badge stays inside every verifier’s limits, and says what it left out', async () => {
    const badges = await issueBadges(shared(heavyWeek(1, 90)), keys, { now: NOW });
    const [b] = badges;
    expect(b!.jws.length).toBeLessThan(MAX_JWS_LENGTH);
    expect(b!.credential.evidence).toHaveLength(MAX_EVIDENCE + 1);
    expect(b!.credential.evidence!.at(-1)!.name).toBe('40 more sessions not listed');
    expect(await checkCredential(b!.credential, { now: NOW })).toMatchObject({ status: 'valid' });
    expect(await checkCredential(b!.jws, { now: NOW })).toMatchObject({ status: 'valid' });
  }, 60_000);

  it('even the longest evidence possible stays inside', async () => {
    const f = heavyWeek(1, 60);
    for (const s of f.data.sessions) {
      s.title = '\u0001'.repeat(5000);
      s.note = '\u0002'.repeat(50_000);
    }
    const [b] = await issueBadges(shared(f), keys, { now: NOW });
    expect(b!.jws.length).toBeLessThan(MAX_JWS_LENGTH);
    expect(await checkCredential(b!.jws, { now: NOW })).toMatchObject({ status: 'valid' });
  }, 60_000);
});
