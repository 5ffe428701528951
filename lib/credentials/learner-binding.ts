/**
 * Whose skill an achievement is. A skill's achievement id is qualified by the learner's own
 * `did:key` — `did:key:z6Mk…/skills/<skill id>` — and an endorsement's `EndorsementSubject`
 * `id` is that achievement id, so what the mentor signs names the learner's key. A badge
 * counts an endorsement only when its subject is one of the badge's own achievement ids
 * (its `id` or an `otherIdentifier`, for skills merged into it) and those ids begin with the
 * DID that signed the badge: an endorsement copied into someone else's badge names a key
 * that did not sign it. Any verifier can make the same check from the two credentials alone.
 */

/** The subject of endorsements made before achievements were qualified by the learner's key. */
export const EARLIER_SUBJECT_PREFIX = 'https://skilltrail.app/xapi/skills/';

/** The `identifierType` of an achievement's other ids (OB 3.0 `IdentifierEntry`). */
export const OTHER_ID_TYPE = 'identifier';

/**
 * The achievement id of a learner's skill: their DID, then the skill's record id, which a
 * rename keeps.
 * @example learnerAchievementId('did:key:z6Mk…', '3b24…') // 'did:key:z6Mk…/skills/3b24…'
 */
export function learnerAchievementId(learnerDid: string, skillId: string): string {
  return `${learnerDid}/skills/${encodeURIComponent(skillId)}`;
}

/**
 * The id of one activity the learner stated (a session away from the screen), qualified by
 * their DID as a skill's is: what a mentor vouching for that one activity endorses.
 * @example learnerActivityId('did:key:z6Mk…', '9f1c…') // 'did:key:z6Mk…/activities/9f1c…'
 */
export function learnerActivityId(learnerDid: string, sessionId: string): string {
  return `${learnerDid}/activities/${encodeURIComponent(sessionId)}`;
}

/**
 * Whether an endorsed id is one activity's (`learnerActivityId`) rather than a skill's.
 * @example isActivityId('did:key:z6Mk…/activities/9f1c…') // true
 */
export function isActivityId(id: string): boolean {
  return /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+\/activities\/[^/?#]+$/.test(id);
}

/**
 * The DID an achievement or activity id is qualified by, or `null` when it names none.
 * @example achievementOwner('did:key:z6Mk…/skills/3b24…') // 'did:key:z6Mk…'
 */
export function achievementOwner(achievementId: string): string | null {
  const m = /^(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)\/(?:skills|activities)\/[^/?#]+$/.exec(
    achievementId,
  );
  return m ? m[1]! : null;
}

/**
 * Whether `subjectId` is the achievement id form of an earlier version (no learner in it).
 * @example isEarlierSubject('https://skilltrail.app/xapi/skills/3b24…') // true
 */
export function isEarlierSubject(subjectId: string): boolean {
  return subjectId.startsWith(EARLIER_SUBJECT_PREFIX);
}

/**
 * The achievement ids a badge vouches for, all qualified by `signer` (the DID whose key
 * signed the badge): its achievement's `id` and each `otherIdentifier`. Any id qualified by
 * another DID is left out, so it can never carry someone else's endorsement.
 * @example badgeAchievementIds(badge, 'did:key:z6Mk…') // ['did:key:z6Mk…/skills/3b24…']
 */
export function badgeAchievementIds(credential: unknown, signer: string): string[] {
  const subject = (credential as { credentialSubject?: unknown } | null)?.credentialSubject;
  const achievement = (subject as { achievement?: unknown } | null | undefined)?.achievement;
  if (!achievement || typeof achievement !== 'object') return [];
  const a = achievement as { id?: unknown; otherIdentifier?: unknown };
  const others = Array.isArray(a.otherIdentifier) ? a.otherIdentifier.slice(0, 1000) : [];
  const ids = [
    a.id,
    ...others.map((o: unknown) =>
      o &&
      typeof o === 'object' &&
      (o as { identifierType?: unknown }).identifierType === OTHER_ID_TYPE
        ? (o as { identifier?: unknown }).identifier
        : undefined,
    ),
  ];
  return [
    ...new Set(
      ids.filter(
        (id): id is string =>
          typeof id === 'string' && achievementOwner(id) === signer && !isActivityId(id),
      ),
    ),
  ];
}
