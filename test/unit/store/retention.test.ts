import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db as sharedDb, openDb, type SkilltrailDb } from '../../../lib/store/db';
import { eraseEverything } from '../../../lib/store/erase';
import type { Capture, Search, Session, Visit } from '../../../lib/model';
import {
  isExpired,
  planRetention,
  purgeExpired,
  retentionCutoff,
} from '../../../lib/store/retention';
import { updateSettings } from '../../../lib/settings/settings-storage';
import {
  RETENTION_ALARM,
  registerRetention,
  runRetention,
} from '../../../entrypoints/background/retention';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 31, 12); // 31 May 2026, noon UTC

function session(id: string, startedAt: number, endedAt = startedAt + 60_000): Session {
  return {
    id,
    kind: 'reading',
    startedAt,
    endedAt,
    activeMs: endedAt - startedAt,
    title: id,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: [],
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: endedAt,
  };
}
const visit = (id: string, sessionId: string): Visit => ({
  id,
  sessionId,
  url: `https://example.org/${id}`,
  title: id,
  domain: 'example.org',
  startedAt: 0,
  endedAt: 0,
  activeMs: 1000,
});
const search = (id: string, sessionId: string): Search => ({
  id,
  sessionId,
  engine: 'google',
  query: id,
  url: `https://www.google.com/search?q=${id}`,
  at: 0,
});
const capture = (id: string, sessionId: string): Capture => ({
  id,
  url: `https://example.org/${id}`,
  sessionId,
  title: id,
  wordCount: 10,
  readerable: true,
  capturedAt: 0,
});

describe('retentionCutoff', () => {
  it.each([
    [0, null],
    [-3, null],
    [Number.NaN, null],
    [1, Date.UTC(2026, 3, 30)], // 31 May − 1 month → 30 April (shorter month)
    [3, Date.UTC(2026, 1, 28)], // → 28 February
    [12, Date.UTC(2025, 4, 31)],
    [17, Date.UTC(2024, 11, 31)],
  ])('keeping %s months on 31 May 2026 cuts at %s', (months, cutoff) => {
    expect(retentionCutoff(NOW, months, 'UTC')).toBe(cutoff);
  });

  it('cuts at local midnight in the learner’s time zone', () => {
    // 1 March 2026, 00:30 in Madrid is still 28 February in UTC.
    const now = Date.UTC(2026, 1, 28, 23, 30);
    expect(retentionCutoff(now, 1, 'Europe/Madrid')).toBe(Date.UTC(2026, 0, 31, 23));
  });
});

describe('planRetention', () => {
  const records = {
    sessions: [
      session('old', NOW - 400 * DAY),
      session('edge', NOW - 366 * DAY),
      // Started long ago, but the learner came back to it recently: it stays.
      session('revisited', NOW - 500 * DAY, NOW - 10 * DAY),
      session('new', NOW - 5 * DAY),
    ],
    visits: [visit('v1', 'old'), visit('v2', 'new'), visit('v3', 'revisited')],
    searches: [search('q1', 'old'), search('q2', 'new')],
    captures: [capture('c1', 'edge'), capture('c2', 'new')],
  };

  it('keeps everything when the learner keeps everything', () => {
    expect(planRetention(records, NOW, 0, 'UTC')).toEqual({
      sessionIds: [],
      visitIds: [],
      searchIds: [],
      captureIds: [],
    });
  });

  it('deletes expired sessions and only their visits, searches and captures', () => {
    expect(planRetention(records, NOW, 12, 'UTC')).toEqual({
      sessionIds: ['old', 'edge'],
      visitIds: ['v1'],
      searchIds: ['q1'],
      captureIds: ['c1'],
    });
  });

  it('measures age from the last activity', () => {
    expect(isExpired({ endedAt: 10 }, 11)).toBe(true);
    expect(isExpired({ endedAt: 11 }, 11)).toBe(false);
  });
});

async function fill(db: SkilltrailDb) {
  await db.sessions.bulkPut([
    session('old', NOW - 400 * DAY),
    session('revisited', NOW - 500 * DAY, NOW - 10 * DAY),
    session('new', NOW - 5 * DAY),
  ]);
  await db.visits.bulkPut([visit('v1', 'old'), visit('v2', 'new'), visit('v3', 'revisited')]);
  await db.searches.bulkPut([search('q1', 'old'), search('q2', 'new')]);
  await db.captures.bulkPut([capture('c1', 'old'), capture('c2', 'new')]);
  await db.skills.put({
    id: 's1',
    name: 'CSS',
    key: 'css',
    aliases: [],
    colour: '#000',
    createdAt: 0,
    updatedAt: 0,
  });
  await db.outbox.put({
    id: 'o1',
    sessionId: 'old',
    statementId: 'x',
    state: 'sent',
    queuedAt: 0,
  } as never);
}

describe('purgeExpired', () => {
  it('deletes old sessions with their records, and nothing else', async () => {
    const db = openDb(`retention-${crypto.randomUUID()}`);
    await fill(db);
    const counts = await purgeExpired(db, NOW, 12, 'UTC');
    expect(counts).toEqual({ sessions: 1, visits: 1, searches: 1, captures: 1 });
    expect((await db.sessions.toArray()).map((s) => s.id).sort()).toEqual(['new', 'revisited']);
    expect((await db.visits.toArray()).map((v) => v.id).sort()).toEqual(['v2', 'v3']);
    expect((await db.searches.toArray()).map((v) => v.id)).toEqual(['q2']);
    expect((await db.captures.toArray()).map((v) => v.id)).toEqual(['c2']);
    expect(await db.skills.count()).toBe(1);
    // The record store keeps what it received: no outbox row is left to void it.
    expect(await db.outbox.count()).toBe(0);
  });

  it('is idempotent and does nothing when keeping everything', async () => {
    const db = openDb(`retention-${crypto.randomUUID()}`);
    await fill(db);
    expect((await purgeExpired(db, NOW, 0)).sessions).toBe(0);
    expect(await db.sessions.count()).toBe(3);
    await purgeExpired(db, NOW, 12, 'UTC');
    expect((await purgeExpired(db, NOW, 12, 'UTC')).sessions).toBe(0);
    expect(await db.sessions.count()).toBe(2);
  });
});

describe('retention in the background', () => {
  beforeEach(async () => {
    await eraseEverything(sharedDb());
  });

  it('schedules a daily alarm once, without pushing an existing one back', async () => {
    registerRetention();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toBeDefined(),
    );
    const first = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(first?.periodInMinutes).toBe(24 * 60);
    registerRetention();
    await new Promise((r) => setTimeout(r, 10));
    expect((await fakeBrowser.alarms.get(RETENTION_ALARM))?.scheduledTime).toBe(
      first?.scheduledTime,
    );
  });

  it('purges on the alarm when the learner chose a retention period', async () => {
    await fill(sharedDb());
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      expect(await runRetention(NOW)).toBe(0); // keeps everything by default
      await updateSettings({ retentionMonths: 12 });
      registerRetention();
      await fakeBrowser.alarms.onAlarm.trigger({
        name: RETENTION_ALARM,
        scheduledTime: NOW,
        persistAcrossSessions: false,
      });
      await vi.waitFor(async () => expect(await sharedDb().sessions.count()).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });

  it('purges as soon as the learner sets a retention period', async () => {
    await fill(sharedDb());
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      registerRetention();
      await updateSettings({ retentionMonths: 12 });
      await vi.waitFor(async () => expect(await sharedDb().sessions.count()).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
