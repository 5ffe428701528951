/**
 * Compact JWS (RFC 7515) with RS256 and the public key embedded as `jwk`: exactly the
 * VC-JWT shape Open Badges 3.0 asks for. Signing input is the ASCII of the two encoded
 * parts, so any change to a header or payload character breaks the signature.
 */
import { base64urlDecode, base64urlEncode, base64urlFromText, base64urlToText } from './base64url';
import type { RsaPublicJwk } from './keys';

export interface Rs256Header {
  alg: 'RS256';
  typ: 'JWT';
  jwk: RsaPublicJwk;
}

/** Longest compact JWS accepted: a weekly credential is a few kilobytes. */
export const MAX_JWS_LENGTH = 1_000_000;

/**
 * Signs `payload` (any JSON object) as a compact JWS.
 * @example await signCompactJws({ alg: 'RS256', typ: 'JWT', jwk }, { iss, sub }, key.privateKey) // 'eyJ….eyJ….…'
 */
export async function signCompactJws(
  header: Rs256Header,
  payload: object,
  privateKey: CryptoKey,
): Promise<string> {
  const signingInput = `${base64urlFromText(JSON.stringify(header))}.${base64urlFromText(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    privateKey,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${base64urlEncode(new Uint8Array(signature))}`;
}

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

/**
 * The three parts of a compact JWS, decoded but NOT verified; `null` if it is not one
 * (wrong shape, non-canonical base64url, header or payload not a JSON object).
 * @example decodeCompactJws(jws)?.header.alg // 'RS256'
 */
export function decodeCompactJws(jws: string): DecodedJws | null {
  if (typeof jws !== 'string' || jws.length > MAX_JWS_LENGTH) return null;
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  const header = parseObject(base64urlToText(h));
  const payload = parseObject(base64urlToText(p));
  const signature = base64urlDecode(s);
  if (!header || !payload || !signature || signature.length === 0) return null;
  return { header, payload, signingInput: `${h}.${p}`, signature };
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Whether `signature` is a valid RS256 signature of `signingInput` by `jwk`.
 * @example await verifyRs256(decoded.signingInput, decoded.signature, jwk) // true
 */
export async function verifyRs256(
  signingInput: string,
  signature: Uint8Array<ArrayBuffer>,
  jwk: RsaPublicJwk,
): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    key,
    signature,
    new TextEncoder().encode(signingInput),
  );
}
