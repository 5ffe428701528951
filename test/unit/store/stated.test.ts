import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import { recordCapture } from '../../../lib/store/sessions';
import { ensureSkill, mergeSkills } from '../../../lib/store/skills';
import { loadStatedActivity, saveStatedActivity } from '../../../lib/store/stated';
import type { StatedActivityInput } from '../../../lib/learning-away/validate';

const NOW = Date.UTC(2026, 11, 7, 15);
const TZ = 'UTC';

async function fresh() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const css = await ensureSkill(db, 'CSS', NOW);
  const wiring = await ensureSkill(db, 'Wiring', NOW);
  return { db, css, wiring };
}

function input(skills: string[], patch: Partial<StatedActivityInput> = {}): StatedActivityInput {
  return {
    learningKind: 'mentoring',
    date: '2026-12-05',
    durationMs: 2 * 3_600_000,
    skills,
    learned: 'How to test a circuit',
    place: 'Workshop',
    people: 'Rosa',
    ...patch,
  };
}

describe('saveStatedActivity', () => {
  it('stores a stated session and reads it back for its form', async () => {
    const { db, css, wiring } = await fresh();
    const r = await saveStatedActivity(db, input([css.id, wiring.id]), { now: NOW, timeZone: TZ });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await loadStatedActivity(db, r.session.id)).toEqual(r.session);
    expect(r.session).toMatchObject({
      kind: 'away',
      provenance: 'stated',
      activeMs: 0,
      statedMs: 2 * 3_600_000,
      skills: [css.id, wiring.id],
      startedAt: Date.UTC(2026, 11, 5, 12),
    });
  });

  it.each([
    ['a future day', { date: '2026-12-08' }, 'date-future'],
    ['more than 24 hours', { durationMs: 25 * 3_600_000 }, 'duration-over-day'],
    ['an over-long text', { learned: 'x'.repeat(300) }, 'too-long'],
  ] as const)('stores nothing for %s', async (_name, patch, reason) => {
    const { db, css } = await fresh();
    const r = await saveStatedActivity(db, input([css.id], patch), { now: NOW, timeZone: TZ });
    expect(r).toMatchObject({ ok: false, problems: [{ reason }] });
    expect(await db.sessions.count()).toBe(0);
  });

  it('stores nothing without a skill, or when every skill named is gone', async () => {
    const { db } = await fresh();
    for (const skills of [[], ['no-such-skill']]) {
      const r = await saveStatedActivity(db, input(skills), { now: NOW, timeZone: TZ });
      expect(r).toMatchObject({ ok: false, problems: [{ reason: 'skills-missing' }] });
    }
    expect(await db.sessions.count()).toBe(0);
  });

  it('counts the day’s other stated time, not measured time, against 24 hours', async () => {
    const { db, css } = await fresh();
    await recordCapture(
      db,
      { url: 'https://a.org/', title: 'A', wordCount: 1, readerable: true },
      { now: Date.UTC(2026, 11, 5, 9) },
    );
    const first = await saveStatedActivity(db, input([css.id], { durationMs: 20 * 3_600_000 }), {
      now: NOW,
      timeZone: TZ,
    });
    expect(first.ok).toBe(true);
    const over = await saveStatedActivity(db, input([css.id], { durationMs: 5 * 3_600_000 }), {
      now: NOW,
      timeZone: TZ,
    });
    expect(over).toMatchObject({ ok: false, problems: [{ reason: 'day-over-24h' }] });
    // Editing the first one does not count it twice.
    const edited = await saveStatedActivity(db, input([css.id], { durationMs: 24 * 3_600_000 }), {
      now: NOW,
      timeZone: TZ,
      sessionId: first.ok ? first.session.id : '',
    });
    expect(edited.ok).toBe(true);
    expect(await db.sessions.count()).toBe(2);
  });

  it('edits in place, maps a merged skill to its target, and never edits a measured session', async () => {
    const { db, css, wiring } = await fresh();
    const r = await saveStatedActivity(db, input([css.id]), { now: NOW, timeZone: TZ });
    if (!r.ok) throw new Error('expected ok');
    await mergeSkills(db, [css.id], wiring.id, NOW);
    const edited = await saveStatedActivity(
      db,
      input([css.id], { learningKind: 'trade', learned: 'Crimping' }),
      { now: NOW + 1, timeZone: TZ, sessionId: r.session.id },
    );
    expect(edited).toMatchObject({
      ok: true,
      session: { id: r.session.id, learningKind: 'trade', title: 'Crimping', skills: [wiring.id] },
    });
    const { session } = await recordCapture(
      db,
      { url: 'https://a.org/', title: 'A', wordCount: 1, readerable: true },
      { now: NOW },
    );
    const refused = await saveStatedActivity(db, input([wiring.id]), {
      now: NOW,
      sessionId: session.id,
    });
    expect(refused).toEqual({ ok: false, problems: [] });
    expect((await db.sessions.get(session.id))?.kind).toBe('reading');
  });
});
