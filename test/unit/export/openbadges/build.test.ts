// @vitest-environment node
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { decodeCompactJws } from '../../../../lib/credentials/jws';
import { OB_CONTEXT } from '../../../../lib/credentials/ob-context';
import { buildBadgeCredentials } from '../../../../lib/export/openbadges/build';
import { OB_CREDENTIAL_SCHEMA } from '../../../../lib/export/openbadges/credential';
import { PRIVACY_LEVELS } from '../../../../lib/export/privacy';
import { itWithSchema, OB_SCHEMA_PATH, obSchemaText } from '../../../fixtures/ob-schema';
import { SKILL } from '../../../fixtures/week';
import { BADGE_NOW, learnerForFile, weekBadges, weekShared } from '../../../fixtures/week-badges';

const learner = learnerForFile();

describe('Open Badges credentials', () => {
  itWithSchema.each(PRIVACY_LEVELS)(
    'every credential passes the 1EdTech OB 3.0 schema at %s',
    async (level) => {
      if (!obSchemaText)
        throw new Error(`Missing ${OB_SCHEMA_PATH}: the 1EdTech schema is required in CI.`);
      const ajv = new Ajv2019({ strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(obSchemaText) as object);
      expect(validate({ type: ['VerifiableCredential'] })).toBe(false);
      const list = await weekBadges(learner.keys, level);
      expect(list).toHaveLength(3);
      for (const b of list) {
        // Validate what a verifier sees: the signed payload.
        const payload = decodeCompactJws(b.jws)!.payload;
        const ok = validate(payload);
        expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
        expect(ok).toBe(true);
      }
    },
  );

  it('issues one self-asserted credential per skill with activity', async () => {
    const list = await weekBadges(learner.keys);
    expect(list.map((b) => b.skillId)).toEqual([SKILL.frontEnd, SKILL.css, SKILL.crypto]);
    const css = list.find((b) => b.skillId === SKILL.css)!.credential;
    expect(css['@context']).toEqual([...OB_CONTEXT]);
    expect(css.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(css.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(css.issuer).toEqual({ id: learner.did, type: ['Profile'], name: 'Ada Learner' });
    expect(css.credentialSubject.id).toBe(learner.did);
    expect(css.validFrom).toBe('2026-11-30T08:00:00Z');
    expect(css.name).toBe('CSS — week 2026-W48');
    expect(css.credentialSubject.activityStartDate).toBe('2026-11-23T00:00:00.000+01:00');
    expect(css.credentialSubject.activityEndDate).toBe('2026-11-29T23:59:59.999+01:00');
    expect(css.credentialSubject.narrative).toBe(
      'In week 2026-W48 I spent 16 min of active learning on CSS across 2 sessions: 5 pages read on 3 sites, 2 searches, 1 reflection.',
    );
    expect(css.credentialSubject.achievement).toMatchObject({
      // Qualified by the learner's key: endorsements of it count for this learner only.
      id: `${learner.did}/skills/${SKILL.css}`,
      type: ['Achievement'],
      achievementType: 'Competency',
      name: 'CSS',
      description: 'Cascading Style Sheets: layout, selectors and the cascade.',
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'CSS',
          targetUrl: 'http://data.europa.eu/esco/skill/a2b1c3d4-0000-4000-8000-00000000c551',
          targetType: 'ceasn:Competency',
          targetFramework: 'ESCO',
        },
      ],
    });
    expect(css.credentialSubject.achievement.criteria.narrative).toMatch(/active reading time/);
    expect(css.credentialSchema).toEqual([OB_CREDENTIAL_SCHEMA]);
    const frontEnd = list[0]!.credential;
    expect(frontEnd.credentialSubject.achievement.alignment).toBeUndefined();
  });

  it('is deterministic: the same week, key and time give the same credentials', async () => {
    const a = await weekBadges(learner.keys);
    const b = await weekBadges(learner.keys);
    expect(b.map((x) => x.jws)).toEqual(a.map((x) => x.jws));
    const ids = (
      await buildBadgeCredentials(weekShared('titles'), { issuerId: learner.did, now: BADGE_NOW })
    ).map((c) => c.id);
    // Another privacy level says less: it is another credential.
    expect(ids.some((id) => a.some((x) => x.credential.id === id))).toBe(false);
  });
});
