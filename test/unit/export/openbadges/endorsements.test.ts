// @vitest-environment node
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithSchema, obSchemaText, obSchemaValidators } from '../../../fixtures/ob-schema';
import { documentLoader } from '../../../../lib/credentials/document-loader';
import { decodeCompactJws } from '../../../../lib/credentials/jws';
import { signDataIntegrity } from '../../../../lib/credentials/data-integrity';
import { learnerAchievementId } from '../../../../lib/credentials/learner-binding';
import { checkCredential } from '../../../../lib/credentials/verify';
import { runVerify, type VerifyIo } from '../../../../tools/run-verify';
import { exportHtml } from '../../../../lib/export/html';
import { exportMarkdown } from '../../../../lib/export/markdown';
import {
  issueBadges,
  type BadgeKeys,
  type IssuedBadge,
} from '../../../../lib/export/openbadges/issue';
import { badgesJsonFile } from '../../../../lib/export/openbadges/json-files';
import { badgesHtmlFile } from '../../../../lib/export/openbadges/page';
import { prepareExport, type PrivacyLevel } from '../../../../lib/export/privacy';
import type { Endorsement } from '../../../../lib/model';
import { badgeKeys } from '../../../fixtures/badge-keys';
import {
  editedEndorsement,
  MENTOR,
  signedEndorsement,
  storedEndorsement,
  type SignedEndorsement,
} from '../../../fixtures/endorsement';
import { SKILL, uid, weekFixture } from '../../../fixtures/week';

const COMMENT = 'Ada rebuilt our <script>alert(1)</script> pricing page with **grid** | [link](x)';

let keys: BadgeKeys;
let css: SignedEndorsement;
let older: SignedEndorsement;
let frontEnd: SignedEndorsement;
let records: Endorsement[];

/** The record the store keeps for a file that passed its check (holding `text` as its file). */
async function record(e: SignedEndorsement, n: number, text = e.text): Promise<Endorsement> {
  const stored = await storedEndorsement(e.text, {
    learnerDid: keys.didKey.did,
    skillIds: Object.values(SKILL),
    id: uid(0x700 + n),
  });
  return { ...stored, credential: text };
}

beforeAll(async () => {
  const f = weekFixture();
  keys = await badgeKeys();
  const learnerDid = keys.didKey.did;
  css = await signedEndorsement({
    learnerDid,
    skillId: SKILL.css,
    skillName: 'CSS',
    comment: COMMENT,
    now: f.now - 86_400_000,
  });
  older = await signedEndorsement({
    learnerDid,
    skillId: SKILL.css,
    skillName: 'CSS',
    endorser: { name: 'Linus Example' },
    comment: 'Good work on the layout.',
    now: f.now - 5 * 86_400_000,
  });
  frontEnd = await signedEndorsement({
    learnerDid,
    skillId: SKILL.frontEnd,
    skillName: 'Front-end development',
    now: f.now - 2 * 86_400_000,
  });
  records = [
    await record(css, 1),
    await record(older, 2),
    await record(frontEnd, 3),
    // Restored from a backup someone edited: never embedded, never shown as signed.
    {
      ...(await record(older, 4)),
      credentialId: 'urn:uuid:edited',
      credential: editedEndorsement(older.text, 'Edited.'),
    },
  ];
}, 120_000);

