import { describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import {
  eraseEverything,
  eraseSessions,
  eraseSite,
  findSiteRecords,
} from '../../../lib/store/erase';
import type { Session, Visit } from '../../../lib/model';

const freshDb = () => openDb(`erase-${crypto.randomUUID()}`);

function session(id: string, url: string, kind: Session['kind'] = 'reading'): Session {
  return {
    id,
    kind,
    startedAt: 1,
    endedAt: 2,
    activeMs: 300_000,
    title: id,
    url,
    domain: new URL(url).hostname.replace(/^www\./, ''),
    skills: [],
    note: '',
    status: 'auto',
    provenance: 'measured',
    updatedAt: 2,
  };
}
function visit(id: string, sessionId: string, url: string, activeMs = 60_000): Visit {
  return {
    id,
    sessionId,
    url,
    title: id,
    domain: new URL(url).hostname.replace(/^www\./, ''),
    startedAt: 1,
    endedAt: 2,
    activeMs,
  };
}

async function fill(db: SkilltrailDb) {
  await db.sessions.bulkPut([
    session('bank', 'https://online.bank.example/accounts'),
    session('bank-www', 'https://www.bank.example/'),
    session('mdn', 'https://developer.mozilla.org/grid'),
    session('search', 'https://www.google.com/search?q=bank+fees', 'search'),
  ]);
  await db.visits.bulkPut([
    visit('v-bank', 'bank', 'https://online.bank.example/accounts'),
    visit('v-mdn', 'mdn', 'https://developer.mozilla.org/grid'),
    // A search led to the bank's site: that page goes, the search stays.
    visit('v-from-search', 'search', 'https://www.bank.example/fees', 120_000),
    visit('v-other', 'search', 'https://en.wikipedia.org/wiki/Fee', 180_000),
  ]);
  await db.searches.put({
    id: 'q',
    sessionId: 'search',
    engine: 'google',
    query: 'bank fees',
    url: 'https://www.google.com/search?q=bank+fees',
    at: 1,
  });
  await db.captures.bulkPut([
    {
      id: 'c-bank',
      url: 'https://www.bank.example/',
      sessionId: 'bank-www',
      title: 'Bank',
      wordCount: 1,
      readerable: false,
      capturedAt: 1,
    },
    {
      id: 'c-bank-in-search',
      url: 'https://www.bank.example/fees',
      sessionId: 'search',
      title: 'Fees',
      wordCount: 1,
      readerable: false,
      capturedAt: 1,
    },
  ]);
}

describe('eraseSite', () => {
  it('finds the site’s sessions and its pages inside other sessions', async () => {
    const db = freshDb();
    await fill(db);
    expect(await findSiteRecords(db, 'bank.example')).toEqual({
      sessionIds: ['bank', 'bank-www'],
      strayVisitIds: ['v-from-search'],
      strayCaptureIds: ['c-bank-in-search'],
    });
  });

  it('deletes everything recorded from the site and its subdomains, nothing else', async () => {
    const db = freshDb();
    await fill(db);
    const counts = await eraseSite(db, 'bank.example', 99);
    expect(counts).toEqual({ sessions: 2, visits: 2, searches: 0, captures: 2 });
    expect((await db.sessions.toArray()).map((s) => s.id).sort()).toEqual(['mdn', 'search']);
    expect((await db.visits.toArray()).map((v) => v.id).sort()).toEqual(['v-mdn', 'v-other']);
    expect(await db.searches.count()).toBe(1);
    expect(await db.captures.count()).toBe(0);
    // The search session's time loses the deleted page's time.
    expect(await db.sessions.get('search')).toMatchObject({ activeMs: 180_000, updatedAt: 99 });
  });

  it('is idempotent and leaves the outbox so the next sync withdraws what was sent', async () => {
    const db = freshDb();
    await fill(db);
    await db.outbox.put({ id: 'o', sessionId: 'bank', state: 'sent', queuedAt: 0 } as never);
    await eraseSite(db, 'bank.example', 99);
    expect(await eraseSite(db, 'bank.example', 100)).toEqual({
      sessions: 0,
      visits: 0,
      searches: 0,
      captures: 0,
    });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('eraseSessions', () => {
  it('skips ids that are already gone', async () => {
    const db = freshDb();
    await fill(db);
    const counts = await eraseSessions(db, ['mdn', 'nope']);
    expect(counts).toEqual({ sessions: 1, visits: 1, searches: 0, captures: 0 });
  });

  it('deletes in batches larger histories', async () => {
    const db = freshDb();
    const many = Array.from({ length: 1203 }, (_, i) => session(`s${i}`, `https://a.example/${i}`));
    await db.sessions.bulkPut(many);
    const counts = await eraseSessions(
      db,
      many.map((s) => s.id),
    );
    expect(counts.sessions).toBe(1203);
    expect(await db.sessions.count()).toBe(0);
  });
});

describe('eraseEverything', () => {
  it('empties every table', async () => {
    const db = freshDb();
    await fill(db);
    await db.meta.put({ key: 'installId', value: 'x' });
    await db.skills.put({
      id: 's',
      name: 'S',
      key: 's',
      aliases: [],
      colour: '#000',
      createdAt: 0,
      updatedAt: 0,
    });
    await db.outbox.put({ id: 'o', sessionId: 'bank', state: 'sent', queuedAt: 0 } as never);
    await eraseEverything(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
