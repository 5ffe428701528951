import { describe, expect, it } from 'vitest';
import type { Session, Visit } from '../../../lib/model';
import { localDays, rangeLabel } from '../../../lib/week/days';
import { summarise, type SummaryData } from '../../../lib/week/summary';
import { reflectionStreak, singleSourceSkills } from '../../../lib/week/story';
import { weekOf } from '../../../lib/time';
import { SKILL, uid, weekFixture } from '../../fixtures/week';

const MIN = 60_000;

function fixtureSummary() {
  const f = weekFixture();
  return summarise(f.data, { ...f.week, timeZone: f.timeZone, weekStart: f.weekStart });
}

function session(id: string, startedAt: number, activeMs: number, extra: Partial<Session> = {}) {
  return {
    id,
    kind: 'reading',
    startedAt,
    endedAt: startedAt + activeMs,
    activeMs,
    title: 't',
    url: 'https://a.example/',
    domain: 'a.example',
    skills: [],
    note: '',
    status: 'auto',
    provenance: 'measured',
    updatedAt: startedAt,
    ...extra,
  } satisfies Session;
}

function data(sessions: Session[], visits: Visit[] = []): SummaryData {
  return { sessions, visits, searches: [], skills: [] };
}

describe('summarise on the fixture week', () => {
  it('adds up the week without the dismissed session or the one from the week before', () => {
    const s = fixtureSummary();
    expect(s.weekKey).toBe('2026-W48');
    expect(s.label).toBe('2026-W48');
    expect(s.totals).toEqual({
      activeMs: 65.5 * MIN,
      statedMs: 0,
      sessions: 7,
      pages: 13,
      searches: 2,
      sites: 7,
      skills: 3,
      notes: 4,
    });
    expect(s.untagged).toEqual({ activeMs: 15 * MIN, sessions: 1 });
  });

  it('splits time over the seven local days, a session crossing midnight over two', () => {
    const s = fixtureSummary();
    expect(s.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(s.days.map((d) => d.activeMs / MIN)).toEqual([16, 6, 1.5, 15, 12, 10, 5]);
    expect(s.days.map((d) => d.sessions)).toEqual([2, 1, 1, 1, 1, 1, 0]);
    expect(s.days.map((d) => d.untaggedMs / MIN)).toEqual([0, 0, 0, 0, 0, 10, 5]);
    expect(s.days.reduce((sum, d) => sum + d.activeMs, 0)).toBe(s.totals.activeMs);
  });

  it('summarises each skill: time, sessions, sources, queries and notes', () => {
    const s = fixtureSummary();
    expect(s.skills.map((k) => [k.name, k.activeMs / MIN, k.sessions])).toEqual([
      ['Front-end development', 30, 3],
      ['CSS', 16, 2],
      ['Web cryptography', 13.5, 2],
    ]);
    const css = s.skills.find((k) => k.skillId === SKILL.css)!;
    expect(css.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\//);
    expect(css.pages).toBe(5);
    expect(css.searches).toBe(2);
    expect(css.queries).toEqual(['css grid vs flexbox', 'css grid auto-fill vs auto-fit']);
    expect(css.topSources).toEqual([
      { site: 'developer.mozilla.org', activeMs: 11 * MIN, pages: 3 },
      { site: 'css-tricks.com', activeMs: 4 * MIN, pages: 1 },
      { site: 'stackoverflow.com', activeMs: 1 * MIN, pages: 1 },
    ]);
    expect(css.sourceDiversity).toBe(3);
    expect(css.notes.map((n) => n.text)).toEqual([
      'Grid areas name regions; grid-template-areas draws the layout as text.',
    ]);
    expect(css.perDay.map((d) => d.activeMs / MIN)).toEqual([16, 0, 0, 0, 0, 0, 0]);
    const crypto = s.skills.find((k) => k.skillId === SKILL.crypto)!;
    // The captured session without visits is one page on its own site.
    expect(crypto.topSources.map((t) => t.site)).toEqual([
      'developer.mozilla.org',
      'blog.example.com',
    ]);
    expect(crypto.notes).toHaveLength(2);
  });

  it('ignores skill ids that are no longer in the library', () => {
    const s = fixtureSummary();
    expect(s.skills.map((k) => k.skillId)).not.toContain(SKILL.deleted);
    expect(s.skills.map((k) => k.skillId)).not.toContain(SKILL.gardening);
  });

  it('counts a session whose only skill was deleted as untagged', () => {
    const f = weekFixture();
    f.data.sessions[4]!.skills = [SKILL.deleted];
    const s = summarise(f.data, { ...f.week, timeZone: f.timeZone });
    expect(s.untagged.sessions).toBe(2);
  });
});

describe('summarise across time zones and DST changes', () => {
  it.each([
    // The same instant is Sunday night in New York but already Monday in Berlin and Auckland.
    ['America/New_York', 1],
    ['Europe/Berlin', 0],
    ['Pacific/Auckland', 0],
  ])('counts 2026-11-29T23:30Z in week 2026-W48 of %s %i time(s)', (timeZone, expected) => {
    const instant = Date.parse('2026-11-29T23:30:00Z');
    const week =
      timeZone === 'America/New_York'
        ? weekOf(instant, { timeZone })
        : weekOf(Date.parse('2026-11-25T12:00:00Z'), { timeZone });
    expect(week.key).toBe('2026-W48');
    const s = summarise(data([session(uid(1), instant, MIN)]), { ...week, timeZone });
    expect(s.totals.sessions).toBe(expected);
  });

  it('has a 25-hour Sunday when New York leaves daylight saving time', () => {
    const timeZone = 'America/New_York';
    const week = weekOf(Date.parse('2026-10-28T12:00:00Z'), { timeZone });
    expect(week.key).toBe('2026-W44');
    // 01:30 EDT and 01:30 EST: the same wall-clock time twice, both on 1 November.
    const first = Date.parse('2026-11-01T05:30:00Z');
    const second = Date.parse('2026-11-01T06:30:00Z');
    const s = summarise(data([session(uid(1), first, MIN), session(uid(2), second, 2 * MIN)]), {
      ...week,
      timeZone,
    });
    const sunday = s.days[6]!;
    expect(sunday.date).toBe('2026-11-01');
    expect((sunday.end - sunday.start) / 3_600_000).toBe(25);
    expect(sunday.activeMs).toBe(3 * MIN);
    expect(sunday.sessions).toBe(2);
    expect((s.end - s.start) / 3_600_000).toBe(169);
  });

  it('has a 23-hour Sunday when Berlin starts daylight saving time', () => {
    const timeZone = 'Europe/Berlin';
    const week = weekOf(Date.parse('2026-03-25T12:00:00Z'), { timeZone });
    const s = summarise(data([]), { ...week, timeZone });
    expect(s.days[6]!.date).toBe('2026-03-29');
    expect((s.days[6]!.end - s.days[6]!.start) / 3_600_000).toBe(23);
  });

  it('puts Monday 00:30 in Auckland on Monday although it is Sunday in UTC (DST just began)', () => {
    const timeZone = 'Pacific/Auckland';
    // NZ daylight time starts on Sunday 27 September 2026; Monday 28 Sep 00:30 NZDT = Sun 11:30Z.
    const instant = Date.parse('2026-09-27T11:30:00Z');
    const week = weekOf(instant, { timeZone });
    expect(week.key).toBe('2026-W40');
    const s = summarise(data([session(uid(1), instant, 5 * MIN)]), { ...week, timeZone });
    expect(s.days[0]!.date).toBe('2026-09-28');
    expect(s.days[0]!.activeMs).toBe(5 * MIN);
    const previous = weekOf(instant - 3_600_000, { timeZone });
    const days = localDays(previous.start, previous.end, timeZone);
    expect(days[6]!.date).toBe('2026-09-27');
    expect((days[6]!.end - days[6]!.start) / 3_600_000).toBe(23);
  });

  it('starts the week on Sunday when the learner says so', () => {
    const timeZone = 'Europe/Berlin';
    const week = weekOf(Date.parse('2026-11-25T12:00:00Z'), { timeZone, weekStart: 0 });
    const s = summarise(data([]), { ...week, timeZone, weekStart: 0 });
    expect(s.days[0]!.date).toBe('2026-11-22');
    expect(s.weekKey).toBe('2026-W48');
  });
});

describe('summarise edge cases', () => {
  it('labels a range that is not a week by its local dates', () => {
    const timeZone = 'Europe/Berlin';
    const start = Date.parse('2026-10-31T23:00:00Z');
    const end = Date.parse('2026-11-30T23:00:00Z');
    expect(rangeLabel(start, end, { timeZone })).toEqual({
      label: '2026-11-01_2026-11-30',
      weekKey: null,
    });
    expect(summarise(data([]), { start, end, timeZone }).days).toHaveLength(30);
  });

  it('scales visits that add up to more than their session, keeping the day total exact', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const s0 = session(uid(1), start + 1000, 10_001);
    const visits: Visit[] = [1, 2, 3].map((n) => ({
      id: uid(100 + n),
      sessionId: s0.id,
      url: 'https://a.example/',
      title: 't',
      domain: 'a.example',
      startedAt: start + n * 86_400_000,
      endedAt: start + n * 86_400_000 + 1,
      activeMs: 5_000,
    }));
    const s = summarise(data([s0], visits), {
      start,
      end: start + 7 * 86_400_000,
      timeZone: 'UTC',
    });
    expect(s.days.reduce((sum, d) => sum + d.activeMs, 0)).toBe(10_001);
    expect(s.totals.pages).toBe(3);
  });

  it('treats a session without an activity time as zero, not NaN', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const s = summarise(data([session(uid(1), start, Number.NaN)]), {
      start,
      end: start + 86_400_000,
      timeZone: 'UTC',
    });
    expect(s.totals.activeMs).toBe(0);
    expect(s.days[0]!.activeMs).toBe(0);
  });
});

