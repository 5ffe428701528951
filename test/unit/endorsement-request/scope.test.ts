import { describe, expect, it } from 'vitest';
import { requestScope } from '../../../lib/endorsement-request/scope';
import { FIXTURE_TIME_ZONE, SKILL, weekFixture } from '../../fixtures/week';

describe('what a request for an endorsement covers', () => {
  it('is every session of the skill, from its first day to the end of today', () => {
    const f = weekFixture();
    const now = Date.UTC(2026, 11, 2, 10);
    const scope = requestScope(f.data, SKILL.frontEnd, now, FIXTURE_TIME_ZONE)!;
    const sessions = f.data.sessions.filter(
      (s) => s.skills.includes(SKILL.frontEnd) && s.status !== 'dismissed',
    );
    expect(scope.data.sessions.map((s) => s.id)).toEqual(sessions.map((s) => s.id));
    // The first session is on Monday 23 November: local midnight in Berlin (UTC+1) starts it,
    // and the range ends at tomorrow's.
    expect(Math.min(...sessions.map((s) => s.startedAt))).toBeGreaterThan(scope.start);
    expect(new Date(scope.start).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(new Date(scope.end).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    const ids = new Set(sessions.map((s) => s.id));
    expect(scope.data.visits.every((v) => ids.has(v.sessionId))).toBe(true);
    expect(scope.data.visits.length).toBeGreaterThan(0);
  });

  it('carries what others already said of this skill, and only of this one', () => {
    const f = weekFixture();
    const of = (id: string, skillId: string) =>
      ({ id, skillId }) as (typeof f.data.endorsements)[number];
    const data = { ...f.data, endorsements: [of('a', SKILL.frontEnd), of('b', SKILL.css)] };
    const scope = requestScope(data, SKILL.frontEnd, f.now)!;
    expect(scope.data.endorsements?.map((e) => e.id)).toEqual(['a']);
  });

  it('is nothing for a skill without sessions, or with dismissed ones only', () => {
    const f = weekFixture();
    expect(requestScope(f.data, SKILL.gardening, f.now)).toBeNull();
    const dismissed = f.data.sessions.map((s) => ({ ...s, status: 'dismissed' as const }));
    expect(requestScope({ ...f.data, sessions: dismissed }, SKILL.css, f.now)).toBeNull();
  });
});
