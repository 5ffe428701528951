/**
 * The badges file: `{ format: 'skilltrail-badges', version: 1, issuer, period, credentials:
 * [compact JWS…] }`. One JSON document, so it opens in any viewer and carries its period
 * and issuer; the verifier also reads plain text with one compact JWS per line, the form
 * other VC-JWT tools write.
 */

export const BADGES_FORMAT = 'skilltrail-badges';
export const BADGES_VERSION = 1;

export interface BadgesDocument {
  format: typeof BADGES_FORMAT;
  version: typeof BADGES_VERSION;
  /** The learner's `did:jwk`. */
  issuer: string;
  /** Week key or range label. */
  period: string;
  credentials: string[];
}

/** Longest badges file read, in characters. */
export const MAX_BADGES_FILE_CHARS = 20_000_000;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The compact JWS credentials in a badges file (JSON document or one JWS per line), or why
 * it holds none. Checks the shape only; `verifyCredential` checks each credential.
 * @example parseBadgesFile(text) // { ok: true, credentials: ['eyJ…', …] }
 */
export function parseBadgesFile(
  text: string,
): { ok: true; credentials: string[] } | { ok: false; message: string } {
  if (typeof text !== 'string' || text.length > MAX_BADGES_FILE_CHARS) {
    return { ok: false, message: 'Not a badges file: empty or too large.' };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: 'Not a badges file: the JSON cannot be read.' };
    }
    const d = doc as Partial<BadgesDocument>;
    if (d?.format !== BADGES_FORMAT) {
      return { ok: false, message: `Not a badges file: format is not "${BADGES_FORMAT}".` };
    }
    if (d.version !== BADGES_VERSION) {
      return { ok: false, message: `Unknown badges file version ${JSON.stringify(d.version)}.` };
    }
    if (!Array.isArray(d.credentials) || !d.credentials.every((c) => typeof c === 'string')) {
      return { ok: false, message: 'Not a badges file: credentials is not a list of strings.' };
    }
    return { ok: true, credentials: d.credentials };
  }
  const lines = trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || !lines.every((l) => COMPACT_JWS.test(l))) {
    return { ok: false, message: 'Not a badges file: expected JSON or one compact JWS per line.' };
  }
  return { ok: true, credentials: lines };
}
