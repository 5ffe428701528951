/**
 * The shape of a learner's identity wrapped under a passphrase (`key-backup.ts`), checked
 * cheaply — no key derivation — so a backup's parser can refuse a bad one at once.
 */
import { base64urlDecode } from './base64url';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const KEY_WRAP_ITERATIONS = 600_000;
/** What a file may ask for: fewer is too weak to accept, more is a way to stall the page. */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 5_000_000;
export const MIN_PASSPHRASE_LENGTH = 12;

export interface WrappedIdentity {
  /** The learner's `did:key`: what the wrapped key must turn out to be. */
  did: string;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64url. */
  salt: string;
  cipher: 'AES-256-GCM';
  /** base64url, 12 bytes. */
  iv: string;
  /** base64url of the wrapped private JWK. */
  key: string;
}

/**
 * Why `v` is not a wrapped identity this version can open, or `null`. Cheap: for the
 * backup's parser, before any key derivation.
 * @example wrappedIdentityProblem({ did: 'did:web:x' }) // 'did: not a did:key'
 */
export function wrappedIdentityProblem(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not an object';
  const w = v as Record<string, unknown>;
  const keys = ['did', 'kdf', 'iterations', 'salt', 'cipher', 'iv', 'key'];
  const stray = Object.keys(w).find((k) => !keys.includes(k));
  if (stray) return `${stray.slice(0, 40)}: not a field of a wrapped key`;
  if (typeof w.did !== 'string' || !/^did:key:z[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(w.did))
    return 'did: not a did:key';
  if (w.kdf !== 'PBKDF2-SHA-256' || w.cipher !== 'AES-256-GCM') return 'kdf or cipher unknown';
  if (
    typeof w.iterations !== 'number' ||
    !Number.isInteger(w.iterations) ||
    w.iterations < MIN_ITERATIONS ||
    w.iterations > MAX_ITERATIONS
  )
    return `iterations: not from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`;
  for (const [field, min, max] of [
    ['salt', 16, 64],
    ['iv', 12, 12],
    ['key', 32, 1024],
  ] as const) {
    const bytes = typeof w[field] === 'string' ? base64urlDecode(w[field]) : null;
    if (!bytes || bytes.length < min || bytes.length > max)
      return `${field}: not ${min}–${max} bytes`;
  }
  return null;
}
