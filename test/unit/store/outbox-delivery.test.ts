import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import type { LrsConfig } from '../../../lib/sync/lrs-endpoint';
import { markAttempted, queueSession, queueSessions } from '../../../lib/store/outbox';
import type { XapiStatement } from '../../../lib/export/xapi/statement';
import { VOIDED_VERB } from '../../../lib/sync/statement';
import { resumeSync, syncNow, syncStatus } from '../../../lib/store/outbox-delivery';
import { fakeLrs, type FakeLrs } from '../../lrs/fake-lrs';

const config: LrsConfig = {
  endpoint: 'https://lrs.example.org/xAPI',
  key: 'ada-key',
  secret: 's3cr3t-pass',
};
const actor = { objectType: 'Agent', mbox: 'mailto:ada@example.org' };

function reading(id: string, title = 'Grid'): XapiStatement {
  return {
    id,
    actor,
    verb: { id: 'http://activitystrea.ms/schema/1.0/read' },
    object: { id: `https://example.org/${id}`, definition: { name: { 'en-US': title } } },
  };
}

let db: SkilltrailDb;
let lrs: FakeLrs;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  db = openDb(`sync-${crypto.randomUUID()}`);
  await db.open();
  lrs = fakeLrs();
  clock = 1_000_000;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function queueMany(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  await queueSessions(
    db,
    ids.map((id, i) => ({ sessionId: `s${i}`, statements: [reading(id)] })),
    clock,
  );
  return ids;
}

const posts = () => lrs.requests.filter((r) => r.method === 'POST');

