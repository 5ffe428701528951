/**
 * Verifiable credentials as VC-JWT, the Open Badges 3.0 way (`ob_v3p0/integrity.md`):
 * the payload is the credential itself plus `iss`, `sub`, `jti`, `nbf` (and `exp`), the
 * header `{ alg: 'RS256', typ: 'JWT', jwk }` and nothing else.
 */
import { decodeCompactJws, signCompactJws, verifyRs256 } from './jws';
import { didJwk, isRsaPublicJwk, type RsaPublicJwk, type SigningKey } from './keys';
import { validityDetail, validityProblem } from './validity';

export const VCDM_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** Credential types Skilltrail reads, beside `VerifiableCredential`. */
export const CREDENTIAL_TYPES = [
  'OpenBadgeCredential',
  'AchievementCredential',
  'EndorsementCredential',
] as const;

/** What a signed credential must at least hold for its claims to be derived. */
export interface CredentialLike {
  id: string;
  issuer: string | { id: string; [key: string]: unknown };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface JwtClaims {
  iss: string;
  sub: string;
  jti: string;
  nbf: number;
  exp?: number;
}

/**
 * Whether a document is a credential Skilltrail reads: the VCDM v2 context first, type
 * `VerifiableCredential` and one of `CREDENTIAL_TYPES`.
 * @example isKnownCredential({ '@context': [VCDM_V2_CONTEXT], type: ['VerifiableCredential', 'OpenBadgeCredential'] }) // true
 */
export function isKnownCredential(doc: Record<string, unknown>): boolean {
  const types = [doc.type].flat();
  const context = doc['@context'];
  return (
    Array.isArray(context) &&
    context[0] === VCDM_V2_CONTEXT &&
    types.includes('VerifiableCredential') &&
    CREDENTIAL_TYPES.some((t) => types.includes(t))
  );
}

/**
 * The id of a credential's `issuer` (a string or a profile), if it has one.
 * @example issuerId({ id: 'did:key:z6Mk…', name: 'Ada' }) // 'did:key:z6Mk…'
 */
export function issuerId(issuer: unknown): string | undefined {
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') {
    return (issuer as { id: string }).id;
  }
  return undefined;
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * The JWT claims a credential implies.
 * @example jwtClaims(credential) // { iss: issuer.id, sub: credentialSubject.id, jti: id, nbf }
 */
export function jwtClaims(credential: CredentialLike): JwtClaims {
  const claims: JwtClaims = {
    iss: issuerId(credential.issuer) ?? '',
    sub: credential.credentialSubject.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
  };
  if (credential.validUntil) claims.exp = seconds(credential.validUntil);
  return claims;
}

/**
 * Signs a credential as a VC-JWT (compact JWS, RS256, public key in the header).
 * @example const jws = await signCredential(credential, await getOrCreateSigningKey(db()));
 */
export async function signCredential(credential: CredentialLike, key: SigningKey): Promise<string> {
  if (!Number.isFinite(Date.parse(credential.validFrom)))
    throw new Error('validFrom is not a date.');
  return signCompactJws(
    { alg: 'RS256', typ: 'JWT', jwk: key.publicJwk },
    { ...credential, ...jwtClaims(credential) },
    key.privateKey,
  );
}

export type VerifyErrorKey =
  | 'malformed'
  | 'header'
  | 'key'
  | 'signature'
  | 'not-credential'
  | 'claims'
  | 'no-proof'
  | 'jsonld'
  | 'dates'
  | 'not-yet-valid'
  | 'expired'
  | 'forged';

/** What a person is told, per failure (English for now; one place to translate). */
export const VERIFY_ERROR_TEXT: Readonly<Record<VerifyErrorKey, string>> = {
  malformed: 'This is not a compact JWS credential.',
  header: 'The credential header is not allowed (RS256 with an embedded public key only).',
  key: 'The embedded key is not a usable RSA public key.',
  signature: 'The signature does not match: the credential was changed or signed by another key.',
  'not-credential': 'The signed content is not an Open Badges credential.',
  claims: 'The JWT claims do not match the credential.',
  'no-proof':
    'The credential has no proof Skilltrail can check (DataIntegrityProof, eddsa-rdfc-2022).',
  jsonld: 'The credential is not valid JSON-LD: a term is not defined by its contexts.',
  dates: 'The credential’s validFrom or validUntil is not a date.',
  'not-yet-valid': 'The credential is not valid yet.',
  expired: 'The credential has expired.',
  forged: 'Forged: the key the issuer’s DID names did not sign this credential.',
};

export type VerifyResult =
  | {
      ok: true;
      header: { alg: 'RS256'; typ?: 'JWT'; jwk: RsaPublicJwk };
      claims: JwtClaims;
      /** `did:jwk` of the key that signed. */
      signer: string;
      /** The credential without the JWT claims. */
      credential: CredentialLike;
      evidence: unknown[];
    }
  | { ok: false; key: VerifyErrorKey; message: string; detail: string };

const ALLOWED_HEADER = new Set(['alg', 'typ', 'jwk']);

function fail(key: VerifyErrorKey, detail: string): VerifyResult {
  return { ok: false, key, message: VERIFY_ERROR_TEXT[key], detail };
}

/**
 * Verifies a VC-JWT Open Badges credential: header rules (alg RS256, only `alg`, `typ`,
 * `jwk`; a public RSA key of ≥ 2048 bits with no private parts), the signature with the
 * embedded key, and that `iss`, `sub`, `jti`, `nbf` (and `exp`) match the credential.
 * With `now`, also the validity period. Whether the signer is the issuer is `verify.ts`'s
 * to judge from `signer`. Never throws; answers the claims and evidence or why not.
 * @example
 * const r = await verifyCredential(jws);
 * if (r.ok) console.log(r.credential.name, r.evidence.length); else console.error(r.message);
 */
export async function verifyCredential(
  jws: string,
  options: { now?: number } = {},
): Promise<VerifyResult> {
  try {
    return await verifyUnsafe(jws, options);
  } catch (e) {
    return fail('malformed', e instanceof Error ? e.message.slice(0, 200) : 'unreadable');
  }
}

async function verifyUnsafe(jws: string, options: { now?: number }): Promise<VerifyResult> {
  const decoded = decodeCompactJws(typeof jws === 'string' ? jws.trim() : '');
  if (!decoded)
    return fail('malformed', 'expected three base64url parts: header.payload.signature');
  const { header, payload } = decoded;
  const extra = Object.keys(header).filter((k) => !ALLOWED_HEADER.has(k));
  if (extra.length)
    return fail('header', `header parameters not allowed: ${extra.join(', ').slice(0, 100)}`);
  if (header.alg !== 'RS256')
    return fail('header', `alg is ${JSON.stringify(header.alg)}, not "RS256"`);
  if (header.typ !== undefined && header.typ !== 'JWT') return fail('header', 'typ is not "JWT"');
  if (!isRsaPublicJwk(header.jwk)) {
    return fail(
      'key',
      'jwk must be an RSA public key (kty, n, e) of at least 2048 bits, without private members',
    );
  }
  const jwk: RsaPublicJwk = { e: header.jwk.e, kty: 'RSA', n: header.jwk.n };
  let valid: boolean;
  try {
    valid = await verifyRs256(decoded.signingInput, decoded.signature, jwk);
  } catch (e) {
    return fail('key', e instanceof Error ? e.message.slice(0, 200) : 'unusable key');
  }
  if (!valid) return fail('signature', 'RS256 signature check failed');

  if (!isKnownCredential(payload)) {
    return fail(
      'not-credential',
      'needs the VCDM v2 context and type VerifiableCredential + OpenBadgeCredential',
    );
  }
  const subject = payload.credentialSubject as { id?: unknown } | undefined;
  const iss = issuerId(payload.issuer);
  if (
    typeof payload.id !== 'string' ||
    !iss ||
    typeof payload.validFrom !== 'string' ||
    !Number.isFinite(Date.parse(payload.validFrom)) ||
    !subject ||
    typeof subject !== 'object' ||
    typeof subject.id !== 'string'
  ) {
    return fail('not-credential', 'needs id, issuer.id, validFrom and credentialSubject.id');
  }
  const { iss: claimIss, sub, jti, nbf, exp, ...rest } = payload;
  const credential = rest as CredentialLike;
  const expected = jwtClaims(credential);
  const mismatches: string[] = [];
  if (claimIss !== expected.iss) mismatches.push('iss ≠ issuer.id');
  if (sub !== expected.sub) mismatches.push('sub ≠ credentialSubject.id');
  if (jti !== expected.jti) mismatches.push('jti ≠ id');
  if (nbf !== expected.nbf) mismatches.push('nbf ≠ validFrom');
  if (exp !== expected.exp)
    mismatches.push(expected.exp === undefined ? 'exp without validUntil' : 'exp ≠ validUntil');
  if (mismatches.length) return fail('claims', mismatches.join('; '));

  const problem = options.now === undefined ? null : validityProblem(credential, options.now);
  if (problem) return fail(problem, validityDetail(credential));
  const claims: JwtClaims = {
    iss: expected.iss,
    sub: expected.sub,
    jti: expected.jti,
    nbf: expected.nbf,
  };
  if (expected.exp !== undefined) claims.exp = expected.exp;
  return {
    ok: true,
    header: { alg: 'RS256', ...(header.typ === 'JWT' ? { typ: 'JWT' as const } : {}), jwk },
    claims,
    signer: didJwk(jwk),
    credential,
    evidence: Array.isArray(credential.evidence) ? (credential.evidence as unknown[]) : [],
  };
}
