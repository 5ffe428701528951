import { describe, expect, it } from 'vitest';
import { isoDuration, shiftWeek, weekOf } from '../../lib/time';

describe('weekOf', () => {
  it.each([
    ['2026-11-29T12:00:00Z', 'UTC', 1, '2026-W48', '2026-11-23T00:00:00.000Z'],
    ['2026-11-30T00:30:00Z', 'UTC', 1, '2026-W49', '2026-11-30T00:00:00.000Z'],
    ['2021-01-03T10:00:00Z', 'UTC', 1, '2020-W53', '2020-12-28T00:00:00.000Z'],
    ['2026-11-29T12:00:00Z', 'UTC', 0, '2026-W49', '2026-11-29T00:00:00.000Z'],
    // Monday 00:30 in Auckland is still Sunday in UTC.
    ['2026-11-29T11:30:00Z', 'Pacific/Auckland', 1, '2026-W49', '2026-11-29T11:00:00.000Z'],
  ])('puts %s (%s, start %i) in %s', (iso, tz, start, key, startIso) => {
    const week = weekOf(Date.parse(iso), { timeZone: tz, weekStart: start });
    expect(week.key).toBe(key);
    expect(new Date(week.start).toISOString()).toBe(startIso);
  });

  it('spans 167 hours across the spring DST change', () => {
    const week = weekOf(Date.parse('2026-03-05T12:00:00Z'), { timeZone: 'America/New_York' });
    expect((week.end - week.start) / 3_600_000).toBe(167);
    expect(new Date(week.start).toISOString()).toBe('2026-03-02T05:00:00.000Z');
  });

  it('steps to the previous and next week', () => {
    const opts = { timeZone: 'Europe/Berlin' };
    const week = weekOf(Date.parse('2026-03-30T08:00:00Z'), opts);
    expect(shiftWeek(week, -1, opts).key).toBe('2026-W13');
    expect(shiftWeek(week, 1, opts).key).toBe('2026-W15');
    expect(shiftWeek(shiftWeek(week, -1, opts), 1, opts)).toEqual(week);
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [750_000, 'PT12M30S'],
    [3_600_000, 'PT1H'],
    [3_725_000, 'PT1H2M5S'],
  ])('formats %i ms as %s', (ms, iso) => {
    expect(isoDuration(ms)).toBe(iso);
  });
});