describe('syncNow', () => {
  it('sends the outbox in batches of at most 50 and marks them sent', async () => {
    const ids = await queueMany(120);
    const result = await syncNow(db, config, lrs.fetch, now);
    expect(result).toMatchObject({ sent: 120, failed: 0, pending: 0, paused: false, busy: false });
    expect(posts().map((r) => (JSON.parse(r.body!) as unknown[]).length)).toEqual([50, 50, 20]);
    expect([...lrs.statements.keys()].sort()).toEqual(ids.sort());
    expect(await syncStatus(db)).toMatchObject({
      pending: 0,
      sent: 120,
      failed: 0,
      lastSyncAt: clock,
    });
  });

  it('backs off after a 5xx and delivers everything exactly once later', async () => {
    await queueMany(60);
    lrs.faults.push({ status: 200, body: [] }); // the first batch "arrives"
    lrs.faults.push({ status: 503, body: { message: 'maintenance' } });
    const first = await syncNow(db, config, lrs.fetch, now, { random: () => 0 });
    expect(first).toMatchObject({ sent: 50, pending: 10, retryAt: clock + 15_000 });
    expect(first.lastError).toMatchObject({ code: 'server', status: 503, detail: 'maintenance' });

    // Before retryAt an automatic run does nothing.
    const early = await syncNow(db, config, lrs.fetch, now);
    expect(early).toMatchObject({ sent: 0, pending: 10 });
    expect(posts()).toHaveLength(2);

    clock += 15_000;
    const second = await syncNow(db, config, lrs.fetch, now);
    expect(second).toMatchObject({ sent: 10, pending: 0 });
    expect(second.lastError).toBeUndefined();
    expect(second.retryAt).toBeUndefined();
  });

  it('grows the back-off with each failure in a row and resets it on success', async () => {
    await queueMany(1);
    const retries: number[] = [];
    for (let i = 0; i < 4; i++) {
      lrs.faults.push({ throws: 'fetch failed' });
      const r = await syncNow(db, config, lrs.fetch, now, { random: () => 1 });
      retries.push(r.retryAt! - clock);
      clock = r.retryAt!;
    }
    expect(retries).toEqual([30_000, 60_000, 120_000, 240_000]);
    await syncNow(db, config, lrs.fetch, now);
    lrs.faults.push({ throws: 'fetch failed' });
    await queueSession(db, 'other', [reading(crypto.randomUUID())], clock);
    const r = await syncNow(db, config, lrs.fetch, now, { random: () => 1 });
    expect(r.retryAt! - clock).toBe(30_000);
  });

  it('honours 429 Retry-After in seconds and as an HTTP date', async () => {
    await queueMany(1);
    lrs.faults.push({ status: 429, headers: { 'Retry-After': '120' } });
    expect((await syncNow(db, config, lrs.fetch, now)).retryAt).toBe(clock + 120_000);
    clock += 120_000;
    lrs.faults.push({
      status: 429,
      headers: { 'Retry-After': new Date(clock + 300_000).toUTCString() },
    });
    expect((await syncNow(db, config, lrs.fetch, now)).retryAt).toBe(clock + 300_000);
  });

  it('pauses on 401 with a clear error until the learner acts', async () => {
    await queueMany(3);
    lrs.faults.push({ status: 401, body: { message: 'Unauthorised' } });
    const result = await syncNow(db, config, lrs.fetch, now);
    expect(result).toMatchObject({
      sent: 0,
      pending: 3,
      paused: true,
      lastError: { code: 'auth', status: 401 },
    });
    expect(result.retryAt).toBeUndefined();

    clock += 86_400_000;
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({ sent: 0, paused: true });
    expect(posts()).toHaveLength(1);

    await resumeSync(db);
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({ sent: 3, paused: false });
  });

  it('runs despite a pause or back-off when the learner forces it', async () => {
    await queueMany(1);
    lrs.faults.push({ status: 403 });
    await syncNow(db, config, lrs.fetch, now);
    expect(await syncNow(db, config, lrs.fetch, now, { force: true })).toMatchObject({
      sent: 1,
      paused: false,
    });
  });

  it('marks statements the LRS refuses as failed with its message and sends the rest', async () => {
    const good = await queueMany(3);
    const bad = {
      id: crypto.randomUUID(),
      verb: { id: 'http://x.org/v' },
      object: { id: 'http://x.org/o' },
    };
    await queueSession(db, 'bad', [bad], clock + 1);
    const result = await syncNow(db, config, lrs.fetch, now);
    expect(result).toMatchObject({ sent: 3, failed: 1, pending: 0 });
    expect(result.lastError).toMatchObject({ code: 'rejected', status: 400 });
    expect((await db.outbox.get(bad.id))!).toMatchObject({ state: 'failed' });
    expect((await db.outbox.get(bad.id))!.error).toContain(
      "Missing required value in 'statements.0.actor'",
    );
    expect([...lrs.statements.keys()].sort()).toEqual(good.sort());
    // one batch refused, then one request per statement
    expect(posts()).toHaveLength(5);
  });

  it('counts a 409 for the very same statement as sent, one by one', async () => {
    const ids = await queueMany(3);
    lrs.conflictOnDuplicate = true;
    lrs.statements.set(ids[1]!, reading(ids[1]!));
    const result = await syncNow(db, config, lrs.fetch, now);
    expect(result).toMatchObject({ sent: 3, failed: 0, pending: 0 });
    expect(result.lastError).toBeUndefined();
  });

  it('fails a 409 for a different statement under the same id', async () => {
    const [id] = await queueMany(1);
    lrs.statements.set(id!, reading(id!, 'something else'));
    const result = await syncNow(db, config, lrs.fetch, now);
    expect(result).toMatchObject({ sent: 0, failed: 1 });
    expect((await db.outbox.get(id!))!.error).toContain('different statement');
  });

  it('re-sends a batch whose answer was lost without duplicating it', async () => {
    const ids = await queueMany(2);
    // The LRS stores the batch, then the connection drops before the answer.
    const original = lrs.fetch;
    lrs.fetch = async (url, init) => {
      await original(url, init);
      lrs.fetch = original;
      throw new TypeError('socket hang up');
    };
    const first = await syncNow(db, config, (u, i) => lrs.fetch(u, i), now, { random: () => 0 });
    expect(first).toMatchObject({ sent: 0, pending: 2, lastError: { code: 'network' } });
    clock = first.retryAt!;
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({ sent: 2, pending: 0 });
    expect([...lrs.statements.keys()].sort()).toEqual(ids.sort());
  });

  it('voids and replaces the statements of a session edited after sending', async () => {
    const id = crypto.randomUUID();
    await queueSession(db, 's1', [reading(id, 'Grid')], clock);
    await syncNow(db, config, lrs.fetch, now);
    clock += 1000;
    await queueSession(db, 's1', [reading(id, 'CSS Grid')], clock);
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({ sent: 2, pending: 0 });
    const all = [...lrs.statements.values()];
    expect(all).toHaveLength(3);
    const voiding = all.find((s) => (s.verb as { id: string }).id === VOIDED_VERB)!;
    expect(voiding.object).toEqual({ objectType: 'StatementRef', id });
    expect(all.filter((s) => JSON.stringify(s).includes('CSS Grid'))).toHaveLength(1);
  });

  it('voids an edited statement whose delivery was never confirmed', async () => {
    const id = crypto.randomUUID();
    await queueSession(db, 's1', [reading(id, 'Grid')], clock);
    await markAttempted(db, [id]);
    await queueSession(db, 's1', [reading(id, 'CSS Grid')], clock + 1);
    await syncNow(db, config, lrs.fetch, now);
    expect([...lrs.statements.values()].map((s) => (s.verb as { id: string }).id).sort()).toEqual(
      ['http://activitystrea.ms/schema/1.0/read', VOIDED_VERB].sort(),
    );
  });

  it('leaves the queue to a runner already holding the lease', async () => {
    await queueMany(2);
    await db.meta.put({ key: 'syncLease', value: { owner: 'dashboard', until: clock + 10_000 } });
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({
      busy: true,
      sent: 0,
      pending: 2,
    });
    clock += 10_001; // an abandoned lease expires
    expect(await syncNow(db, config, lrs.fetch, now)).toMatchObject({ busy: false, sent: 2 });
  });

  it('stops starting batches when its time budget is spent', async () => {
    await queueMany(120);
    const slow: typeof lrs.fetch = async (u, i) => {
      clock += 10_000;
      return lrs.fetch(u, i);
    };
    expect(await syncNow(db, config, slow, now, { budgetMs: 15_000 })).toMatchObject({
      sent: 100,
      pending: 20,
    });
  });

  it('sends everything current to a new LRS when the endpoint changes, without old voids', async () => {
    const id = crypto.randomUUID();
    await queueSession(db, 'edited', [reading(id, 'Grid')], clock);
    await syncNow(db, config, lrs.fetch, now);
    await queueSession(db, 'edited', [reading(id, 'CSS Grid')], clock + 1);
    await queueMany(2);
    await syncNow(db, config, lrs.fetch, now);
    expect(lrs.statements.size).toBe(5); // original, its void, the edit, two more

    const other = fakeLrs();
    const moved = { ...config, endpoint: 'https://other-lrs.example.org/xAPI' };
    expect(await syncNow(db, moved, other.fetch, now)).toMatchObject({ sent: 3, pending: 0 });
    expect(other.statements.size).toBe(3);
    expect([...other.statements.values()].some((s) => JSON.stringify(s).includes('CSS Grid'))).toBe(
      true,
    );
    expect(
      [...other.statements.values()].some((s) => (s.verb as { id: string }).id === VOIDED_VERB),
    ).toBe(false);
    // Same endpoint again: nothing to resend.
    expect(await syncNow(db, moved, other.fetch, now)).toMatchObject({ sent: 0, pending: 0 });
  });

  it('never puts the key or secret in the status', async () => {
    await queueMany(1);
    lrs.faults.push({ status: 500, body: `proxy saw ${config.key}:${config.secret}` });
    await syncNow(db, config, lrs.fetch, now);
    const text = JSON.stringify(await syncStatus(db)) + JSON.stringify(await db.meta.toArray());
    expect(text).not.toContain(config.secret);
    expect(text).not.toContain(config.key);
  });
});
