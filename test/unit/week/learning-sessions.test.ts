import { describe, expect, it } from 'vitest';
import type { Session } from '../../../lib/model';
import {
  awaitsSkill,
  countsAsLearning,
  countsAsLearningIn,
  sessionsInRange,
} from '../../../lib/week/learning-sessions';

const session = (over: Partial<Session>): Session =>
  ({
    id: 's',
    kind: 'reading',
    startedAt: 100,
    endedAt: 200,
    activeMs: 60_000,
    skills: [],
    status: 'kept',
    ...over,
  }) as Session;

describe('countsAsLearning', () => {
  it('counts every session the learner has not dismissed', () => {
    expect(countsAsLearning(session({ status: 'kept' }))).toBe(true);
    expect(countsAsLearning(session({ status: 'dismissed' }))).toBe(false);
  });
});

describe('countsAsLearningIn', () => {
  it('takes sessions that started in [start, end)', () => {
    expect(countsAsLearningIn(session({ startedAt: 100 }), 100, 200)).toBe(true);
    expect(countsAsLearningIn(session({ startedAt: 199 }), 100, 200)).toBe(true);
    expect(countsAsLearningIn(session({ startedAt: 200 }), 100, 200)).toBe(false);
    expect(countsAsLearningIn(session({ startedAt: 99 }), 100, 200)).toBe(false);
  });

  it('leaves out a dismissed session inside the range', () => {
    expect(countsAsLearningIn(session({ status: 'dismissed' }), 0, 1000)).toBe(false);
  });

  it('takes an open start', () => {
    expect(countsAsLearningIn(session({ startedAt: -5 }), -Infinity, 0)).toBe(true);
  });
});

describe('awaitsSkill', () => {
  const known = new Set(['a']);
  const isSkill = (id: string) => known.has(id);

  it('wants a skill for a learning session with none that still exists', () => {
    expect(awaitsSkill(session({ skills: [] }), isSkill)).toBe(true);
    expect(awaitsSkill(session({ skills: ['gone'] }), isSkill)).toBe(true);
  });

  it('wants none for a tagged or dismissed session', () => {
    expect(awaitsSkill(session({ skills: ['a'] }), isSkill)).toBe(false);
    expect(awaitsSkill(session({ status: 'dismissed' }), isSkill)).toBe(false);
  });
});

describe('sessionsInRange', () => {
  it('keeps learning sessions of the range, oldest first', () => {
    const all = [
      session({ id: 'late', startedAt: 150 }),
      session({ id: 'out', startedAt: 250 }),
      session({ id: 'dismissed', startedAt: 120, status: 'dismissed' }),
      session({ id: 'early', startedAt: 110 }),
    ];
    expect(sessionsInRange(all, 100, 200).map((s) => s.id)).toEqual(['early', 'late']);
  });
});
