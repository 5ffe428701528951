/**
 * The learner's Ed25519 identity as a `did:key`: the key pair is made once in WebCrypto
 * and kept in IndexedDB like the RSA key (`keys.ts`). The `did:key` is spelled from the
 * public key alone, so anyone holding a credential resolves it offline. Signing goes
 * through `crypto.subtle.sign`; the private key leaves WebCrypto only wrapped under the
 * learner's passphrase, into a backup (`key-backup.ts`). Works in any page with WebCrypto
 * Ed25519 (Chrome 137, Firefox 129); nothing here needs the extension.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { base64urlEncode } from './base64url';
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
      ? { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(publicKey) }
      : await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('Not an Ed25519 key.');
  const key = await Ed25519Multikey.fromJwk({ jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
  return `did:key:${key.publicKeyMultibase}`;
}

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/**
 * The DID document of an Ed25519 `did:key`, or with a `#fragment` its one verification
 * method: a Multikey holding the key the DID spells, which the DID names for assertions (a
 * credential's proof) and authentication. Built from the key alone, offline, as the did:key
 * method specifies; throws for anything that is not the canonical spelling of an Ed25519
 * public key, or for a fragment other than the key's.
 * @example (await resolveDidKey('did:key:z6Mk…')).assertionMethod // ['did:key:z6Mk…#z6Mk…']
 */
export async function resolveDidKey(url: string): Promise<Record<string, unknown>> {
  const [did = '', fragment, ...rest] = url.split('#');
  const fingerprint = did.slice('did:key:'.length);
  if (!did.startsWith('did:key:z6Mk') || rest.length > 0)
    throw new Error('Not an Ed25519 did:key.');
  if (fragment !== undefined && fragment !== fingerprint) {
    throw new Error('A did:key has one verification method, named by its key.');
  }
  // Decoded and spelled again: two spellings of one key, another key type or a key of the
  // wrong length are not this DID.
  let publicKey: Uint8Array | undefined;
  try {
    const key = await Ed25519Multikey.from({ publicKeyMultibase: fingerprint });
    ({ publicKey } = await key.export({ publicKey: true, includeContext: false, raw: true }));
  } catch {
    throw new Error('Not an Ed25519 did:key.');
  }
  if (publicKey?.length !== 32 || (await didKeyOf(publicKey)) !== did) {
    throw new Error('Not an Ed25519 did:key.');
  }
  const id = `${did}#${fingerprint}`;
  const method = { id, type: 'Multikey', controller: did, publicKeyMultibase: fingerprint };
  if (fragment !== undefined) return { '@context': MULTIKEY_CONTEXT, ...method };
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [method],
    authentication: [id],
    assertionMethod: [id],
    capabilityDelegation: [id],
    capabilityInvocation: [id],
  };
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
 * passphrase) and kept where `keys` says (`didKeyStore`, `meta` under `did-key`, in the
 * extension). Every later and every concurrent first call answers the same key.
 * @example const key = await getOrCreateDidKey(didKeyStore(db())); key.did // 'did:key:z6Mk…'
 */
export async function getOrCreateDidKey(keys: KeyStore): Promise<DidKey> {
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
