// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { compactVerify, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBadgesFile } from '../../../lib/credentials/badges-file';
import { decodeCompactJws } from '../../../lib/credentials/jws';
import { verifyCredential } from '../../../lib/credentials/vc-jwt';
import { IRI_BASE } from '../../../lib/export/iri';
import {
  badgesHtmlFile,
  badgesJsonFile,
  buildBadgeCredentials,
  issueBadges,
  OB_CONTEXT,
  OB_CREDENTIAL_SCHEMA,
  type BadgeKeys,
  type IssuedBadge,
} from '../../../lib/export/openbadges';
import { prepareExport, PRIVACY_LEVELS, type PrivacyLevel } from '../../../lib/export/privacy';
import { badgeKeys } from '../../fixtures/badge-keys';
import { HOSTILE_TITLE, SKILL, weekFixture } from '../../fixtures/week';

/** The 1EdTech schema lives beside the repository, in ../shared/schemas. */
const OB_SCHEMA_PATH = fileURLToPath(
  new URL('../../../../shared/schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url),
);
const schemaText = existsSync(OB_SCHEMA_PATH) ? readFileSync(OB_SCHEMA_PATH, 'utf8') : undefined;
// In CI a missing schema is a failure; on a laptop without the shared folder, a skip.
const itWithSchema = schemaText || process.env.CI ? it : it.skip;

let keys: BadgeKeys;
let did: string;
const NOW = Date.UTC(2026, 10, 30, 8, 0, 0, 345);

beforeAll(async () => {
  keys = await badgeKeys();
  did = keys.didKey.did;
}, 60_000);

function shared(level: PrivacyLevel = 'full') {
  const f = weekFixture();
  return prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
}

async function badges(level: PrivacyLevel = 'full'): Promise<IssuedBadge[]> {
  return issueBadges(shared(level), keys, { learnerName: 'Ada Learner', now: NOW });
}

describe('Open Badges credentials', () => {
  itWithSchema.each(PRIVACY_LEVELS)(
    'every credential passes the 1EdTech OB 3.0 schema at %s',
    async (level) => {
      if (!schemaText)
        throw new Error(`Missing ${OB_SCHEMA_PATH}: the 1EdTech schema is required in CI.`);
      const ajv = new Ajv2019({ strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(schemaText) as object);
      expect(validate({ type: ['VerifiableCredential'] })).toBe(false);
      const list = await badges(level);
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
    const list = await badges();
    expect(list.map((b) => b.skillId)).toEqual([SKILL.frontEnd, SKILL.css, SKILL.crypto]);
    const css = list.find((b) => b.skillId === SKILL.css)!.credential;
    expect(css['@context']).toEqual([...OB_CONTEXT]);
    expect(css.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(css.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(css.issuer).toEqual({ id: did, type: ['Profile'], name: 'Ada Learner' });
    expect(css.credentialSubject.id).toBe(did);
    expect(css.validFrom).toBe('2026-11-30T08:00:00Z');
    expect(css.name).toBe('CSS — week 2026-W48');
    expect(css.credentialSubject.activityStartDate).toBe('2026-11-23T00:00:00.000+01:00');
    expect(css.credentialSubject.activityEndDate).toBe('2026-11-29T23:59:59.999+01:00');
    expect(css.credentialSubject.narrative).toBe(
      'In week 2026-W48 I spent 16 min of active learning on CSS across 2 sessions: 5 pages read on 3 sites, 2 searches, 1 reflection.',
    );
    expect(css.credentialSubject.achievement).toMatchObject({
      id: `${IRI_BASE}/skills/${SKILL.css}`,
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

  it('gives one evidence entry per session, as the privacy level allows', async () => {
    const full = (await badges('full')).find((b) => b.skillId === SKILL.css)!.credential;
    expect(full.evidence).toHaveLength(4);
    expect(full.evidence![0]).toEqual({
      type: ['Evidence'],
      id: 'https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout',
      name: 'CSS grid layout - CSS | MDN',
      description: 'Reading · 2026-11-23 09:15 · 9 min active · 2 pages',
      genre: 'Reading',
      narrative:
        'Reflection: Grid areas name regions; grid-template-areas draws the layout as text.',
    });
    expect(full.evidence![1]!.narrative).toBe(
      'Searches: “css grid vs flexbox”, “css grid auto-fill vs auto-fit”',
    );
    // The answered follow-up: what stayed, and where it was used with a link to the work.
    expect(full.evidence!.slice(2)).toEqual([
      {
        type: ['Evidence'],
        name: 'What stayed of CSS',
        description: 'Written 2026-11-29 20:30, some days after 1 session',
        genre: 'Recall',
        narrative:
          'Grid areas name regions; <b>subgrid</b> passes tracks down.\nminmax() sets limits.',
      },
      {
        type: ['Evidence'],
        id: 'https://github.com/example/site/pull/42',
        name: 'Where CSS was used',
        description: 'Written 2026-11-29 20:30, some days after 1 session',
        genre: 'Application',
        narrative: 'Rebuilt the *pricing* page layout with grid | no floats left',
      },
    ]);
    // A dismissed follow-up is evidence of nothing.
    const frontEnd = (await badges('full')).find((b) => b.skillId === SKILL.frontEnd)!.credential;
    expect(frontEnd.evidence!.map((e) => e.genre)).not.toContain('Recall');
    const titles = (await badges('titles')).find((b) => b.skillId === SKILL.css)!.credential;
    expect(titles.evidence).toHaveLength(2);
    expect(titles.evidence![0]).toEqual({
      type: ['Evidence'],
      name: 'CSS grid layout - CSS | MDN',
      description: 'Reading · 2026-11-23 09:15 · 9 min active · 2 pages · developer.mozilla.org',
      genre: 'Reading',
    });
    const sites = (await badges('sites')).find((b) => b.skillId === SKILL.css)!.credential;
    expect(sites.evidence!.map((e) => e.name)).toEqual([
      'Reading on developer.mozilla.org',
      'Web search on google.com',
    ]);
    const totals = await badges('totals');
    expect(totals.every((b) => b.credential.evidence === undefined)).toBe(true);
    expect(totals[1]!.credential.credentialSubject.narrative).toBe(
      'In week 2026-W48 I spent 16 min of active learning on CSS across 2 sessions: 5 pages read, 2 searches.',
    );
  });

  it('never uses a javascript: or data: URL as evidence id', async () => {
    for (const b of await badges('full')) {
      for (const e of b.credential.evidence ?? []) if (e.id) expect(e.id).toMatch(/^https?:\/\//);
    }
  });

  it('signs every credential so that our verifier and jose both accept it', async () => {
    for (const b of await badges()) {
      const r = await verifyCredential(b.jws, { now: NOW });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.credential).toEqual(b.credential);
      expect(r.evidence).toEqual(b.credential.evidence ?? []);
      const header = decodeCompactJws(b.jws)!.header;
      expect(Object.keys(header).sort()).toEqual(['alg', 'jwk', 'typ']);
      const { payload } = await compactVerify(b.jws, await importJWK(header.jwk as never, 'RS256'));
      expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
        iss: did,
        sub: did,
        jti: b.credential.id,
        nbf: Math.floor(NOW / 1000),
      });
    }
  });

  it('is deterministic: the same week, key and time give the same credentials', async () => {
    const a = await badges();
    const b = await badges();
    expect(b.map((x) => x.jws)).toEqual(a.map((x) => x.jws));
    const ids = (await buildBadgeCredentials(shared('titles'), { issuerId: did, now: NOW })).map(
      (c) => c.id,
    );
    // Another privacy level says less: it is another credential.
    expect(ids.some((id) => a.some((x) => x.credential.id === id))).toBe(false);
  });
});

describe('badges files', () => {
  it('writes a JSON document of compact JWS credentials that the verifier reads back', async () => {
    const list = await badges();
    const file = badgesJsonFile(shared(), list, did);
    expect(file.filename).toBe('skilltrail-2026-W48-badges.json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toMatchObject({
      format: 'skilltrail-badges',
      version: 2,
      issuer: did,
      period: '2026-W48',
    });
    expect(parseBadgesFile(file.content)).toEqual({
      ok: true,
      credentials: list.flatMap((b) => [b.credential, b.jws]),
    });
  });

  it('writes a readable page with escaped evidence and the signed credentials', async () => {
    const list = await badges();
    const file = badgesHtmlFile(shared(), list);
    expect(file.filename).toBe('skilltrail-2026-W48-badges.html');
    expect(file.content).not.toContain(HOSTILE_TITLE);
    expect(file.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(file.content).not.toMatch(/<(script|img|iframe)/i);
    expect(file.content).not.toMatch(/href="javascript:/i);
    // The only data: links are the wallet files, one per badge.
    const dataLinks = [...file.content.matchAll(/href="(data:[^"]*)"/g)].map((m) => m[1]!);
    expect(dataLinks).toHaveLength(list.length);
    for (const link of dataLinks) expect(link).toMatch(/^data:application\/json;charset=utf-8,/);
    for (const b of list) expect(file.content).toContain(b.jws);
    expect(file.content).toContain('Front-end development — week 2026-W48');
    expect(badgesHtmlFile(shared(), []).content).toContain('no badges');
  });
});
