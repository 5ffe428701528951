// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SKILL } from '../../../fixtures/week';
import { learnerForFile, weekBadges } from '../../../fixtures/week-badges';

const learner = learnerForFile();

describe('Open Badges evidence', () => {
  it('gives one evidence entry per session, as the privacy level allows', async () => {
    const full = (await weekBadges(learner.keys, 'full')).find(
      (b) => b.skillId === SKILL.css,
    )!.credential;
    expect(full.evidence).toHaveLength(4);
    expect(full.evidence![0]).toEqual({
      type: ['Evidence'],
      id: 'https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_grid_layout',
      name: 'CSS grid layout - CSS | MDN',
      description:
        'Reading · 2026-11-23 09:15 · 9 min active · 2 pages. Measured by Skilltrail: the tab in front, the window focused, the learner not idle.',
      genre: 'measured',
      narrative:
        'Reflection: Grid areas name regions; grid-template-areas draws the layout as text.',
    });
    expect(full.evidence![1]!.narrative).toBe(
      'Searches: “css grid vs flexbox”, “css grid auto-fill vs auto-fit”',
    );
    // The answered follow-up: what stayed, and where it was used with a link to the work.
    expect(full.evidence!.slice(2)).toEqual([
      {
        type: ['Evidence'],
        name: 'What stayed of CSS',
        description:
          'Written 2026-11-29 20:30, some days after 1 session. Written by the learner: a reflection or a follow-up answer, in their own words.',
        genre: 'written',
        narrative:
          'Grid areas name regions; <b>subgrid</b> passes tracks down.\nminmax() sets limits.',
      },
      {
        type: ['Evidence'],
        id: 'https://github.com/example/site/pull/42',
        name: 'Where CSS was used',
        description:
          'Written 2026-11-29 20:30, some days after 1 session. Written by the learner: a reflection or a follow-up answer, in their own words.',
        genre: 'written',
        narrative: 'Rebuilt the *pricing* page layout with grid | no floats left',
      },
    ]);
    // A dismissed follow-up is evidence of nothing.
    const frontEnd = (await weekBadges(learner.keys, 'full')).find(
      (b) => b.skillId === SKILL.frontEnd,
    )!.credential;
    expect(frontEnd.evidence!.map((e) => e.genre)).not.toContain('written');
    const titles = (await weekBadges(learner.keys, 'titles')).find(
      (b) => b.skillId === SKILL.css,
    )!.credential;
    expect(titles.evidence).toHaveLength(2);
    expect(titles.evidence![0]).toEqual({
      type: ['Evidence'],
      name: 'CSS grid layout - CSS | MDN',
      description: `Reading · 2026-11-23 09:15 · 9 min active · 2 pages · developer.mozilla.org. Measured by Skilltrail: the tab in front, the window focused, the learner not idle.`,
      genre: 'measured',
    });
    const sites = (await weekBadges(learner.keys, 'sites')).find(
      (b) => b.skillId === SKILL.css,
    )!.credential;
    expect(sites.evidence!.map((e) => e.name)).toEqual([
      'Reading on developer.mozilla.org',
      'Web search on google.com',
    ]);
    const totals = await weekBadges(learner.keys, 'totals');
    expect(totals.every((b) => b.credential.evidence === undefined)).toBe(true);
    expect(totals[1]!.credential.credentialSubject.narrative).toBe(
      'In week 2026-W48 I spent 16 min of active learning on CSS across 2 sessions: 5 pages read, 2 searches.',
    );
  });

  it('never uses a javascript: or data: URL as evidence id', async () => {
    for (const b of await weekBadges(learner.keys, 'full')) {
      for (const e of b.credential.evidence ?? []) if (e.id) expect(e.id).toMatch(/^https?:\/\//);
    }
  });
});
