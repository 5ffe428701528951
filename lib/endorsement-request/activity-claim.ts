/**
 * What a request for an endorsement of one stated activity asks the endorser to sign for:
 * an `OpenBadgeCredential` whose achievement is that one activity (a session away from the
 * screen), its id qualified by the learner's `did:key` (`learnerActivityId`), so the
 * request page and the endorsement made in it name exactly that activity and that learner.
 * Its criteria say it is stated by the learner, never measured; its one piece of evidence
 * is the activity as every badge shows it (genre `stated`, its kind, day and stated time,
 * where and with whom at the level chosen).
 */
import { learnerActivityId } from '../credentials/learner-binding';
import { OB_CONTEXT } from '../credentials/ob-context';
import { formatDuration } from '../format';
import { nameUuid, UUID_NAMESPACE } from '../export/iri';
import { OB_CREDENTIAL_SCHEMA, type OpenBadgeCredential } from '../export/openbadges/credential';
import { evidenceList } from '../export/openbadges/evidence';
import { OB_TEXT, type BadgeText } from '../export/openbadges/text';
import type { BadgeOptions } from '../export/openbadges/build';
import type { SharedData } from '../export/privacy';
import { isoSeconds, isoWithOffset } from '../export/timestamps';

/** The words of an activity's claim, in the learner's language. */
export interface ActivityClaimText {
  /** `label`: what was learned, or the activity's kind where the level withholds titles. */
  name: (label: string) => string;
  /** `kind`, `day` (`YYYY-MM-DD`), `stated` (a duration). */
  description: (kind: string, day: string, stated: string) => string;
  criteria: string;
}

export const ACTIVITY_CLAIM_TEXT: ActivityClaimText = {
  name: (label) => `One activity: ${label}`,
  description: (kind, day, stated) =>
    `One activity the learner stated: ${kind}, on ${day}, for ${stated}. Stated by the learner, not measured.`,
  criteria:
    'Stated by the learner: they say what they did, on which day and for how long. Skilltrail did not measure it. An endorsement of it is the word of someone who saw it.',
};

/**
 * The unsigned claim of the stated activity `sessionId` as `shared` holds it (the level
 * chosen applies), or `null` when `shared` has no such stated activity. Its id is a
 * name-based UUID of the activity and level, so asking again names the same claim.
 * @example const claim = await activityClaim(shared, session.id, { issuerId: key.did, now }, text);
 */
export async function activityClaim(
  shared: SharedData,
  sessionId: string,
  options: BadgeOptions,
  text: ActivityClaimText = ACTIVITY_CLAIM_TEXT,
): Promise<OpenBadgeCredential | null> {
  const s = shared.sessions.find((x) => x.id === sessionId);
  if (!s || s.kind !== 'away' || s.provenance !== 'stated') return null;
  const T: BadgeText = options.strings ?? OB_TEXT;
  const locale = options.locale ?? 'en';
  const tz = shared.summary.timeZone;
  const day = isoWithOffset(s.startedAt, tz).slice(0, 10);
  const kind = s.learningKind ? T.learning[s.learningKind] : T.kind.away;
  const description = text.description(kind, day, formatDuration(s.statedMs ?? 0, locale));
  const uuid = await nameUuid(UUID_NAMESPACE.credential, `activity|${s.id}|${shared.level}`);
  const credential: OpenBadgeCredential = {
    '@context': [...OB_CONTEXT],
    id: `urn:uuid:${uuid}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: options.issuerId,
      type: ['Profile'],
      name: options.learnerName?.trim() || T.anonymous,
    },
    validFrom: isoSeconds(options.now),
    name: text.name(s.label),
    description,
    credentialSubject: {
      id: options.issuerId,
      type: ['AchievementSubject'],
      // The day the learner named: its hour is not theirs, so the claim spans the day.
      activityStartDate: isoWithOffset(s.startedAt, tz),
      activityEndDate: isoWithOffset(s.endedAt, tz),
      narrative: description,
      achievement: {
        id: learnerActivityId(options.issuerId, s.id),
        type: ['Achievement'],
        achievementType: 'Competency',
        name: s.label,
        description,
        criteria: { narrative: text.criteria },
      },
    },
    credentialSchema: [{ ...OB_CREDENTIAL_SCHEMA }],
  };
  const evidence = evidenceList([s], shared, locale, T);
  if (evidence.length) credential.evidence = evidence;
  return credential;
}
