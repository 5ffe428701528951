import { compactVerify, importJWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { signingKeyStore } from '../../../lib/store/keys';
import {
  base64urlDecode,
  base64urlEncode,
  base64urlFromText,
  base64urlToText,
} from '../../../lib/credentials/base64url';
import { parseBadgesFile } from '../../../lib/credentials/badges-file';
import { checkCredential } from '../../../lib/credentials/verify';
import { decodeCompactJws, signCompactJws } from '../../../lib/credentials/jws';
import {
  didJwk,
  getOrCreateSigningKey,
  isRsaPublicJwk,
  jwkFromDidJwk,
  memoryKeyStore,
  SIGNING_KEY_META,
  type SigningKey,
} from '../../../lib/credentials/keys';
import {
  signCredential,
  verifyCredential,
  type CredentialLike,
} from '../../../lib/credentials/vc-jwt';

let key: SigningKey;
let other: SigningKey;
const opened: SkilltrailDb[] = [];

beforeAll(async () => {
  [key, other] = await Promise.all([
    getOrCreateSigningKey(memoryKeyStore()),
    getOrCreateSigningKey(memoryKeyStore()),
  ]);
  // RSA key generation can take seconds on a busy machine.
}, 60_000);

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function credential(k: SigningKey = key, extra: Partial<CredentialLike> = {}): CredentialLike {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:5d0e4f1c-3b2a-4c8d-9e7f-6a5b4c3d2e1f',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: k.did, type: ['Profile'], name: 'Ada' },
    validFrom: '2026-11-30T08:00:00Z',
    credentialSubject: { id: k.did, type: ['AchievementSubject'] },
    evidence: [{ type: ['Evidence'], name: 'e1' }],
    ...extra,
  };
}

describe('base64url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector %j as %j and back', (text, encoded) => {
    expect(base64urlFromText(text)).toBe(encoded);
    expect(base64urlToText(encoded)).toBe(text);
  });

  it('uses the URL-safe alphabet', () => {
    expect(base64urlEncode(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it.each(['Zg==', 'Zm9v+', 'Zm9v/', 'Z', 'Zh', 'Zm9', 'Zm 9v', 'Zm9vYmE='])(
    'refuses non-canonical or foreign input %j',
    (text) => {
      expect(base64urlDecode(text)).toBeNull();
    },
  );

  it('round-trips random bytes', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(base64urlDecode(base64urlEncode(bytes))).toEqual(bytes);
    }
  });

  it('refuses bytes that are not UTF-8 as text', () => {
    expect(base64urlToText(base64urlEncode(new Uint8Array([0xff, 0xfe])))).toBeNull();
  });
});