describe('singleSourceSkills', () => {
  it('names skills whose sessions all come from one site', () => {
    const f = weekFixture();
    // Make CSS rest on MDN alone: drop the search session.
    f.data.sessions = f.data.sessions.filter((s) => s.id !== uid(0x102));
    f.data.sessions.push({
      ...f.data.sessions[0]!,
      id: uid(0x1aa),
      startedAt: f.week.start + 86_400_000 * 3,
      skills: [SKILL.css],
    });
    const s = summarise(f.data, { ...f.week, timeZone: f.timeZone });
    expect(singleSourceSkills(s)).toEqual([
      { skillId: SKILL.css, name: 'CSS', site: 'developer.mozilla.org' },
    ]);
    expect(singleSourceSkills(s, { minSessions: 3 })).toEqual([]);
  });

  it('stays quiet on the varied fixture week', () => {
    expect(singleSourceSkills(fixtureSummary())).toEqual([]);
  });
});

describe('reflectionStreak', () => {
  const timeZone = 'Europe/Berlin';
  const now = Date.parse('2026-11-25T12:00:00Z'); // Wednesday of 2026-W48
  const weekAgo = (n: number) => now - n * 7 * 86_400_000;
  const noted = (ts: number, note = 'learned a thing', status: Session['status'] = 'kept') =>
    session(uid(Math.round(ts / 1000)), ts, MIN, { note, status });

  it.each([
    ['no notes at all', [], 0, false],
    ['a note this week', [noted(now)], 1, true],
    [
      'notes this week and the two before',
      [noted(now), noted(weekAgo(1)), noted(weekAgo(2))],
      3,
      true,
    ],
    [
      'notes last week only: the streak still stands',
      [noted(weekAgo(1)), noted(weekAgo(2))],
      2,
      false,
    ],
    ['a gap breaks it', [noted(now), noted(weekAgo(2)), noted(weekAgo(3))], 1, true],
    ['a note two weeks ago is no streak', [noted(weekAgo(2))], 0, false],
    ['blank notes do not count', [noted(now, '   ')], 0, false],
    ['dismissed sessions do not count', [noted(now, 'x', 'dismissed')], 0, false],
  ])('%s', (_name, sessions, weeks, includesThisWeek) => {
    expect(reflectionStreak(sessions as Session[], { now, timeZone, weekStart: 1 })).toEqual({
      weeks,
      includesThisWeek,
    });
  });

  it('counts across a DST change and a year with week 53', () => {
    // 2026 has 53 ISO weeks; Monday 4 Jan 2027 starts 2027-W01.
    const mon = Date.parse('2027-01-04T09:00:00Z');
    const sessions = [0, 1, 2, 3].map((n) => noted(mon - n * 7 * 86_400_000));
    const r = reflectionStreak(sessions, { now: mon, timeZone: 'America/New_York' });
    expect(r).toEqual({ weeks: 4, includesThisWeek: true });
    const fall = Date.parse('2026-11-03T15:00:00Z'); // the week after New York's DST end
    const r2 = reflectionStreak([noted(fall), noted(fall - 7 * 86_400_000)], {
      now: fall,
      timeZone: 'America/New_York',
    });
    expect(r2.weeks).toBe(2);
  });
});
