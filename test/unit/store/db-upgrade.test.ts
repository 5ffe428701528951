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

const session: Session = {
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

describe('database upgrade from version 1', () => {
  it('keeps every v1 record and adds an empty outbox', async () => {
    const name = `upgrade-v1-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_SCHEMA);
    await v1.open();
    await v1.table('sessions').add(session);
    await v1.table('visits').add(visit);
    await v1.table('searches').add(search);
    await v1.table('skills').add(skill);
    await v1.table('captures').add(capture);
    await v1.table('meta').add({ key: 'installId', value: 'u-3f9c2a71' });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.sessions.get('s-1')).toEqual(session);
    expect(await db.visits.get('v-1')).toEqual(visit);
    expect(await db.searches.get('q-1')).toEqual(search);
    expect(await db.skills.get('k-css')).toEqual(skill);
    expect(await db.captures.get('c-1')).toEqual(capture);
    expect(await db.meta.get('installId')).toEqual({ key: 'installId', value: 'u-3f9c2a71' });
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
      ['captures', 'meta', 'outbox', 'searches', 'sessions', 'skills', 'visits'].sort(),
    );
    db.close();
  });
});
