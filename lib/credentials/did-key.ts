/**
 * The learner's Ed25519 identity as a `did:key`: the key pair is made once in WebCrypto
 * and kept in IndexedDB like the RSA key (`keys.ts`). The `did:key` is spelled from the
 * public key alone, so anyone holding a credential resolves it offline. Signing goes
 * through `crypto.subtle.sign`; the private key leaves WebCrypto only wrapped under the
 * learner's passphrase, into a backup (`key-backup.ts`). Works in any page with WebCrypto
 * Ed25519 (Chrome 137, Firefox 129); nothing here needs the extension.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { SkilltrailDb } from '../store/db';
import { dexieKeyStore, type KeyStore } from './keys';

/** The `meta` key under which the Ed25519 key pair is stored. */
export const DID_KEY_META = 'did-key';

export const ED25519: Algorithm = { name: 'Ed25519' };

/** What a Data Integrity proof is signed with (`@digitalbazaar/data-integrity`'s signer). */
export interface Signer {
  /** The verification method: `did:key:z6Mk…#z6Mk…`. */
  id: string;
  algorithm: 'Ed25519';
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

export interface DidKey {
  /** `did:key:z6Mk…`: the learner as issuer and subject. */
  did: string;
  /** `did:key:z6Mk…#z6Mk…`, the key within the DID document. */
  verificationMethod: string;
  publicKey: CryptoKey;
  signer: Signer;
}

/**
 * The `did:key` of an Ed25519 public key (a WebCrypto key, or its 32 raw bytes).
 * @example await didKeyOf(pair.publicKey) // 'did:key:z6Mk…'
 */
export async function didKeyOf(publicKey: CryptoKey | Uint8Array): Promise<string> {
  const jwk =
    publicKey instanceof Uint8Array
      ? { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey) }
      : await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('Not an Ed25519 key.');
  const key = await Ed25519Multikey.fromJwk({ jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
  return `did:key:${key.publicKeyMultibase}`;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A Data Integrity signer over a WebCrypto Ed25519 private key (extractable or not).
 * @example webCryptoSigner(pair.privateKey, `${did}#${did.slice(8)}`)
 */
export function webCryptoSigner(privateKey: CryptoKey, verificationMethod: string): Signer {
  return {
    id: verificationMethod,
    algorithm: 'Ed25519',
    sign: async ({ data }) =>
      new Uint8Array(
        await crypto.subtle.sign(ED25519, privateKey, data as Uint8Array<ArrayBuffer>),
      ),
  };
}

/**
 * The `did:key`, its verification method and a signer for a key pair.
 * @example const key = await didKeyFromPair(await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify']));
 */
export async function didKeyFromPair(pair: CryptoKeyPair): Promise<DidKey> {
  const did = await didKeyOf(pair.publicKey);
  const verificationMethod = `${did}#${did.slice('did:key:'.length)}`;
  return {
    did,
    verificationMethod,
    publicKey: pair.publicKey,
    signer: webCryptoSigner(pair.privateKey, verificationMethod),
  };
}

/**
 * The learner's Ed25519 `did:key`, made on first use (extractable only for a backup under a
 * passphrase) and kept in `meta` under `did-key` (or the given store). Every later and every
 * concurrent first call answers the same key.
 * @example const key = await getOrCreateDidKey(db()); key.did // 'did:key:z6Mk…'
 */
export async function getOrCreateDidKey(store: SkilltrailDb | KeyStore): Promise<DidKey> {
  const keys = 'saveIfAbsent' in store ? store : dexieKeyStore(store, DID_KEY_META, 'Ed25519');
  let pair = await keys.load();
  if (!pair) {
    // Extractable only so a backup can carry it wrapped under the learner's passphrase
    // (`key-backup.ts`): the identity endorsements are bound to must move with the learner.
    const fresh = (await crypto.subtle.generateKey(ED25519, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    pair = await keys.saveIfAbsent(fresh);
  }
  return didKeyFromPair(pair);
}
