/**
 * The unsigned Open Badges credentials of a period: for each skill with activity, one
 * credential with its achievement, its evidence and the endorsements it embeds.
 */
import { OB_CONTEXT } from '../../credentials/ob-context';
import { formatDuration } from '../../format';
import { learnerAchievementId } from '../../credentials/learner-binding';
import { nameUuid, UUID_NAMESPACE } from '../iri';
import type { SharedData } from '../privacy';
import { isoWithOffset } from '../timestamps';
import { alignmentOf } from './alignment';
import { OB_CREDENTIAL_SCHEMA, type OpenBadgeCredential } from './credential';
import { embeddedEndorsements, mergedAchievementIds } from './endorsements';
import { evidenceList, followUpEvidence } from './evidence';
import { OB_TEXT, type BadgeText } from './text';

export interface BadgeOptions {
  /** Issuer and subject id: the learner's `did:key`. */
  issuerId: string;
  learnerName?: string;
  /** Issue time: `validFrom` and `nbf`. */
  now: number;
  locale?: string;
  /** The credentials' words; English (`OB_TEXT`) when omitted. */
  strings?: BadgeText;
}

function isoSeconds(ts: number): string {
  return new Date(Math.floor(ts / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * One unsigned credential per skill with activity in the period, in the summary's order.
 * Ids are name-based UUIDs of skill, period and level, so a re-export names the same badge.
 * @example const credentials = await buildBadgeCredentials(shared, { issuerId: key.did, now: Date.now() });
 */
export async function buildBadgeCredentials(
  shared: SharedData,
  options: BadgeOptions,
): Promise<OpenBadgeCredential[]> {
  return (await buildBadges(shared, options)).map((b) => b.credential);
}

/**
 * The unsigned credentials with the skill each is about, for `issueBadges` to sign.
 * @example const built = await buildBadges(shared, { issuerId: keys.didKey.did, now });
 */
export async function buildBadges(
  shared: SharedData,
  options: BadgeOptions,
): Promise<{ skillId: string; credential: OpenBadgeCredential }[]> {
  const { summary } = shared;
  const locale = options.locale ?? 'en';
  const T = options.strings ?? OB_TEXT;
  const period = T.period(summary.label);
  const skills = new Map(shared.skills.map((s) => [s.id, s]));
  const issuer = {
    id: options.issuerId,
    type: ['Profile'],
    name: options.learnerName?.trim() || T.anonymous,
  };
  const out: { skillId: string; credential: OpenBadgeCredential }[] = [];
  for (const s of summary.skills) {
    const skill = skills.get(s.skillId) ?? { id: s.skillId, name: s.name, colour: s.colour };
    const uuid = await nameUuid(
      UUID_NAMESPACE.credential,
      `${skill.id}|${summary.start}|${summary.end}|${shared.level}`,
    );
    const alignment = alignmentOf(skill);
    const sessions = shared.sessions.filter((x) => x.skillIds.includes(skill.id));
    const credential: OpenBadgeCredential = {
      '@context': [...OB_CONTEXT],
      id: `urn:uuid:${uuid}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer,
      validFrom: isoSeconds(options.now),
      name: T.name(skill.name, period),
      description: T.description(skill.name, period),
      credentialSubject: {
        id: options.issuerId,
        type: ['AchievementSubject'],
        activityStartDate: isoWithOffset(summary.start, summary.timeZone),
        activityEndDate: isoWithOffset(summary.end - 1, summary.timeZone),
        narrative: T.narrative({
          period,
          skill: skill.name,
          time: formatDuration(s.activeMs, locale),
          sessions: s.sessions,
          pages: s.pages,
          sites: shared.rules.sites ? s.sourceDiversity : undefined,
          searches: s.searches,
          notes: shared.rules.notes ? s.notes.length : undefined,
        }),
        achievement: {
          id: learnerAchievementId(options.issuerId, skill.id),
          type: ['Achievement'],
          achievementType: 'Competency',
          name: skill.name,
          description: skill.description || T.achievementDescription(skill.name),
          criteria: { narrative: T.criteria },
          ...(alignment ? { alignment } : {}),
        },
      },
      credentialSchema: [{ ...OB_CREDENTIAL_SCHEMA }],
    };
    const evidence = [
      ...(sessions.length ? evidenceList(sessions, shared, locale, T) : []),
      ...s.followUps.flatMap((f) => followUpEvidence(f, skill.name, summary.timeZone, T)),
    ];
    if (evidence.length) credential.evidence = evidence;
    const otherIdentifier = mergedAchievementIds(s.endorsements, credential);
    if (otherIdentifier.length)
      credential.credentialSubject.achievement.otherIdentifier = otherIdentifier;
    const endorsement = await embeddedEndorsements(s.endorsements, credential, options.now);
    if (endorsement.length) credential.endorsement = endorsement;
    out.push({ skillId: skill.id, credential });
  }
  return out;
}
