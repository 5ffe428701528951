import { describe, expect, it } from 'vitest';
import { candidatesByDay, firstOfDays } from '../../../lib/look-back/by-day';
import type { LookBackCandidate } from '../../../lib/look-back/group';

const at = (iso: string, id = iso): LookBackCandidate => ({
  id,
  kind: 'reading',
  title: id,
  url: `https://docs.example.org/${id}`,
  domain: 'docs.example.org',
  queries: [],
  pages: [],
  startedAt: Date.parse(iso),
  endedAt: Date.parse(iso),
  estimatedMs: 0,
});

describe('candidatesByDay', () => {
  it('groups by local day, newest day first and newest first within a day', () => {
    const days = candidatesByDay(
      [
        at('2026-03-02T09:00:00Z'),
        at('2026-03-03T23:30:00Z'),
        at('2026-03-03T00:10:00Z'),
        at('2026-03-02T22:00:00Z'),
      ],
      'UTC',
    );
    expect(days.map((d) => new Date(d.start).toISOString())).toEqual([
      '2026-03-03T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    expect(days.map((d) => d.candidates.map((c) => c.id))).toEqual([
      ['2026-03-03T23:30:00Z', '2026-03-03T00:10:00Z'],
      ['2026-03-02T22:00:00Z', '2026-03-02T09:00:00Z'],
    ]);
  });

  it('splits days at local midnight, also where the clocks skip it (Santiago, 2026-09-06)', () => {
    // Santiago springs forward at 00:00 local (04:00 UTC): 23:30 on the 5th is 03:30 UTC.
    const zone = 'America/Santiago';
    const days = candidatesByDay(
      [
        at('2026-09-06T03:30:00Z', 'late on the 5th'),
        at('2026-09-06T04:30:00Z', 'early on the 6th'),
      ],
      zone,
    );
    expect(days.map((d) => d.candidates.map((c) => c.id))).toEqual([
      ['early on the 6th'],
      ['late on the 5th'],
    ]);
  });
});

describe('firstOfDays', () => {
  const day = (start: number, n: number) => ({
    start,
    candidates: Array.from({ length: n }, (_, i) => at('2026-03-02T09:00:00Z', `${start}-${i}`)),
  });
  const ids = (days: ReturnType<typeof firstOfDays>) =>
    days.map((d) => d.candidates.map((c) => c.id));

  it('answers the first candidates in their days, cutting the last day shown', () => {
    const days = [day(3, 3), day(2, 2), day(1, 4)];
    expect(ids(firstOfDays(days, 2))).toEqual([['3-0', '3-1']]);
    expect(ids(firstOfDays(days, 5))).toEqual([
      ['3-0', '3-1', '3-2'],
      ['2-0', '2-1'],
    ]);
    expect(ids(firstOfDays(days, 6))).toEqual([['3-0', '3-1', '3-2'], ['2-0', '2-1'], ['1-0']]);
    expect(firstOfDays(days, 50)).toEqual(days);
    expect(firstOfDays([], 20)).toEqual([]);
  });
});
