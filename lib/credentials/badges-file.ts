/**
 * The badges file: `{ format: 'skilltrail-badges', version: 2, issuer, period, credentials:
 * [credential, jws, …] }` — for each badge its JSON credential with a Data Integrity proof,
 * then its VC-JWT (version 1 held only VC-JWTs). One JSON document, so it opens in any
 * viewer and carries its period and issuer. The verifier also reads a single JSON credential
 * (the file a wallet imports) and plain text with one compact JWS per line, the form other
 * VC-JWT tools write.
 */

export const BADGES_FORMAT = 'skilltrail-badges';
export const BADGES_VERSION = 2;

/** A credential in a file: a compact JWS, or a JSON credential with an embedded proof. */
export type FileCredential = string | Record<string, unknown>;

export interface BadgesDocument {
  format: typeof BADGES_FORMAT;
  version: typeof BADGES_VERSION;
  /** The learner's `did:key`. */
  issuer: string;
  /** Week key or range label. */
  period: string;
  credentials: FileCredential[];
}

/** Longest badges file read, in characters. */
export const MAX_BADGES_FILE_CHARS = 20_000_000;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The credentials in a badges file (JSON document, one JSON credential, or one JWS per
 * line), or why it holds none. Checks the shape only; `checkCredential` checks each.
 * @example parseBadgesFile(text) // { ok: true, credentials: [{ '@context': […], proof: {…} }, 'eyJ…', …] }
 */
export function parseBadgesFile(
  text: string,
): { ok: true; credentials: FileCredential[] } | { ok: false; message: string } {
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
    if (isObject(doc) && '@context' in doc && 'proof' in doc)
      return { ok: true, credentials: [doc] };
    const d = doc as Partial<{ format: unknown; version: unknown; credentials: unknown }>;
    if (d?.format !== BADGES_FORMAT) {
      return {
        ok: false,
        message: `Not a badges file: format is not "${BADGES_FORMAT}", nor a credential with a proof.`,
      };
    }
    if (d.version !== 1 && d.version !== BADGES_VERSION) {
      return { ok: false, message: `Unknown badges file version ${JSON.stringify(d.version)}.` };
    }
    const list = d.credentials;
    if (
      !Array.isArray(list) ||
      !list.every((c) => typeof c === 'string' || (d.version === BADGES_VERSION && isObject(c)))
    ) {
      return { ok: false, message: 'Not a badges file: credentials is not a list of credentials.' };
    }
    return { ok: true, credentials: list as FileCredential[] };
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
