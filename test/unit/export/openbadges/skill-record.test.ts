// @vitest-environment node
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentLoader } from '../../../../lib/credentials/document-loader';
import { decodeCompactJws } from '../../../../lib/credentials/jws';
import { checkCredential } from '../../../../lib/credentials/verify';
import { issueSkillRecords, type IssuedBadge } from '../../../../lib/export/openbadges/issue';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import type { Endorsement } from '../../../../lib/model';
import { recordScope } from '../../../../lib/portfolio/scope';
import { badgeKeys } from '../../../fixtures/badge-keys';
import { signedEndorsement, storedEndorsement } from '../../../fixtures/endorsement';
import { itWithSchema, obSchemaValidators } from '../../../fixtures/ob-schema';
import { SKILL, uid, weekFixture } from '../../../fixtures/week';
import type { BadgeKeys } from '../../../../lib/export/openbadges/issue';
import { describeCredential } from '../../../../lib/credentials/badge-view';
import { runVerify, type VerifyIo } from '../../../../tools/run-verify';

let keys: BadgeKeys;
let endorsement: Endorsement;

beforeAll(async () => {
  keys = await badgeKeys();
  const signed = await signedEndorsement({
    learnerDid: keys.didKey.did,
    skillId: SKILL.css,
    skillName: 'CSS',
    comment: 'Ada rebuilt our pricing page with grid.',
    now: weekFixture().now - 86_400_000,
  });
  endorsement = await storedEndorsement(signed.text, {
    learnerDid: keys.didKey.did,
    skillIds: Object.values(SKILL),
    id: uid(0x771),
  });
}, 120_000);

async function records(level: PrivacyLevel = 'full'): Promise<IssuedBadge[]> {
  const f = weekFixture();
  // A captured page, so the record holds more than one kind of session.
  const sessions = f.data.sessions.map((s, i) =>
    i === 0 ? { ...s, provenance: 'captured' as const } : s,
  );
  const scope = recordScope(
    { ...f.data, sessions, endorsements: [endorsement] },
    [SKILL.css, SKILL.frontEnd],
    { now: f.now, timeZone: f.timeZone },
  )!;
  const shared = prepareExport(scope.data, {
    start: scope.start,
    end: scope.end,
    timeZone: f.timeZone,
    weekStart: 1,
    level,
  });
  return issueSkillRecords(shared, [SKILL.css, SKILL.frontEnd, SKILL.crypto], keys, {
    learnerName: 'Ada Learner',
    now: f.now,
  });
}

const resultsOf = (c: IssuedBadge['credential']) =>
  Object.fromEntries(
    (c.credentialSubject.result ?? []).map((r) => [r.resultDescription.split('/').pop(), r.value]),
  );