function shared(level: PrivacyLevel = 'full') {
  const f = weekFixture();
  const data = { ...f.data, endorsements: records };
  return prepareExport(data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
}

async function issued(level: PrivacyLevel = 'full'): Promise<IssuedBadge[]> {
  return issueBadges(shared(level), keys, { learnerName: 'Ada Learner', now: weekFixture().now });
}

function badgeOf(badges: IssuedBadge[], skillId: string): IssuedBadge {
  return badges.find((b) => b.skillId === skillId)!;
}

describe('endorsements in the exports', () => {
  it('embeds each skill’s endorsements in its badge exactly as signed, newest first, at every level', async () => {
    for (const level of ['full', 'totals'] as const) {
      const badges = await issued(level);
      const c = badgeOf(badges, SKILL.css).credential;
      expect(c.endorsement).toEqual([JSON.parse(css.text), JSON.parse(older.text)]);
      expect(badgeOf(badges, SKILL.frontEnd).credential.endorsement).toEqual([
        JSON.parse(frontEnd.text),
      ]);
      expect(badgeOf(badges, SKILL.crypto).credential.endorsement).toBeUndefined();
    }
  }, 60_000);

  it('the learner’s proof covers them: valid in both forms, and broken by an edited endorsement', async () => {
    const badge = badgeOf(await issued(), SKILL.css);
    expect(await checkCredential(badge.credential, { now: Date.now() })).toMatchObject({
      status: 'valid',
    });
    expect(await checkCredential(badge.jws, { now: Date.now() })).toMatchObject({
      status: 'valid',
    });
    expect(decodeCompactJws(badge.jws)!.payload.endorsement).toEqual(badge.credential.endorsement);
    const edited = structuredClone(badge.credential);
    edited.endorsement![0]!.credentialSubject.endorsementComment = 'Simply the best.';
    expect(await checkCredential(edited, { now: Date.now() })).toMatchObject({
      status: 'invalid',
      key: 'signature',
    });
  }, 60_000);

  it('the badge and each embedded endorsement pass verifier-core and Digital Bazaar’s vc', async () => {
    const badge = badgeOf(await issued(), SKILL.css).credential;
    const fetch = globalThis.fetch;
    // Offline: verifier-core would fetch the credential's JSON Schema.
    globalThis.fetch = () => Promise.reject(new Error('offline'));
    try {
      for (const credential of [badge, ...badge.endorsement!]) {
        const core = (await verifierCore({
          credential: credential as never,
          knownDIDRegistries: [],
        })) as {
          log?: { id: string; valid: boolean }[];
        };
        expect(core.log?.find((s) => s.id === 'valid_signature')?.valid, JSON.stringify(core)).toBe(
          true,
        );
        const suite = new DataIntegrityProof({ cryptosuite });
        const r = await vc.verifyCredential({ credential, suite, documentLoader });
        expect(r.verified, JSON.stringify(r.error)).toBe(true);
      }
    } finally {
      globalThis.fetch = fetch;
    }
  }, 120_000);

  itWithSchema(
    'the badge with its endorsements passes the 1EdTech schema, and so does each endorsement',
    async () => {
      const { credential: badge, endorsement } = obSchemaValidators();
      const c = badgeOf(await issued(), SKILL.css);
      for (const payload of [c.credential, decodeCompactJws(c.jws)!.payload]) {
        expect(badge(payload), JSON.stringify(badge.errors)).toBe(true);
      }
      for (const e of c.credential.endorsement!) {
        expect(endorsement(e), JSON.stringify(endorsement.errors)).toBe(true);
      }
      // The schema does look inside: an endorsement without its subject's type fails the badge.
      const broken = structuredClone(c.credential) as unknown as {
        endorsement: { credentialSubject: object }[];
      };
      broken.endorsement[0]!.credentialSubject = { id: 'x' };
      expect(badge(broken)).toBe(false);
    },
    60_000,
  );

  it('the Markdown and printable reports and the badges page list them under the skill, escaped', async () => {
    const data = shared();
    const md = exportMarkdown(data).content;
    const cssSection = md.slice(
      md.indexOf('### CSS'),
      md.indexOf('### ', md.indexOf('### CSS') + 4),
    );
    expect(cssSection).toContain('**Endorsements**');
    expect(cssSection).toContain(`**Endorsed by ${MENTOR.name} (as they describe themselves)**`);
    expect(cssSection).toContain('**Endorsed by Linus Example (as they describe themselves)**');
    expect(cssSection).toContain(`${MENTOR.description} · Signed`);
    expect(cssSection).toContain(
      '> Ada rebuilt our \\<script\\>alert(1)\\</script\\> pricing page with \\*\\*grid\\*\\* \\| \\[link\\](x)',
    );
    expect(md).not.toContain('Edited.');

    const html = exportHtml(data).content;
    expect(html).toContain(`Endorsed by ${MENTOR.name} (as they describe themselves)`);
    expect(html).toContain('Ada rebuilt our &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');

    const page = badgesHtmlFile(data, await issued()).content;
    expect(page).toContain(`Endorsed by ${MENTOR.name} (as they describe themselves)`);
    expect(page).toContain('&lt;script&gt;alert(1)');
    expect(page).not.toContain('<script>alert(1)');
  }, 60_000);
});

describe('endorsements in the Verify view’s check and in npm run verify', () => {
  /** The CSS badge with its first endorsement replaced, signed again by the learner. */
  async function resigned(replace: (e: unknown) => unknown) {
    const badge = badgeOf(await issued(), SKILL.css).credential;
    const { proof: _, ...unsigned } = structuredClone(badge);
    unsigned.endorsement = [replace(unsigned.endorsement![0]), unsigned.endorsement![1]] as never;
    return signDataIntegrity(unsigned, keys.didKey.signer);
  }

  function cli(text: string) {
    const out: string[] = [];
    const io: VerifyIo = {
      readFile: async () => text,
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      schemaNote: 'not in this test',
    };
    return { out, run: () => runVerify(['badges.json'], io) };
  }

  it('says who endorsed, as they describe themselves, in both proof forms', async () => {
    const badge = badgeOf(await issued(), SKILL.css);
    for (const item of [badge.credential, badge.jws]) {
      const v = await checkCredential(item, { now: Date.now() });
      expect(v.status).toBe('valid');
      if (v.status === 'invalid') return;
      expect(v.endorsements).toMatchObject([
        {
          status: 'valid',
          issuerName: MENTOR.name,
          issuerDescription: MENTOR.description,
          comment: COMMENT,
        },
        { status: 'valid', issuerName: 'Linus Example', issuerDescription: '' },
      ]);
    }
    const f = cli(badgesJsonFile(shared(), [badge], keys.didKey.did).content);
    expect(await f.run()).toBe(0);
    const text = f.out.join('\n');
    expect(text).toContain('endorsements (2):');
    expect(text).toContain(
      `✔ Endorsed by ${MENTOR.name} (as they describe themselves) — ${MENTOR.description}`,
    );
    expect(text).toContain(css.did);
  }, 60_000);

  it('reports an embedded endorsement that was edited, or that endorses something else, though the badge’s own proof holds', async () => {
    const edited = await resigned((e) => {
      const copy = structuredClone(e) as { credentialSubject: { endorsementComment: string } };
      copy.credentialSubject.endorsementComment = 'Simply the best.';
      return copy;
    });
    const stranger = await signedEndorsement({
      learnerDid: keys.didKey.did,
      skillId: 'a-skill-not-this-badges',
      skillName: 'CSS',
    });
    const foreign = await resigned(() => stranger.credential);
    for (const [credential, key] of [
      [edited, 'bad-proof'],
      [foreign, 'foreign-subject'],
    ] as const) {
      const v = await checkCredential(credential, { now: Date.now() });
      expect(v.status).toBe('valid');
      if (v.status === 'invalid') return;
      expect(v.endorsements.map((e) => e.status)).toEqual(['invalid', 'valid']);
      expect(v.endorsements[0]).toMatchObject({ key });
    }
    const f = cli(JSON.stringify(edited));
    expect(await f.run()).toBe(1);
    expect(f.out.join('\n')).toContain(
      `✘ Endorsed by ${MENTOR.name} (as they describe themselves) — ${MENTOR.description}`,
    );
    expect(f.out.join('\n')).toContain('The signature on this endorsement does not hold');
  }, 60_000);
});

describe('an endorsement counts only for the learner it was written for', () => {
  /** Another learner's badges for the same week, skills of the same ids included. */
  async function otherLearnersBadge(endorsement: unknown[], otherIds: string[] = []) {
    const other = await badgeKeys();
    const [mine] = await issueBadges(shared(), other, {
      learnerName: 'Mallory',
      now: weekFixture().now,
    }).then((b) => [badgeOf(b, SKILL.css).credential]);
    const { proof: _, ...unsigned } = structuredClone(mine!);
    unsigned.endorsement = endorsement as never;
    if (otherIds.length)
      unsigned.credentialSubject.achievement.otherIdentifier = otherIds.map((identifier) => ({
        type: 'IdentifierEntry',
        identifier,
        identifierType: 'identifier',
      }));
    return { other, credential: await signDataIntegrity(unsigned, other.didKey.signer) };
  }

  it('a badge names the learner’s key in its achievement id, and so does each endorsement it carries', async () => {
    const c = badgeOf(await issued(), SKILL.css).credential;
    expect(c.credentialSubject.achievement.id).toBe(`${keys.didKey.did}/skills/${SKILL.css}`);
    for (const e of c.endorsement!)
      expect(e.credentialSubject.id).toBe(c.credentialSubject.achievement.id);
  }, 60_000);

  it('lifted into another learner’s badge for a skill of the same id, it is someone else’s work, though its proof holds for verifier-core and vc', async () => {
    const { credential } = await otherLearnersBadge([JSON.parse(css.text)]);
    // The other learner even lists the first learner's achievement id as their own: ignored.
    const { credential: claimed } = await otherLearnersBadge(
      [JSON.parse(css.text)],
      [learnerAchievementId(keys.didKey.did, SKILL.css)],
    );
    for (const badge of [credential, claimed]) {
      const v = await checkCredential(badge, { now: Date.now() });
      expect(v.status).toBe('valid');
      if (v.status === 'invalid') return;
      expect(v.endorsements).toMatchObject([
        {
          status: 'invalid',
          key: 'someone-else',
          message: 'This endorsement is about someone else’s work.',
        },
      ]);
    }
    // The independent checkers verify the proofs: the endorsement's own holds, so whose it
    // is can only be decided by the binding.
    const fetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('offline'));
    try {
      for (const c of [credential, ...(credential.endorsement as object[])]) {
        const core = (await verifierCore({ credential: c as never, knownDIDRegistries: [] })) as {
          log?: { id: string; valid: boolean }[];
        };
        expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
        const suite = new DataIntegrityProof({ cryptosuite });
        const r = await vc.verifyCredential({ credential: c, suite, documentLoader });
        expect(r.verified, JSON.stringify(r.error)).toBe(true);
      }
    } finally {
      globalThis.fetch = fetch;
    }
    const out: string[] = [];
    const code = await runVerify(['badge.json'], {
      readFile: async () => JSON.stringify(credential),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      schemaNote: 'not in this test',
    });
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('This endorsement is about someone else’s work.');
  }, 120_000);

  it('a merged skill’s badge carries the endorsements of the skill merged into it, and they verify', async () => {
    // Front-end development merged into CSS: its endorsement now sits under CSS.
    const merged = records.map((r) =>
      r.skillId === SKILL.frontEnd ? { ...r, skillId: SKILL.css } : r,
    );
    const f = weekFixture();
    const data = prepareExport(
      { ...f.data, endorsements: merged },
      { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' },
    );
    const badges = await issueBadges(data, keys, { learnerName: 'Ada', now: f.now });
    const c = badgeOf(badges, SKILL.css).credential;
    expect(c.credentialSubject.achievement.otherIdentifier).toEqual([
      {
        type: 'IdentifierEntry',
        identifier: learnerAchievementId(keys.didKey.did, SKILL.frontEnd),
        identifierType: 'identifier',
      },
    ]);
    expect(c.endorsement?.map((e) => e.id).sort()).toEqual(
      [css, older, frontEnd].map((e) => e.credential.id).sort(),
    );
    for (const item of [c, badgeOf(badges, SKILL.css).jws]) {
      const v = await checkCredential(item, { now: Date.now() });
      expect(v.status).toBe('valid');
      if (v.status === 'invalid') return;
      expect(v.endorsements.map((e) => e.status)).toEqual(['valid', 'valid', 'valid']);
    }
    if (obSchemaText) {
      const { credential: validate } = obSchemaValidators();
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    }
  }, 120_000);

  it('an expired endorsement is left out of the badge', async () => {
    const expiring = await signedEndorsement({
      learnerDid: keys.didKey.did,
      skillId: SKILL.css,
      skillName: 'CSS',
      validUntil: new Date(weekFixture().now - 86_400_000).toISOString(),
      now: weekFixture().now - 10 * 86_400_000,
    });
    const r = JSON.parse(expiring.text) as { id: string };
    const f = weekFixture();
    const data = prepareExport(
      {
        ...f.data,
        endorsements: [
          ...records,
          { ...records[0]!, id: uid(0x7ff), credentialId: r.id, credential: expiring.text },
        ],
      },
      { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' },
    );
    const c = badgeOf(await issueBadges(data, keys, { now: f.now }), SKILL.css).credential;
    expect(c.endorsement?.map((e) => e.id)).not.toContain(r.id);
  }, 60_000);
});

describe('a did:key issuer whose key did not sign is forged', () => {
  it('in the check and in npm run verify, in both proof forms; an honest did:web stays unconfirmed', async () => {
    const badge = badgeOf(await issued(), SKILL.css).credential;
    const forger = await badgeKeys();
    const { proof: _, ...unsigned } = structuredClone(badge);
    const forged = await signDataIntegrity(unsigned, forger.didKey.signer);
    expect(await checkCredential(forged, { now: Date.now() })).toMatchObject({
      status: 'invalid',
      key: 'forged',
    });
    const out: string[] = [];
    await runVerify(['badge.json'], {
      readFile: async () => JSON.stringify(forged),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      schemaNote: 'not in this test',
    });
    expect(out.join('\n')).toContain('Forged');
    const web = structuredClone(unsigned);
    web.issuer = { ...web.issuer, id: 'did:web:example.org' };
    const honest = await signDataIntegrity(web, forger.didKey.signer);
    expect(await checkCredential(honest, { now: Date.now() })).toMatchObject({
      status: 'issuer-unconfirmed',
    });
  }, 60_000);
});

describe('an endorsement stored before it expired', () => {
  it('is marked expired in the Markdown and printable reports', async () => {
    const f = weekFixture();
    const expired = { ...records[0]!, expiresAt: f.now - 86_400_000 };
    const data = prepareExport(
      { ...f.data, endorsements: [expired] },
      { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' },
    );
    const md = exportMarkdown(data, { now: f.now }).content;
    expect(md).toMatch(/Signed [^·\n]+ · Expired /);
    expect(exportHtml(data, { now: f.now }).content).toContain('Expired ');
    // Not yet past it: no mark.
    const live = prepareExport(
      { ...f.data, endorsements: [{ ...expired, expiresAt: f.now + 86_400_000 }] },
      { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' },
    );
    expect(exportMarkdown(live, { now: f.now }).content).not.toContain('Expired');
  });
});
