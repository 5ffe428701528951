import { describe, expect, it } from 'vitest';
import { shiftWeek, weekFromKey, weekOf } from '../../lib/time';

describe('weekFromKey', () => {
  it.each([
    ['2026-W48', 'UTC', 1, '2026-W48', '2026-11-23T00:00:00.000Z'],
    ['2026w48', 'UTC', 1, '2026-W48', '2026-11-23T00:00:00.000Z'],
    [' 2026-W48-3 ', 'UTC', 1, '2026-W48', '2026-11-23T00:00:00.000Z'],
    ['2026W483', 'UTC', 1, '2026-W48', '2026-11-23T00:00:00.000Z'],
    ['2026-W1', 'UTC', 1, '2026-W01', '2025-12-29T00:00:00.000Z'],
    ['2020-W53', 'UTC', 1, '2020-W53', '2020-12-28T00:00:00.000Z'],
    // A Sunday start: the week labelled W48 is the one holding W48's Thursday.
    ['2026-W48', 'UTC', 0, '2026-W48', '2026-11-22T00:00:00.000Z'],
    ['2026-W48', 'UTC', 6, '2026-W48', '2026-11-21T00:00:00.000Z'],
    ['2026-W48', 'Pacific/Auckland', 1, '2026-W48', '2026-11-22T11:00:00.000Z'],
  ])('reads %j (%s, start %i) as %s from %s', (input, timeZone, weekStart, key, startIso) => {
    const week = weekFromKey(input, { timeZone, weekStart });
    expect(week?.key).toBe(key);
    expect(week && new Date(week.start).toISOString()).toBe(startIso);
  });

  it.each([
    '',
    'W48',
    '2026-W00',
    '2026-W54',
    // 2026 has 53 ISO weeks, 2025 has 52.
    '2025-W53',
    '2026-W48-8',
    '0999-W10',
    '2026-48',
    '2026-W48/../x',
    '<script>',
    `2026-W48${' '.repeat(100)}`,
  ])('refuses %j', (key) => {
    expect(weekFromKey(key, { timeZone: 'UTC' })).toBeNull();
  });

  it('accepts week 53 of a year that has one', () => {
    expect(weekFromKey('2026-W53', { timeZone: 'UTC' })?.key).toBe('2026-W53');
  });

  it.each([0, 1, 2, 3, 4, 5, 6])(
    'round-trips every week of 2026–2027 with week start %i',
    (weekStart) => {
      const options = { timeZone: 'America/New_York', weekStart };
      let week = weekOf(Date.parse('2026-01-01T12:00:00Z'), options);
      for (let i = 0; i < 105; i++) {
        expect(weekFromKey(week.key, options)).toEqual(week);
        week = shiftWeek(week, 1, options);
      }
    },
  );
});
