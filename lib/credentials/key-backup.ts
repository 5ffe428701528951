/**
 * The learner's signing identity in a backup, under a passphrase only they know: the
 * Ed25519 private key is wrapped (WebCrypto `wrapKey`, JWK) with AES-256-GCM under a key
 * derived from the passphrase by PBKDF2-HMAC-SHA-256 (600,000 iterations, a fresh 16-byte
 * salt), the `did:key` as the cipher's additional data so the wrapped key cannot be
 * relabelled. Restored with the same passphrase on a new computer, the same `did:key`
 * signs there, and the endorsements bound to it still count. Nothing in a badge or in an
 * endorsement holds the private key, so a file built from what they show can never claim them.
 */
import { base64urlDecode, base64urlEncode } from './base64url';
import { didKeyOf, ED25519 } from './did-key';
import {
  KEY_WRAP_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  wrappedIdentityProblem,
  type WrappedIdentity,
} from './wrapped-identity';

export { KEY_WRAP_ITERATIONS, MIN_PASSPHRASE_LENGTH, type WrappedIdentity };

export type UnwrapResult =
  | { ok: true; did: string; pair: CryptoKeyPair }
  | { ok: false; key: 'wrong-passphrase' | 'bad-identity'; detail: string };

const encoder = new TextEncoder();

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
  usage: 'wrapKey' | 'unwrapKey',
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * Wraps `pair` (its private key must be extractable) under `passphrase`.
 * @example const identity = await wrapIdentity(pair, 'correct horse battery staple');
 */
export async function wrapIdentity(
  pair: CryptoKeyPair,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<WrappedIdentity> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error('The passphrase is too short.');
  const iterations = options.iterations ?? KEY_WRAP_ITERATIONS;
  const did = await didKeyOf(pair.publicKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await passphraseKey(passphrase, salt, iterations, 'wrapKey');
  const wrapped = await crypto.subtle.wrapKey('jwk', pair.privateKey, wrapping, {
    name: 'AES-GCM',
    iv,
    additionalData: encoder.encode(did),
  });
  return {
    did,
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: base64urlEncode(salt),
    cipher: 'AES-256-GCM',
    iv: base64urlEncode(iv),
    key: base64urlEncode(new Uint8Array(wrapped)),
  };
}

/**
 * Opens a wrapped identity with `passphrase`: answers the key pair (extractable again, so a
 * later backup can carry it) when the passphrase is right and the key is the `did:key` named.
 * @example const r = await unwrapIdentity(backup.identity, passphrase); if (r.ok) save(r.pair);
 */
export async function unwrapIdentity(
  wrapped: WrappedIdentity,
  passphrase: string,
): Promise<UnwrapResult> {
  const problem = wrappedIdentityProblem(wrapped);
  if (problem) return { ok: false, key: 'bad-identity', detail: problem };
  const unwrapping = await passphraseKey(
    passphrase,
    base64urlDecode(wrapped.salt)!,
    wrapped.iterations,
    'unwrapKey',
  );
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.unwrapKey(
      'jwk',
      base64urlDecode(wrapped.key)! as Uint8Array<ArrayBuffer>,
      unwrapping,
      {
        name: 'AES-GCM',
        iv: base64urlDecode(wrapped.iv)! as Uint8Array<ArrayBuffer>,
        additionalData: encoder.encode(wrapped.did),
      },
      ED25519,
      true,
      ['sign'],
    );
  } catch (e) {
    // AES-GCM refuses a wrong passphrase (or a changed file) outright.
    return {
      ok: false,
      key: 'wrong-passphrase',
      detail: e instanceof Error ? e.name : 'unwrap failed',
    };
  }
  try {
    const jwk = await crypto.subtle.exportKey('jwk', privateKey);
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      ED25519,
      true,
      ['verify'],
    );
    const did = await didKeyOf(publicKey);
    if (did !== wrapped.did)
      return { ok: false, key: 'bad-identity', detail: `${did} ≠ ${wrapped.did}` };
    // The private key must be the public key's: sign once and check.
    const probe = encoder.encode(did);
    const signature = await crypto.subtle.sign(ED25519, privateKey, probe);
    if (!(await crypto.subtle.verify(ED25519, publicKey, signature, probe)))
      return { ok: false, key: 'bad-identity', detail: 'the private key is not the did:key’s' };
    return { ok: true, did, pair: { privateKey, publicKey } };
  } catch (e) {
    return {
      ok: false,
      key: 'bad-identity',
      detail: e instanceof Error ? e.message : 'unreadable',
    };
  }
}
