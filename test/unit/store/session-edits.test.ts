import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import { recordCapture, tagSession } from '../../../lib/store/sessions';
import { ensureSkill, mergeSkills } from '../../../lib/store/skills';

const page = {
  url: 'https://a.org/grid',
  title: 'Grid',
  siteName: 'a.org',
  wordCount: 900,
  readerable: true,
};

/** Two screens over one session: each save changes only what was changed on that screen. */
describe('a session save merges by field', () => {
  it('keeps a skill the popup saved after a week-view editor opened, and the note it left alone', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    const { session } = await recordCapture(db, page, { now: 1000 });
    const [css, grid, layout] = await Promise.all(
      ['CSS', 'Grid', 'Layout'].map((name) => ensureSkill(db, name, 1000)),
    );
    await tagSession(db, session.id, { skills: [css!.id], note: 'Areas', now: 2000 });
    // The week view's editor opens on [CSS] and "Areas".
    const weekOpened = { skills: [css!.id], note: 'Areas', title: 'Grid' };
    // Then the popup, opened on the same, adds Grid and rewrites the note.
    await tagSession(db, session.id, {
      skills: [css!.id, grid!.id],
      note: 'Named areas',
      opened: { skills: [css!.id], note: 'Areas' },
      now: 3000,
    });
    // The week view saves: it added Layout, left the note and the title alone.
    const saved = await tagSession(db, session.id, {
      skills: [css!.id, layout!.id],
      note: 'Areas',
      title: 'Grid',
      opened: weekOpened,
      now: 4000,
    });
    expect(saved?.skills).toEqual([css!.id, grid!.id, layout!.id]);
    expect(saved?.note).toBe('Named areas');
    // A skill removed on a screen goes, even though it was there when that screen opened.
    const removed = await tagSession(db, session.id, {
      skills: [grid!.id, layout!.id],
      note: 'Named areas',
      opened: { skills: [css!.id, grid!.id, layout!.id], note: 'Named areas' },
      now: 5000,
    });
    expect(removed?.skills).toEqual([grid!.id, layout!.id]);
  });

  it('tags with the merge target a skill merged away after the popup opened', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    const { session } = await recordCapture(db, page, { now: 1000 });
    const js = await ensureSkill(db, 'JS', 1000);
    const javascript = await ensureSkill(db, 'JavaScript', 1000);
    // The popup opens, listing JS; meanwhile the learner merges JS into JavaScript.
    const opened = { skills: [], note: '' };
    await mergeSkills(db, [js.id], javascript.id, 2000);
    const saved = await tagSession(db, session.id, {
      skills: [js.id],
      note: '',
      opened,
      now: 3000,
    });
    expect(saved?.skills).toEqual([javascript.id]);
    expect(await db.sessions.where('skills').equals(javascript.id).count()).toBe(1);
  });
});
