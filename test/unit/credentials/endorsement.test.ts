// @vitest-environment node
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithSchema, OB_SCHEMA_PATH, obSchemaText } from '../../fixtures/ob-schema';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { didKeyFromPair, type DidKey } from '../../../lib/credentials/did-key';
import {
  buildEndorsement,
  checkEndorsement,
  type EndorsementCredential,
} from '../../../lib/credentials/endorsement';
import { skillIri } from '../../../lib/export/iri';

const NOW = Date.UTC(2026, 11, 1, 18, 30);
const SKILL_ID = 'k-css';
const SUBJECTS = new Map([[skillIri(SKILL_ID), SKILL_ID]]);

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

function endorsement(issuerId: string, subjectId = skillIri(SKILL_ID)) {
  return buildEndorsement({
    subjectId,
    subjectName: 'CSS',
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
      id: skillIri(SKILL_ID),
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
  });

  it('accepts a valid endorsement of one of the learner’s skills', async () => {
    const text = JSON.stringify(signed);
    const r = await checkEndorsement(text, SUBJECTS, NOW + 60_000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.endorsement).toEqual({
      credentialId: signed.id,
      skillId: SKILL_ID,
      subjectId: skillIri(SKILL_ID),
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
    expect(await checkEndorsement(JSON.stringify(edited), SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    const renamed = structuredClone(signed);
    renamed.issuer.name = 'Linus Torvalds';
    expect(await checkEndorsement(JSON.stringify(renamed), SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    const other = await signDataIntegrity(
      { ...endorsement(mentor.did), id: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
      mentor.signer,
      { now: NOW },
    );
    const grafted = { ...structuredClone(signed), proof: other.proof };
    expect(await checkEndorsement(JSON.stringify(grafted), SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
  }, 60_000);

  it('refuses a valid signature by a key that is not the named endorser’s', async () => {
    const wrong = await signDataIntegrity(endorsement(mentor.did), stranger.signer, { now: NOW });
    expect(await checkEndorsement(JSON.stringify(wrong), SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'not-issuer',
    });
  }, 30_000);

  it('refuses an endorsement of someone else’s skill, and files that are no endorsement', async () => {
    const foreign = await signDataIntegrity(
      endorsement(mentor.did, skillIri('someone-elses-skill')),
      mentor.signer,
      { now: NOW },
    );
    expect(await checkEndorsement(JSON.stringify(foreign), SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'foreign-subject',
    });
    expect(await checkEndorsement('{"type": ["Endorsement', SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'not-json',
    });
    expect(await checkEndorsement('[1, 2]', SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'not-endorsement',
    });
    const unsigned = JSON.stringify(endorsement(mentor.did));
    expect(await checkEndorsement(unsigned, SUBJECTS, NOW)).toMatchObject({
      ok: false,
      key: 'bad-proof',
    });
    expect(
      await checkEndorsement(JSON.stringify(signed), SUBJECTS, NOW - 86_400_000),
    ).toMatchObject({ ok: false, key: 'not-yet-valid' });
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
    if (!obSchemaText) throw new Error(`Missing ${OB_SCHEMA_PATH}: required in CI.`);
    const ajv = new Ajv2019({ strict: false });
    addFormats(ajv);
    const schema = JSON.parse(obSchemaText) as { $id: string };
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${schema.$id}#/$defs/EndorsementCredential`)!;
    expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    // The definition does check: without a comment's subject type it fails.
    const broken = { ...structuredClone(signed), credentialSubject: { id: 'x' } };
    expect(validate(broken)).toBe(false);
  });
});
