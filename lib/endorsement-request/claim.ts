/**
 * What the request page shows of the learner's claim, read from the signed credential
 * embedded in it (an Open Badges `OpenBadgeCredential`, as the badge export makes it):
 * only text, whatever the file holds, and links only to web pages. The endorsement is of
 * the credential's achievement, the skill itself, so it stays the learner's across weeks:
 * `subjectId` is what `checkEndorsement` matches (`learnerAchievementId` of the learner and skill).
 * A request for one stated activity (`activity-claim.ts`) has that activity as its achievement.
 */
import { isActivityId } from '../credentials/learner-binding';
import { isWebUrl } from '../url';

export interface ClaimEvidence {
  name: string;
  description: string;
  genre: string;
  narrative?: string;
  /** A web page the evidence is; absent for anything else (`javascript:`, `data:` …). */
  href?: string;
}

export interface Claim {
  /** The endorsed id: the credential's achievement. */
  subjectId: string;
  /** The endorsement is of one activity the learner stated (`learnerActivityId`), not a skill. */
  activity: boolean;
  /** The skill's name, or the activity's. */
  skill: string;
  skillDescription: string;
  learner: string;
  /** The learner's `did:key`: who signed. */
  learnerId: string;
  narrative: string;
  /** `YYYY-MM-DD`, local dates of the period the evidence covers. */
  from: string;
  to: string;
  evidence: ClaimEvidence[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const date = (v: unknown): string => (/^\d{4}-\d\d-\d\d/.test(text(v)) ? text(v).slice(0, 10) : '');

/**
 * The claim a credential makes, or `null` when it is not a badge with an achievement.
 * @example claimOf(signedBadge)?.skill // 'CSS'
 */
export function claimOf(credential: unknown): Claim | null {
  if (!isObject(credential)) return null;
  const subject = credential.credentialSubject;
  const issuer = credential.issuer;
  if (!isObject(subject) || !isObject(subject.achievement) || !isObject(issuer)) return null;
  const achievement = subject.achievement;
  const subjectId = text(achievement.id);
  const skill = text(achievement.name);
  if (!subjectId || !skill || !text(issuer.id)) return null;
  const evidence = (Array.isArray(credential.evidence) ? credential.evidence : [])
    .filter(isObject)
    .map((e) => {
      const item: ClaimEvidence = {
        name: text(e.name),
        description: text(e.description),
        genre: text(e.genre),
      };
      if (text(e.narrative)) item.narrative = text(e.narrative);
      if (isWebUrl(text(e.id))) item.href = text(e.id);
      return item;
    });
  return {
    subjectId,
    activity: isActivityId(subjectId),
    skill,
    skillDescription: text(achievement.description),
    learner: text(issuer.name),
    learnerId: text(issuer.id),
    narrative: text(subject.narrative),
    from: date(subject.activityStartDate),
    to: date(subject.activityEndDate),
    evidence,
  };
}

/**
 * `template` with `$1`, `$2` … replaced by `values`, in one pass (a value holding `$2` stays as it is).
 * @example fill('From $1 to $2', '2026-11-02', '2026-12-01')
 */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\$([1-9])/g, (m, n: string) => values[Number(n) - 1] ?? m);
}
