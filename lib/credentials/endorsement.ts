/**
 * Open Badges 3.0 endorsements: someone who saw the learner's work vouches for one of the
 * learner's skills in an `EndorsementCredential` they sign with their own `did:key`
 * (`eddsa-rdfc-2022`, the proof of the learner's badges). `buildEndorsement` makes the
 * unsigned credential the endorser signs; `checkEndorsement` decides whether a file the
 * learner received may join the record: JSON, an endorsement, a valid proof by its own
 * issuer, about one of the learner's own skills. It says only what the endorser wrote, and
 * the endorser's name is their own claim.
 *
 * Heavy through `data-integrity.ts`: load this with `import()` where it is used.
 */
import type { Endorsement } from '../model';
import { verifyDataIntegrity } from './data-integrity';
import { OB_CONTEXT } from './ob-context';

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
  issuer: { id: string; type: ['Profile']; name: string; description?: string; email?: string };
  validFrom: string;
  credentialSubject: { id: string; type: ['EndorsementSubject']; endorsementComment: string };
  proof?: unknown;
  [key: string]: unknown;
}

/**
 * The unsigned endorsement of `subjectId` (the learner's achievement or credential id) by
 * `issuerId` (the endorser's `did:key`), as the endorser gave their name and words.
 * @example buildEndorsement({ subjectId, subjectName: 'CSS', issuerId: did, endorser, comment, now, id })
 */
export function buildEndorsement(input: {
  subjectId: string;
  subjectName: string;
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
    name: `Endorsement of ${input.subjectName}`.slice(0, ENDORSEMENT_LIMITS.name),
    issuer,
    validFrom: new Date(Math.floor(input.now / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    credentialSubject: {
      id: input.subjectId,
      type: ['EndorsementSubject'],
      endorsementComment: input.comment.trim().slice(0, ENDORSEMENT_LIMITS.comment),
    },
  };
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
  | 'bad-proof'
  | 'not-issuer'
  | 'foreign-subject'
  | 'not-yet-valid';

/** What the learner is told (English; the dashboard shows its own words per key). */
export const ENDORSEMENT_ERROR_TEXT: Readonly<
  Record<EndorsementErrorKey | 'already-added', string>
> = {
  'already-added': 'This endorsement is already in your record.',
  'too-large': 'This file is too large to be an endorsement.',
  'not-json': 'This file is not an endorsement: it is not JSON, or it is cut short.',
  'not-endorsement': 'This file is not an Open Badges endorsement.',
  'bad-proof': 'The signature on this endorsement does not hold: it was changed after signing.',
  'not-issuer': 'This endorsement was signed by someone other than the endorser it names.',
  'foreign-subject': 'This endorsement is about a skill or badge that is not yours.',
  'not-yet-valid': 'This endorsement is dated in the future.',
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
  | { ok: true; endorsement: Endorsement; skillName: string }
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

/**
 * Checks a received endorsement file. `subjects` maps every id the learner may be
 * endorsed for (each skill's achievement id, each badge id) to the skill it belongs to.
 * Never throws.
 * @example const r = await checkEndorsement(await file.text(), subjects, Date.now());
 */
export async function checkEndorsement(
  text: string,
  subjects: ReadonlyMap<string, string>,
  now: number,
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
    !Number.isFinite(Date.parse(doc.validFrom))
  ) {
    return fail('not-endorsement', 'type, id, issuer, validFrom or credentialSubject missing');
  }
  const skillId = subjects.get(subject.id);
  if (!skillId) return fail('foreign-subject', subject.id);
  const proof = await verifyDataIntegrity(doc);
  if (!proof.ok) return fail('bad-proof', `${proof.key}: ${proof.detail}`);
  // A name is only a claim; the key that signed must at least be the issuer's own.
  if (proof.signer !== issuer.id) return fail('not-issuer', `${proof.signer} ≠ ${issuer.id}`);
  const issuedAt = Date.parse(doc.validFrom);
  if (issuedAt > now + 5 * 60_000) return fail('not-yet-valid', doc.validFrom);
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
  if (typeof issuer.description === 'string') {
    endorsement.issuerDescription = issuer.description.slice(0, ENDORSEMENT_LIMITS.description);
  }
  if (typeof issuer.email === 'string') {
    endorsement.issuerEmail = issuer.email.slice(0, ENDORSEMENT_LIMITS.email);
  }
  return { ok: true, endorsement, credential: doc as EndorsementCredential };
}
