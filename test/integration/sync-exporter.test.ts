import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../lib/store/db';
import { getOrCreateInstallId } from '../../lib/store/install-id';
import { IRI_BASE, skillIri } from '../../lib/export/iri';
import { XAPI_VERB } from '../../lib/export/xapi/vocabulary';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { FetchLike } from '../../lib/sync/lrs-exchange';
import { countByState } from '../../lib/store/outbox';
import { queueSessionChanges } from '../../lib/store/session-statements';
import type { XapiStatement } from '../../lib/export/xapi/statement';
import { sameStatement, VOIDED_VERB } from '../../lib/sync/statement';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../lib/sync/sync-config';
import { syncNow } from '../../lib/store/outbox-delivery';
import { FIXTURE_TIME_ZONE, SKILL, weekFixture } from '../fixtures/week';
import { startLrs, type RunningLrs } from '../lrs/start';
import { fetchStatement, queryStatements } from './lrs-query';

const realFetch: FetchLike = (url, init) => fetch(url, init);
let lrs: RunningLrs;
let db: SkilltrailDb;

beforeAll(async () => {
  lrs = await startLrs();
});
afterAll(async () => {
  await lrs?.stop();
});
beforeEach(async () => {
  db = openDb(`exporter-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const verbOf = (s: XapiStatement) => (s.verb as { id: string }).id;

describe('sync of the exporter’s statements to a real LRS', () => {
  it('sends a week of sessions with their verbs and skills, then voids and replaces an edit', async () => {
    const f = weekFixture();
    await db.sessions.bulkAdd(f.data.sessions);
    await db.visits.bulkAdd(f.data.visits);
    await db.searches.bulkAdd(f.data.searches);
    await db.skills.bulkAdd(f.data.skills);
    const sync: SyncSettings = {
      ...DEFAULT_SYNC_SETTINGS,
      enabled: true,
      endpoint: lrs.endpoint,
      key: 'k',
      secret: 's',
      scope: 'all',
    };
    const settings = {
      ...DEFAULT_SETTINGS,
      exportPrivacy: 'full' as const,
      weekStart: f.weekStart,
    };
    const config = { endpoint: lrs.endpoint, key: 'k', secret: 's' };
    let now = f.now;

    const queued = await queueSessionChanges(db, sync, settings, now, FIXTURE_TIME_ZONE);
    expect(queued.queued).toBeGreaterThan(0);
    const result = await syncNow(db, config, realFetch, () => now);
    // The real LRS validates every statement: none may be refused.
    expect(result).toMatchObject({ sent: queued.queued, failed: 0, pending: 0 });

    const installId = await getOrCreateInstallId(db);
    const agent = JSON.stringify({ account: { homePage: IRI_BASE, name: installId } });
    const stored = await queryStatements(lrs.endpoint, { agent });
    expect(stored).toHaveLength(queued.queued);
    const verbs = new Set(stored.map(verbOf));
    expect([...verbs]).toEqual(
      expect.arrayContaining([XAPI_VERB.read.id, XAPI_VERB.searched.id, XAPI_VERB.reflected.id]),
    );
    // Skills travel as category activities: the framework URI when a skill has one.
    const cssEvidence = await queryStatements(lrs.endpoint, {
      agent,
      activity: f.data.skills.find((s) => s.id === SKILL.css)!.uri!,
      related_activities: 'true',
    });
    expect(cssEvidence.length).toBeGreaterThan(0);
    const frontEnd = await queryStatements(lrs.endpoint, {
      agent,
      activity: skillIri(SKILL.frontEnd),
      related_activities: 'true',
    });
    expect(frontEnd.length).toBeGreaterThan(0);
    // What the LRS stored reads back as the statement sent, by the comparison a 409 relies
    // on (the LRS adds stored, authority, version and objectTypes, and rewrites instants).
    for (const entry of (await db.outbox.toArray()).slice(0, 25)) {
      const back = await fetchStatement(lrs.endpoint, entry.id);
      expect(sameStatement(entry.statement, back), JSON.stringify(back)).toBe(true);
    }
    // Dismissed sessions are never sent.
    const dismissed = f.data.sessions.filter((s) => s.status === 'dismissed').map((s) => s.id);
    expect(dismissed.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(`/sessions/${dismissed[0]}`);

    // The learner rewrites a reflection a day later: the old statements are voided.
    const edited = f.data.sessions.find((s) => s.note && s.status !== 'dismissed')!;
    const before = await db.outbox.where('sessionId').equals(edited.id).toArray();
    now += 86_400_000;
    await db.sessions.update(edited.id, {
      note: 'Grid areas name regions; subgrid aligns nested grids.',
      updatedAt: now - 600_000,
    });
    const again = await queueSessionChanges(db, sync, settings, now, FIXTURE_TIME_ZONE);
    expect(again.voided).toBe(before.length);
    expect(again.queued).toBe(before.length);
    expect(await syncNow(db, config, realFetch, () => now)).toMatchObject({
      failed: 0,
      pending: 0,
    });

    const after = await queryStatements(lrs.endpoint, { agent });
    expect(after.filter((s) => verbOf(s) === VOIDED_VERB)).toHaveLength(before.length);
    expect(JSON.stringify(after)).toContain('subgrid aligns nested grids');
    for (const old of before) {
      expect(await fetchStatement(lrs.endpoint, old.id)).toBeUndefined();
      expect(await fetchStatement(lrs.endpoint, old.id, true)).toMatchObject({ id: old.id });
    }
    expect(await countByState(db)).toMatchObject({ pending: 0, failed: 0 });

    // Nothing changed since: another scan queues nothing.
    expect(
      await queueSessionChanges(db, sync, settings, now + 60_000, FIXTURE_TIME_ZONE),
    ).toMatchObject({
      queued: 0,
      voided: 0,
    });
  });
});
