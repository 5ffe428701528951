import { describe, expect, it } from 'vitest';
import { isoWithOffset, localIso } from '../../../lib/export/timestamps';

describe('timestamps for machines', () => {
  it('writes a normal instant in the learner’s zone', () => {
    expect(localIso(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin')).toBe('2026-11-23T09:15:00');
    expect(isoWithOffset(Date.UTC(2026, 10, 23, 8, 15), 'Asia/Tokyo')).toBe(
      '2026-11-23T17:15:00.000+09:00',
    );
  });

  it('never throws on a time at or past the edge of JavaScript dates, or on no number', () => {
    for (const ts of [8.64e15, -8.64e15, 8.64e15 + 1, Number.NaN, Infinity]) {
      for (const zone of ['Asia/Tokyo', 'America/New_York', 'UTC']) {
        expect(() => localIso(ts, zone)).not.toThrow();
        expect(() => isoWithOffset(ts, zone)).not.toThrow();
        expect(Number.isNaN(Date.parse(isoWithOffset(ts, zone)))).toBe(false);
      }
    }
  });
});
