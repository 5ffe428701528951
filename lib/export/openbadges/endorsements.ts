/**
 * The endorsements a badge embeds (`endorsement`), each exactly as its author signed it, so
 * the learner's proof covers them and any verifier can check each one's own.
 */
import { checkEndorsement, type EndorsementCredential } from '../../credentials/endorsement';
import type { EndorsementSummary } from '../../week/skill-summary';
import type { OpenBadgeCredential } from './credential';

/**
 * Most UTF-8 bytes of endorsements per badge, newest first: with the evidence, the VC-JWT
 * stays inside `MAX_JWS_LENGTH`. Any one endorsement the record accepts fits.
 */
export const MAX_EMBEDDED_ENDORSEMENT_BYTES = 300_000;

/**
 * The endorsements a badge embeds: those of its achievement or of the badge itself, newest
 * first, within `MAX_EMBEDDED_ENDORSEMENT_BYTES`. Each is checked again (one restored from a
 * backup was not), so only one whose own proof holds goes out under the learner's.
 * @example const endorsement = await embeddedEndorsements(skill.endorsements, credential, now);
 */
export async function embeddedEndorsements(
  endorsements: readonly EndorsementSummary[],
  credential: OpenBadgeCredential,
  now: number,
): Promise<EndorsementCredential[]> {
  const subjects = new Map([
    [credential.credentialSubject.achievement.id, credential.credentialSubject.achievement.id],
    [credential.id, credential.id],
  ]);
  const out: EndorsementCredential[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const e of endorsements) {
    if (!subjects.has(e.subjectId)) continue;
    const size = encoder.encode(e.credential).length;
    if (bytes + size > MAX_EMBEDDED_ENDORSEMENT_BYTES) continue;
    const checked = await checkEndorsement(e.credential, subjects, now);
    if (!checked.ok) continue;
    bytes += size;
    out.push(checked.credential);
  }
  return out;
}
