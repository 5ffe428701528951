/**
 * The endorsements a badge embeds (`endorsement`), each exactly as its author signed it, so
 * the learner's proof covers them and any verifier can check each one's own.
 */
import { checkEndorsement, type EndorsementCredential } from '../../credentials/endorsement';
import {
  achievementOwner,
  badgeAchievementIds,
  OTHER_ID_TYPE,
} from '../../credentials/learner-binding';
import type { EndorsementSummary } from '../../week/skill-summary';
import type { OpenBadgeCredential } from './credential';

/**
 * Most UTF-8 bytes of endorsements per badge, newest first: with the evidence, the VC-JWT
 * stays inside `MAX_JWS_LENGTH`. Any one endorsement the record accepts fits.
 */
export const MAX_EMBEDDED_ENDORSEMENT_BYTES = 300_000;

type IdentifierEntry = NonNullable<
  OpenBadgeCredential['credentialSubject']['achievement']['otherIdentifier']
>[number];

/**
 * The achievement's other ids a badge lists so it may carry `endorsements` of skills merged
 * into its skill: each endorsed achievement id of the badge's own issuer that is not the
 * achievement's `id`, in the OB 3.0 `otherIdentifier` form.
 * @example credential.credentialSubject.achievement.otherIdentifier = mergedAchievementIds(s.endorsements, credential);
 */
export function mergedAchievementIds(
  endorsements: readonly EndorsementSummary[],
  credential: OpenBadgeCredential,
): IdentifierEntry[] {
  const own = credential.credentialSubject.achievement.id;
  const ids = new Set(
    endorsements
      .map((e) => e.subjectId)
      .filter((id) => id !== own && achievementOwner(id) === credential.issuer.id),
  );
  return [...ids].sort().map((identifier) => ({
    type: 'IdentifierEntry',
    identifier,
    identifierType: OTHER_ID_TYPE,
  }));
}

/**
 * The endorsements a badge embeds: those of its achievement ids (its `id` and each
 * `otherIdentifier` its issuer qualifies), newest first, within
 * `MAX_EMBEDDED_ENDORSEMENT_BYTES`. Each is checked again (proof, binding to the issuer's
 * key, dates), so only one that holds goes out under the learner's proof.
 * @example const endorsement = await embeddedEndorsements(skill.endorsements, credential, now);
 */
export async function embeddedEndorsements(
  endorsements: readonly EndorsementSummary[],
  credential: OpenBadgeCredential,
  now: number,
): Promise<EndorsementCredential[]> {
  const learner = credential.issuer.id;
  const ids = badgeAchievementIds(credential, learner);
  const subjects = new Map(ids.map((id) => [id, id]));
  const out: EndorsementCredential[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const e of endorsements) {
    if (!subjects.has(e.subjectId)) continue;
    const size = encoder.encode(e.credential).length;
    if (bytes + size > MAX_EMBEDDED_ENDORSEMENT_BYTES) continue;
    const checked = await checkEndorsement(e.credential, subjects, now, learner);
    if (!checked.ok) continue;
    bytes += size;
    out.push(checked.credential);
  }
  return out;
}
