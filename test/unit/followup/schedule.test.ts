import { describe, expect, it } from 'vitest';
import { dueFollowUp, followUpWindow, sessionDue } from '../../../lib/followup/schedule';
import type { FollowUp, Session, Skill } from '../../../lib/model';
import { addDays, localDate, startOfLocalDay } from '../../../lib/time';

const HOUR = 3_600_000;
const SKILLS: Pick<Skill, 'id' | 'name'>[] = [
  { id: 'k-css', name: 'CSS' },
  { id: 'k-sql', name: 'SQL' },
];

function session(id: string, startedAt: number, extra: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'reading',
    startedAt,
    endedAt: startedAt + HOUR / 2,
    activeMs: 20 * 60_000,
    title: id,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: ['k-css'],
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: startedAt,
    ...extra,
  };
}

const ON = { followUpsEnabled: true, followUpDays: 7 };

describe('sessionDue', () => {
  it('counts local calendar days, not 24-hour blocks', () => {
    // Mon 23 Nov 2026, 23:30 in Madrid (UTC+1) ends just before local midnight.
    const s = { endedAt: Date.UTC(2026, 10, 23, 22, 30) };
    const tz = 'Europe/Madrid';
    // Due from local midnight starting Mon 30 Nov — 7 calendar days on, not 23:30.
    expect(sessionDue(s, Date.UTC(2026, 10, 29, 22, 59), 7, tz)).toBe(false);
    expect(sessionDue(s, Date.UTC(2026, 10, 29, 23, 0), 7, tz)).toBe(true);
    // The same instant is already Tuesday 24 Nov in Tokyo: due a day later there.
    expect(sessionDue(s, Date.UTC(2026, 10, 30, 14, 59), 7, 'Asia/Tokyo')).toBe(false);
    expect(sessionDue(s, Date.UTC(2026, 10, 30, 15, 0), 7, 'Asia/Tokyo')).toBe(true);
  });

  it('keeps the date across a DST change (a 23-hour and a 25-hour day)', () => {
    const tz = 'Europe/Berlin';
    // Fri 23 Oct 2026 10:00 CEST; clocks go back on Sun 25 Oct. Due at midnight CET of Fri 30 Oct.
    const autumn = { endedAt: Date.UTC(2026, 9, 23, 8) };
    expect(sessionDue(autumn, Date.UTC(2026, 9, 29, 22, 59), 7, tz)).toBe(false);
    expect(sessionDue(autumn, Date.UTC(2026, 9, 29, 23, 0), 7, tz)).toBe(true);
    // Fri 27 Mar 2026 10:00 CET; clocks go forward on Sun 29 Mar. Due at midnight CEST of Fri 3 Apr.
    const spring = { endedAt: Date.UTC(2026, 2, 27, 9) };
    expect(sessionDue(spring, Date.UTC(2026, 3, 2, 21, 59), 7, tz)).toBe(false);
    expect(sessionDue(spring, Date.UTC(2026, 3, 2, 22, 0), 7, tz)).toBe(true);
    // New York moves on another date (8 Mar 2026): midnight of Fri 13 Mar is EDT, UTC−4.
    const ny = { endedAt: Date.UTC(2026, 2, 6, 15) };
    expect(sessionDue(ny, Date.UTC(2026, 2, 13, 3, 59), 7, 'America/New_York')).toBe(false);
    expect(sessionDue(ny, Date.UTC(2026, 2, 13, 4, 0), 7, 'America/New_York')).toBe(true);
  });

  it('gives what the calendar gives: due from local midnight of the day `days` after', () => {
    // The definition, date by date (three time zone look-ups a session), against the one
    // instant compared: a millisecond either side of each due midnight and at other
    // moments, through a year in zones with and without DST (Santiago skips midnight, Lord
    // Howe moves by half an hour), several delays.
    const byCalendar = (endedAt: number, now: number, days: number, tz: string) =>
      startOfLocalDay(addDays(localDate(endedAt, tz), days), tz) <= now;
    const zones = ['Europe/Berlin', 'America/Santiago', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    for (const tz of zones) {
      for (const days of [0, 1, 7, 30]) {
        for (let h = 0; h < 365 * 24; h += 101) {
          const s = { endedAt: Date.UTC(2026, 0, 1) + h * HOUR + 17 * 60_000 };
          const dueAt = startOfLocalDay(addDays(localDate(s.endedAt, tz), days), tz);
          const later = s.endedAt + ((h * 7919) % (40 * 24 * 60)) * 60_000;
          for (const now of [dueAt - 1, dueAt, later]) {
            expect(sessionDue(s, now, days, tz), `${tz} ${days} ${s.endedAt} ${now}`).toBe(
              byCalendar(s.endedAt, now, days, tz),
            );
          }
        }
      }
    }
    // Around the midnight Santiago skips (6 Sep 2026, 00:00 → 01:00), every half hour.
    const skipped = Date.UTC(2026, 8, 6, 4);
    for (let e = skipped - 2 * HOUR; e < skipped + 2 * HOUR; e += 1_800_000) {
      for (let now = e; now < e + 50 * HOUR; now += HOUR) {
        for (const days of [0, 1]) {
          expect(sessionDue({ endedAt: e }, now, days, 'America/Santiago')).toBe(
            byCalendar(e, now, days, 'America/Santiago'),
          );
        }
      }
    }
  });

  it('asks the same day with a delay of 0', () => {
    const s = { endedAt: Date.UTC(2026, 10, 23, 9) };
    expect(sessionDue(s, Date.UTC(2026, 10, 23, 9, 1), 0, 'UTC')).toBe(true);
  });
});

describe('followUpWindow', () => {
  it('ends with the last day whose sessions are due, across DST', () => {
    const tz = 'Europe/Berlin';
    const now = Date.UTC(2026, 10, 1, 12); // Sun 1 Nov 2026, CET
    const { from, to } = followUpWindow(now, 7, tz);
    // Sessions up to the end of Sun 25 Oct (a 25-hour day) are due; 28 days before that start.
    expect(to).toBe(Date.UTC(2026, 9, 25, 23));
    expect(from).toBe(Date.UTC(2026, 8, 26, 22));
  });
});

describe('dueFollowUp', () => {
  const tz = 'America/Sao_Paulo';
  const monday = Date.UTC(2026, 10, 23, 13); // 10:00 in São Paulo (UTC−3)
  const nextTuesday = Date.UTC(2026, 11, 1, 13);

  it('asks nothing before the delay, then about the skill waiting longest', () => {
    const sessions = [
      session('s-1', monday + HOUR, { skills: ['k-sql'] }),
      session('s-2', monday),
      session('s-3', monday + 2 * HOUR),
    ];
    const data = { sessions, followUps: [], skills: SKILLS };
    expect(dueFollowUp(data, { ...ON, now: monday + 6 * 24 * HOUR, timeZone: tz })).toBeNull();
    expect(dueFollowUp(data, { ...ON, now: nextTuesday, timeZone: tz })).toEqual({
      skillId: 'k-css',
      skillName: 'CSS',
      sessionIds: ['s-2', 's-3'],
      since: monday,
      stated: [],
      onScreen: { count: 2, since: monday },
    });
  });

  it('asks about a stated activity, named by its kind and what was learned', () => {
    // A mentoring afternoon stated for Monday (noon of the day), and a page read on Tuesday.
    const mentoring = session('s-away', monday + 2 * HOUR, {
      kind: 'away',
      provenance: 'stated',
      endedAt: monday + 2 * HOUR,
      activeMs: 0,
      statedMs: 3 * HOUR,
      learningKind: 'mentoring',
      title: 'How to test a circuit',
      url: '',
      domain: '',
    });
    const read = session('s-read', monday + 24 * HOUR);
    const data = { sessions: [read, mentoring], followUps: [], skills: SKILLS };
    expect(dueFollowUp(data, { ...ON, now: nextTuesday - 2 * 24 * HOUR, timeZone: tz })).toBeNull();
    const due = dueFollowUp(data, { ...ON, now: nextTuesday, timeZone: tz });
    expect(due).toEqual({
      skillId: 'k-css',
      skillName: 'CSS',
      sessionIds: ['s-away', 's-read'],
      since: monday + 2 * HOUR,
      stated: [
        {
          sessionId: 's-away',
          learningKind: 'mentoring',
          learned: 'How to test a circuit',
          at: monday + 2 * HOUR,
        },
      ],
      onScreen: { count: 1, since: monday + 24 * HOUR },
    });
    // Answered, neither is asked about again.
    const answered = { skillId: 'k-css', sessionIds: due!.sessionIds, at: nextTuesday };
    expect(
      dueFollowUp(
        { ...data, followUps: [answered] },
        { ...ON, now: nextTuesday + 24 * HOUR, timeZone: tz },
      ),
    ).toBeNull();
    // Only stated activities: nothing on the screen to count.
    const alone = dueFollowUp(
      { ...data, sessions: [mentoring] },
      { ...ON, now: nextTuesday, timeZone: tz },
    );
    expect(alone?.onScreen).toBeNull();
    expect(alone?.stated.map((a) => a.learningKind)).toEqual(['mentoring']);
  });

  it('asks once per session: answered or dismissed sessions are never asked again', () => {
    const sessions = [session('s-1', monday), session('s-2', monday + HOUR, { skills: ['k-sql'] })];
    const yesterday = nextTuesday - 24 * HOUR;
    const dismissed: Pick<FollowUp, 'at' | 'sessionIds' | 'skillId'> = {
      skillId: 'k-css',
      sessionIds: ['s-1'],
      at: yesterday,
    };
    const due = dueFollowUp(
      { sessions, followUps: [dismissed], skills: SKILLS },
      { ...ON, now: nextTuesday, timeZone: tz },
    );
    expect(due?.skillId).toBe('k-sql');
    const both = [dismissed, { skillId: 'k-sql', sessionIds: ['s-2'], at: yesterday }];
    expect(
      dueFollowUp(
        { sessions, followUps: both, skills: SKILLS },
        { ...ON, now: nextTuesday, timeZone: tz },
      ),
    ).toBeNull();
  });

  it('asks at most once a day, counted in local days', () => {
    const sessions = [session('s-1', monday), session('s-2', monday, { skills: ['k-sql'] })];
    // Answered at 00:30 local time today (03:30 UTC).
    const earlyToday = Date.UTC(2026, 11, 1, 3, 30);
    const followUps = [{ skillId: 'k-css', sessionIds: ['s-1'], at: earlyToday }];
    const data = { sessions, followUps, skills: SKILLS };
    expect(dueFollowUp(data, { ...ON, now: nextTuesday, timeZone: tz })).toBeNull();
    // Local midnight passes: tomorrow the next skill's question comes.
    const tomorrow = Date.UTC(2026, 11, 2, 3, 0);
    expect(dueFollowUp(data, { ...ON, now: tomorrow, timeZone: tz })?.skillId).toBe('k-sql');
    // In Tokyo, 03:30 UTC is already 12:30 on 1 Dec, so "today" is the same local day
    // until 15:00 UTC.
    expect(
      dueFollowUp(data, { ...ON, now: Date.UTC(2026, 11, 1, 14, 59), timeZone: 'Asia/Tokyo' }),
    ).toBeNull();
    expect(
      dueFollowUp(data, { ...ON, now: Date.UTC(2026, 11, 1, 15, 0), timeZone: 'Asia/Tokyo' })
        ?.skillId,
    ).toBe('k-sql');
  });

  it('asks nothing when switched off, about dismissed sessions, deleted skills or old sessions', () => {
    const sessions = [
      session('s-1', monday, { status: 'dismissed' }),
      session('s-2', monday, { skills: ['k-gone'] }),
      session('s-3', monday - 60 * 24 * HOUR),
      session('s-4', monday, { skills: [] }),
    ];
    const data = { sessions, followUps: [], skills: SKILLS };
    expect(dueFollowUp(data, { ...ON, now: nextTuesday, timeZone: tz })).toBeNull();
    const fresh = { ...data, sessions: [session('s-5', monday)] };
    expect(dueFollowUp(fresh, { ...ON, now: nextTuesday, timeZone: tz })).not.toBeNull();
    expect(
      dueFollowUp(fresh, {
        followUpsEnabled: false,
        followUpDays: 7,
        now: nextTuesday,
        timeZone: tz,
      }),
    ).toBeNull();
  });

  it('is the same prompt from any page at any moment of the day', () => {
    const sessions = [session('s-2', monday, { skills: ['k-sql'] }), session('s-1', monday)];
    const a = dueFollowUp(
      { sessions, followUps: [], skills: SKILLS },
      { ...ON, now: nextTuesday, timeZone: tz },
    );
    const b = dueFollowUp(
      { sessions: [...sessions].reverse(), followUps: [], skills: [...SKILLS].reverse() },
      { ...ON, now: nextTuesday + 5 * HOUR, timeZone: tz },
    );
    // Same start: the skill first by name.
    expect(a).toEqual(b);
    expect(a?.skillName).toBe('CSS');
  });
});
