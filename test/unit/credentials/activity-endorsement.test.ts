// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDataIntegrity } from '../../../lib/credentials/data-integrity';
import { didKeyOf, getOrCreateDidKey, type DidKey } from '../../../lib/credentials/did-key';
import { backupFile } from '../../../lib/export/backup-file';
import { restoreBackup } from '../../../lib/store/backup';
import { checkEndorsement } from '../../../lib/credentials/endorsement';
import { memoryKeyStore } from '../../../lib/credentials/keys';
import {
  achievementOwner,
  badgeAchievementIds,
  isActivityId,
  learnerAchievementId,
  learnerActivityId,
} from '../../../lib/credentials/learner-binding';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { activityClaim } from '../../../lib/endorsement-request/activity-claim';
import { claimOf } from '../../../lib/endorsement-request/claim';
import { requestScope } from '../../../lib/endorsement-request/scope';
import { exportCsv } from '../../../lib/export/csv';
import { exportMarkdown } from '../../../lib/export/markdown';
import { buildBadgeCredentials } from '../../../lib/export/openbadges/build';
import { prepareExport } from '../../../lib/export/privacy';
import { buildXapiStatements } from '../../../lib/export/xapi/statements';
import { IRI, VOUCHED_BY_EXTENSION } from '../../../lib/export/iri';
import { statedSession } from '../../../lib/learning-away/session';
import type { Endorsement, Session } from '../../../lib/model';
import { deleteSkill } from '../../../lib/store/skills';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { addEndorsement, endorsementsBySkill } from '../../../lib/store/endorsements';
import { eraseSessions } from '../../../lib/store/erase';
import { addDays, localDate, startOfLocalDay } from '../../../lib/time';
import { skillSummary } from '../../../lib/week/skill-summary';
import { reviewOrder } from '../../../lib/week/review';
import {
  editedEndorsement,
  endorsableSkill,
  MENTOR,
  signedEndorsement,
} from '../../fixtures/endorsement';

const NOW = Date.now();
const TZ = 'UTC';
const WIRING = endorsableSkill('k-wiring', 'Wiring');
const LEARNED = 'How to read a wiring diagram';

function activity(id: string): Session {
  return statedSession(
    {
      learningKind: 'mentoring',
      day: localDate(NOW - 86_400_000, TZ),
      statedMs: 5 * 3_600_000,
      skills: [WIRING.id],
      learned: LEARNED,
      place: 'The workshop',
      people: 'Rosa',
    },
    { id, now: NOW, timeZone: TZ },
  );
}

const file = (text: string) => ({ size: text.length, text: async () => text });

let ME: DidKey;
let OTHER: string;

beforeAll(async () => {
  ME = await getOrCreateDidKey(memoryKeyStore());
  OTHER = (await getOrCreateDidKey(memoryKeyStore())).did;
}, 60_000);

async function freshDb(): Promise<SkilltrailDb> {
  const db = openDb(`activity-endorsements-${crypto.randomUUID()}`);
  await db.skills.put(WIRING);
  await db.sessions.put(activity('act-1'));
  return db;
}

/** An endorsement of one activity of `learnerDid`, as the request page makes it. */
function endorsementOfActivity(learnerDid: string, sessionId: string) {
  return signedEndorsement({
    learnerDid,
    skillId: WIRING.id,
    skillName: LEARNED,
    subjectId: learnerActivityId(learnerDid, sessionId),
  });
}

describe('one activity’s id', () => {
  it('is qualified by the learner’s did:key, as a skill’s is, and never counts as a skill', () => {
    const id = learnerActivityId(ME.did, 'act-1');
    expect(id).toBe(`${ME.did}/activities/act-1`);
    expect(isActivityId(id)).toBe(true);
    expect(isActivityId(learnerAchievementId(ME.did, 'act-1'))).toBe(false);
    expect(achievementOwner(id)).toBe(ME.did);
    expect(achievementOwner(`${ME.did}/activities/a/b`)).toBeNull();
    // A badge naming an activity id among its achievement's ids vouches for no skill with it.
    const badge = { credentialSubject: { achievement: { id, otherIdentifier: [] } } };
    expect(badgeAchievementIds(badge, ME.did)).toEqual([]);
  });
});

