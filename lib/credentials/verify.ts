/**
 * One honest verdict for a credential in either proof form — an embedded Data Integrity
 * proof (a JSON credential) or a VC-JWT (a compact JWS) — for the Verify view and the
 * command-line verifier alike:
 * - `valid`: the signature holds, the period includes `now`, and the key that signed is the
 *   issuer's own (a `did:key` or `did:jwk` issuer that is the signing key, or a VC-JWT whose
 *   payload carries such a Data Integrity proof);
 * - `issuer-unconfirmed`: the signature holds but nothing ties the key to the issuer named
 *   (a `did:web` is never fetched), so the credential is never shown as that organisation's;
 * - `invalid`: why not — `forged` when the issuer is a `did:key` or `did:jwk`, which names
 *   its own key, and another key signed: that is provably not the issuer's.
 *
 * A credential that holds also has each endorsement it embeds checked on its own: its
 * author's proof, that the author's key signed it, its dates, and that it is about one of
 * this credential's achievement ids, qualified by the DID that signed the credential
 * (`learner-binding.ts`). What an endorser says of themselves is only their claim.
 */
import { verifyDataIntegrity } from './data-integrity';
import { checkEndorsement, type EndorsementErrorKey } from './endorsement';
import { badgeAchievementIds } from './learner-binding';
import { CREDENTIAL_STRUCTURE, structureProblem } from './structure-limits';
import { decodeCompactJws } from './jws';
import { validityDetail, validityProblem } from './validity';
import {
  isKnownCredential,
  issuerId,
  VERIFY_ERROR_TEXT,
  verifyCredential as verifyVcJwt,
  type VerifyErrorKey,
} from './vc-jwt';

export type ProofForm = 'data-integrity' | 'vc-jwt';

/** Endorsements checked per credential; the rest are counted as not checked. */
export const MAX_ENDORSEMENTS_CHECKED = 50;

/** One embedded endorsement's verdict, with what it says (unverified when invalid). */
export interface EndorsementVerdict {
  status: 'valid' | 'invalid';
  /** Why not, when invalid: `foreign-subject` is an endorsement of something else. */
  key?: EndorsementErrorKey;
  message?: string;
  detail?: string;
  /** The endorser's DID, name and description, as they gave them. */
  issuerId: string;
  issuerName: string;
  issuerDescription: string;
  comment: string;
  validFrom: string;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, 100_000) : '';
}

/**
 * Checks each endorsement `credential` embeds (`endorsement`): valid only when its own proof
 * holds, by its issuer's key, inside its dates, about one of this credential's achievement
 * ids qualified by `signer` (the DID whose key signed the credential). Never throws.
 * @example (await checkEmbeddedEndorsements(badge, Date.now(), v.signer)).every((e) => e.status === 'valid')
 */
export async function checkEmbeddedEndorsements(
  credential: Record<string, unknown>,
  now: number,
  signer: string,
): Promise<EndorsementVerdict[]> {
  const list = [credential.endorsement ?? []].flat().slice(0, MAX_ENDORSEMENTS_CHECKED);
  const ids = badgeAchievementIds(credential, signer);
  const subjects = new Map(ids.map((id) => [id, id]));
  const out: EndorsementVerdict[] = [];
  for (const item of list) {
    const e = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const issuer = (e.issuer && typeof e.issuer === 'object' ? e.issuer : {}) as Record<
      string,
      unknown
    >;
    const claims = {
      issuerId: text(issuer.id),
      issuerName: text(issuer.name),
      issuerDescription: text(issuer.description),
      comment: text(
        (e.credentialSubject as { endorsementComment?: unknown } | undefined)?.endorsementComment,
      ),
      validFrom: text(e.validFrom),
    };
    const r = await checkEndorsement(JSON.stringify(item) ?? '', subjects, now, signer);
    out.push(
      r.ok
        ? { status: 'valid', ...claims }
        : { status: 'invalid', key: r.key, message: r.message, detail: r.detail, ...claims },
    );
  }
  return out;
}

export type CredentialVerdict =
  | {
      status: 'valid' | 'issuer-unconfirmed';
      /** Each endorsement the credential embeds, checked on its own. */
      endorsements: EndorsementVerdict[];
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
  const tooBig = structureProblem(credential, CREDENTIAL_STRUCTURE);
  if (tooBig) return invalid('data-integrity', 'malformed', tooBig, null);
  if (!isKnownCredential(credential)) {
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
  const issuer = issuerId(credential.issuer) ?? '';
  if (selfCertifying(issuer) && result.signer !== issuer)
    return invalid('data-integrity', 'forged', `${result.signer} ≠ ${issuer}`, credential);
  return {
    status: selfCertifying(issuer) ? 'valid' : 'issuer-unconfirmed',
    endorsements: await checkEmbeddedEndorsements(credential, now, result.signer),
    proof: 'data-integrity',
    credential,
    issuerId: issuer,
    signer: result.signer,
  };
}

async function checkVcJwt(jws: string, now: number): Promise<CredentialVerdict> {
  const r = await verifyVcJwt(jws, { now });
  if (!r.ok)
    return invalid('vc-jwt', r.key, r.detail, decodeCompactJws(jws.trim())?.payload ?? null);
  const iss = r.claims.iss;
  let signer = r.signer;
  // Our badges are issued by the learner's did:key: the VC-JWT's payload is the credential
  // with its Data Integrity proof, which is what ties the claims to the issuer. Its signer
  // is then the one that vouches for them.
  if (iss !== signer && r.credential.proof !== undefined) {
    const inner = await checkDataIntegrity(r.credential, now);
    if (inner.status === 'valid') signer = inner.signer;
  }
  if (selfCertifying(iss) && iss !== signer)
    return invalid('vc-jwt', 'forged', `${signer} ≠ ${iss}`, r.credential);
  return {
    status: selfCertifying(iss) ? 'valid' : 'issuer-unconfirmed',
    endorsements: await checkEmbeddedEndorsements(r.credential, now, signer),
    proof: 'vc-jwt',
    credential: r.credential,
    issuerId: iss,
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
