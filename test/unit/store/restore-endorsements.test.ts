// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOf } from '../../../lib/credentials/did-key';
import { unwrapIdentity, wrapIdentity } from '../../../lib/credentials/key-backup';
import { backupFile } from '../../../lib/export/backup-file';
import type { BackupData } from '../../../lib/export/backup';
import type { Endorsement } from '../../../lib/model';
import { exportBackup, restoreBackup } from '../../../lib/store/backup';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { didKeyStore } from '../../../lib/store/keys';
import { endorsableSkill, signedEndorsement, storedEndorsement } from '../../fixtures/endorsement';

const NOW = Date.now();
const PASSPHRASE = 'correct horse battery staple';

const CSS = endorsableSkill('k-css', 'CSS');

const opened: SkilltrailDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function pair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
}

/** A browser of a learner: a database holding `key` as its signing key, if given. */
async function browser(key?: CryptoKeyPair): Promise<SkilltrailDb> {
  const db = openDb(`restore-${crypto.randomUUID()}`);
  opened.push(db);
  if (key) await db.meta.put({ key: 'did-key', value: key });
  return db;
}

let ada: CryptoKeyPair;
let adaDid: string;
let mallory: CryptoKeyPair;
let malloryDid: string;
let adaEndorsement: Endorsement;

async function record(learnerDid: string, skillId: string, id: string): Promise<Endorsement> {
  const signed = await signedEndorsement({
    learnerDid,
    skillId,
    skillName: 'CSS',
    now: NOW - 60_000,
  });
  const stored = await storedEndorsement(signed.text, {
    learnerDid,
    skillIds: [skillId],
    id,
    now: NOW,
    addedAt: NOW - 30_000,
  });
  return { ...stored, skillId: 'k-css' };
}

function data(partial: Partial<BackupData>): BackupData {
  return {
    skills: [],
    sessions: [],
    visits: [],
    searches: [],
    captures: [],
    followUps: [],
    endorsements: [],
    ...partial,
  };
}

const text = (d: BackupData) => backupFile(d, { now: NOW }).content;

beforeAll(async () => {
  ada = await pair();
  adaDid = await didKeyOf(ada.publicKey);
  mallory = await pair();
  malloryDid = await didKeyOf(mallory.publicKey);
  adaEndorsement = await record(adaDid, CSS.id, 'e-1');
}, 60_000);

describe('restoring endorsements: each one shown has been checked', () => {
  it('restores a learner’s own endorsement into their browser', async () => {
    const db = await browser(ada);
    const r = await restoreBackup(
      db,
      text(data({ skills: [CSS], endorsements: [adaEndorsement] })),
    );
    expect(r).toMatchObject({ ok: true, added: { endorsements: 1 } });
  }, 30_000);

  it('refuses a crafted backup carrying another learner’s endorsement of a skill of the same id, with its position; nothing changes', async () => {
    const db = await browser(mallory);
    const lifted = text(data({ skills: [CSS], endorsements: [adaEndorsement] }));
    const r = await restoreBackup(db, lifted);
    expect(r).toMatchObject({ ok: false, key: 'endorsement-refused' });
    expect(!r.ok && r.detail).toMatch(
      /^data\.endorsements\[0\]: This endorsement is about someone else’s work/,
    );
    expect(await db.skills.count()).toBe(0);
    expect(await db.endorsements.count()).toBe(0);
  }, 30_000);

  it('refuses an unsigned endorsement with a made-up issuer, and one whose shown words are not what was signed', async () => {
    const db = await browser(ada);
    const unsigned: Endorsement = {
      ...adaEndorsement,
      issuerName: 'Tim Berners-Lee',
      credential: '{}',
    };
    const r = await restoreBackup(
      db,
      text(
        data({
          skills: [CSS],
          endorsements: [adaEndorsement, { ...unsigned, id: 'e-2', credentialId: 'urn:x' }],
        }),
      ),
    );
    expect(r).toMatchObject({ ok: false, key: 'endorsement-refused' });
    expect(!r.ok && r.detail).toMatch(/^data\.endorsements\[1\]: /);
    const reworded = { ...adaEndorsement, comment: 'The best engineer I have ever met.' };
    const r2 = await restoreBackup(db, text(data({ skills: [CSS], endorsements: [reworded] })));
    expect(r2).toMatchObject({ ok: false, key: 'endorsement-refused' });
    expect(!r2.ok && r2.detail).toBe('data.endorsements[0].comment: not what the endorsement says');
    expect(await db.endorsements.count()).toBe(0);
  }, 30_000);

  it('refuses orphan endorsements and follow-ups: their skill is in neither the file nor the record', async () => {
    const db = await browser(ada);
    const r = await restoreBackup(db, text(data({ endorsements: [adaEndorsement] })));
    expect(r).toMatchObject({
      ok: false,
      key: 'orphan-skill',
      detail: 'data.endorsements[0].skillId: no such skill',
    });
    const followUp = {
      id: 'f-1',
      skillId: 'k-gone',
      sessionIds: [],
      at: NOW - 1000,
      status: 'answered' as const,
      provenance: 'written' as const,
      recall: 'Grid areas.',
      application: '',
    };
    const r2 = await restoreBackup(db, text(data({ skills: [CSS], followUps: [followUp] })));
    expect(r2).toMatchObject({
      ok: false,
      key: 'orphan-skill',
      detail: 'data.followUps[0].skillId: no such skill',
    });
    // With the skill already in the record, the same file restores.
    await db.skills.add(CSS);
    expect(await restoreBackup(db, text(data({ endorsements: [adaEndorsement] })))).toMatchObject({
      ok: true,
    });
  }, 30_000);

  it('keeps an endorsement of a skill matched by name: the skill keeps the id it absorbed', async () => {
    const db = await browser(ada);
    const mine = endorsableSkill('k-my-css', 'CSS');
    await db.skills.add(mine);
    const r = await restoreBackup(
      db,
      text(data({ skills: [CSS], endorsements: [adaEndorsement] })),
    );
    expect(r).toMatchObject({ ok: true });
    expect((await db.skills.get(mine.id))?.mergedIds).toEqual([CSS.id]);
    expect((await db.endorsements.toArray()).map((e) => e.skillId)).toEqual([mine.id]);
  }, 30_000);
});

