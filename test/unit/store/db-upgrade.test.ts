import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import type { Capture, Search, Session, Skill, Visit } from '../../../lib/model';

// The v1 schema exactly as the first release declared it: a database written by that
// release must open with everything intact.
const V1_SCHEMA = {
  sessions: 'id, startedAt, updatedAt, *skills, url, domain, kind',
  visits: 'id, sessionId, startedAt, url',
  searches: 'id, sessionId, at',
  skills: 'id, &key, updatedAt',
  captures: 'id, &url, sessionId',
  meta: 'key',
};

// Written before provenance was kept (Dexie version 4 fills it in).
const session: Omit<Session, 'provenance'> = {
  id: 's-1',
  kind: 'reading',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_400_000,
  activeMs: 360_000,
  title: 'CSS grid',
  url: 'https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout',
  domain: 'developer.mozilla.org',
  skills: ['k-css'],
  note: 'Grid areas name regions.',
  status: 'kept',
  updatedAt: 1_700_000_500_000,
};
const visit: Visit = {
  id: 'v-1',
  sessionId: 's-1',
  url: session.url,
  title: session.title,
  domain: session.domain,
  startedAt: session.startedAt,
  endedAt: session.endedAt,
  activeMs: 360_000,
  maxScrollPct: 80,
};
const search: Search = {
  id: 'q-1',
  sessionId: 's-2',
  engine: 'duckduckgo',
  query: 'css grid vs flexbox',
  url: 'https://duckduckgo.com/?q=css+grid+vs+flexbox',
  at: 1_700_000_000_000,
};
const skill: Skill = {
  id: 'k-css',
  name: 'CSS',
  key: 'css',
  aliases: [],
  colour: '#336699',
  createdAt: 1,
  updatedAt: 2,
};
const capture: Capture = {
  id: 'c-1',
  url: session.url,
  sessionId: 's-1',
  title: session.title,
  wordCount: 2400,
  readerable: true,
  capturedAt: 3,
};

let names: string[] = [];
afterEach(async () => {
  for (const name of names) await Dexie.delete(name);
  names = [];
});

/** Fills an old database with one record of each v1 table. */
async function fillV1(old: Dexie): Promise<void> {
  await old.open();
  await old.table('sessions').add(session);
  await old.table('visits').add(visit);
  await old.table('searches').add(search);
  await old.table('skills').add(skill);
  await old.table('captures').add(capture);
  await old.table('meta').add({ key: 'installId', value: 'u-3f9c2a71' });
}

/** Opens `name` at the latest version and checks that every v1 record is still there. */
async function openAndCheckV1(name: string) {
  const db = openDb(name);
  await db.open();
  expect(db.verno).toBe(4);
  // Kept, with a capture: the learner captured it.
  expect(await db.sessions.get('s-1')).toEqual({ ...session, provenance: 'captured' });
  expect(await db.visits.get('v-1')).toEqual(visit);
  expect(await db.searches.get('q-1')).toEqual(search);
  expect(await db.skills.get('k-css')).toEqual(skill);
  expect(await db.captures.get('c-1')).toEqual(capture);
  expect(await db.meta.get('installId')).toEqual({ key: 'installId', value: 'u-3f9c2a71' });
  return db;
}