describe('a skill record', () => {
  it('gives one record per chosen skill with evidence, and none for a skill not chosen', async () => {
    const list = await records();
    expect(list.map((r) => r.skillId)).toEqual([SKILL.css, SKILL.frontEnd]);
  }, 60_000);

  it('counts its evidence by provenance, never adding stated time into measured', async () => {
    const css = (await records()).find((r) => r.skillId === SKILL.css)!.credential;
    expect(css.name).toMatch(/^CSS — skill record, /);
    expect(resultsOf(css)).toMatchObject({
      'measured-minutes': '21',
      measured: '2',
      captured: '1',
      written: '3',
      vouched: '1',
    });
    expect(css.credentialSubject.narrative).toContain('21 min of measured learning');
    expect(css.credentialSubject.narrative).toContain(
      'Evidence: Measured: 2, Captured: 1, Written: 3, Vouched: 1.',
    );
    // Each result names a description the achievement holds.
    const described = new Set(
      css.credentialSubject.achievement.resultDescription!.map((d) => d.id),
    );
    for (const r of css.credentialSubject.result!) {
      expect(described.has(r.resultDescription)).toBe(true);
    }
    const criteria = css.credentialSubject.achievement.criteria.narrative;
    for (const words of [
      'Measured by Skilltrail',
      'Captured:',
      'Written by the learner',
      'Vouched for',
    ]) {
      expect(criteria).toContain(words);
    }
    expect(criteria).not.toContain('Stated by');
  }, 60_000);

  it('spans its evidence, first to latest, and lists the strongest items first', async () => {
    const css = (await records()).find((r) => r.skillId === SKILL.css)!.credential;
    // The first evidence is the week before's; the latest, the follow-up's answer.
    expect(css.credentialSubject.activityStartDate).toBe('2026-11-22T23:50:00.000+01:00');
    expect(css.credentialSubject.activityEndDate).toBe('2026-11-29T20:30:00.000+01:00');
    const genres = css.evidence!.map((e) => e.genre);
    // Where it was used (a follow-up) first, then the session with a reflection.
    expect(css.evidence![0]!.name).toBe('Where CSS was used');
    expect(genres[0]).toBe('written');
    expect(css.evidence![1]!.narrative).toContain('Reflection:');
    expect(new Set(genres)).toEqual(new Set(['written', 'captured', 'measured']));
    expect(css.endorsement).toHaveLength(1);
  }, 60_000);

  it('keeps its counts at totals, where no session is shared', async () => {
    const css = (await records('totals')).find((r) => r.skillId === SKILL.css)!.credential;
    expect(css.evidence).toBeUndefined();
    expect(resultsOf(css)).toMatchObject({ measured: '2', captured: '1', vouched: '1' });
  }, 60_000);

  it('holds in both proof forms, and an edited character breaks it', async () => {
    const css = (await records()).find((r) => r.skillId === SKILL.css)!;
    expect(await checkCredential(css.credential, { now: Date.now() })).toMatchObject({
      status: 'valid',
    });
    expect(await checkCredential(css.jws, { now: Date.now() })).toMatchObject({ status: 'valid' });
    const edited = structuredClone(css.credential);
    edited.evidence![1]!.narrative = edited.evidence![1]!.narrative!.replace('G', 'g');
    expect(await checkCredential(edited, { now: Date.now() })).toMatchObject({
      status: 'invalid',
    });
  }, 60_000);

  it('passes verifier-core, Digital Bazaar’s vc and JSON-LD safe mode', async () => {
    const css = (await records()).find((r) => r.skillId === SKILL.css)!.credential;
    await jsonld.expand(structuredClone(css) as never, { documentLoader, safe: true } as never);
    const fetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('offline'));
    try {
      const core = (await verifierCore({
        credential: css as never,
        knownDIDRegistries: [],
      })) as { log?: { id: string; valid: boolean }[] };
      expect(core.log?.find((s) => s.id === 'valid_signature')?.valid, JSON.stringify(core)).toBe(
        true,
      );
    } finally {
      globalThis.fetch = fetch;
    }
    const suite = new DataIntegrityProof({ cryptosuite });
    const r = await vc.verifyCredential({ credential: css, suite, documentLoader });
    expect(r.verified, JSON.stringify(r.error)).toBe(true);
  }, 120_000);

  itWithSchema(
    'passes the 1EdTech schema in both forms',
    async () => {
      const { credential: validate } = obSchemaValidators();
      for (const r of await records()) {
        for (const payload of [r.credential, decodeCompactJws(r.jws)!.payload]) {
          expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
        }
      }
    },
    60_000,
  );

  it('the Verify view and npm run verify read its counts, and its signature holds', async () => {
    const css = (await records()).find((r) => r.skillId === SKILL.css)!.credential;
    expect(describeCredential(css).results).toContainEqual({
      name: 'Pieces of evidence: Captured',
      value: '1',
    });
    const out: string[] = [];
    const io: VerifyIo = {
      readFile: async () => JSON.stringify(css),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      schemaNote: 'not in this test',
    };
    expect(await runVerify(['css-record.json'], io)).toBe(0);
    expect(out.join('\n')).toContain('result:    Measured active time, in minutes: 21');
  }, 60_000);
});
