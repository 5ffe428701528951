import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../lib/store/db';
import { testConnection } from '../../lib/sync/lrs-client';
import type { LrsConfig } from '../../lib/sync/lrs-endpoint';
import type { FetchLike } from '../../lib/sync/lrs-exchange';
import { queueSession, queueSessions } from '../../lib/store/outbox';
import { VOIDED_VERB } from '../../lib/sync/statement';
import { resumeSync, syncNow, syncStatus, type SyncOptions } from '../../lib/store/outbox-delivery';
import type { SyncResult } from '../../lib/sync/sync-status';
import { startFaultProxy, type FaultProxy } from '../lrs/fault-proxy';
import { startLrs, type RunningLrs } from '../lrs/start';
import { learner, READ, SEARCHED, sessionStatement, skillIri } from './fixtures';
import { fetchStatement, queryStatements } from './lrs-query';

const realFetch: FetchLike = (url, init) => fetch(url, init);
const credentials = { key: 'skilltrail-test', secret: 'not-a-real-secret' };

let lrs: RunningLrs;
let db: SkilltrailDb;
let clock: number;
const now = () => clock;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  lrs = await startLrs();
});
afterAll(async () => {
  await lrs?.stop();
});
beforeEach(async () => {
  db = openDb(`integration-${crypto.randomUUID()}`);
  await db.open();
  clock = Date.UTC(2026, 5, 8, 9);
});
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
  db.close();
  await Dexie.delete(db.name);
});

async function proxy(port?: number): Promise<FaultProxy> {
  const p = await startFaultProxy({ target: lrs.endpoint, port, maxHangMs: 5_000 });
  proxies.push(p);
  return p;
}

/** Runs the sync the way the alarm does: again at each `retryAt`, until nothing is pending. */
async function syncUntilDone(
  config: LrsConfig,
  options: SyncOptions = {},
  maxRuns = 30,
): Promise<SyncResult[]> {
  const runs: SyncResult[] = [];
  for (let i = 0; i < maxRuns; i++) {
    const result = await syncNow(db, config, realFetch, now, { random: () => 0, ...options });
    runs.push(result);
    if (result.pending === 0 || result.paused) return runs;
    clock = Math.max(clock + 1, result.retryAt ?? clock);
  }
  throw new Error(`still pending after ${maxRuns} runs: ${JSON.stringify(runs.at(-1))}`);
}

async function queueLearnerSessions(actor: object, n: number): Promise<string[]> {
  const items = Array.from({ length: n }, (_, i) => {
    const sessionId = crypto.randomUUID();
    return {
      sessionId,
      statements: [
        sessionStatement(i % 2 ? 'search' : 'reading', {
          sessionId,
          actor,
          title: `t${i}`,
          skills: ['css'],
        }),
      ],
    };
  });
  await queueSessions(db, items, clock);
  return items.map((i) => i.statements[0]!.id);
}

