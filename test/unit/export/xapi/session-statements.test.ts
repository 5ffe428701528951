import { describe, expect, it } from 'vitest';
import { IRI, IRI_BASE } from '../../../../lib/export/iri';
import { redactSessions, shareSkills } from '../../../../lib/export/privacy';
import { buildSessionStatements } from '../../../../lib/export/xapi/session-statements';
import { XAPI_VERB } from '../../../../lib/export/xapi/vocabulary';
import { SKILL, uid, weekFixture } from '../../../fixtures/week';
import { ACTOR, get, weekStatements, type Obj } from '../../../fixtures/week-statements';

describe('xAPI statements of a session', () => {
  it('makes a statement per page read, per query and per reflection', async () => {
    const list = await weekStatements('full');
    const verbs = list.map((s) => get(s, 'verb', 'id'));
    const count = (v: string) => verbs.filter((x) => x === v).length;
    // Pages: 2 + 3 + 1 + 1 (captured, no visits) + 3 + 2; the talk is watched.
    expect(count(XAPI_VERB.read.id)).toBe(12);
    expect(count(XAPI_VERB.watched.id)).toBe(1);
    expect(count(XAPI_VERB.searched.id)).toBe(2);
    expect(count(XAPI_VERB.reflected.id)).toBe(4);
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
  });

  it('puts the query in result.response and the engine, not the results page, as object', async () => {
    const searched = (await weekStatements('full')).filter(
      (s) => get(s, 'verb', 'id') === XAPI_VERB.searched.id,
    );
    expect(searched.map((s) => get(s, 'result', 'response'))).toEqual([
      'css grid vs flexbox',
      'css grid auto-fill vs auto-fit',
    ]);
    for (const s of searched) {
      expect(get(s, 'object', 'id')).toBe('https://www.google.com/');
      expect(JSON.stringify(get(s, 'object'))).not.toContain('q=');
    }
    expect(get(searched[0], 'result', 'extensions', IRI.extension.pages)).toBe(2);
  });

  it('carries session, week, profile and skills in the context', async () => {
    const list = await weekStatements('full');
    const first = list[0]!;
    expect(get(first, 'context', 'registration')).toBe(uid(0x101));
    expect(get(first, 'context', 'contextActivities', 'parent', 0, 'id')).toBe(
      `${IRI_BASE}/sessions/${uid(0x101)}`,
    );
    expect(get(first, 'context', 'contextActivities', 'grouping', 0, 'id')).toBe(
      `${IRI_BASE}/weeks/2026-W48`,
    );
    const category = get(first, 'context', 'contextActivities', 'category') as Obj[];
    expect(category.map((c) => c.id)).toEqual([
      IRI.profile,
      'http://data.europa.eu/esco/skill/a2b1c3d4-0000-4000-8000-00000000c551',
      `${IRI_BASE}/skills/${SKILL.frontEnd}`,
    ]);
    expect(get(first, 'timestamp')).toBe('2026-11-23T09:15:00.000+01:00');
    expect(get(first, 'result', 'duration')).toBe('PT7M');
    expect(get(first, 'result', 'extensions')).toEqual({
      [IRI.extension.activeSeconds]: 360,
      [IRI.extension.maxScrollPercent]: 85,
      [IRI.extension.wordCount]: 2400,
    });
    // A deleted skill id never reaches a statement.
    expect(JSON.stringify(list)).not.toContain(SKILL.deleted);
  });

  it("refers a reflection to its session's first statement", async () => {
    const list = await weekStatements('full');
    const reflection = list.find(
      (s) =>
        get(s, 'verb', 'id') === XAPI_VERB.reflected.id &&
        get(s, 'context', 'registration') === uid(0x101),
    )!;
    const first = list.find((s) => get(s, 'context', 'registration') === uid(0x101))!;
    expect(get(reflection, 'context', 'statement')).toEqual({
      objectType: 'StatementRef',
      id: first.id,
    });
    expect(get(reflection, 'result', 'response')).toMatch(/^Grid areas/);
    expect(get(reflection, 'object', 'id')).toBe(`${IRI_BASE}/sessions/${uid(0x101)}`);
  });

  it('gives a captured session without visits one statement for its URL', async () => {
    const list = await weekStatements('full');
    const captured = list.filter((s) => get(s, 'context', 'registration') === uid(0x104));
    expect(captured.map((s) => get(s, 'verb', 'id'))).toEqual([
      XAPI_VERB.read.id,
      XAPI_VERB.reflected.id,
    ]);
    expect(get(captured[0], 'object', 'id')).toBe('https://blog.example.com/post?id=1');
  });

  it('builds per-session statements for the sync that match the file export', async () => {
    const f = weekFixture();
    const sessions = f.data.sessions.slice(0, 2);
    const bySession = await buildSessionStatements(
      redactSessions(f.data, sessions, 'full'),
      shareSkills(f.data.skills),
      { actor: ACTOR, level: 'full', timeZone: f.timeZone, weekStart: 1 },
    );
    const all = await weekStatements('full');
    expect([...bySession.keys()]).toEqual([uid(0x101), uid(0x102)]);
    expect([...bySession.values()].flat()).toEqual(all.slice(0, 8));
  });
});