describe('database upgrade from version 3', () => {
  it('gives every session, follow-up and endorsement written before its provenance', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_SCHEMA);
    v3.version(2).stores({ outbox: 'id, sessionId, [state+queuedAt]' });
    v3.version(3).stores({
      followUps: 'id, skillId, at, *sessionIds',
      endorsements: 'id, &credentialId, skillId, addedAt',
    });
    await fillV1(v3);
    const tracked = { ...session, id: 's-2', url: 'https://example.org/b', status: 'auto' };
    // Kept (tagged) but never captured: the tracker measured it.
    const tagged = { ...session, id: 's-3', url: 'https://example.org/c', status: 'kept' };
    // Captured by the tracker on its own (the reading threshold): still measured.
    const automatic = { ...session, id: 's-4', url: 'https://example.org/d', status: 'auto' };
    await v3.table('sessions').bulkAdd([tracked, tagged, automatic]);
    await v3.table('captures').add({ ...capture, id: 'c-4', url: automatic.url, sessionId: 's-4' });
    const followUp = {
      id: 'f-1',
      skillId: 'k-css',
      sessionIds: ['s-1'],
      at: 1_700_600_000_000,
      status: 'answered',
      recall: 'Grid areas.',
      application: 'Our pricing page.',
    };
    await v3.table('followUps').add(followUp);
    const endorsement = {
      id: 'e-1',
      credentialId: 'urn:uuid:e',
      skillId: 'k-css',
      subjectId: 'https://skilltrail.app/xapi/skills/k-css',
      issuerName: 'Grace',
      comment: 'Good work.',
      issuedAt: 1,
      addedAt: 2,
      credential: '{}',
    };
    await v3.table('endorsements').add(endorsement);
    v3.close();

    const db = await openAndCheckV1(name);
    expect(await db.sessions.get('s-2')).toEqual({ ...tracked, provenance: 'measured' });
    expect(await db.sessions.get('s-3')).toEqual({ ...tagged, provenance: 'measured' });
    expect(await db.sessions.get('s-4')).toEqual({ ...automatic, provenance: 'measured' });
    expect(await db.followUps.get('f-1')).toEqual({ ...followUp, provenance: 'written' });
    expect(await db.endorsements.get('e-1')).toEqual({ ...endorsement, provenance: 'vouched' });
    db.close();
  });
});

describe('database upgrade from version 2', () => {
  it('keeps every v2 record, the outbox too, and adds empty follow-ups and endorsements', async () => {
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_SCHEMA);
    v2.version(2).stores({ outbox: 'id, sessionId, [state+queuedAt]' });
    await fillV1(v2);
    const queued = { id: 'o-1', sessionId: 's-1', state: 'pending', queuedAt: 5 };
    await v2.table('outbox').add(queued);
    v2.close();

    const db = await openAndCheckV1(name);
    expect(await db.outbox.get('o-1')).toEqual(queued);
    expect(
      await db.outbox.where('[state+queuedAt]').between(['pending', 0], ['pending', 9]).count(),
    ).toBe(1);
    expect(await db.followUps.count()).toBe(0);
    expect(await db.endorsements.count()).toBe(0);
    // The new indexes answer at once.
    await db.followUps.add({
      id: 'f-1',
      skillId: 'k-css',
      sessionIds: ['s-1'],
      at: 1_700_600_000_000,
      status: 'answered',
      provenance: 'written',
      recall: 'Grid areas.',
      application: '',
    });
    expect(await db.followUps.where('sessionIds').equals('s-1').primaryKeys()).toEqual(['f-1']);
    expect(await db.followUps.where('skillId').equals('k-css').count()).toBe(1);
    expect(await db.endorsements.where('credentialId').equals('urn:uuid:x').count()).toBe(0);
    db.close();
  });
});

describe('database upgrade from version 1', () => {
  it('keeps every v1 record and adds an empty outbox', async () => {
    const name = `upgrade-v1-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_SCHEMA);
    await fillV1(v1);
    v1.close();

    const db = await openAndCheckV1(name);
    // The v1 indexes still answer after the upgrade.
    expect(await db.sessions.where('skills').equals('k-css').primaryKeys()).toEqual(['s-1']);
    expect(await db.skills.where('key').equals('css').count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.outbox.where('sessionId').equals('s-1').count()).toBe(0);
    db.close();
  });

  it('opens a fresh database at the latest version', async () => {
    const name = `fresh-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'captures',
        'endorsements',
        'followUps',
        'meta',
        'outbox',
        'searches',
        'sessions',
        'skills',
        'visits',
      ].sort(),
    );
    db.close();
  });
});
