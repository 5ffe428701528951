/**
 * One honest verdict for a credential in either proof form — an embedded Data Integrity
 * proof (a JSON credential) or a VC-JWT (a compact JWS) — for the Verify view and the
 * command-line verifier alike:
 * - `valid`: the signature holds, the period includes `now`, and the key that signed is the
 *   issuer's own (a `did:key` or `did:jwk` issuer that is the signing key, or a VC-JWT whose
 *   payload carries such a Data Integrity proof);
 * - `issuer-unconfirmed`: the signature holds but nothing ties the key to the issuer named,
 *   so the credential is never shown as that organisation's;
 * - `invalid`: why not.
 */
import { verifyDataIntegrity } from './data-integrity';
import { decodeCompactJws } from './jws';
import { validityDetail, validityProblem } from './validity';
import {
  CREDENTIAL_TYPES,
  VCDM_V2_CONTEXT,
  VERIFY_ERROR_TEXT,
  verifyCredential as verifyVcJwt,
  type VerifyErrorKey,
} from './vc-jwt';

export type ProofForm = 'data-integrity' | 'vc-jwt';

export type CredentialVerdict =
  | {
      status: 'valid' | 'issuer-unconfirmed';
      proof: ProofForm;
      /** The credential as signed (a VC-JWT's without its JWT claims). */
      credential: Record<string, unknown>;
      /** The issuer's id, as claimed. */
      issuerId: string;
      /** The DID whose key signed. */
      signer: string;
    }
  | {
      status: 'invalid';
      proof: ProofForm | undefined;
      key: VerifyErrorKey;
      message: string;
      detail: string;
      /** What the credential claims, unverified, when it can be read at all. */
      credential: unknown;
    };

function issuerIdOf(credential: Record<string, unknown>): string {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  const id = (issuer as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '';
}

function invalid(
  proof: ProofForm | undefined,
  key: VerifyErrorKey,
  detail: string,
  credential: unknown,
): CredentialVerdict {
  return { status: 'invalid', proof, key, message: VERIFY_ERROR_TEXT[key], detail, credential };
}

/** Only these DID methods name their own key, so only they can confirm an issuer offline. */
function selfCertifying(id: string): boolean {
  return id.startsWith('did:key:') || id.startsWith('did:jwk:');
}

async function checkDataIntegrity(
  credential: Record<string, unknown>,
  now: number,
): Promise<CredentialVerdict> {
  const types = [credential.type].flat();
  const context = credential['@context'];
  if (
    !Array.isArray(context) ||
    context[0] !== VCDM_V2_CONTEXT ||
    !types.includes('VerifiableCredential') ||
    !CREDENTIAL_TYPES.some((t) => types.includes(t))
  ) {
    return invalid(
      'data-integrity',
      'not-credential',
      'needs the VCDM v2 context and type VerifiableCredential + an Open Badges type',
      credential,
    );
  }
  const result = await verifyDataIntegrity(credential);
  if (!result.ok) {
    return invalid('data-integrity', result.key, result.detail, credential);
  }
  const problem = validityProblem(credential, now);
  if (problem) return invalid('data-integrity', problem, validityDetail(credential), credential);
  const issuerId = issuerIdOf(credential);
  return {
    status: selfCertifying(issuerId) && result.signer === issuerId ? 'valid' : 'issuer-unconfirmed',
    proof: 'data-integrity',
    credential,
    issuerId,
    signer: result.signer,
  };
}

async function checkVcJwt(jws: string, now: number): Promise<CredentialVerdict> {
  const r = await verifyVcJwt(jws, { now });
  if (!r.ok)
    return invalid('vc-jwt', r.key, r.detail, decodeCompactJws(jws.trim())?.payload ?? null);
  const issuerId = r.claims.iss;
  let signer = r.signer;
  // Our badges are issued by the learner's did:key: the VC-JWT's payload is the credential
  // with its Data Integrity proof, which is what ties the claims to the issuer. Its signer
  // is then the one that vouches for them.
  if (issuerId !== signer && r.credential.proof !== undefined) {
    const inner = await checkDataIntegrity(r.credential, now);
    if (inner.status === 'valid') signer = inner.signer;
  }
  return {
    status: selfCertifying(issuerId) && issuerId === signer ? 'valid' : 'issuer-unconfirmed',
    proof: 'vc-jwt',
    credential: r.credential,
    issuerId,
    signer,
  };
}

/**
 * The verdict on one credential: a compact JWS string, or a JSON credential with an
 * embedded proof. Never throws.
 * @example
 * const v = await checkCredential(file.credentials[0], { now: Date.now() });
 * v.status // 'valid' | 'issuer-unconfirmed' | 'invalid'
 */
export async function checkCredential(
  item: unknown,
  options: { now: number },
): Promise<CredentialVerdict> {
  try {
    if (typeof item === 'string') return await checkVcJwt(item, options.now);
    if (item && typeof item === 'object' && !Array.isArray(item))
      return await checkDataIntegrity(item as Record<string, unknown>, options.now);
    return invalid(undefined, 'malformed', 'neither a compact JWS nor a JSON credential', null);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 200) : 'unreadable';
    return invalid(undefined, 'malformed', detail, null);
  }
}