describe('signing key', () => {
  it('is a 2048-bit RS256 key whose private half cannot be exported', async () => {
    expect(key.privateKey.extractable).toBe(false);
    expect((key.privateKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
    expect(Object.keys(key.publicJwk)).toEqual(['e', 'kty', 'n']);
    expect(isRsaPublicJwk(key.publicJwk)).toBe(true);
  });

  it('names the learner by did:jwk of the public key', () => {
    expect(key.did).toMatch(/^did:jwk:[A-Za-z0-9_-]+$/);
    expect(jwkFromDidJwk(key.did)).toEqual(key.publicJwk);
    expect(didJwk(key.publicJwk)).toBe(key.did);
    expect(jwkFromDidJwk('did:jwk:!!')).toBeNull();
    expect(jwkFromDidJwk('did:web:example.org')).toBeNull();
  });

  it('is made once and kept in the meta table (IndexedDB stores the CryptoKey)', async () => {
    const db = openDb(`keys-${Math.random()}`);
    opened.push(db);
    const [a, b] = await Promise.all([
      getOrCreateSigningKey(signingKeyStore(db)),
      getOrCreateSigningKey(signingKeyStore(db)),
    ]);
    expect(a.did).toBe(b.did);
    const again = await getOrCreateSigningKey(signingKeyStore(db));
    expect(again.did).toBe(a.did);
    const stored = (await db.meta.get(SIGNING_KEY_META))!.value as CryptoKeyPair;
    expect(stored.privateKey).toBeInstanceOf(CryptoKey);
    expect(stored.privateKey.extractable).toBe(false);
    // The stored key still signs, and what it signs verifies.
    const jws = await signCredential(credential(again), again);
    expect((await verifyCredential(jws)).ok).toBe(true);
  }, 60_000);

  it('replaces something unusable stored under the key', async () => {
    const db = openDb(`keys-${Math.random()}`);
    opened.push(db);
    await db.meta.put({ key: SIGNING_KEY_META, value: { privateKey: 'not a key' } });
    const k = await getOrCreateSigningKey(signingKeyStore(db));
    expect((await db.meta.get(SIGNING_KEY_META))!.value).toMatchObject({
      privateKey: k.privateKey,
    });
  }, 60_000);

  it('refuses private or weak JWKs', () => {
    expect(isRsaPublicJwk({ ...key.publicJwk, d: 'AQAB' })).toBe(false);
    expect(
      isRsaPublicJwk({ ...key.publicJwk, n: base64urlEncode(new Uint8Array(128).fill(1)) }),
    ).toBe(false);
    expect(isRsaPublicJwk({ ...key.publicJwk, kty: 'EC' })).toBe(false);
    expect(isRsaPublicJwk({ ...key.publicJwk, alg: 'RS512' })).toBe(false);
    expect(isRsaPublicJwk({ ...key.publicJwk, x5u: 'https://evil.example/' })).toBe(false);
  });
});

describe('signCredential and verifyCredential', () => {
  it('signs a VC-JWT whose header is alg, typ and the public jwk only', async () => {
    const jws = await signCredential(credential(), key);
    const decoded = decodeCompactJws(jws)!;
    expect(decoded.header).toEqual({ alg: 'RS256', typ: 'JWT', jwk: key.publicJwk });
    expect(decoded.payload).toMatchObject({
      iss: key.did,
      sub: key.did,
      jti: 'urn:uuid:5d0e4f1c-3b2a-4c8d-9e7f-6a5b4c3d2e1f',
      nbf: Date.parse('2026-11-30T08:00:00Z') / 1000,
    });
    expect(decoded.payload.exp).toBeUndefined();
  });

  it('verifies with the independent jose library', async () => {
    const jws = await signCredential(credential(), key);
    const { header } = decodeCompactJws(jws)!;
    const { payload, protectedHeader } = await compactVerify(
      jws,
      await importJWK(header.jwk as never, 'RS256'),
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ iss: key.did });
  });

  it('answers the claims, the credential and its evidence', async () => {
    const r = await verifyCredential(await signCredential(credential(), key));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.claims).toEqual({
      iss: key.did,
      sub: key.did,
      jti: 'urn:uuid:5d0e4f1c-3b2a-4c8d-9e7f-6a5b4c3d2e1f',
      nbf: 1796025600,
    });
    expect(r.credential).toEqual(credential());
    expect(r.evidence).toEqual([{ type: ['Evidence'], name: 'e1' }]);
  });

  it('fails when any single character changes: header, payload or signature', async () => {
    const jws = await signCredential(credential(), key);
    const [h, p, s] = jws.split('.') as [string, string, string];
    const positions = [
      0,
      5,
      Math.floor(h.length / 2),
      h.length - 1,
      h.length + 1,
      h.length + 1 + Math.floor(p.length / 2),
      h.length + p.length,
      h.length + p.length + 2,
      h.length + p.length + 2 + Math.floor(s.length / 2),
      jws.length - 1,
    ];
    // And a sweep: every 37th character.
    for (let i = 0; i < jws.length; i += 37) positions.push(i);
    for (const i of positions) {
      if (jws[i] === '.') continue;
      for (const replacement of ['A', 'B', 'g', '-']) {
        if (jws[i] === replacement) continue;
        const tampered = jws.slice(0, i) + replacement + jws.slice(i + 1);
        const r = await verifyCredential(tampered);
        expect(r.ok, `position ${i} → ${replacement}`).toBe(false);
      }
    }
  });

  it('fails on the last signature character even where only unused bits change', async () => {
    const jws = await signCredential(credential(), key);
    const last = jws.at(-1)!;
    const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 256 signature bytes end on 2 data bits + 4 unused bits: the next index keeps the data.
    const sibling = ALPHA[(ALPHA.indexOf(last) & ~15) | ((ALPHA.indexOf(last) + 1) & 15)]!;
    const r = await verifyCredential(jws.slice(0, -1) + sibling);
    expect(r).toMatchObject({ ok: false, key: 'malformed' });
  });

  it.each([
    ['an extra header parameter', { alg: 'RS256', typ: 'JWT', jwk: 'KEY', kid: 'x' }, 'header'],
    ['alg none', { alg: 'none', typ: 'JWT', jwk: 'KEY' }, 'header'],
    ['alg HS256', { alg: 'HS256', typ: 'JWT', jwk: 'KEY' }, 'header'],
    ['typ other', { alg: 'RS256', typ: 'vc+ld', jwk: 'KEY' }, 'header'],
    ['no jwk', { alg: 'RS256', typ: 'JWT' }, 'key'],
    ['a private jwk', { alg: 'RS256', typ: 'JWT', jwk: 'PRIVATE' }, 'key'],
  ])('refuses %s', async (_name, header, errorKey) => {
    const h = { ...header } as Record<string, unknown>;
    if (h.jwk === 'KEY') h.jwk = key.publicJwk;
    if (h.jwk === 'PRIVATE') h.jwk = { ...key.publicJwk, d: 'AQAB' };
    const c = credential();
    const payload = { ...c, iss: key.did, sub: key.did, jti: c.id, nbf: 1796025600 };
    const jws = await signCompactJws(h as never, payload, key.privateKey);
    expect(await verifyCredential(jws)).toMatchObject({ ok: false, key: errorKey });
  });

  it('refuses claims that do not match the credential', async () => {
    const c = credential();
    const good = { iss: key.did, sub: key.did, jti: c.id, nbf: 1796025600 };
    for (const claims of [
      { ...good, iss: 'did:example:someone-else' },
      { ...good, sub: 'did:example:x' },
      { ...good, jti: 'urn:uuid:other' },
      { ...good, nbf: 1 },
      { ...good, exp: 2_000_000_000 },
    ]) {
      const jws = await signCompactJws(
        { alg: 'RS256', typ: 'JWT', jwk: key.publicJwk },
        { ...c, ...claims },
        key.privateKey,
      );
      expect(await verifyCredential(jws)).toMatchObject({ ok: false, key: 'claims' });
    }
  });

  it('calls a did:jwk issuer whose key did not sign forged', async () => {
    // Signed by `other`, but claiming to be issued by `key`'s did.
    const jws = await signCredential(credential(key), other);
    expect(await verifyCredential(jws)).toMatchObject({ ok: true, signer: other.did });
    const verdict = await checkCredential(jws, { now: Date.parse('2026-12-01T00:00:00Z') });
    expect(verdict).toMatchObject({ status: 'invalid', key: 'forged' });
    const own = await checkCredential(await signCredential(credential(key), key), {
      now: Date.parse('2026-12-01T00:00:00Z'),
    });
    expect(own).toMatchObject({ status: 'valid', signer: key.did, issuerId: key.did });
  }, 60_000);

  it('refuses payloads that are not Open Badges credentials', async () => {
    const c = credential(key, { type: ['VerifiableCredential'] });
    expect(await verifyCredential(await signCredential(c, key))).toMatchObject({
      ok: false,
      key: 'not-credential',
    });
  });

  it('checks the validity period when given a time', async () => {
    const c = credential(key, { validUntil: '2026-12-31T00:00:00Z' });
    const jws = await signCredential(c, key);
    expect(decodeCompactJws(jws)!.payload.exp).toBe(Date.parse('2026-12-31T00:00:00Z') / 1000);
    expect((await verifyCredential(jws)).ok).toBe(true);
    expect(await verifyCredential(jws, { now: Date.parse('2026-11-01T00:00:00Z') })).toMatchObject({
      key: 'not-yet-valid',
    });
    expect(await verifyCredential(jws, { now: Date.parse('2027-01-01T00:00:00Z') })).toMatchObject({
      key: 'expired',
    });
    expect((await verifyCredential(jws, { now: Date.parse('2026-12-01T00:00:00Z') })).ok).toBe(
      true,
    );
  });

  it.each(['', 'a.b', 'a.b.c.d', 'not a jws', '..', `${'A'.repeat(2_000_000)}.A.A`])(
    'refuses garbage %#',
    async (text) => {
      expect(await verifyCredential(text)).toMatchObject({ ok: false, key: 'malformed' });
    },
  );
});

describe('parseBadgesFile', () => {
  it('reads the JSON document and JWS-per-line text', () => {
    const doc = JSON.stringify({
      format: 'skilltrail-badges',
      version: 1,
      issuer: 'did:jwk:x',
      period: '2026-W48',
      credentials: ['a.b.c'],
    });
    expect(parseBadgesFile(doc)).toEqual({ ok: true, credentials: ['a.b.c'] });
    expect(parseBadgesFile('\uFEFFa.b.c\r\nd.e.f\n')).toEqual({
      ok: true,
      credentials: ['a.b.c', 'd.e.f'],
    });
  });

  it.each([
    '',
    '{',
    '{"format":"other"}',
    '{"format":"skilltrail-badges","version":3,"credentials":[]}',
    '{"format":"skilltrail-badges","version":1,"credentials":[1]}',
    'hello world',
  ])('refuses %j', (text) => {
    expect(parseBadgesFile(text).ok).toBe(false);
  });
});
