import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { answerFollowUp, dismissFollowUp, loadDueFollowUp } from '../../../lib/store/follow-ups';
import { answeredBySkill, checkAnswer } from '../../../lib/followup/answer';
import { eraseSessions } from '../../../lib/store/erase';
import { SKILL, uid, weekFixture } from '../../fixtures/week';
import { deleteSkill, mergeSkills } from '../../../lib/store/skills';

let db: SkilltrailDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const SETTINGS = { followUpsEnabled: true, followUpDays: 7 };

/** The fixture week, without its follow-ups, in a fresh database. */
async function seeded(): Promise<{ db: SkilltrailDb; now: number; timeZone: string }> {
  const f = weekFixture();
  db = openDb(`follow-ups-${Math.random()}`);
  await db.skills.bulkAdd(f.data.skills);
  await db.sessions.bulkAdd(f.data.sessions);
  // Monday's sessions are due a week later, on Monday 30 Nov.
  return { db, now: Date.UTC(2026, 10, 30, 9), timeZone: f.timeZone };
}

describe('follow-ups in the database', () => {
  it('asks about the sessions due, records the answer, and asks nothing more that day', async () => {
    const { db, now, timeZone } = await seeded();
    const due = await loadDueFollowUp(db, SETTINGS, now, timeZone);
    expect(due).not.toBeNull();
    expect(due!.sessionIds).toContain(uid(0x101));
    const saved = await answerFollowUp(
      db,
      due!,
      { recall: '  Grid areas.  ', application: 'Pricing page', link: 'https://example.org/pr/1' },
      now,
    );
    expect(saved).toMatchObject({
      skillId: due!.skillId,
      sessionIds: due!.sessionIds,
      at: now,
      status: 'answered',
      recall: 'Grid areas.',
      application: 'Pricing page',
      link: 'https://example.org/pr/1',
    });
    expect(await loadDueFollowUp(db, SETTINGS, now + 60_000, timeZone)).toBeNull();
    // The next day, another skill's sessions come up; never the same ones again.
    const next = await loadDueFollowUp(db, SETTINGS, now + 86_400_000, timeZone);
    expect(next).not.toBeNull();
    expect(next!.skillId).not.toBe(due!.skillId);
    expect(answeredBySkill(await db.followUps.toArray()).get(due!.skillId)).toEqual([saved]);
  });

  it('dismisses in one step, remembers it, and never records one prompt twice', async () => {
    const { db, now, timeZone } = await seeded();
    const due = (await loadDueFollowUp(db, SETTINGS, now, timeZone))!;
    const [first, second] = await Promise.all([
      dismissFollowUp(db, due, now),
      answerFollowUp(db, due, { recall: 'late', application: '', link: '' }, now),
    ]);
    expect([first, second].filter((x) => x !== null)).toHaveLength(1);
    expect(await db.followUps.count()).toBe(1);
    expect(answeredBySkill(await db.followUps.toArray()).size).toBe(first ? 0 : 1);
  });

  it('asks nothing when switched off', async () => {
    const { db, now, timeZone } = await seeded();
    expect(
      await loadDueFollowUp(db, { ...SETTINGS, followUpsEnabled: false }, now, timeZone),
    ).toBeNull();
  });

  it('refuses an empty answer and a link that is not a web address', async () => {
    expect(checkAnswer({ recall: ' ', application: '', link: '' })).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(checkAnswer({ recall: 'x', application: '', link: 'javascript:alert(1)' })).toEqual({
      ok: false,
      reason: 'link',
    });
    expect(checkAnswer({ recall: '', application: 'At work', link: '' })).toEqual({ ok: true });
    const { db, now, timeZone } = await seeded();
    const due = (await loadDueFollowUp(db, SETTINGS, now, timeZone))!;
    await expect(
      answerFollowUp(db, due, { recall: 'x', application: '', link: 'data:text/html,hi' }, now),
    ).rejects.toThrow();
    expect(await db.followUps.count()).toBe(0);
  });

  it('follows its skill through a merge, goes with a deleted skill, outlives deleted sessions', async () => {
    const f = weekFixture();
    const { db } = await seeded();
    await db.followUps.bulkAdd(f.data.followUps);
    await mergeSkills(db, [SKILL.css], SKILL.frontEnd, 1);
    expect((await db.followUps.get(uid(0x601)))!.skillId).toBe(SKILL.frontEnd);
    await eraseSessions(db, [uid(0x101)]);
    expect((await db.followUps.get(uid(0x601)))!.sessionIds).toEqual([]);
    await deleteSkill(db, SKILL.frontEnd, 2);
    expect(await db.followUps.count()).toBe(0);
  });
});
