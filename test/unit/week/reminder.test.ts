import { describe, expect, it } from 'vitest';
import type { Session } from '../../../lib/model';
import { nextReminderAt, weekTotals } from '../../../lib/week/reminder';
import { weekOf } from '../../../lib/time';

describe('nextReminderAt', () => {
  const monday9 = { reminderDay: 1, reminderTime: '09:00' };
  it.each([
    ['2026-11-29T12:00:00Z', 'UTC', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T08:59:00Z', 'UTC', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T09:00:00Z', 'UTC', '2026-12-07T09:00:00.000Z'],
    ['2026-11-29T12:00:00Z', 'America/New_York', '2026-11-30T14:00:00.000Z'],
    // Berlin moves to summer time on Sunday 29 March 2026.
    ['2026-03-28T12:00:00Z', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
  ])('after %s in %s is %s', (now, tz, expected) => {
    expect(new Date(nextReminderAt(Date.parse(now), monday9, tz)).toISOString()).toBe(expected);
  });
});

describe('weekTotals', () => {
  it('counts learning time and skills of the week, not dismissed sessions', () => {
    const week = weekOf(Date.parse('2026-11-25T12:00:00Z'), { timeZone: 'UTC' });
    const s = (
      startedAt: string,
      activeMs: number,
      skills: string[],
      status: Session['status'] = 'auto',
    ): Session => ({
      id: startedAt,
      kind: 'reading',
      startedAt: Date.parse(startedAt),
      endedAt: Date.parse(startedAt),
      activeMs,
      title: '',
      url: '',
      domain: '',
      skills,
      note: '',
      status,
      provenance: 'measured',
      updatedAt: 0,
    });
    const sessions = [
      s('2026-11-23T10:00:00Z', 600_000, ['css']),
      s('2026-11-27T10:00:00Z', 300_000, ['css', 'a11y']),
      s('2026-11-28T10:00:00Z', 900_000, ['games'], 'dismissed'),
      s('2026-11-30T10:00:00Z', 100_000, ['next-week']),
    ];
    expect(weekTotals(sessions, week)).toEqual({ activeMs: 900_000, skills: 2, sessions: 2 });
  });
});