describe('the signing key moves with the learner, under their passphrase', () => {
  it('wraps and unwraps the same did:key; a wrong passphrase opens nothing', async () => {
    const wrapped = await wrapIdentity(ada, PASSPHRASE, { iterations: 100_000 });
    expect(wrapped.did).toBe(adaDid);
    expect(JSON.stringify(wrapped)).not.toMatch(/"d"/);
    const opened = await unwrapIdentity(wrapped, PASSPHRASE);
    expect(opened).toMatchObject({ ok: true, did: adaDid });
    expect(await unwrapIdentity(wrapped, 'correct horse battery stapler')).toMatchObject({
      ok: false,
      key: 'wrong-passphrase',
    });
    // Relabelled as another learner's key, it no longer opens.
    expect(await unwrapIdentity({ ...wrapped, did: malloryDid }, PASSPHRASE)).toMatchObject({
      ok: false,
      key: 'wrong-passphrase',
    });
  }, 30_000);

  it('restores on a new computer with the passphrase: the same key signs there and the endorsements count', async () => {
    const home = await browser(ada);
    await home.skills.add(CSS);
    await home.endorsements.add(adaEndorsement);
    const file = await new Blob(
      (await exportBackup(home, { now: NOW, passphrase: PASSPHRASE })).parts,
    ).text();
    expect(JSON.parse(file).identity).toMatchObject({ did: adaDid, iterations: 600_000 });

    const fresh = await browser();
    expect(await restoreBackup(fresh, file)).toMatchObject({ ok: false, key: 'needs-passphrase' });
    expect(
      await restoreBackup(fresh, file, undefined, { passphrase: 'not the passphrase' }),
    ).toMatchObject({
      ok: false,
      key: 'wrong-passphrase',
    });
    expect(await fresh.endorsements.count()).toBe(0);
    const r = await restoreBackup(fresh, file, undefined, { passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: true, added: { endorsements: 1 } });
    const key = await didKeyStore(fresh).load();
    expect(await didKeyOf(key!.publicKey)).toBe(adaDid);
  }, 60_000);

  it('a file built from what the badges show publicly cannot claim the endorsements', async () => {
    // Everything public: the skill id, the endorsement as the badge embeds it. No private key.
    const forged = text(data({ skills: [CSS], endorsements: [adaEndorsement] }));
    const thief = await browser(mallory);
    expect(await restoreBackup(thief, forged)).toMatchObject({
      ok: false,
      key: 'endorsement-refused',
    });
    // A wrapped key of the thief's own, labelled with the learner's did:key, does not open.
    const fake = {
      ...(await wrapIdentity(mallory, PASSPHRASE, { iterations: 100_000 })),
      did: adaDid,
    };
    const withFake = JSON.stringify({ ...JSON.parse(forged), identity: fake });
    expect(
      await restoreBackup(thief, withFake, undefined, { passphrase: PASSPHRASE }),
    ).toMatchObject({
      ok: false,
      key: 'wrong-passphrase',
    });
    expect(await thief.endorsements.count()).toBe(0);
  }, 60_000);

  it('never replaces a key that endorsements are already bound to', async () => {
    const home = await browser(ada);
    await home.skills.add(CSS);
    const file = await new Blob(
      (await exportBackup(home, { now: NOW, passphrase: PASSPHRASE })).parts,
    ).text();
    const other = await browser(mallory);
    await other.skills.add(CSS);
    await other.endorsements.add(await record(malloryDid, CSS.id, 'e-9'));
    expect(await restoreBackup(other, file, undefined, { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      key: 'other-identity',
    });
    expect(await didKeyOf((await didKeyStore(other).load())!.publicKey)).toBe(malloryDid);
  }, 60_000);
});
