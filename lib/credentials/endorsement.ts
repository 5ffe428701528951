/**
 * Open Badges 3.0 endorsements: someone who saw the learner's work vouches for one of the
 * learner's skills, or for one activity the learner stated, in an `EndorsementCredential`
 * they sign with their own `did:key` (`eddsa-rdfc-2022`, the proof of the learner's badges).
 * Its `EndorsementSubject` `id` is the skill's achievement id or the activity's id, each
 * qualified by the learner's `did:key` (`learner-binding.ts`), so it counts for that learner
 * only. `buildEndorsement` makes the unsigned credential the
 * endorser signs; `checkEndorsement` decides whether a file may join a learner's record or
 * a badge: JSON of a sane shape, an endorsement, about this learner's skill, a valid proof
 * by its own issuer, inside its dates. It says only what the endorser wrote, and the
 * endorser's name is their own claim.
 *
 * Heavy through `data-integrity.ts`: load this with `import()` where it is used.
 */
import type { Endorsement } from '../model';
import { verifyDataIntegrity } from './data-integrity';
import { achievementOwner, isActivityId, isEarlierSubject } from './learner-binding';
import { isoSeconds } from '../export/timestamps';
import { OB_CONTEXT } from './ob-context';
import { ENDORSEMENT_STRUCTURE, structureProblem } from './structure-limits';

export const ENDORSEMENT_TYPE = ['VerifiableCredential', 'EndorsementCredential'] as const;

/** Longest fields kept; the backup format allows the same. */
export const ENDORSEMENT_LIMITS = { name: 200, description: 10_000, email: 320, comment: 100_000 };

export interface Endorser {
  name: string;
  /** Role or organisation, and how they know the work: the Profile's `description`. */
  description?: string;
  email?: string;
}

export interface EndorsementCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  /** Who is endorsed for what, in words: the learner's name, key and skill. */
  description?: string;
  issuer: { id: string; type: ['Profile']; name: string; description?: string; email?: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: ['EndorsementSubject']; endorsementComment: string };
  proof?: unknown;
  [key: string]: unknown;
}

/**
 * The unsigned endorsement of `subjectId` (the learner's achievement id, which names their
 * `did:key`) by `issuerId` (the endorser's `did:key`), as the endorser gave their name and
 * words. Its `description` names the learner too, for people reading it.
 * @example buildEndorsement({ subjectId, subjectName: 'CSS', learnerName: 'Ada', issuerId: did, endorser, comment, now, id })
 */
export function buildEndorsement(input: {
  subjectId: string;
  subjectName: string;
  /** The learner's name as their badge gives it. */
  learnerName?: string;
  issuerId: string;
  endorser: Endorser;
  comment: string;
  now: number;
  /** `urn:uuid:…`, fresh per endorsement. */
  id: string;
}): EndorsementCredential {
  const { endorser } = input;
  const issuer: EndorsementCredential['issuer'] = {
    id: input.issuerId,
    type: ['Profile'],
    name: endorser.name.trim().slice(0, ENDORSEMENT_LIMITS.name),
  };
  const description = endorser.description?.trim();
  if (description) issuer.description = description.slice(0, ENDORSEMENT_LIMITS.description);
  const email = endorser.email?.trim();
  if (email) issuer.email = email.slice(0, ENDORSEMENT_LIMITS.email);
  return {
    '@context': [...OB_CONTEXT],
    id: input.id,
    type: [...ENDORSEMENT_TYPE],
    name: (isActivityId(input.subjectId)
      ? `Endorsement of one activity: ${input.subjectName}`
      : `Endorsement of ${input.subjectName}`
    ).slice(0, ENDORSEMENT_LIMITS.name),
    description: endorsementStatement({
      endorser: issuer.name,
      learner: input.learnerName ?? '',
      learnerId: achievementOwner(input.subjectId) ?? input.subjectId,
      skill: input.subjectName,
      activity: isActivityId(input.subjectId),
    }).slice(0, ENDORSEMENT_LIMITS.description),
    issuer,
    validFrom: isoSeconds(input.now),
    credentialSubject: {
      id: input.subjectId,
      type: ['EndorsementSubject'],
      endorsementComment: input.comment.trim().slice(0, ENDORSEMENT_LIMITS.comment),
    },
  };
}

