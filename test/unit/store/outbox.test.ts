import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import {
  countByState,
  markAttempted,
  markSent,
  nextPending,
  queueSession,
  queueSessions,
  retryFailed,
} from '../../../lib/store/outbox';
import type { XapiStatement } from '../../../lib/export/xapi/statement';
import { VOIDED_VERB } from '../../../lib/sync/statement';

const actor = { objectType: 'Agent', mbox: 'mailto:ada@example.org' };

function reading(id: string, title: string): XapiStatement {
  return {
    id,
    actor,
    verb: { id: 'http://activitystrea.ms/schema/1.0/read' },
    object: { id: 'https://example.org/a', definition: { name: { 'en-US': title } } },
  };
}

function reflection(id: string, readingId: string, text: string): XapiStatement {
  return {
    id,
    actor,
    verb: { id: 'https://w3id.org/xapi/catch/verbs/reflected' },
    object: { id: 'https://example.org/a' },
    result: { response: text },
    context: { statement: { objectType: 'StatementRef', id: readingId } },
  };
}

const R = '6f0d2c1e-8a3b-4f5e-9c7d-1a2b3c4d5e6f';
const N = '7a1e3d2f-9b4c-4a6f-8d8e-2b3c4d5e6f70';

let db: SkilltrailDb;
beforeEach(async () => {
  db = openDb(`outbox-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('queueSession', () => {
  it('queues a new session’s statements under their own ids', async () => {
    const result = await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    expect(result).toEqual({ queued: 1, voided: 0, unchanged: 0 });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      id: R,
      sessionId: 's1',
      state: 'pending',
      revision: 0,
      attempts: 0,
    });
  });

  it('is idempotent: the same statements again queue nothing', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid'), reflection(N, R, 'Areas')], 1_000);
    const again = await queueSession(
      db,
      's1',
      [reflection(N, R, 'Areas'), reading(R, 'Grid')],
      2_000,
    );
    expect(again).toEqual({ queued: 0, voided: 0, unchanged: 1 });
    expect(await db.outbox.count()).toBe(2);
  });

  it('replaces an unsent edit without voiding anything', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    const result = await queueSession(db, 's1', [reading(R, 'CSS Grid')], 2_000);
    expect(result).toEqual({ queued: 1, voided: 0, unchanged: 0 });
    const pending = await nextPending(db, 50);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.id).not.toBe(R);
    expect(pending[0]!.statement.object).toMatchObject({
      definition: { name: { 'en-US': 'CSS Grid' } },
    });
    expect((await db.outbox.get(R))!.state).toBe('superseded');
  });

  it('voids sent statements of an edited session and queues new ids, refs included', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid'), reflection(N, R, 'Areas')], 1_000);
    await markSent(db, [R, N], 1_500);
    const result = await queueSession(
      db,
      's1',
      [reading(R, 'Grid'), reflection(N, R, 'Areas and lines')],
      2_000,
    );
    expect(result).toEqual({ queued: 2, voided: 2, unchanged: 0 });

    const pending = await nextPending(db, 50);
    const voids = pending.filter((e) => e.kind === 'void');
    expect(voids.map((v) => (v.statement.object as { id: string }).id).sort()).toEqual(
      [R, N].sort(),
    );
    expect(voids.every((v) => (v.statement.verb as { id: string }).id === VOIDED_VERB)).toBe(true);

    const fresh = pending.filter((e) => e.kind === 'statement');
    const newReading = fresh.find((e) => e.sourceId === R)!;
    const newReflection = fresh.find((e) => e.sourceId === N)!;
    expect(newReading.id).not.toBe(R);
    expect(newReflection.id).not.toBe(N);
    expect(newReflection.revision).toBe(1);
    expect(newReflection.statement.context).toEqual({
      statement: { objectType: 'StatementRef', id: newReading.id },
    });
    expect(await countByState(db)).toEqual({ pending: 4, sent: 0, failed: 0, superseded: 2 });
  });

  it('voids a statement that may have arrived though no answer came back', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    await markAttempted(db, [R]);
    const result = await queueSession(db, 's1', [reading(R, 'Grid!')], 2_000);
    expect(result.voided).toBe(1);
  });

  it('voids everything when a sent session is dismissed or deleted', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    await markSent(db, [R], 1_500);
    expect(await queueSession(db, 's1', [], 2_000)).toEqual({ queued: 0, voided: 1, unchanged: 0 });
    expect(await queueSession(db, 's1', [], 3_000)).toEqual({ queued: 0, voided: 0, unchanged: 1 });
  });

  it('never reuses the id of a voided statement when an edit is undone', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    await markSent(db, [R], 1_100);
    await queueSession(db, 's1', [reading(R, 'Grid 2')], 2_000);
    const second = (await nextPending(db, 50)).find((e) => e.kind === 'statement')!;
    await markSent(
      db,
      (await nextPending(db, 50)).map((e) => e.id),
      2_100,
    );
    await queueSession(db, 's1', [reading(R, 'Grid')], 3_000);
    const third = (await nextPending(db, 50)).find((e) => e.kind === 'statement')!;
    expect(new Set([R, second.id, third.id]).size).toBe(3);
    expect(third.revision).toBe(2);
  });

  it('queues many sessions in one call, each once', async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({
      sessionId: `s${i}`,
      statements: [reading(crypto.randomUUID(), `t${i}`)],
    }));
    expect(await queueSessions(db, items, 1_000)).toEqual({ queued: 120, voided: 0, unchanged: 0 });
    expect(await queueSessions(db, items, 2_000)).toEqual({ queued: 0, voided: 0, unchanged: 120 });
    expect((await nextPending(db, 50)).length).toBe(50);
  });

  it('gives a record that moved to another session a new id there', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    await markSent(db, [R], 1_100);
    // The record now belongs to s2; s1 no longer has it.
    expect(await queueSession(db, 's2', [reading(R, 'Grid')], 2_000)).toMatchObject({ queued: 1 });
    expect(await queueSession(db, 's1', [], 2_000)).toMatchObject({ voided: 1 });
    expect((await db.outbox.get(R))!).toMatchObject({ sessionId: 's1', state: 'superseded' });
    const moved = (await nextPending(db, 10)).find((e) => e.sessionId === 's2')!;
    expect(moved.id).not.toBe(R);
    expect(moved.sourceId).toBe(R);
    // Stable: the same statements for s2 again change nothing.
    expect(await queueSession(db, 's2', [reading(R, 'Grid')], 3_000)).toMatchObject({
      unchanged: 1,
    });
  });
});

describe('retryFailed', () => {
  it('puts failed entries back in the queue', async () => {
    await queueSession(db, 's1', [reading(R, 'Grid')], 1_000);
    await db.outbox.update(R, { state: 'failed', error: '400' });
    expect(await retryFailed(db)).toBe(1);
    expect(await db.outbox.get(R)).toMatchObject({ state: 'pending', error: undefined });
  });
});
