// @vitest-environment node
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithSchema, obSchemaValidators } from '../../fixtures/ob-schema';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { didKeyFromPair, type DidKey } from '../../../lib/credentials/did-key';
import {
  buildEndorsement,
  checkEndorsement,
  type EndorsementCredential,
} from '../../../lib/credentials/endorsement';
import { learnerAchievementId } from '../../../lib/credentials/learner-binding';
import { skillIri } from '../../../lib/export/iri';

const NOW = Date.UTC(2026, 11, 1, 18, 30);
const SKILL_ID = 'k-css';
/** The learner's `did:key` (a fixed one: only its text matters here). */
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const OTHER_LEARNER = 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG';
const SUBJECTS = new Map([[learnerAchievementId(LEARNER, SKILL_ID), SKILL_ID]]);

let mentor: DidKey;
let stranger: DidKey;
let signed: EndorsementCredential;

async function freshKey(): Promise<DidKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return didKeyFromPair(pair);
}

function endorsement(issuerId: string, subjectId = learnerAchievementId(LEARNER, SKILL_ID)) {
  return buildEndorsement({
    subjectId,
    subjectName: 'CSS',
    learnerName: 'Ada Lovelace',
    issuerId,
    endorser: {
      name: 'Grace Mentor <b>',
      description: 'Tech lead at Example Ltd; reviewed her pull requests',
      email: 'grace@example.org',
    },
    comment: 'Ada rebuilt our pricing page with **grid**; clean and accessible.',
    now: NOW,
    id: 'urn:uuid:5f0c7e64-3f0c-4b7e-9a51-1d6e2c9b7a10',
  });
}

beforeAll(async () => {
  mentor = await freshKey();
  stranger = await freshKey();
  signed = (await signDataIntegrity(endorsement(mentor.did), mentor.signer, {
    now: NOW,
  })) as EndorsementCredential;
}, 60_000);