/**
 * What the endorsement says in words (English, inside the signed credential): who vouches
 * for whom, by the learner's key, and for which skill, or (`activity`) for which one
 * activity the learner stated, `skill` then being its name.
 * @example endorsementStatement({ endorser: 'Grace', learner: 'Ada', learnerId: 'did:key:z6Mk…', skill: 'CSS' })
 */
export function endorsementStatement(p: {
  endorser: string;
  learner: string;
  learnerId: string;
  skill: string;
  activity?: boolean;
}): string {
  const learner = p.learner.trim() ? `${p.learner.trim()} (${p.learnerId})` : p.learnerId;
  return p.activity
    ? `${p.endorser.trim()} endorses ${learner} for one activity they stated: “${p.skill}”.`
    : `${p.endorser.trim()} endorses ${learner} for the skill “${p.skill}”.`;
}

/** One activity the learner may be endorsed for: its session, and the skill it counts under. */
export interface EndorsableActivity {
  sessionId: string;
  skillId: string;
}

/**
 * Longest endorsement file read, in bytes (and characters): its fields at their longest
 * fit inside, and any one endorsement kept fits in a badge (`MAX_EMBEDDED_ENDORSEMENT_BYTES`).
 */
export const MAX_ENDORSEMENT_BYTES = 300_000;

export type EndorsementErrorKey =
  | 'too-large'
  | 'not-json'
  | 'not-endorsement'
  | 'too-complex'
  | 'earlier-version'
  | 'someone-else'
  | 'bad-proof'
  | 'not-issuer'
  | 'foreign-subject'
  | 'not-yet-valid'
  | 'expired';

/** What the learner is told (English; the dashboard shows its own words per key). */
export const ENDORSEMENT_ERROR_TEXT: Readonly<
  Record<EndorsementErrorKey | 'already-added', string>
> = {
  'already-added': 'This endorsement is already in your record.',
  'too-large': 'This file is too large to be an endorsement.',
  'not-json': 'This file is not an endorsement: it is not JSON, or it is cut short.',
  'not-endorsement': 'This file is not an Open Badges endorsement.',
  'too-complex': 'This file is not an endorsement: it holds far more than one does.',
  'earlier-version': 'This endorsement was made by an earlier version of Skilltrail: ask again.',
  'someone-else': 'This endorsement is about someone else’s work.',
  'bad-proof': 'The signature on this endorsement does not hold: it was changed after signing.',
  'not-issuer': 'This endorsement was signed by someone other than the endorser it names.',
  'foreign-subject': 'This endorsement is about a skill or badge that is not yours.',
  'not-yet-valid': 'This endorsement is dated in the future.',
  expired: 'This endorsement has expired.',
};

export type EndorsementCheck =
  | {
      ok: true;
      endorsement: Omit<Endorsement, 'id' | 'addedAt'>;
      credential: EndorsementCredential;
    }
  | { ok: false; key: EndorsementErrorKey; message: string; detail: string };

/** What adding a file to the record did: stored it, found it already there, or refused it. */
export type AddEndorsementResult =
  | {
      ok: true;
      endorsement: Endorsement;
      /** The skill's name, or the activity's for an endorsement of one activity. */
      skillName: string;
    }
  | {
      ok: false;
      key: 'already-added';
      message: string;
      detail: string;
      /** The copy already stored, and the name of its skill. */
      existing: Endorsement;
      skillName: string;
    }
  | { ok: false; key: EndorsementErrorKey; message: string; detail: string };

