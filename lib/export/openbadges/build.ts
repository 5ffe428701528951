/**
 * The unsigned Open Badges credentials Skilltrail issues, from one builder: a period's
 * badges (for each skill with activity, one credential for that period) and a skill record
 * (one credential for one skill over the period the learner picks: its whole story, with
 * counts by provenance, measured time, first and latest evidence and the strongest items
 * first). Both hold the achievement, the evidence and the endorsements they embed.
 */
import { OB_CONTEXT } from '../../credentials/ob-context';
import { formatDuration } from '../../format';
import { PROVENANCES, type ProvenanceCounts } from '../../provenance';
import type { SkillSummary } from '../../week/skill-summary';
import { learnerAchievementId } from '../../credentials/learner-binding';
import { nameUuid, UUID_NAMESPACE } from '../iri';
import type { SharedData, SharedSession, SharedSkill } from '../privacy';
import { isoSeconds, isoWithOffset } from '../timestamps';
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

/**
 * Sessions a skill record lists, strongest first; its counts and totals cover every one.
 * Twenty skills of ten years stay one page a reader opens in a moment.
 */
export const MAX_RECORD_EVIDENCE = 12;
/** Follow-up answers a skill record lists of each kind (where it was used, what stayed). */
export const MAX_RECORD_FOLLOW_UPS = 5;

/** What a credential is of: one skill's week (or other period), or its record. */
export type CredentialForm = 'badge' | 'record';

/**
 * The criteria in plain words: that the credential is self-asserted, then how each kind of
 * evidence it holds was obtained, in the vocabulary's order.
 * @example criteriaOf({ ...noProvenanceCounts(), measured: 3 }, OB_TEXT) // 'Self-asserted. … Measured by Skilltrail: …'
 */
export function criteriaOf(counts: ProvenanceCounts, T: BadgeText): string {
  const held = PROVENANCES.filter((p) => counts[p] > 0);
  return [T.criteria, ...held.map((p) => T.provenanceHow[p])].join(' ');
}

/**
 * The evidence a record lists, strongest first: where the skill was used, then sessions
 * with the learner's reflection, then what stayed, then the other sessions, newest first.
 */
function recordEvidence(
  s: SkillSummary,
  sessions: readonly SharedSession[],
  skill: SharedSkill,
  shared: SharedData,
  locale: string,
  T: BadgeText,
) {
  const newestFirst = [...sessions].sort((a, b) => b.startedAt - a.startedAt);
  const reflected = newestFirst.filter((x) => x.note);
  const rest = newestFirst.filter((x) => !x.note);
  const byId = new Map(sessions.map((x) => [x.id, x]));
  const followUps = [...s.followUps]
    .sort((a, b) => b.at - a.at)
    .flatMap((f) => followUpEvidence(f, skill.name, shared.summary.timeZone, T, byId));
  const applied = followUps.filter((e) => e.name === T.applicationName(skill.name));
  const recalled = followUps.filter((e) => e.name !== T.applicationName(skill.name));
  const listed = evidenceList([...reflected, ...rest], shared, locale, T, MAX_RECORD_EVIDENCE);
  const reflections = listed.filter((e) => e.narrative);
  const others = listed.filter((e) => !e.narrative);
  return [
    ...applied.slice(0, MAX_RECORD_FOLLOW_UPS),
    ...reflections,
    ...recalled.slice(0, MAX_RECORD_FOLLOW_UPS),
    ...others,
  ];
}

/**
 * A record's results: how many pieces of evidence of each kind it holds, and its measured
 * (and, apart, stated) time in minutes, as Open Badges `result` entries a reader's
 * software can read without parsing the narrative.
 */
function recordResults(s: SkillSummary, achievementId: string, vouched: number, T: BadgeText) {
  const counts: ProvenanceCounts = { ...s.byProvenance, vouched };
  const rows: { key: string; name: string; value: number; type: string }[] = [
    {
      key: 'measured-minutes',
      name: T.recordMeasuredMinutes,
      value: Math.floor(s.activeMs / 60_000),
      type: 'ext:Minutes',
    },
  ];
  if (s.statedMs > 0) {
    rows.push({
      key: 'stated-minutes',
      name: T.recordStatedMinutes,
      value: Math.floor(s.statedMs / 60_000),
      type: 'ext:Minutes',
    });
  }
  for (const p of PROVENANCES) {
    if (counts[p] > 0) {
      rows.push({
        key: p,
        name: T.recordCount(T.provenanceLabel[p]),
        value: counts[p],
        type: 'ext:Count',
      });
    }
  }
  return {
    resultDescription: rows.map((r) => ({
      id: `${achievementId}/results/${r.key}`,
      type: ['ResultDescription'],
      name: r.name,
      resultType: r.type,
    })),
    result: rows.map((r) => ({
      type: ['Result'],
      resultDescription: `${achievementId}/results/${r.key}`,
      value: String(r.value),
    })),
  };
}

