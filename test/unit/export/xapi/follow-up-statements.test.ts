import { describe, expect, it } from 'vitest';
import { IRI, IRI_BASE } from '../../../../lib/export/iri';
import { uid } from '../../../fixtures/week';
import { get, weekStatements } from '../../../fixtures/week-statements';

describe('xAPI statements of follow-ups', () => {
  it('states an answered follow-up as recalled and applied, pointing at its sessions', async () => {
    const list = await weekStatements('full');
    const followUps = list.filter((s) =>
      [IRI.verb.recalled, IRI.verb.applied].includes(get(s, 'verb', 'id') as never),
    );
    expect(followUps.map((s) => get(s, 'verb', 'display', 'en-US')).sort()).toEqual([
      'applied',
      'recalled',
    ]);
    expect(followUps).toHaveLength(2);
    const recalled = followUps.find((s) => get(s, 'verb', 'id') === IRI.verb.recalled)!;
    const applied = followUps.find((s) => get(s, 'verb', 'id') === IRI.verb.applied)!;
    expect(get(recalled, 'object', 'id')).toBe(
      'http://data.europa.eu/esco/skill/a2b1c3d4-0000-4000-8000-00000000c551',
    );
    expect(get(recalled, 'result', 'response')).toMatch(/^Grid areas name regions/);
    expect(get(applied, 'result', 'extensions', IRI.extension.workLink)).toBe(
      'https://github.com/example/site/pull/42',
    );
    expect(get(applied, 'timestamp')).toBe('2026-11-29T20:30:00.000+01:00');
    // Both point at the session they asked about, which has statements of its own.
    const session = `${IRI_BASE}/sessions/${uid(0x101)}`;
    for (const s of followUps) {
      expect(get(s, 'context', 'contextActivities', 'other', 0, 'id')).toBe(session);
    }
    expect(
      list.some((s) => get(s, 'context', 'contextActivities', 'parent', 0, 'id') === session),
    ).toBe(true);
    // Below `full` the learner's words stay home, as reflections do.
    const titles = await weekStatements('titles');
    expect(titles.some((s) => get(s, 'verb', 'id') === IRI.verb.recalled)).toBe(false);
  });
});
