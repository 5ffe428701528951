import { describe, expect, it } from 'vitest';
import {
  carriesMeasuredTime,
  countEvidence,
  isProvenance,
  isSessionProvenance,
  measuredMs,
  PROVENANCE_TEXT,
  PROVENANCES,
  sessionProvenanceBefore,
  statedMs,
} from '../../lib/provenance';
import { skillTotals } from '../../lib/skills/totals';
import { weekTotals } from '../../lib/week/reminder';
import { summarise } from '../../lib/week/summary';
import type { Session, Skill } from '../../lib/model';

const T0 = Date.UTC(2026, 10, 23, 9);
const skill: Skill = {
  id: 'k',
  name: 'CSS',
  key: 'css',
  aliases: [],
  colour: '#1d4ed8',
  createdAt: 0,
  updatedAt: 0,
};

function session(id: string, provenance: Session['provenance'], activeMs: number): Session {
  return {
    id,
    kind: 'reading',
    startedAt: T0,
    endedAt: T0 + activeMs,
    activeMs,
    title: id,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills: ['k'],
    note: '',
    status: 'kept',
    provenance,
    // A stated session's time is its own field; its activeMs is left as a hostile record
    // might hold it, to show nothing reads it as measured.
    ...(provenance === 'stated' && { kind: 'away', statedMs: activeMs }),
    updatedAt: T0,
  };
}

describe('the provenance vocabulary', () => {
  it('has exactly the six words, each with a label and a plain sentence', () => {
    expect(PROVENANCES).toEqual([
      'measured',
      'captured',
      'written',
      'stated',
      'from-history',
      'vouched',
    ]);
    for (const p of PROVENANCES) {
      expect(isProvenance(p)).toBe(true);
      expect(PROVENANCE_TEXT.label[p]).toBeTruthy();
      expect(PROVENANCE_TEXT.how[p]).toMatch(/\.$/);
    }
    expect(isProvenance('rumoured')).toBe(false);
    expect(isSessionProvenance('written')).toBe(false);
    expect(isSessionProvenance('from-history')).toBe(true);
  });

  it.each([
    ['measured', true],
    ['captured', true],
    ['stated', false],
    ['from-history', false],
  ] as const)('%s time counts as measured: %s', (p, measured) => {
    expect(carriesMeasuredTime(p)).toBe(measured);
    expect(measuredMs({ activeMs: 60_000, provenance: p })).toBe(measured ? 60_000 : 0);
    expect(statedMs({ statedMs: 60_000, provenance: p })).toBe(p === 'stated' ? 60_000 : 0);
    // A stated session's activeMs is never its time, whatever it holds.
    expect(statedMs({ activeMs: 60_000, provenance: p } as never)).toBe(0);
  });

  it('gives a session written before provenance what the upgrade gives it', () => {
    expect(sessionProvenanceBefore({ status: 'kept' }, true)).toBe('captured');
    expect(sessionProvenanceBefore({ status: 'auto' }, true)).toBe('measured');
    expect(sessionProvenanceBefore({ status: 'kept' }, false)).toBe('measured');
  });

  it('counts every piece of evidence by where it came from', () => {
    expect(
      countEvidence({
        sessions: [
          { provenance: 'measured' },
          { provenance: 'captured' },
          { provenance: 'stated' },
        ],
        reflections: 2,
        followUps: 1,
        endorsements: 1,
      }),
    ).toEqual({
      measured: 1,
      captured: 1,
      written: 3,
      stated: 1,
      'from-history': 0,
      vouched: 1,
    });
  });
});

describe('totals never mix measured time with stated or estimated time', () => {
  const sessions = [
    session('a', 'measured', 600_000),
    session('b', 'captured', 300_000),
    session('c', 'stated', 3_600_000),
    session('d', 'from-history', 120_000),
  ];

  it('the week summary adds only measured time and keeps stated time apart', () => {
    const summary = summarise(
      { sessions, visits: [], searches: [], skills: [skill] },
      { start: T0 - 3_600_000, end: T0 + 86_400_000, timeZone: 'UTC' },
    );
    expect(summary.totals.activeMs).toBe(900_000);
    expect(summary.days.reduce((sum, d) => sum + d.activeMs, 0)).toBe(900_000);
    const css = summary.skills[0]!;
    expect(css.activeMs).toBe(900_000);
    expect(css.statedMs).toBe(3_600_000);
    expect(css.byProvenance).toMatchObject({
      measured: 1,
      captured: 1,
      stated: 1,
      'from-history': 1,
    });
  });

  it('the skill totals and the reminder add only measured time', () => {
    expect(skillTotals(sessions)[0]!.activeMs).toBe(900_000);
    expect(weekTotals(sessions, { start: T0 - 1, end: T0 + 86_400_000 }).activeMs).toBe(900_000);
  });
});
