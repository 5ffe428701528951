/**
 * Issuing a period's badges: each credential is signed twice, saying the same: an embedded
 * Data Integrity proof (`eddsa-rdfc-2022`, what wallets read), then a VC-JWT of that very
 * credential (what 1EdTech's validator and JOSE tools read).
 */
import { signDataIntegrity, type Signed } from '../../credentials/data-integrity';
import type { DidKey } from '../../credentials/did-key';
import type { SigningKey } from '../../credentials/keys';
import { signCredential } from '../../credentials/vc-jwt';
import type { SharedData } from '../privacy';
import { buildBadges, type BadgeOptions } from './build';
import type { OpenBadgeCredential } from './credential';

export interface IssuedBadge {
  skillId: string;
  /** The credential with its Data Integrity proof: what a wallet imports. */
  credential: Signed<OpenBadgeCredential>;
  /** The same credential (proof included) as a VC-JWT, compact JWS. */
  jws: string;
}

/** The learner's two keys: the `did:key` that issues, and the RSA key of the VC-JWT. */
export interface BadgeKeys {
  didKey: DidKey;
  jwtKey: SigningKey;
}

/**
 * Builds and signs the period's badges with the learner's keys: the Data Integrity proof
 * first, then the VC-JWT of the credential holding it (OB 3.0: an embedded proof is made
 * before the JWT). `onProgress` hears each badge as it is done.
 * @example
 * const keys = { didKey: await getOrCreateDidKey(didKeyStore(db())), jwtKey: await getOrCreateSigningKey(signingKeyStore(db())) };
 * const badges = await issueBadges(shared, keys, { learnerName: settings.learnerName, now: Date.now() });
 */
export async function issueBadges(
  shared: SharedData,
  keys: BadgeKeys,
  options: Omit<BadgeOptions, 'issuerId'>,
  onProgress?: (done: number, total: number) => void,
): Promise<IssuedBadge[]> {
  const built = await buildBadges(shared, { ...options, issuerId: keys.didKey.did });
  const issued: IssuedBadge[] = [];
  onProgress?.(0, built.length);
  for (const { skillId, credential } of built) {
    const signed = await signDataIntegrity(credential, keys.didKey.signer, { now: options.now });
    issued.push({ skillId, credential: signed, jws: await signCredential(signed, keys.jwtKey) });
    onProgress?.(issued.length, built.length);
  }
  return issued;
}