describe('the claim of one stated activity', () => {
  it('is a badge whose achievement is that activity, stated, with its kind, day and stated time as evidence', async () => {
    const session = activity('act-1');
    const start = startOfLocalDay(localDate(session.startedAt, TZ), TZ);
    const shared = prepareExport(
      { sessions: [session], visits: [], searches: [], skills: [WIRING], endorsements: [] },
      {
        start,
        end: startOfLocalDay(addDays(localDate(start, TZ), 1), TZ),
        timeZone: TZ,
        weekStart: 1,
        level: 'full',
      },
    );
    const claim = (await activityClaim(shared, 'act-1', {
      issuerId: ME.did,
      learnerName: 'Sam',
      now: NOW,
    }))!;
    expect(claim.credentialSubject.achievement).toMatchObject({
      id: learnerActivityId(ME.did, 'act-1'),
      name: LEARNED,
      criteria: { narrative: expect.stringContaining('Stated by the learner') },
    });
    expect(claim.credentialSubject.achievement.description).toMatch(
      /^One activity the learner stated: Mentoring or coaching, on \d{4}-\d\d-\d\d, for 5 hr\./,
    );
    expect(claim.name).toBe(`One activity: ${LEARNED}`);
    expect(claim.evidence).toHaveLength(1);
    expect(claim.evidence![0]).toMatchObject({ genre: 'stated', name: LEARNED });
    expect(claim.evidence![0]!.narrative).toContain('Rosa');
    // Only a stated activity has such a claim.
    expect(await activityClaim(shared, 'nope', { issuerId: ME.did, now: NOW })).toBeNull();

    const signed = await signDataIntegrity(claim, ME.signer, { now: NOW });
    expect(await verifyDataIntegrity(signed)).toMatchObject({ ok: true, signer: ME.did });
    const read = claimOf(signed)!;
    expect(read).toMatchObject({
      activity: true,
      skill: LEARNED,
      learner: 'Sam',
      learnerId: ME.did,
    });
    expect(read.subjectId).toBe(learnerActivityId(ME.did, 'act-1'));
  }, 30_000);
});