async function buildOne(
  s: SkillSummary,
  shared: SharedData,
  options: BadgeOptions,
  form: CredentialForm,
): Promise<OpenBadgeCredential> {
  const { summary } = shared;
  const locale = options.locale ?? 'en';
  const T = options.strings ?? OB_TEXT;
  const period = T.period(summary.label);
  const skill = shared.skills.find((x) => x.id === s.skillId) ?? {
    id: s.skillId,
    name: s.name,
    colour: s.colour,
  };
  const uuid = await nameUuid(
    UUID_NAMESPACE.credential,
    `${form === 'record' ? 'record|' : ''}${skill.id}|${summary.start}|${summary.end}|${shared.level}`,
  );
  const alignment = alignmentOf(skill);
  const sessions = shared.sessions.filter((x) => x.skillIds.includes(skill.id));
  const sessionById = new Map(sessions.map((x) => [x.id, x]));
  const sites = shared.rules.sites ? s.sourceDiversity : undefined;
  const day = (at: number) => isoWithOffset(at, summary.timeZone).slice(0, 10);
  const narrative =
    form === 'record'
      ? T.recordNarrative({
          period,
          skill: skill.name,
          measured: formatDuration(s.activeMs, locale),
          stated: s.statedMs > 0 ? formatDuration(s.statedMs, locale) : undefined,
          first: day(s.firstAt),
          latest: day(s.lastAt),
          sites,
          counts: PROVENANCES.filter((p) => s.byProvenance[p] > 0).map(
            (p) => [T.provenanceLabel[p], s.byProvenance[p]] as const,
          ),
        })
      : T.narrative({
          period,
          skill: skill.name,
          time: formatDuration(s.activeMs, locale),
          sessions: s.sessions,
          pages: s.pages,
          sites,
          searches: s.searches,
          notes: shared.rules.notes ? s.notes.length : undefined,
        }) + (s.statedMs > 0 ? T.narrativeStated(formatDuration(s.statedMs, locale)) : '');
  const achievementId = learnerAchievementId(options.issuerId, skill.id);
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
    name: form === 'record' ? T.recordName(skill.name, period) : T.name(skill.name, period),
    description:
      form === 'record'
        ? T.recordDescription(skill.name, period)
        : T.description(skill.name, period),
    credentialSubject: {
      id: options.issuerId,
      type: ['AchievementSubject'],
      // A record spans its evidence, first to latest; a badge its whole period.
      activityStartDate: isoWithOffset(
        form === 'record' ? s.firstAt : summary.start,
        summary.timeZone,
      ),
      activityEndDate: isoWithOffset(
        form === 'record' ? s.lastAt : summary.end - 1,
        summary.timeZone,
      ),
      narrative,
      achievement: {
        id: achievementId,
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
  const evidence =
    form === 'record'
      ? recordEvidence(s, sessions, skill, shared, locale, T)
      : [
          ...(sessions.length ? evidenceList(sessions, shared, locale, T) : []),
          ...s.followUps.flatMap((f) =>
            followUpEvidence(f, skill.name, summary.timeZone, T, sessionById),
          ),
        ];
  if (evidence.length) credential.evidence = evidence;
  const otherIdentifier = mergedAchievementIds(s.endorsements, credential);
  if (otherIdentifier.length)
    credential.credentialSubject.achievement.otherIdentifier = otherIdentifier;
  const endorsement = await embeddedEndorsements(s.endorsements, credential, options.now);
  if (endorsement.length) credential.endorsement = endorsement;
  const achievement = credential.credentialSubject.achievement;
  achievement.criteria.narrative = criteriaOf(
    { ...s.byProvenance, vouched: endorsement.length },
    T,
  );
  if (form === 'record') {
    const { resultDescription, result } = recordResults(s, achievementId, endorsement.length, T);
    achievement.resultDescription = resultDescription;
    credential.credentialSubject.result = result;
  }
  return credential;
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
  const out: { skillId: string; credential: OpenBadgeCredential }[] = [];
  for (const s of shared.summary.skills) {
    out.push({ skillId: s.skillId, credential: await buildOne(s, shared, options, 'badge') });
  }
  return out;
}

/**
 * The unsigned skill record of `skillId` over the shared data's period, or `null` when the
 * skill has no evidence in it. Its id is a name-based UUID of skill, period and level.
 * @example const record = await buildSkillRecord(shared, skill.id, { issuerId: key.did, now });
 */
export async function buildSkillRecord(
  shared: SharedData,
  skillId: string,
  options: BadgeOptions,
): Promise<OpenBadgeCredential | null> {
  const s = shared.summary.skills.find((x) => x.skillId === skillId);
  return s ? buildOne(s, shared, options, 'record') : null;
}
