import { describe, expect, it } from 'vitest';
import { LEARNING_KIND_NAMES, LEARNING_KINDS } from '../../../lib/learning-away/kinds';
import { LEARNING_KIND_KEYS } from '../../../components/i18n/learning-kind-strings';
import english from '../../../public/_locales/en/messages.json';
import { statedSession } from '../../../lib/learning-away/session';
import {
  checkStatedActivity,
  dayString,
  parseDay,
  STATED_PROBLEM_TEXT,
  type StatedActivityInput,
} from '../../../lib/learning-away/validate';
import { localDate } from '../../../lib/time';

const TODAY = { year: 2026, month: 12, day: 7 };
const GOOD: StatedActivityInput = {
  learningKind: 'mentoring',
  date: '2026-12-07',
  durationMs: 90 * 60_000,
  skills: ['css'],
  learned: '  How to test a circuit  ',
  place: ' Workshop ',
  people: '',
};
const check = (patch: Partial<StatedActivityInput>, statedThatDayMs = 0) =>
  checkStatedActivity({ ...GOOD, ...patch }, { today: TODAY, statedThatDayMs });

describe('the nine kinds of learning', () => {
  it('has nine, each with a plain name and a one-line example', () => {
    expect(LEARNING_KINDS).toHaveLength(9);
    for (const k of LEARNING_KINDS) {
      expect(LEARNING_KIND_NAMES[k].length).toBeLessThan(40);
      expect(english[LEARNING_KIND_KEYS[k].name].message).toBe(LEARNING_KIND_NAMES[k]);
      expect(english[LEARNING_KIND_KEYS[k].example].message).toMatch(/\.$/);
    }
  });
});

describe('checkStatedActivity', () => {
  it('accepts a stated activity and trims its words', () => {
    expect(check({})).toEqual({
      ok: true,
      activity: {
        learningKind: 'mentoring',
        day: TODAY,
        statedMs: 90 * 60_000,
        skills: ['css'],
        learned: 'How to test a circuit',
        place: 'Workshop',
      },
    });
  });

  it.each([
    ['a kind it does not know', { learningKind: 'hacking' }, 'kind', 'kind-missing'],
    ['no day', { date: '' }, 'date', 'date-invalid'],
    ['a day that does not exist', { date: '2026-02-30' }, 'date', 'date-invalid'],
    ['a day that has not come', { date: '2026-12-08' }, 'date', 'date-future'],
    ['no time', { durationMs: 0 }, 'duration', 'duration-missing'],
    ['a time that is not a number', { durationMs: Number.NaN }, 'duration', 'duration-missing'],
    ['more than a day', { durationMs: 25 * 3_600_000 }, 'duration', 'duration-over-day'],
    ['no skill', { skills: [] }, 'skills', 'skills-missing'],
    ['blank skills', { skills: ['  '] }, 'skills', 'skills-missing'],
    [
      'too many skills',
      { skills: Array.from({ length: 21 }, (_, i) => `s${i}`) },
      'skills',
      'skills-too-many',
    ],
    ['nothing learned', { learned: '   ' }, 'learned', 'learned-missing'],
    ['an over-long line', { learned: 'x'.repeat(201) }, 'learned', 'too-long'],
    ['an over-long place', { place: 'x'.repeat(121) }, 'place', 'too-long'],
    ['over-long names', { people: 'x'.repeat(121) }, 'people', 'too-long'],
  ] as const)('refuses %s with a clear reason', (_name, patch, field, reason) => {
    const result = check(patch as Partial<StatedActivityInput>);
    expect(result).toEqual({ ok: false, problems: [{ field, reason }] });
    expect(STATED_PROBLEM_TEXT[reason]).toMatch(/\.$/);
  });

  it('refuses a day that would hold more than 24 stated hours, and accepts exactly 24', () => {
    expect(check({ durationMs: 5 * 3_600_000 }, 20 * 3_600_000)).toEqual({
      ok: false,
      problems: [{ field: 'duration', reason: 'day-over-24h' }],
    });
    expect(check({ durationMs: 4 * 3_600_000 }, 20 * 3_600_000).ok).toBe(true);
  });

  it('names every problem at once', () => {
    const result = check({ learningKind: '', skills: [], learned: '' });
    expect(result.ok === false && result.problems.map((p) => p.field)).toEqual([
      'kind',
      'skills',
      'learned',
    ]);
  });

  it('reads and writes the days a date field gives', () => {
    expect(parseDay('2026-12-07')).toEqual(TODAY);
    expect(parseDay('07/12/2026')).toBeNull();
    expect(parseDay('1989-12-31')).toBeNull();
    expect(dayString(TODAY)).toBe('2026-12-07');
  });
});

describe('statedSession', () => {
  it('is a stated session of kind away, with no measured time, at noon of its day', () => {
    const checked = check({});
    if (!checked.ok) throw new Error('expected ok');
    const s = statedSession(checked.activity, { id: 'a', now: 5, timeZone: 'Asia/Kolkata' });
    expect(s).toMatchObject({
      kind: 'away',
      provenance: 'stated',
      activeMs: 0,
      statedMs: 90 * 60_000,
      learningKind: 'mentoring',
      title: 'How to test a circuit',
      place: 'Workshop',
      status: 'kept',
    });
    expect(s.people).toBeUndefined();
    expect(localDate(s.startedAt, 'Asia/Kolkata')).toEqual(TODAY);
    const edited = statedSession(checked.activity, {
      id: 'b',
      now: 9,
      previous: { ...s, note: 'A reflection', status: 'dismissed' },
    });
    expect(edited).toMatchObject({ id: 'a', note: 'A reflection', status: 'dismissed' });
  });
});
