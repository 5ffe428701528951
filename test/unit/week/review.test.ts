import { describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { deleteSession, setSessionDismissed, tagSession } from '../../../lib/store/sessions';
import {
  filterReview,
  NO_FILTER,
  reviewOrder,
  sitesInReview,
  suggestionContextOf,
  UNTAGGED,
} from '../../../lib/week/review';
import { SKILL, uid, weekFixture } from '../../fixtures/week';
import { loadWeek } from '../../../lib/store/week';

const S = (n: number) => uid(0x100 + n);

async function seeded(): Promise<{ db: SkilltrailDb; fx: ReturnType<typeof weekFixture> }> {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const fx = weekFixture();
  await db.transaction(
    'rw',
    [db.sessions, db.visits, db.searches, db.skills, db.captures],
    async () => {
      await db.sessions.bulkAdd(fx.data.sessions);
      await db.visits.bulkAdd(fx.data.visits);
      await db.searches.bulkAdd(fx.data.searches);
      await db.skills.bulkAdd(fx.data.skills);
      await db.captures.bulkAdd(fx.data.captures);
    },
  );
  return { db, fx };
}

describe('loadWeek', () => {
  it('reads only the week’s sessions and their visits and searches', async () => {
    const { db, fx } = await seeded();
    const data = await loadWeek(db, fx.week.start, fx.week.end);
    expect(data.sessions.map((s) => s.id).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(S).sort());
    // The visit of last week's session (S9) stays out.
    expect(data.visits).toHaveLength(13);
    expect(data.searches).toHaveLength(2);
    expect(data.skills).toHaveLength(4);
  });

  it('reads the pages and queries of a session that runs past the week’s end', async () => {
    const { db, fx } = await seeded();
    const DAY = 86_400_000;
    const last = fx.data.sessions.find((s) => s.id === S(1))!;
    const start = fx.week.end - 60_000;
    const late = { ...last, id: S(20), startedAt: start, endedAt: fx.week.end + 3 * DAY };
    await db.sessions.add(late);
    await db.visits.bulkAdd(
      [start, fx.week.end + 2 * DAY, fx.week.end + 3 * DAY + 3_600_000].map((at, i) => ({
        id: uid(0x900 + i),
        sessionId: late.id,
        url: `https://example.org/${i}`,
        title: `Page ${i}`,
        domain: 'example.org',
        startedAt: at,
        endedAt: at + 60_000,
        // The last one was opened after the session's last activity and never shown.
        activeMs: i < 2 ? 60_000 : 0,
      })),
    );
    await db.searches.add({
      id: uid(0x9ff),
      sessionId: late.id,
      engine: 'duckduckgo',
      query: 'late query',
      url: 'https://duckduckgo.com/?q=late+query',
      at: fx.week.end + DAY,
    });
    const data = await loadWeek(db, fx.week.start, fx.week.end);
    expect(data.visits.filter((v) => v.sessionId === late.id)).toHaveLength(3);
    expect(data.searches.filter((q) => q.sessionId === late.id)).toHaveLength(1);
  });

  it('answers an empty week without touching visits', async () => {
    const { db, fx } = await seeded();
    const data = await loadWeek(db, fx.week.end + 7 * 86_400_000, fx.week.end + 14 * 86_400_000);
    expect(data).toMatchObject({ sessions: [], visits: [], searches: [] });
  });
});

describe('reviewOrder', () => {
  it('puts untagged first, then tagged, then "not learning", newest first in each', () => {
    const { data } = weekFixture();
    const order = reviewOrder(data).map((i) => i.session.id);
    expect(order).toEqual([S(7), S(6), S(5), S(4), S(3), S(2), S(1), S(9), S(8)]);
  });

  it('attaches visits and searches in time order', () => {
    const item = reviewOrder(weekFixture().data).find((i) => i.session.id === S(2))!;
    expect(item.visits.map((v) => v.title)).toEqual([
      'A Complete Guide to CSS Grid | CSS-Tricks',
      'Relationship of grid layout to other layout methods - CSS | MDN',
      'css - auto-fill vs auto-fit - Stack Overflow',
    ]);
    expect(item.searches.map((q) => q.query)).toEqual([
      'css grid vs flexbox',
      'css grid auto-fill vs auto-fit',
    ]);
  });
});

describe('filterReview', () => {
  const { data } = weekFixture();
  const items = reviewOrder(data);
  const ids = (filter: Partial<typeof NO_FILTER>) =>
    filterReview(items, { ...NO_FILTER, ...filter }, data.skills).map((i) => i.session.id);

  it.each([
    ['a query', { text: 'AUTO-FIT' }, [S(2)]],
    ['a note, accents folded', { text: 'grïd   areas' }, [S(1)]],
    ['a page title', { text: 'part 2' }, [S(7)]],
    ['every word, any order', { text: 'typography long' }, [S(7)]],
    ['a kind', { kind: 'watching' as const }, [S(5)]],
    ['a skill', { skill: SKILL.crypto }, [S(6), S(4)]],
    ['no skill', { skill: UNTAGGED }, [S(7)]],
    ['a site of a page', { site: 'stackoverflow.com' }, [S(2)]],
    ['several filters', { site: 'developer.mozilla.org', skill: SKILL.css }, [S(2), S(1), S(9)]],
  ])('finds sessions by %s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('lists the sites, most sessions first', () => {
    expect(sitesInReview(items).slice(0, 2)).toEqual(['developer.mozilla.org', 'blog.example.com']);
  });

  it('gives suggestions the session’s site, title and distinct queries', () => {
    const item = items.find((i) => i.session.id === S(2))!;
    expect(suggestionContextOf(item)).toMatchObject({
      sessionId: S(2),
      domain: 'google.com',
      engine: 'google',
      queries: ['css grid vs flexbox', 'css grid auto-fill vs auto-fit'],
    });
  });
});

