/**
 * Base64url without padding (RFC 7515 §2), strict: a decoder that accepts two spellings of
 * the same bytes would let a changed signature character still verify.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * Bytes as base64url text, no padding.
 * @example base64urlEncode(new Uint8Array([251, 255])) // '-_8'
 */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)];
    if (b1 !== undefined) out += ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)];
    if (b2 !== undefined) out += ALPHABET[b2 & 63];
  }
  return out;
}

/**
 * The bytes of canonical base64url text, or `null` for anything else: other characters,
 * padding, an impossible length, or unused trailing bits that are not zero.
 * @example base64urlDecode('-_8') // Uint8Array [251, 255]
 * @example base64urlDecode('-_9') // null (non-zero unused bits)
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const c of text) {
    const v = VALUES.get(c);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/**
 * UTF-8 text as base64url.
 * @example base64urlFromText('{"alg":"RS256"}') // 'eyJhbGciOiJSUzI1NiJ9'
 */
export function base64urlFromText(text: string): string {
  return base64urlEncode(new TextEncoder().encode(text));
}

/**
 * base64url as UTF-8 text, or `null` when either layer is malformed.
 * @example base64urlToText('eyJhbGciOiJSUzI1NiJ9') // '{"alg":"RS256"}'
 */
export function base64urlToText(text: string): string | null {
  const bytes = base64urlDecode(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
