// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getOrCreateDidKey } from '../../../lib/credentials/did-key';
import { memoryKeyStore } from '../../../lib/credentials/keys';
import { learnerAchievementId } from '../../../lib/credentials/learner-binding';
import { skillIri } from '../../../lib/export/iri';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import {
  addEndorsement,
  endorsementsBySkill,
  type EndorsementFile,
} from '../../../lib/store/endorsements';
import { eraseEverything } from '../../../lib/store/erase';
import {
  editedEndorsement,
  endorsableSkill,
  MENTOR,
  MENTOR_COMMENT,
  signedEndorsement,
  type SignedEndorsement,
} from '../../fixtures/endorsement';
import { deleteSkill, mergeSkills } from '../../../lib/store/skills';

const NOW = Date.now();

const CSS = endorsableSkill('k-css', 'CSS');
const GRID = endorsableSkill('k-grid', 'Grid layout');

function file(text: string): EndorsementFile {
  return { size: new TextEncoder().encode(text).length, text: async () => text };
}

async function freshDb(): Promise<SkilltrailDb> {
  const db = openDb(`endorsements-${crypto.randomUUID()}`);
  await db.skills.bulkPut([CSS, GRID]);
  return db;
}

let css: SignedEndorsement;
let grid: SignedEndorsement;
/** This learner's `did:key`, and another learner's. */
let ME: string;
let OTHER: string;

beforeAll(async () => {
  ME = (await getOrCreateDidKey(memoryKeyStore())).did;
  OTHER = (await getOrCreateDidKey(memoryKeyStore())).did;
  const learnerDid = ME;
  css = await signedEndorsement({
    learnerDid,
    skillId: CSS.id,
    skillName: CSS.name,
    now: NOW - 60_000,
  });
  grid = await signedEndorsement({
    learnerDid,
    skillId: GRID.id,
    skillName: GRID.name,
    now: NOW - 30_000,
  });
}, 60_000);

describe('adding an endorsement to the record', () => {
  it('stores a valid endorsement under its skill, the file kept exactly as it came', async () => {
    const db = await freshDb();
    const r = await addEndorsement(db, file(css.text), NOW, ME);
    expect(r).toMatchObject({ ok: true, skillName: 'CSS' });
    const stored = await db.endorsements.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      credentialId: css.credential.id,
      skillId: CSS.id,
      issuerName: MENTOR.name,
      issuerDescription: MENTOR.description,
      issuerEmail: MENTOR.email,
      comment: MENTOR_COMMENT,
      addedAt: NOW,
      credential: css.text,
      // Someone else's signed words.
      provenance: 'vouched',
    });
    const bySkill = await endorsementsBySkill(db);
    expect(bySkill.get(CSS.id)?.map((e) => e.credentialId)).toEqual([css.credential.id]);
    expect(bySkill.get(GRID.id)).toBeUndefined();
  }, 30_000);

  it('stores a file added twice once, and says so', async () => {
    const db = await freshDb();
    await addEndorsement(db, file(css.text), NOW, ME);
    // Two quick adds of the same file as well: still one.
    const [again, quick] = await Promise.all([
      addEndorsement(db, file(css.text), NOW + 1, ME),
      addEndorsement(db, file(css.text), NOW + 2, ME),
    ]);
    for (const r of [again, quick]) {
      expect(r).toMatchObject({ ok: false, key: 'already-added', skillName: 'CSS' });
    }
    expect(await db.endorsements.count()).toBe(1);
  }, 30_000);

  it('refuses an edited comment, someone else’s skill, not JSON and a file too large; nothing changes', async () => {
    const db = await freshDb();
    const stranger = await signedEndorsement({
      learnerDid: ME,
      skillId: 'k-not-mine',
      skillName: 'CSS',
    });
    // The same skill id, but another learner's: what a copy out of their badge is.
    const lifted = await signedEndorsement({
      learnerDid: OTHER,
      skillId: CSS.id,
      skillName: 'CSS',
    });
    const earlier = await signedEndorsement({
      learnerDid: ME,
      skillId: CSS.id,
      skillName: 'CSS',
      subjectId: skillIri(CSS.id),
    });
    const expired = await signedEndorsement({
      learnerDid: ME,
      skillId: CSS.id,
      skillName: 'CSS',
      validUntil: new Date(NOW - 86_400_000).toISOString(),
    });
    const cases: [string, EndorsementFile][] = [
      ['bad-proof', file(editedEndorsement(css.text, 'The best engineer I have ever met.'))],
      ['foreign-subject', file(stranger.text)],
      ['someone-else', file(lifted.text)],
      ['earlier-version', file(earlier.text)],
      ['expired', file(expired.text)],
      ['not-json', file('{"type": ["VerifiableCredential", "Endorsem')],
      ['not-endorsement', file('{"hello": "world"}')],
      [
        'too-large',
        {
          size: 5_000_000,
          text: () => Promise.reject(new Error('a file too large is never read')),
        },
      ],
    ];
    for (const [key, f] of cases) {
      expect(await addEndorsement(db, f, NOW, ME)).toMatchObject({ ok: false, key });
    }
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);

  it('refuses an endorsement of a skill deleted since', async () => {
    const db = await freshDb();
    await deleteSkill(db, GRID.id, NOW);
    expect(await addEndorsement(db, file(grid.text), NOW, ME)).toMatchObject({
      ok: false,
      key: 'foreign-subject',
    });
    expect(await db.endorsements.count()).toBe(0);
  }, 30_000);
});

describe('endorsements as skills change', () => {
  it('a merge moves them to the merged skill; a deletion takes them with the skill; erasing everything empties them', async () => {
    const db = await freshDb();
    await addEndorsement(db, file(css.text), NOW, ME);
    await addEndorsement(db, file(grid.text), NOW, ME);
    await mergeSkills(db, [GRID.id], CSS.id, NOW);
    expect((await db.skills.get(CSS.id))?.mergedIds).toEqual([GRID.id]);
    const merged = await endorsementsBySkill(db);
    // Newest signed first.
    expect(merged.get(CSS.id)?.map((e) => e.credentialId)).toEqual([
      grid.credential.id,
      css.credential.id,
    ]);
    await deleteSkill(db, CSS.id, NOW);
    expect(await db.endorsements.count()).toBe(0);

    await db.skills.put(CSS);
    await addEndorsement(db, file(css.text), NOW, ME);
    await eraseEverything(db);
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);

  it('an endorsement of a skill that was merged away arrives later and counts for the merged skill', async () => {
    const db = await freshDb();
    await mergeSkills(db, [GRID.id], CSS.id, NOW);
    expect(learnerAchievementId(ME, GRID.id)).toBe(JSON.parse(grid.text).credentialSubject.id);
    expect(await addEndorsement(db, file(grid.text), NOW, ME)).toMatchObject({
      ok: true,
      skillName: 'CSS',
    });
    expect((await endorsementsBySkill(db)).get(CSS.id)).toHaveLength(1);
    await eraseEverything(db);
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);
});
