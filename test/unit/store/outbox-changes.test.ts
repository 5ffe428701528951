import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import type { Session } from '../../../lib/model';
import { countByState, markSent, nextPending } from '../../../lib/store/outbox';
import {
  queueChangedSessions,
  rescanAllSessions,
  type ChangeScanOptions,
} from '../../../lib/store/outbox-changes';
import { derivedId, VOIDED_VERB } from '../../../lib/sync/statement';

const MIN = 60_000;
let db: SkilltrailDb;
const T0 = Date.UTC(2026, 5, 8, 9);

beforeEach(async () => {
  db = openDb(`changes-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function session(id: string, patch: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'reading',
    startedAt: T0,
    endedAt: T0 + 5 * MIN,
    activeMs: 4 * MIN,
    title: `Title ${id}`,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: [],
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: T0 + 5 * MIN,
    ...patch,
  };
}

// One statement per session whose id is stable per record and whose content follows the title.
const options: ChangeScanOptions = {
  scope: 'kept',
  settledAfterMs: 30 * MIN,
  build: async (sessions) =>
    new Map(
      sessions.map((s) => [
        s.id,
        [
          {
            id: derivedId(`test:${s.id}`),
            actor: { mbox: 'mailto:a@b.c' },
            verb: { id: 'v' },
            object: { id: s.url, title: s.title },
          },
        ],
      ]),
    ),
};

describe('queueChangedSessions', () => {
  it('queues settled sessions in scope, and an unsettled one once it settles', async () => {
    await db.sessions.bulkPut([
      session('a'),
      session('auto', { status: 'auto' }),
      session('gone', { status: 'dismissed' }),
      session('live', { endedAt: T0 + 50 * MIN, updatedAt: T0 + 50 * MIN }),
    ]);
    const first = await queueChangedSessions(db, T0 + 60 * MIN, options);
    expect(first).toMatchObject({ queued: 1, scanned: 4, unsettled: 1 });

    const second = await queueChangedSessions(db, T0 + 90 * MIN, options);
    expect(second).toMatchObject({ queued: 1, unsettled: 0 });
    expect((await nextPending(db, 10)).map((e) => e.sessionId).sort()).toEqual(['a', 'live']);

    // The last day is looked at again (clock skew), and nothing new is queued.
    expect(await queueChangedSessions(db, T0 + 91 * MIN, options)).toMatchObject({
      queued: 0,
      voided: 0,
    });
    // Past the skew window, nothing is even looked at again.
    await queueChangedSessions(db, T0 + 2 * 24 * 60 * MIN, options);
    expect(await queueChangedSessions(db, T0 + 2 * 24 * 60 * MIN, options)).toMatchObject({
      queued: 0,
      scanned: 0,
    });
  });

  it('waits out a stated activity’s edits, never its end (noon of the day it names)', async () => {
    // Stated at 12:10 for today: its session ends at noon, ten minutes ago.
    const noon = T0 + 3 * 60 * MIN;
    const stated = session('stated', {
      kind: 'away',
      provenance: 'stated',
      startedAt: noon,
      endedAt: noon,
      activeMs: 0,
      statedMs: 2 * 60 * MIN,
      learningKind: 'mentoring',
      url: '',
      domain: '',
      updatedAt: noon + 10 * MIN,
    });
    await db.sessions.put(stated);
    // Saved a minute ago: the learner may still correct it.
    expect(await queueChangedSessions(db, noon + 11 * MIN, options)).toMatchObject({
      queued: 0,
      unsettled: 1,
    });
    // Left alone two minutes: sent, though its end is within the 30-minute settling time.
    expect(await queueChangedSessions(db, noon + 13 * MIN, options)).toMatchObject({
      queued: 1,
      unsettled: 0,
    });
  });

  it('keeps queueing later sessions after one whose times lie in the future', async () => {
    const YEAR = 365 * 24 * 60 * MIN;
    // From a backup, or written while the clock was briefly a year ahead.
    await db.sessions.bulkPut([
      session('future', { endedAt: T0 + YEAR, updatedAt: T0 + YEAR }),
      session('a'),
    ]);
    const first = await queueChangedSessions(db, T0 + 60 * MIN, options);
    expect(first).toMatchObject({ queued: 2, unsettled: 0 });
    // The clock is right again: sessions written now are still found.
    await db.sessions.put(session('b', { updatedAt: T0 + 61 * MIN }));
    const second = await queueChangedSessions(db, T0 + 90 * MIN, options);
    expect(second).toMatchObject({ queued: 1 });
    expect((await nextPending(db, 10)).map((e) => e.sessionId).sort()).toEqual([
      'a',
      'b',
      'future',
    ]);
    // A session edited while the clock runs an hour slow is found too.
    await db.sessions.put(session('slow', { title: 'edited', updatedAt: T0 + 30 * MIN }));
    expect(await queueChangedSessions(db, T0 + 95 * MIN, options)).toMatchObject({ queued: 1 });
  });

  it('sends unreviewed sessions too when the scope is all', async () => {
    await db.sessions.bulkPut([
      session('auto', { status: 'auto' }),
      session('gone', { status: 'dismissed' }),
    ]);
    expect(
      await queueChangedSessions(db, T0 + 60 * MIN, { ...options, scope: 'all' }),
    ).toMatchObject({ queued: 1 });
  });

  it('voids what was sent for a session later edited, dismissed or deleted', async () => {
    await db.sessions.bulkPut([session('edit'), session('dismiss'), session('delete')]);
    await queueChangedSessions(db, T0 + 60 * MIN, options);
    await markSent(
      db,
      (await nextPending(db, 10)).map((e) => e.id),
      T0 + 61 * MIN,
    );

    await db.sessions.update('edit', { title: 'Better title', updatedAt: T0 + 62 * MIN });
    await db.sessions.update('dismiss', { status: 'dismissed', updatedAt: T0 + 62 * MIN });
    await db.sessions.delete('delete');
    const result = await queueChangedSessions(db, T0 + 70 * MIN, options);
    expect(result).toMatchObject({ queued: 1, voided: 3 });
    const pending = await nextPending(db, 10);
    expect(
      pending.filter((e) => (e.statement.verb as { id: string }).id === VOIDED_VERB),
    ).toHaveLength(3);
    expect(await queueChangedSessions(db, T0 + 80 * MIN, options)).toMatchObject({
      queued: 0,
      voided: 0,
    });
  });

  it('waits until the learner stops editing', async () => {
    await db.sessions.put(session('a', { updatedAt: T0 + 59 * MIN }));
    expect(await queueChangedSessions(db, T0 + 60 * MIN, options)).toMatchObject({
      queued: 0,
      unsettled: 1,
    });
    expect(await queueChangedSessions(db, T0 + 62 * MIN, options)).toMatchObject({ queued: 1 });
  });

  it('pages through a long history, past an unsettled session, without missing any', async () => {
    const many = Array.from({ length: 1234 }, (_, i) =>
      session(`s${i}`, { updatedAt: T0 + 5 * MIN + (i % 700) }),
    );
    many.push(session('live', { endedAt: T0 + 59 * MIN, updatedAt: T0 + 5 * MIN - 1 }));
    await db.sessions.bulkPut(many);
    const result = await queueChangedSessions(db, T0 + 60 * MIN, options);
    expect(result).toMatchObject({ queued: 1234, unsettled: 1, scanned: 1235 });
    expect((await countByState(db)).pending).toBe(1234);
    expect(await queueChangedSessions(db, T0 + 100 * MIN, options)).toMatchObject({
      queued: 1,
      unchanged: 1234,
    });
  });

  it('looks at everything again after a rescan, queueing only what differs', async () => {
    await db.sessions.bulkPut([session('a'), session('b')]);
    await queueChangedSessions(db, T0 + 60 * MIN, options);
    await rescanAllSessions(db);
    expect(await queueChangedSessions(db, T0 + 61 * MIN, options)).toMatchObject({
      queued: 0,
      unchanged: 2,
    });
  });
});
