import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { exportMarkdown } from '../../../lib/export/markdown';
import { prepareExport } from '../../../lib/export/privacy';
import { weekFixture } from '../../fixtures/week';
import { loadWeek } from '../../../lib/store/week';

let db: SkilltrailDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('loadWeek', () => {
  it('reads a week with its visits, searches, follow-ups and all skills, giving the same export as the data itself', async () => {
    const f = weekFixture();
    db = openDb(`load-${Math.random()}`);
    await db.skills.bulkAdd(f.data.skills);
    await db.sessions.bulkAdd(f.data.sessions);
    await db.visits.bulkAdd(f.data.visits);
    await db.searches.bulkAdd(f.data.searches);
    await db.followUps.bulkAdd(f.data.followUps);
    // A follow-up on sessions of another week stays out.
    await db.followUps.add({ ...f.data.followUps[0]!, id: 'f-other', sessionIds: ['elsewhere'] });
    const data = await loadWeek(db, f.week.start, f.week.end);
    // 8 sessions start in the week (one of them dismissed); the one before is left out.
    expect(data.sessions).toHaveLength(8);
    expect(data.visits).toHaveLength(13);
    expect(data.searches).toHaveLength(2);
    expect(data.skills).toHaveLength(4);
    expect(data.followUps.map((x) => x.id).sort()).toEqual(
      f.data.followUps.map((x) => x.id).sort(),
    );
    const options = { ...f.week, timeZone: f.timeZone, weekStart: 1, level: 'full' as const };
    expect(exportMarkdown(prepareExport(data, options)).content).toBe(
      exportMarkdown(prepareExport(f.data, options)).content,
    );
  });
});