describe('deleteSession', () => {
  it('deletes the session with its visits, searches and captures, in one go', async () => {
    const { db } = await seeded();
    expect(await deleteSession(db, S(2))).toEqual({
      sessions: 1,
      visits: 3,
      searches: 2,
      captures: 0,
    });
    expect(await deleteSession(db, S(1))).toEqual({
      sessions: 1,
      visits: 2,
      searches: 0,
      captures: 1,
    });
    expect(await db.sessions.get(S(2))).toBeUndefined();
    expect(
      await db.visits
        .where('sessionId')
        .anyOf([S(1), S(2)])
        .count(),
    ).toBe(0);
    expect(await db.searches.count()).toBe(0);
    expect(await db.sessions.count()).toBe(7);
  });

  it('is idempotent', async () => {
    const { db } = await seeded();
    await deleteSession(db, S(3));
    expect(await deleteSession(db, S(3))).toEqual({
      sessions: 0,
      visits: 0,
      searches: 0,
      captures: 0,
    });
  });
});

describe('setSessionDismissed', () => {
  it('marks "not learning" and undoes it as kept, keeping everything else', async () => {
    const { db } = await seeded();
    const before = (await db.sessions.get(S(7)))!;
    const dismissed = await setSessionDismissed(db, S(7), true, 5);
    expect(dismissed).toMatchObject({ status: 'dismissed', updatedAt: 5 });
    // Tagging a dismissed session leaves it dismissed.
    await tagSession(db, S(7), { note: 'still here', now: 6 });
    expect((await db.sessions.get(S(7)))?.status).toBe('dismissed');
    const undone = await setSessionDismissed(db, S(7), false, 7);
    expect(undone).toEqual({ ...before, note: 'still here', status: 'kept', updatedAt: 7 });
    expect(await setSessionDismissed(db, 'gone', true, 8)).toBeUndefined();
  });
});