describe('an endorsement of one activity', () => {
  it('names the activity and the learner, and the check binds it to that session', async () => {
    const e = await endorsementOfActivity(ME.did, 'act-1');
    expect(e.credential.name).toBe(`Endorsement of one activity: ${LEARNED}`);
    expect(e.credential.description).toBe(
      `${MENTOR.name} endorses Ada Lovelace (${ME.did}) for one activity they stated: “${LEARNED}”.`,
    );
    const activities = new Map([
      [learnerActivityId(ME.did, 'act-1'), { sessionId: 'act-1', skillId: WIRING.id }],
    ]);
    const r = await checkEndorsement(e.text, new Map(), NOW, ME.did, { activities });
    expect(r).toMatchObject({ ok: true, endorsement: { sessionId: 'act-1', skillId: WIRING.id } });
    // Without the activity among the learner's, it is not theirs to add.
    expect(await checkEndorsement(e.text, new Map(), NOW, ME.did)).toMatchObject({
      ok: false,
      key: 'foreign-subject',
    });
  }, 30_000);

  it('is stored with its session, shown on its card and in every export, and kept out of the skill’s own endorsements', async () => {
    const db = await freshDb();
    const e = await endorsementOfActivity(ME.did, 'act-1');
    const r = await addEndorsement(db, file(e.text), NOW, ME.did);
    expect(r).toMatchObject({ ok: true, skillName: LEARNED, endorsement: { sessionId: 'act-1' } });
    const stored = (await db.endorsements.toArray()) as Endorsement[];
    expect((await endorsementsBySkill(db)).get(WIRING.id)).toBeUndefined();

    const session = (await db.sessions.get('act-1'))!;
    const data = {
      sessions: [session],
      visits: [],
      searches: [],
      skills: [WIRING],
      endorsements: stored,
    };
    expect(reviewOrder(data)[0]!.vouchedBy).toEqual([MENTOR.name]);
    expect(skillSummary(WIRING, [], 7, [], stored).endorsements).toEqual([]);
    // A skill's request carries it only as its activity's evidence, never as the skill's.
    const scope = requestScope({ ...data, followUps: [] }, WIRING.id, NOW, TZ)!;
    expect(scope.data.endorsements).toEqual(stored);
    const asked = prepareExport(scope.data, {
      start: scope.start,
      end: scope.end,
      timeZone: TZ,
      weekStart: 1,
      level: 'titles',
    });
    expect(asked.summary.skills[0]!.endorsements).toEqual([]);
    expect(asked.sessions[0]!.vouchedBy?.[0]?.name).toBe(MENTOR.name);

    const start = startOfLocalDay(addDays(localDate(NOW, TZ), -3), TZ);
    const end = startOfLocalDay(addDays(localDate(NOW, TZ), 1), TZ);
    for (const level of ['full', 'titles', 'sites'] as const) {
      const shared = prepareExport(data, { start, end, timeZone: TZ, weekStart: 1, level });
      expect(shared.sessions[0]!.vouchedBy).toEqual([
        { name: MENTOR.name, credentialId: e.credential.id },
      ]);
      expect(exportMarkdown(shared).content).toContain(`Vouched for by ${MENTOR.name}`);
      const [header, row] = exportCsv(shared).content.slice(1).split('\r\n');
      expect(row!.split(',')[header!.split(',').indexOf('vouched_by')]).toBe(MENTOR.name);
      const statements = await buildXapiStatements(shared, {
        installId: 'a3f9c2e1-7b4d-4c2a-9e8f-1d2c3b4a5f60',
        name: 'Sam',
      });
      const extensionsOf = (x: (typeof statements)[number]) =>
        (x.context as { extensions?: Record<string, unknown> } | undefined)?.extensions ?? {};
      const stated = statements.find((x) => extensionsOf(x)[IRI.extension.learningKind]);
      expect(extensionsOf(stated!)[VOUCHED_BY_EXTENSION]).toEqual([
        { name: MENTOR.name, credential: e.credential.id },
      ]);
      const [badge] = await buildBadgeCredentials(shared, { issuerId: ME.did, now: NOW });
      expect(badge!.evidence![0]!.description).toContain(`Vouched for by ${MENTOR.name}`);
      // The skill's badge does not count it as an endorsement of the skill.
      expect(badge!.endorsement).toBeUndefined();
    }
  }, 60_000);

  it('refuses another learner’s activity, a deleted activity and a bad proof, with their messages; nothing is stored', async () => {
    const db = await freshDb();
    const theirs = await endorsementOfActivity(OTHER, 'act-1');
    expect(await addEndorsement(db, file(theirs.text), NOW, ME.did)).toMatchObject({
      ok: false,
      key: 'someone-else',
      message: 'This endorsement is about someone else’s work.',
    });
    const mine = await endorsementOfActivity(ME.did, 'act-1');
    expect(
      await addEndorsement(db, file(editedEndorsement(mine.text, 'Never saw it.')), NOW, ME.did),
    ).toMatchObject({ ok: false, key: 'bad-proof' });
    await db.sessions.delete('act-1');
    expect(await addEndorsement(db, file(mine.text), NOW, ME.did)).toMatchObject({
      ok: false,
      key: 'foreign-subject',
      message: 'This endorsement is about a skill or badge that is not yours.',
    });
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);

  it('goes with its activity when the activity is deleted', async () => {
    const db = await freshDb();
    const e = await endorsementOfActivity(ME.did, 'act-1');
    expect(await addEndorsement(db, file(e.text), NOW, ME.did)).toMatchObject({ ok: true });
    await eraseSessions(db, ['act-1']);
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);

  it('stays with its activity when one of the activity’s skills is deleted, and goes when its last one is', async () => {
    const db = await freshDb();
    const SOLDERING = endorsableSkill('k-soldering', 'Soldering');
    await db.skills.put(SOLDERING);
    await db.sessions.put({ ...activity('act-1'), skills: [WIRING.id, SOLDERING.id] });
    const e = await endorsementOfActivity(ME.did, 'act-1');
    expect(await addEndorsement(db, file(e.text), NOW, ME.did)).toMatchObject({ ok: true });
    await deleteSkill(db, WIRING.id, NOW);
    expect((await db.endorsements.toArray()).map((x) => [x.sessionId, x.skillId])).toEqual([
      ['act-1', SOLDERING.id],
    ]);
    await deleteSkill(db, SOLDERING.id, NOW);
    expect(await db.endorsements.count()).toBe(0);
  }, 60_000);
});

describe('a backup of an activity vouched for', () => {
  it('restores it with its session; one moved to another activity, or to none, refuses the file', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const did = await didKeyOf(pair.publicKey);
    const browser = async () => {
      const db = openDb(`activity-backup-${crypto.randomUUID()}`);
      await db.meta.put({ key: 'did-key', value: pair });
      return db;
    };
    const source = await browser();
    await source.skills.put(WIRING);
    await source.sessions.bulkPut([activity('act-1'), activity('act-2')]);
    const e = await endorsementOfActivity(did, 'act-1');
    expect(await addEndorsement(source, file(e.text), NOW, did)).toMatchObject({ ok: true });
    const stored = await source.endorsements.toArray();
    const backup = (endorsements: Endorsement[]) =>
      backupFile(
        {
          skills: [WIRING],
          sessions: [activity('act-1'), activity('act-2')],
          visits: [],
          searches: [],
          captures: [],
          followUps: [],
          endorsements,
        },
        { now: NOW },
      ).content;

    const target = await browser();
    expect(await restoreBackup(target, backup(stored), undefined, { now: NOW })).toMatchObject({
      ok: true,
    });
    expect(await target.endorsements.toArray()).toEqual([
      expect.objectContaining({ sessionId: 'act-1', credentialId: e.credential.id }),
    ]);

    const moved = await browser();
    expect(
      await restoreBackup(moved, backup([{ ...stored[0]!, sessionId: 'act-2' }]), undefined, {
        now: NOW,
      }),
    ).toMatchObject({ ok: false, key: 'endorsement-refused' });
    expect(
      await restoreBackup(moved, backup([{ ...stored[0]!, sessionId: 'act-9' }]), undefined, {
        now: NOW,
      }),
    ).toMatchObject({ ok: false, key: 'orphan-record' });
    // Claimed as the skill's own endorsement, it is not one.
    const { sessionId: _, ...asSkill } = stored[0]!;
    expect(await restoreBackup(moved, backup([asSkill]), undefined, { now: NOW })).toMatchObject({
      ok: false,
      key: 'endorsement-refused',
    });
    expect(await moved.endorsements.count()).toBe(0);
  }, 60_000);
});
