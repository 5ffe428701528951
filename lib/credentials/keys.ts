/**
 * The learner's signing key for Open Badges credentials: RSASSA-PKCS1-v1_5 with SHA-256
 * (RS256, the Open Badges 3.0 minimum), 2048 bits, made once. The private key is created
 * non-extractable, so no script — ours included — can ever read it out; IndexedDB stores
 * the `CryptoKey` object itself (structured clone), never key bytes.
 *
 * The learner's identifier is `did:jwk` of the public key: anyone holding a credential can
 * check that the issuer named in it is the key that signed it, with nothing hosted.
 */
import { base64urlFromText, base64urlToText, base64urlDecode } from './base64url';

/** The `meta` key under which the key pair is stored. */
export const SIGNING_KEY_META = 'signing-key';

export const RS256_KEY_PARAMS: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** Smallest RSA modulus accepted when verifying, in bytes (2048 bits). */
export const MIN_RSA_MODULUS_BYTES = 256;

/** An RSA public key as a JWK, members in RFC 7638 order. */
export interface RsaPublicJwk {
  e: string;
  kty: 'RSA';
  n: string;
}

export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: RsaPublicJwk;
  /** `did:jwk:…` of the public key: the learner as issuer and subject. */
  did: string;
}

/** Where the key pair lives. The database in the extension; anything in tests. */
export interface KeyStore {
  load(): Promise<CryptoKeyPair | undefined>;
  /** Stores `pair` unless a usable pair is already there; answers the pair that is stored. */
  saveIfAbsent(pair: CryptoKeyPair): Promise<CryptoKeyPair>;
}

/**
 * Whether a stored value is a key pair of `algorithm` that can sign.
 * @example isUsablePair(await crypto.subtle.generateKey(RS256_KEY_PARAMS, false, ['sign', 'verify']), 'RSASSA-PKCS1-v1_5') // true
 */
export function isUsablePair(v: unknown, algorithm: string): v is CryptoKeyPair {
  if (!v || typeof v !== 'object') return false;
  const { privateKey, publicKey } = v as Partial<CryptoKeyPair>;
  return (
    privateKey instanceof CryptoKey &&
    publicKey instanceof CryptoKey &&
    privateKey.algorithm.name === algorithm &&
    privateKey.usages.includes('sign')
  );
}

/**
 * A key store in memory, for tests and for environments that cannot store a `CryptoKey`.
 * @example const key = await getOrCreateSigningKey(memoryKeyStore());
 */
export function memoryKeyStore(): KeyStore {
  let stored: CryptoKeyPair | undefined;
  return {
    async load() {
      return stored;
    },
    async saveIfAbsent(pair) {
      stored ??= pair;
      return stored;
    },
  };
}

/**
 * The learner's signing key, made on first use (2048-bit RS256, private key not
 * extractable) and kept where `keys` says (`lib/store/keys.ts` in the extension). Idempotent: every later call, and
 * every concurrent first call, answers the same key.
 * @example const key = await getOrCreateSigningKey(signingKeyStore(db())); key.did // 'did:jwk:eyJ…'
 */
export async function getOrCreateSigningKey(keys: KeyStore): Promise<SigningKey> {
  let pair = await keys.load();
  if (!pair) {
    const fresh = await crypto.subtle.generateKey(RS256_KEY_PARAMS, false, ['sign', 'verify']);
    pair = await keys.saveIfAbsent(fresh);
  }
  const publicJwk = await publicJwkOf(pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicJwk,
    did: didJwk(publicJwk),
  };
}

/**
 * The public JWK of an RSA public key, only `kty`, `n` and `e` (public keys are always
 * exportable, even from a non-extractable pair).
 * @example await publicJwkOf(key.publicKey) // { e: 'AQAB', kty: 'RSA', n: '…' }
 */
export async function publicJwkOf(publicKey: CryptoKey): Promise<RsaPublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new Error('Not an RSA public key.');
  return { e: jwk.e, kty: 'RSA', n: jwk.n };
}

/**
 * The `did:jwk` of a public key: `did:jwk:` + base64url of the JWK's JSON.
 * @example didJwk({ e: 'AQAB', kty: 'RSA', n: '…' }) // 'did:jwk:eyJlIjoiQVFBQiIsImt0eSI6IlJTQSIsIm4iOi…'
 */
export function didJwk(jwk: RsaPublicJwk): string {
  return `did:jwk:${base64urlFromText(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))}`;
}

/**
 * The RSA public key a `did:jwk` names, or `null` if it names none.
 * @example jwkFromDidJwk(key.did) // { e: 'AQAB', kty: 'RSA', n: '…' }
 */
export function jwkFromDidJwk(did: string): RsaPublicJwk | null {
  if (!did.startsWith('did:jwk:') || did.length > 8192) return null;
  const text = base64urlToText(did.slice('did:jwk:'.length));
  if (text === null) return null;
  try {
    const jwk = JSON.parse(text) as unknown;
    return isRsaPublicJwk(jwk) ? { e: jwk.e, kty: 'RSA', n: jwk.n } : null;
  } catch {
    return null;
  }
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const PUBLIC_RSA_JWK_MEMBERS = new Set(['kty', 'n', 'e', 'alg', 'use', 'key_ops', 'ext', 'kid']);

/**
 * Whether `v` is an RSA public JWK of at least 2048 bits with no private members.
 * @example isRsaPublicJwk({ kty: 'RSA', n, e, d }) // false: never a private key
 */
export function isRsaPublicJwk(v: unknown): v is RsaPublicJwk {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const jwk = v as Record<string, unknown>;
  if (PRIVATE_JWK_MEMBERS.some((m) => m in jwk)) return false;
  if (Object.keys(jwk).some((k) => !PUBLIC_RSA_JWK_MEMBERS.has(k))) return false;
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return false;
  if (jwk.alg !== undefined && jwk.alg !== 'RS256') return false;
  const n = base64urlDecode(jwk.n);
  const e = base64urlDecode(jwk.e);
  return !!n && !!e && n.length >= MIN_RSA_MODULUS_BYTES && n[0] !== 0 && e.length > 0;
}