function fail(key: EndorsementErrorKey, detail: string): EndorsementCheck {
  return { ok: false, key, message: ENDORSEMENT_ERROR_TEXT[key], detail: detail.slice(0, 300) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Leeway for clocks that disagree, on both of an endorsement's dates. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks a received endorsement file for the learner `learner` (their `did:key`). `subjects`
 * maps every achievement id they may be endorsed for (each skill's, each skill merged into
 * it, all qualified by `learner`) to the skill it belongs to; `options.activities` maps each
 * stated activity's id (`learnerActivityId`) to its session. The shape is checked before any
 * JSON-LD work; whose skill or activity it is, before the proof. `keepExpired`: one whose `validUntil`
 * has passed still holds (a restore keeps what expired since it was added, shown expired).
 * Never throws.
 * @example const r = await checkEndorsement(await file.text(), subjects, Date.now(), key.did);
 */
export async function checkEndorsement(
  text: string,
  subjects: ReadonlyMap<string, string>,
  now: number,
  learner: string,
  options: { keepExpired?: boolean; activities?: ReadonlyMap<string, EndorsableActivity> } = {},
): Promise<EndorsementCheck> {
  if (typeof text !== 'string') return fail('not-json', 'no text');
  if (text.length > MAX_ENDORSEMENT_BYTES) return fail('too-large', `${text.length} characters`);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('not-json', e instanceof Error ? e.message : 'unreadable');
  }
  if (!isObject(doc)) return fail('not-endorsement', 'not a JSON object');
  const tooBig = structureProblem(doc, ENDORSEMENT_STRUCTURE);
  if (tooBig) return fail('too-complex', tooBig);
  const types = [doc.type].flat();
  const subject = doc.credentialSubject;
  const issuer = doc.issuer;
  if (
    !types.includes('EndorsementCredential') ||
    !isObject(subject) ||
    typeof subject.id !== 'string' ||
    typeof subject.endorsementComment !== 'string' ||
    !isObject(issuer) ||
    typeof issuer.id !== 'string' ||
    typeof issuer.name !== 'string' ||
    typeof doc.id !== 'string' ||
    typeof doc.validFrom !== 'string' ||
    !Number.isFinite(Date.parse(doc.validFrom)) ||
    (doc.validUntil !== undefined &&
      (typeof doc.validUntil !== 'string' || !Number.isFinite(Date.parse(doc.validUntil))))
  ) {
    return fail('not-endorsement', 'type, id, issuer, validFrom or credentialSubject missing');
  }
  if (isEarlierSubject(subject.id)) return fail('earlier-version', subject.id);
  // The subject names the learner's key: an endorsement of anyone else's skill stops here.
  if (achievementOwner(subject.id) !== learner) return fail('someone-else', subject.id);
  const activity = options.activities?.get(subject.id);
  const skillId = activity?.skillId ?? subjects.get(subject.id);
  if (!skillId) return fail('foreign-subject', subject.id);
  const proof = await verifyDataIntegrity(doc);
  if (!proof.ok) return fail('bad-proof', `${proof.key}: ${proof.detail}`);
  // A name is only a claim; the key that signed must at least be the issuer's own.
  if (proof.signer !== issuer.id) return fail('not-issuer', `${proof.signer} ≠ ${issuer.id}`);
  const issuedAt = Date.parse(doc.validFrom);
  if (issuedAt > now + CLOCK_SKEW_MS) return fail('not-yet-valid', doc.validFrom);
  const expired =
    typeof doc.validUntil === 'string' && Date.parse(doc.validUntil) < now - CLOCK_SKEW_MS;
  if (expired && !options.keepExpired) return fail('expired', String(doc.validUntil));
  const endorsement: Omit<Endorsement, 'id' | 'addedAt'> = {
    credentialId: doc.id,
    skillId,
    subjectId: subject.id,
    issuerName: issuer.name.slice(0, ENDORSEMENT_LIMITS.name),
    comment: subject.endorsementComment.slice(0, ENDORSEMENT_LIMITS.comment),
    issuedAt,
    credential: text,
    provenance: 'vouched',
  };
  if (activity) endorsement.sessionId = activity.sessionId;
  if (typeof doc.validUntil === 'string') endorsement.expiresAt = Date.parse(doc.validUntil);
  if (typeof issuer.description === 'string') {
    endorsement.issuerDescription = issuer.description.slice(0, ENDORSEMENT_LIMITS.description);
  }
  if (typeof issuer.email === 'string') {
    endorsement.issuerEmail = issuer.email.slice(0, ENDORSEMENT_LIMITS.email);
  }
  return { ok: true, endorsement, credential: doc as EndorsementCredential };
}