describe('sync to a real LRS', () => {
  it('answers Test connection with the LRS xAPI version', async () => {
    expect(await testConnection({ endpoint: lrs.endpoint, ...credentials }, realFetch)).toEqual({
      ok: true,
      versions: ['1.0.3'],
      credentials: 'accepted',
    });
  });

  it('delivers statements with their verbs and skills', async () => {
    const actor = learner();
    const reading = sessionStatement('reading', {
      sessionId: crypto.randomUUID(),
      actor,
      title: 'CSS grid layout',
      skills: ['css', 'front-end-development'],
    });
    const search = sessionStatement('search', {
      sessionId: crypto.randomUUID(),
      actor,
      title: 'css grid vs flexbox',
      skills: ['css'],
    });
    await queueSession(db, 'reading-session', [reading], clock);
    await queueSession(db, 'search-session', [search], clock);

    const result = await syncNow(db, { endpoint: lrs.endpoint, ...credentials }, realFetch, now);
    expect(result).toMatchObject({ sent: 2, failed: 0, pending: 0, paused: false });

    const stored = await queryStatements(lrs.endpoint, {
      agent: JSON.stringify({ mbox: actor.mbox }),
    });
    expect(stored.map((s) => s.id).sort()).toEqual([reading.id, search.id].sort());
    const byId = new Map(stored.map((s) => [s.id, s]));
    expect(byId.get(reading.id)!.verb).toMatchObject({ id: READ });
    expect(byId.get(search.id)!.verb).toMatchObject({ id: SEARCHED });
    expect(byId.get(search.id)!.result).toMatchObject({ response: 'css grid vs flexbox' });
    const categories = (s: (typeof stored)[number]) =>
      (
        s.context as { contextActivities: { category: { id: string }[] } }
      ).contextActivities.category.map((c) => c.id);
    expect(categories(byId.get(reading.id)!)).toEqual(
      expect.arrayContaining([skillIri('css'), skillIri('front-end-development')]),
    );

    // The LRS finds a skill's evidence by its IRI, as a learning system would ask.
    const bySkill = await queryStatements(lrs.endpoint, {
      agent: JSON.stringify({ mbox: actor.mbox }),
      activity: skillIri('front-end-development'),
      related_activities: 'true',
    });
    expect(bySkill.map((s) => s.id)).toEqual([reading.id]);
  });

  it('delivers everything exactly once when the LRS goes away mid-sync and comes back', async () => {
    const actor = learner();
    const ids = await queueLearnerSessions(actor, 240);
    const p = await proxy();
    const config = { endpoint: p.endpoint, ...credentials };
    // Two batches go through; the LRS stores the third but its answer is lost.
    let posts = 0;
    const counting: FetchLike = async (url, init) => {
      if (init.method === 'POST' && ++posts === 3) p.faults.push({ kind: 'reset-after-forward' });
      return realFetch(url, init);
    };
    const first = await syncNow(db, config, counting, now, { random: () => 0 });
    expect(first).toMatchObject({ sent: 100, pending: 140, lastError: { code: 'network' } });

    // The LRS is now unreachable altogether: nothing listens on its port.
    const port = p.port;
    await p.close();
    clock = first.retryAt!;
    const down = await syncNow(db, config, realFetch, now, { random: () => 0 });
    expect(down).toMatchObject({ sent: 0, pending: 140, lastError: { code: 'network' } });
    expect(down.retryAt! - clock).toBeGreaterThanOrEqual(30_000); // the second failure in a row waits longer

    // Back on the same address: the rest arrives, the lost batch without duplicates.
    await proxy(port);
    clock = down.retryAt!;
    const runs = await syncUntilDone(config);
    expect(runs.at(-1)).toMatchObject({ pending: 0, paused: false });
    expect(runs.at(-1)!.lastError).toBeUndefined();

    const stored = await queryStatements(lrs.endpoint, {
      agent: JSON.stringify({ mbox: actor.mbox }),
    });
    expect(stored).toHaveLength(240);
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(ids));
    expect(await syncStatus(db)).toMatchObject({ pending: 0, sent: 240, failed: 0 });
  });

  it('voids and replaces the statements of a session edited after sending', async () => {
    const actor = learner();
    const sessionId = crypto.randomUUID();
    const config = { endpoint: lrs.endpoint, ...credentials };
    const original = sessionStatement('reading', {
      sessionId,
      actor,
      title: 'CSS grid',
      skills: ['css'],
    });
    await queueSession(db, sessionId, [original], clock);
    await syncNow(db, config, realFetch, now);

    clock += 60_000;
    const edited = sessionStatement('reading', {
      id: original.id, // the exporter's id is stable per record
      sessionId,
      actor,
      title: 'CSS grid',
      skills: ['css', 'front-end-development'],
    });
    await queueSession(db, sessionId, [edited], clock);
    expect(await syncNow(db, config, realFetch, now)).toMatchObject({ sent: 2, pending: 0 });

    const stored = await queryStatements(lrs.endpoint, {
      agent: JSON.stringify({ mbox: actor.mbox }),
    });
    const voiding = stored.filter((s) => (s.verb as { id: string }).id === VOIDED_VERB);
    const live = stored.filter((s) => (s.verb as { id: string }).id === READ);
    expect(voiding).toHaveLength(1);
    expect(voiding[0]!.object).toEqual({ objectType: 'StatementRef', id: original.id });
    expect(live).toHaveLength(1);
    expect(live[0]!.id).not.toBe(original.id);
    expect(JSON.stringify(live[0]!.context)).toContain(skillIri('front-end-development'));
    // The LRS now hides the original, and keeps it only as voided.
    expect(await fetchStatement(lrs.endpoint, original.id)).toBeUndefined();
    expect(await fetchStatement(lrs.endpoint, original.id, true)).toMatchObject({
      id: original.id,
    });

    // Queueing the same edit again changes nothing.
    expect(await queueSession(db, sessionId, [edited], clock + 1)).toMatchObject({ unchanged: 1 });
  });

  it('refuses redirects: a 302 never counts as sent, a 307 never re-posts elsewhere', async () => {
    const actor = learner();
    const ids = await queueLearnerSessions(actor, 2);
    // Another origin that would take whatever a redirect re-posts to it.
    const received: string[] = [];
    const elsewhere = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
      });
    });
    await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
    const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/xAPI`;
    try {
      const p = await proxy();
      const config = { endpoint: p.endpoint, ...credentials };
      // 302 to the LRS's own statements: followed, the POST would become a GET answered 200.
      p.faults.push({
        kind: 'status',
        status: 302,
        method: 'POST',
        headers: { location: `${lrs.endpoint}/statements` },
      });
      const moved = await syncNow(db, config, realFetch, now);
      expect(moved).toMatchObject({
        sent: 0,
        pending: 2,
        paused: true,
        lastError: { code: 'redirect', status: 302, detail: `${lrs.endpoint}/statements` },
      });
      await resumeSync(db);
      p.faults.push({
        kind: 'status',
        status: 307,
        method: 'POST',
        headers: { location: `${other}/statements` },
      });
      expect(await syncNow(db, config, realFetch, now)).toMatchObject({
        sent: 0,
        pending: 2,
        lastError: { code: 'redirect', status: 307 },
      });
      // Test connection says so before anything is sent.
      p.faults.push({
        kind: 'status',
        status: 301,
        method: 'GET',
        headers: { location: `${other}/about` },
      });
      expect(await testConnection(config, realFetch)).toMatchObject({
        ok: false,
        error: { code: 'redirect', status: 301, detail: `${other}/about` },
      });
      expect(received).toEqual([]);
      const stored = await queryStatements(lrs.endpoint, {
        agent: JSON.stringify({ mbox: actor.mbox }),
      });
      expect(stored).toEqual([]);
      // The endpoint is fixed (no redirect now): everything goes, once.
      await resumeSync(db);
      expect(await syncNow(db, config, realFetch, now)).toMatchObject({ sent: 2, pending: 0 });
      const after = await queryStatements(lrs.endpoint, {
        agent: JSON.stringify({ mbox: actor.mbox }),
      });
      expect(after.map((s) => s.id).sort()).toEqual([...ids].sort());
    } finally {
      await new Promise((done) => elsewhere.close(done));
    }
  });

  it('explains refused credentials and waits for the learner', async () => {
    const actor = learner();
    await queueLearnerSessions(actor, 3);
    const p = await proxy();
    const config = { endpoint: p.endpoint, ...credentials };
    // The test LRS answers 401 to this token, as a real one does to a wrong key.
    p.faults.push({ kind: 'auth', authorization: 'Basic missing_token', method: 'POST' });
    const refused = await syncNow(db, config, realFetch, now);
    expect(refused).toMatchObject({
      sent: 0,
      pending: 3,
      paused: true,
      lastError: { code: 'auth', status: 401, detail: 'Unauthorised' },
    });
    expect(JSON.stringify(await syncStatus(db))).not.toContain(credentials.secret);

    // Paused: the alarm's runs send nothing, however late.
    clock += 86_400_000;
    expect(await syncNow(db, config, realFetch, now)).toMatchObject({ sent: 0, paused: true });

    // 403 (credentials without the right scope) pauses too.
    await resumeSync(db);
    p.faults.push({ kind: 'auth', authorization: 'invalid_scope_client', method: 'POST' });
    expect(await syncNow(db, config, realFetch, now)).toMatchObject({
      paused: true,
      lastError: { code: 'forbidden', status: 403 },
    });

    // Test connection says the same, before anything is sent.
    p.faults.push(
      { kind: 'auth', authorization: 'Basic missing_token', method: 'GET' },
      { kind: 'auth', authorization: 'Basic missing_token', method: 'GET' },
    );
    expect(await testConnection(config, realFetch)).toMatchObject({
      ok: false,
      error: { code: 'auth', status: 401 },
    });

    // New credentials: the learner's change lifts the pause and everything goes.
    await resumeSync(db);
    expect(await syncNow(db, config, realFetch, now)).toMatchObject({
      sent: 3,
      pending: 0,
      paused: false,
    });
  });

  it('retries 500, 429 with Retry-After, hangs and resets until everything arrives', async () => {
    const actor = learner();
    const ids = await queueLearnerSessions(actor, 120);
    const p = await proxy();
    const config = { endpoint: p.endpoint, ...credentials };
    p.faults.push(
      { kind: 'status', status: 500, body: '{"message":"Internal error"}', method: 'POST' },
      { kind: 'status', status: 429, headers: { 'Retry-After': '7' }, method: 'POST' },
      { kind: 'hang', method: 'POST' },
      { kind: 'reset', method: 'POST' },
      {
        kind: 'status',
        status: 503,
        headers: { 'Retry-After': new Date(clock + 3_600_000).toUTCString() },
        method: 'POST',
      },
    );
    const runs = await syncUntilDone(config, { timeoutMs: 500 });
    const errors = runs.map((r) => r.lastError?.code);
    expect(errors.slice(0, 5)).toEqual(['server', 'rate-limited', 'timeout', 'network', 'server']);
    expect(runs.at(-1)).toMatchObject({ pending: 0, failed: 0 });
    expect(runs.at(-1)!.lastError).toBeUndefined();
    // 429's Retry-After was honoured exactly.
    expect(runs[1]!.retryAt).toBe(runs[0]!.retryAt! + 7_000);

    const stored = await queryStatements(lrs.endpoint, {
      agent: JSON.stringify({ mbox: actor.mbox }),
    });
    expect(stored).toHaveLength(120);
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(ids));
  });

  it('counts a 409 for statements the LRS already holds, identical, as sent', async () => {
    const actor = learner();
    const ids = await queueLearnerSessions(actor, 3);
    // They reached the LRS before (say, from a run whose answers were lost)…
    const entries = await db.outbox.bulkGet(ids);
    await fetch(`${lrs.endpoint}/statements`, {
      method: 'POST',
      headers: {
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
        Authorization: 'Basic eDp5',
      },
      body: JSON.stringify(entries.map((e) => e!.statement)),
    });
    // …and this LRS answers 409 to any id it has, as xAPI allows: the batch, then each one.
    const p = await proxy();
    for (let i = 0; i < 4; i++) {
      p.faults.push({
        kind: 'status',
        status: 409,
        body: '{"message":"conflict"}',
        method: 'POST',
      });
    }
    const result = await syncNow(db, { endpoint: p.endpoint, ...credentials }, realFetch, now);
    expect(result).toMatchObject({ sent: 3, failed: 0, pending: 0 });
    expect(result.lastError).toBeUndefined();
    expect(p.log.filter((r) => r.method === 'GET').map((r) => r.path)).toHaveLength(3);
  });

  it('fails a statement whose id the LRS holds with other content, and keeps going', async () => {
    const actor = learner();
    const config = { endpoint: lrs.endpoint, ...credentials };
    const sessionId = crypto.randomUUID();
    const first = sessionStatement('reading', { sessionId, actor, title: 'One', skills: [] });
    // Someone else's copy under the same id, already in the LRS.
    await fetch(`${lrs.endpoint}/statements`, {
      method: 'POST',
      headers: {
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
        Authorization: 'Basic eDp5',
      },
      body: JSON.stringify([
        { ...first, object: { objectType: 'Activity', id: 'https://example.org/other' } },
      ]),
    });
    const others = await queueLearnerSessions(actor, 4);
    await queueSession(db, sessionId, [first], clock + 1);
    const result = await syncNow(db, config, realFetch, now);
    expect(result).toMatchObject({ sent: 4, failed: 1, pending: 0 });
    expect(result.lastError).toMatchObject({ code: 'conflict', status: 409 });
    expect((await db.outbox.get(first.id))!.error).toContain('different statement');
    expect(others).toHaveLength(4);
  });
});