describe('endorsements', () => {
  it('builds an OB 3.0 EndorsementCredential with the endorser’s own words', () => {
    const c = endorsement(mentor.did);
    expect(c.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(c.credentialSubject).toEqual({
      id: `${LEARNER}/skills/${SKILL_ID}`,
      type: ['EndorsementSubject'],
      endorsementComment: 'Ada rebuilt our pricing page with **grid**; clean and accessible.',
    });
    expect(c.issuer).toEqual({
      id: mentor.did,
      type: ['Profile'],
      name: 'Grace Mentor <b>',
      description: 'Tech lead at Example Ltd; reviewed her pull requests',
      email: 'grace@example.org',
    });
    expect(c.validFrom).toBe('2026-12-01T18:30:00Z');
    // Whoever reads it sees whose work: the learner's name and key.
    expect(c.description).toBe(
      `Grace Mentor <b> endorses Ada Lovelace (${LEARNER}) for the skill “CSS”.`,
    );
  });

  it('accepts a valid endorsement of one of the learner’s skills', async () => {
    const text = JSON.stringify(signed);
    const r = await checkEndorsement(text, SUBJECTS, NOW + 60_000, LEARNER);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.endorsement).toEqual({
      credentialId: signed.id,
      skillId: SKILL_ID,
      subjectId: learnerAchievementId(LEARNER, SKILL_ID),
      issuerName: 'Grace Mentor <b>',
      issuerDescription: 'Tech lead at Example Ltd; reviewed her pull requests',
      issuerEmail: 'grace@example.org',
      comment: 'Ada rebuilt our pricing page with **grid**; clean and accessible.',
      issuedAt: NOW,
      credential: text,
      provenance: 'vouched',
    });
  }, 30_000);

  it('refuses an edited comment, an edited name and a proof taken from another endorsement', async () => {
    const edited = structuredClone(signed);
    edited.credentialSubject.endorsementComment = 'Ada is the best engineer I have ever seen.';
    expect(await checkEndorsement(JSON.stringify(edited), SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    const renamed = structuredClone(signed);
    renamed.issuer.name = 'Linus Torvalds';
    expect(await checkEndorsement(JSON.stringify(renamed), SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    const other = await signDataIntegrity(
      { ...endorsement(mentor.did), id: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
      mentor.signer,
      { now: NOW },
    );
    const grafted = { ...structuredClone(signed), proof: other.proof };
    expect(await checkEndorsement(JSON.stringify(grafted), SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
  }, 60_000);

  it('refuses a valid signature by a key that is not the named endorser’s', async () => {
    const wrong = await signDataIntegrity(endorsement(mentor.did), stranger.signer, { now: NOW });
    expect(await checkEndorsement(JSON.stringify(wrong), SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'not-issuer',
    });
  }, 30_000);

  it('refuses an endorsement of someone else’s skill, and files that are no endorsement', async () => {
    const foreign = await signDataIntegrity(
      endorsement(mentor.did, learnerAchievementId(LEARNER, 'a-skill-not-in-the-record')),
      mentor.signer,
      { now: NOW },
    );
    expect(await checkEndorsement(JSON.stringify(foreign), SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'foreign-subject',
    });
    expect(await checkEndorsement('{"type": ["Endorsement', SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'not-json',
    });
    expect(await checkEndorsement('[1, 2]', SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'not-endorsement',
    });
    const unsigned = JSON.stringify(endorsement(mentor.did));
    expect(await checkEndorsement(unsigned, SUBJECTS, NOW, LEARNER)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    expect(
      await checkEndorsement(JSON.stringify(signed), SUBJECTS, NOW - 86_400_000, LEARNER),
    ).toMatchObject({ ok: false, key: 'not-yet-valid' });
  }, 30_000);

  it('refuses an endorsement of another learner’s skill of the same id: someone else’s work', async () => {
    const lifted = await signDataIntegrity(
      endorsement(mentor.did, learnerAchievementId(OTHER_LEARNER, SKILL_ID)),
      mentor.signer,
      { now: NOW },
    );
    // Their own proof holds: only whose skill it is tells them apart.
    const r = await checkEndorsement(JSON.stringify(lifted), SUBJECTS, NOW, LEARNER);
    expect(r).toMatchObject({
      ok: false,
      key: 'someone-else',
      message: 'This endorsement is about someone else’s work.',
    });
    // Listed among the subjects by mistake, it is still someone else's.
    const both = new Map([...SUBJECTS, [learnerAchievementId(OTHER_LEARNER, SKILL_ID), SKILL_ID]]);
    expect(await checkEndorsement(JSON.stringify(lifted), both, NOW, LEARNER)).toMatchObject({
      key: 'someone-else',
    });
  }, 30_000);

  it('refuses an endorsement made before subjects named the learner: ask again', async () => {
    const earlier = await signDataIntegrity(
      endorsement(mentor.did, skillIri(SKILL_ID)),
      mentor.signer,
      {
        now: NOW,
      },
    );
    expect(
      await checkEndorsement(
        JSON.stringify(earlier),
        new Map([[skillIri(SKILL_ID), SKILL_ID]]),
        NOW,
        LEARNER,
      ),
    ).toMatchObject({
      ok: false,
      key: 'earlier-version',
      message: expect.stringMatching(/ask again/),
    });
  }, 30_000);

  it('refuses an expired endorsement and keeps when one expires', async () => {
    const until = { ...endorsement(mentor.did), validUntil: '2026-12-05T00:00:00Z' };
    const dated = await signDataIntegrity(until, mentor.signer, { now: NOW });
    const ok = await checkEndorsement(JSON.stringify(dated), SUBJECTS, NOW, LEARNER);
    expect(ok.ok && ok.endorsement.expiresAt).toBe(Date.parse('2026-12-05T00:00:00Z'));
    expect(
      await checkEndorsement(JSON.stringify(dated), SUBJECTS, Date.UTC(2026, 11, 6), LEARNER),
    ).toMatchObject({ ok: false, key: 'expired' });
  }, 30_000);

  it('refuses a hostile file of 9,000 empty evidence entries in well under a second, before any JSON-LD', async () => {
    const hostile = {
      ...structuredClone(signed),
      evidence: Array.from({ length: 9_000 }, () => ({ type: ['Evidence'], name: '' })),
    };
    const text = JSON.stringify(hostile);
    expect(text.length).toBeGreaterThan(250_000);
    expect(text.length).toBeLessThan(300_000);
    const started = performance.now();
    const r = await checkEndorsement(text, SUBJECTS, NOW, LEARNER);
    const ms = performance.now() - started;
    expect(r).toMatchObject({ ok: false, key: 'too-complex' });
    expect(ms).toBeLessThan(250);
    const deep = JSON.stringify({
      ...structuredClone(signed),
      evidence: JSON.parse('['.repeat(40) + ']'.repeat(40)),
    });
    expect(await checkEndorsement(deep, SUBJECTS, NOW, LEARNER)).toMatchObject({
      key: 'too-complex',
    });
  }, 30_000);

  it('is checked valid by verifier-core, offline; an edited copy is not', async () => {
    const ok = (await verifierCore({ credential: signed as never, knownDIDRegistries: [] })) as {
      log?: { id: string; valid: boolean }[];
      errors?: unknown[];
    };
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
    const edited = structuredClone(signed);
    edited.credentialSubject.endorsementComment += '!';
    const bad = (await verifierCore({ credential: edited as never, knownDIDRegistries: [] })) as {
      log?: { id: string; valid: boolean }[];
    };
    expect(bad.log?.find((s) => s.id === 'valid_signature')?.valid ?? false).toBe(false);
  }, 60_000);

  itWithSchema('passes the 1EdTech schema’s EndorsementCredential definition', () => {
    const { endorsement: validate } = obSchemaValidators();
    expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    // The definition does check: without a comment's subject type it fails.
    const broken = { ...structuredClone(signed), credentialSubject: { id: 'x' } };
    expect(validate(broken)).toBe(false);
  });
});
