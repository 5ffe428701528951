/**
 * The learner's Ed25519 identity as a `did:key`: the key pair is made once in WebCrypto
 * with the private key non-extractable and kept in IndexedDB like the RSA key
 * (`keys.ts`); the `did:key` is spelled from the public key alone, so anyone holding a
 * credential resolves it offline. Signing goes through `crypto.subtle.sign`: the private
 * key never leaves WebCrypto. Works in any page with WebCrypto Ed25519 (Chrome 137,
 * Firefox 129); nothing here needs the extension.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { KeyStore } from './keys';

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
 * The learner's Ed25519 `did:key`, made on first use (private key not extractable) and kept
 * where `keys` says (`didKeyStore`, `meta` under `did-key`, in the extension). Every later and every concurrent first call
 * answers the same key.
 * @example const key = await getOrCreateDidKey(didKeyStore(db())); key.did // 'did:key:z6Mk…'
 */
export async function getOrCreateDidKey(keys: KeyStore): Promise<DidKey> {
  let pair = await keys.load();
  if (!pair) {
    const fresh = (await crypto.subtle.generateKey(ED25519, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    pair = await keys.saveIfAbsent(fresh);
  }
  return didKeyFromPair(pair);
}
