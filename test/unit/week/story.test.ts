import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import type { Session, Skill } from '../../../lib/model';
import { summarise, type SummaryData } from '../../../lib/week/summary';
import { shiftWeek, weekOf } from '../../../lib/time';
import {
  reflectionStreak,
  MIN_GROWTH_MS,
  skillsThatGrew,
  STORY_REFLECTIONS,
  weekStory,
} from '../../../lib/week/story';
import { loadStreakSessions } from '../../../lib/store/week';

const MIN = 60_000;
const timeZone = 'Europe/Berlin';
const weekStart = 1;
const options = { timeZone, weekStart };
// Wednesday of 2026-W48.
const now = Date.parse('2026-11-25T12:00:00Z');
const week = weekOf(now, options);
const lastWeek = shiftWeek(week, -1, options);

const skill = (id: string, name: string): Skill => ({
  id,
  name,
  key: name.toLowerCase(),
  aliases: [],
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
});
const SKILLS = [skill('css', 'CSS'), skill('sql', 'SQL'), skill('ux', 'UX design')];

let n = 0;
function session(startedAt: number, fields: Partial<Session> = {}): Session {
  n += 1;
  const url = fields.url ?? `https://docs.example/${n}`;
  return {
    id: `s${n}`,
    kind: 'reading',
    startedAt,
    endedAt: startedAt + 10 * MIN,
    activeMs: 10 * MIN,
    title: `Page ${n}`,
    url,
    domain: new URL(url).hostname,
    skills: [],
    note: '',
    status: 'kept',
    updatedAt: startedAt,
    ...fields,
  };
}

const data = (sessions: Session[]): SummaryData => ({
  sessions,
  visits: [],
  searches: [],
  skills: SKILLS,
});
const summaryOf = (sessions: Session[], range = week) =>
  summarise(data(sessions), { start: range.start, end: range.end, ...options });

describe('skillsThatGrew', () => {
  const hour = (h: number) => week.start + h * 3_600_000;
  const lastHour = (h: number) => lastWeek.start + h * 3_600_000;

  it('names skills with more time than the week before, the largest growth first', () => {
    const current = summaryOf([
      session(hour(10), { skills: ['css'], activeMs: 30 * MIN }),
      session(hour(11), { skills: ['sql'], activeMs: 12 * MIN }),
      session(hour(12), { skills: ['ux'], activeMs: 5 * MIN }),
    ]);
    const previous = summaryOf(
      [
        session(lastHour(10), { skills: ['css'], activeMs: 10 * MIN }),
        session(lastHour(11), { skills: ['ux'], activeMs: 20 * MIN }),
      ],
      lastWeek,
    );
    expect(skillsThatGrew(current, previous)).toEqual([
      { skillId: 'css', name: 'CSS', activeMs: 30 * MIN, previousMs: 10 * MIN },
      { skillId: 'sql', name: 'SQL', activeMs: 12 * MIN, previousMs: 0 },
    ]);
  });

  it.each([
    ['the same time', 10 * MIN, 10 * MIN, []],
    ['a few seconds more', 10 * MIN + 30_000, 10 * MIN, []],
    ['exactly the smallest growth', 10 * MIN + MIN_GROWTH_MS, 10 * MIN, ['css']],
    ['less time', 5 * MIN, 10 * MIN, []],
  ])('with %s, growth is %j', (_, now_, before, grew) => {
    const current = summaryOf([session(hour(10), { skills: ['css'], activeMs: now_ })]);
    const previous = summaryOf(
      [session(lastHour(10), { skills: ['css'], activeMs: before })],
      lastWeek,
    );
    expect(skillsThatGrew(current, previous).map((g) => g.skillId)).toEqual(grew);
  });

  it('is empty for an empty week', () => {
    expect(skillsThatGrew(summaryOf([]), summaryOf([], lastWeek))).toEqual([]);
  });
});

describe('weekStory', () => {
  const hour = (h: number) => week.start + h * 3_600_000;

  it('tells the skills, the latest reflections, growth, one-site skills and the streak', () => {
    const sessions = [
      session(hour(9), { skills: ['css'], note: 'Grid areas name parts of a layout.' }),
      session(hour(10), {
        skills: ['sql'],
        url: 'https://db.example/joins',
        note: '  Joins match rows.  ',
      }),
      session(hour(11), { skills: ['sql'], url: 'https://db.example/window' }),
      session(hour(12), { note: 'An untagged thought.' }),
      session(hour(13), { skills: ['css'], note: 'Not learning.', status: 'dismissed' }),
      session(hour(14), { skills: ['css'], url: 'https://css.example/flex', note: 'Flex wraps.' }),
    ];
    const summary = summaryOf(sessions);
    const story = weekStory({
      summary,
      previous: summaryOf([], lastWeek),
      sessions,
      streakSessions: sessions,
      now,
      ...options,
    });
    expect(story.skills.map((s) => s.name)).toEqual(['CSS', 'SQL']);
    expect(story.reflectionCount).toBe(4);
    expect(story.reflections).toHaveLength(STORY_REFLECTIONS);
    expect(story.reflections.map((r) => r.text)).toEqual([
      'Flex wraps.',
      'An untagged thought.',
      'Joins match rows.',
    ]);
    expect(story.grew.map((g) => g.name)).toEqual(['CSS', 'SQL']);
    expect(story.singleSource).toEqual([{ skillId: 'sql', name: 'SQL', site: 'db.example' }]);
    expect(story.streak).toEqual({ weeks: 1, includesThisWeek: true });
  });

  it('counts a past week’s streak up to that week, not up to today', () => {
    const before = shiftWeek(lastWeek, -1, options);
    const noted = [
      session(before.start + 3_600_000, { note: 'a' }),
      session(lastWeek.start + 3_600_000, { note: 'b' }),
    ];
    const story = weekStory({
      summary: summaryOf(noted.slice(1), lastWeek),
      previous: summaryOf(noted.slice(0, 1), before),
      sessions: noted,
      streakSessions: noted,
      // Weeks later: the streak of that week still reads 2.
      now: now + 30 * 86_400_000,
      ...options,
    });
    expect(story.streak).toEqual({ weeks: 2, includesThisWeek: true });
  });
});

describe('loadStreakSessions', () => {
  it('reads one reflected session per week until a week has none', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    const weeksAgo = (k: number) => shiftWeek(week, -k, options).start + 3_600_000;
    await db.sessions.bulkAdd([
      // This week: nothing written yet. The three weeks before: a reflection each.
      session(weeksAgo(0)),
      session(weeksAgo(1), { note: 'one' }),
      session(weeksAgo(1) + MIN, { note: 'one again' }),
      session(weeksAgo(2), { note: 'two' }),
      session(weeksAgo(3), { note: 'three' }),
      session(weeksAgo(4), { note: 'dismissed', status: 'dismissed' }),
      session(weeksAgo(5), { note: 'before the gap' }),
    ]);
    const found = await loadStreakSessions(db, { now, ...options });
    expect(found.map((s) => s.note)).toEqual(['one', 'two', 'three']);
    expect(reflectionStreak(found, { now, ...options })).toEqual({
      weeks: 3,
      includesThisWeek: false,
    });
  });

  it('finds nothing when neither this week nor the last has a reflection', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    await db.sessions.bulkAdd([
      session(shiftWeek(week, -2, options).start + 3_600_000, { note: 'long ago' }),
    ]);
    expect(await loadStreakSessions(db, { now, ...options })).toEqual([]);
  });
});
