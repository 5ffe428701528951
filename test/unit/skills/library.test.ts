import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import type { Session, Skill } from '../../../lib/model';
import { addSkillToSessions, removeSkillFromSessions } from '../../../lib/store/bulk-tag';
import { cleanAliases, isFrameworkUri } from '../../../lib/skills/library';
import { goalProgress, skillTotals } from '../../../lib/skills/totals';
import {
  deleteSkill,
  ensureSkill,
  mergeSkills,
  renameSkill,
  updateSkill,
  loadSkillTotals,
} from '../../../lib/store/skills';

const T0 = Date.UTC(2026, 2, 2, 9); // a Monday
const MIN = 60_000;

function session(id: string, skills: string[], extra: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'reading',
    startedAt: T0,
    endedAt: T0 + 10 * MIN,
    activeMs: 10 * MIN,
    title: `Page ${id}`,
    url: `https://example.org/${id}`,
    domain: 'example.org',
    skills,
    note: '',
    status: 'kept',
    provenance: 'measured',
    updatedAt: T0,
    ...extra,
  };
}

let db: SkilltrailDb;
beforeEach(() => {
  db = openDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('isFrameworkUri', () => {
  it.each([
    ['http://data.europa.eu/esco/skill/8f18f987-33e2-4228-9efb-65de25d03330', true],
    ['https://www.onetonline.org/link/summary/15-1252.00', true],
    ['urn:example:skill:css', true],
    ['URN:ISBN:0451450523', true],
    ['ftp://example.org/skill', false],
    ['javascript:alert(1)', false],
    ['data:text/plain,hi', false],
    ['urn:', false],
    ['not a uri', false],
    ['https://', false],
    ['', false],
    ['https://example.org/' + 'a'.repeat(3000), false],
  ])('%s → %s', (uri, ok) => {
    expect(isFrameworkUri(uri)).toBe(ok);
  });
});

describe('cleanAliases', () => {
  it('trims, drops blanks, its own name and repeats', () => {
    expect(
      cleanAliases([' JS ', 'js', '', 'ECMAScript', 'JavaScript', 'ecma script'], 'javascript'),
    ).toEqual(['JS', 'ECMAScript', 'ecma script']);
  });
});

describe('renameSkill', () => {
  it('renames and re-keys a skill', async () => {
    const css = await ensureSkill(db, 'css', T0);
    const r = await renameSkill(db, css.id, 'CSS layout', T0 + 1);
    expect(r).toMatchObject({
      ok: true,
      skill: { name: 'CSS layout', key: 'css layout', updatedAt: T0 + 1 },
    });
    expect((await db.skills.get(css.id))?.key).toBe('css layout');
  });

  it('accepts a change of case or accents only', async () => {
    const s = await ensureSkill(db, 'espanol', T0);
    const r = await renameSkill(db, s.id, 'Español', T0);
    expect(r.ok && r.skill.name).toBe('Español');
  });

  it('reports a conflict naming the skill that has the key, and changes nothing', async () => {
    const js = await ensureSkill(db, 'JS', T0);
    const javascript = await ensureSkill(db, 'JavaScript', T0);
    const r = await renameSkill(db, js.id, '  javascript ', T0 + 1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('conflict');
    expect(r.conflict?.id).toBe(javascript.id);
    expect(r.message).toMatch(/merge/i);
    expect(await db.skills.get(js.id)).toEqual(js);
  });

  it.each([
    ['   ', 'invalid'],
    ['!!!', 'invalid'],
  ])('refuses the empty name %j', async (name, reason) => {
    const s = await ensureSkill(db, 'SQL', T0);
    expect(await renameSkill(db, s.id, name, T0)).toMatchObject({ ok: false, reason });
  });

  it('answers not-found for an unknown id', async () => {
    expect(await renameSkill(db, 'nope', 'x', T0)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('drops an alias that became the name', async () => {
    const s = await ensureSkill(db, 'JS', T0);
    await updateSkill(db, s.id, { aliases: ['JavaScript', 'ECMAScript'] }, T0);
    const r = await renameSkill(db, s.id, 'JavaScript', T0);
    expect(r.ok && r.skill.aliases).toEqual(['ECMAScript']);
  });
});

describe('updateSkill', () => {
  it('sets colour, aliases, URI, description and goal', async () => {
    const s = await ensureSkill(db, 'Python', T0);
    const r = await updateSkill(
      db,
      s.id,
      {
        colour: '#ABCDEF',
        aliases: ['py', 'Python 3', 'python'],
        uri: ' http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d ',
        description: 'Programming in Python.',
        goalMinutes: 90,
      },
      T0 + 5,
    );
    expect(r).toMatchObject({
      ok: true,
      skill: {
        colour: '#abcdef',
        aliases: ['py', 'Python 3'],
        uri: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
        description: 'Programming in Python.',
        goalMinutes: 90,
        updatedAt: T0 + 5,
      },
    });
  });

  it('clears optional fields with null or an empty string', async () => {
    const s = await ensureSkill(db, 'Python', T0);
    await updateSkill(db, s.id, { uri: 'urn:x:py', description: 'd', goalMinutes: 30 }, T0);
    const r = await updateSkill(db, s.id, { uri: '', description: null, goalMinutes: null }, T0);
    expect(r.ok).toBe(true);
    const stored = await db.skills.get(s.id);
    expect(stored).not.toHaveProperty('uri');
    expect(stored).not.toHaveProperty('description');
    expect(stored).not.toHaveProperty('goalMinutes');
  });

  it.each<[string, Parameters<typeof updateSkill>[2], string]>([
    ['a bad colour', { colour: 'blue' }, 'colour'],
    ['a non-web URI', { uri: 'javascript:alert(1)' }, 'uri'],
    ['a relative URI', { uri: '/skills/css' }, 'uri'],
    ['a long description', { description: 'x'.repeat(2001) }, 'description'],
    ['a fractional goal', { goalMinutes: 1.5 }, 'goalMinutes'],
    ['a zero goal', { goalMinutes: 0 }, 'goalMinutes'],
    ['a goal longer than a week', { goalMinutes: 10_081 }, 'goalMinutes'],
    ['too many aliases', { aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) }, 'aliases'],
    ['a long alias', { aliases: ['x'.repeat(81)] }, 'aliases'],
  ])('refuses %s and writes nothing', async (_label, patch, field) => {
    const s = await ensureSkill(db, 'Python', T0);
    const r = await updateSkill(db, s.id, { description: 'kept?', ...patch }, T0 + 1);
    expect(r).toMatchObject({ ok: false, reason: 'invalid', field });
    expect(await db.skills.get(s.id)).toEqual(s);
  });
});

describe('mergeSkills', () => {
  it('moves every session to the target, once, and keeps sources as aliases', async () => {
    const js = await ensureSkill(db, 'JS', T0);
    const ecma = await ensureSkill(db, 'ECMAScript', T0);
    const target = await ensureSkill(db, 'JavaScript', T0);
    const css = await ensureSkill(db, 'CSS', T0);
    await updateSkill(
      db,
      js.id,
      { aliases: ['js6', 'JavaScript'], uri: 'urn:x:js', goalMinutes: 60 },
      T0,
    );
    await updateSkill(db, target.id, { aliases: ['Vanilla JS'] }, T0);
    await db.sessions.bulkAdd([
      session('a', [js.id]),
      session('b', [css.id, ecma.id, js.id]),
      session('c', [target.id, js.id]),
      session('d', [css.id]),
    ]);

    const r = await mergeSkills(db, [js.id, ecma.id, target.id], target.id, T0 + 9);
    expect(r).toMatchObject({ ok: true, sessionsChanged: 3 });
    if (!r.ok) return;
    expect(r.merged.sort()).toEqual([ecma.id, js.id].sort());
    expect(r.skill.aliases).toEqual(['Vanilla JS', 'JS', 'js6', 'ECMAScript']);
    expect(r.skill.uri).toBe('urn:x:js');
    expect(r.skill.goalMinutes).toBe(60);

    const sessions = Object.fromEntries((await db.sessions.toArray()).map((s) => [s.id, s]));
    expect(sessions.a?.skills).toEqual([target.id]);
    expect(sessions.b?.skills).toEqual([css.id, target.id]);
    expect(sessions.c?.skills).toEqual([target.id]);
    expect(sessions.d).toEqual(session('d', [css.id]));
    expect(sessions.a?.updatedAt).toBe(T0 + 9);
    expect(await db.sessions.count()).toBe(4);
    expect((await db.skills.toArray()).map((s) => s.name).sort()).toEqual(['CSS', 'JavaScript']);
    expect(await db.sessions.where('skills').equals(js.id).count()).toBe(0);
    expect(await db.sessions.where('skills').equals(target.id).count()).toBe(3);
  });

  it('is idempotent: merging again changes nothing', async () => {
    const a = await ensureSkill(db, 'Excel', T0);
    const b = await ensureSkill(db, 'Spreadsheets', T0);
    await db.sessions.add(session('s', [a.id]));
    await mergeSkills(db, [a.id], b.id, T0);
    const before = await db.skills.toArray();
    const again = await mergeSkills(db, [a.id], b.id, T0 + 1);
    expect(again).toMatchObject({ ok: true, sessionsChanged: 0, merged: [] });
    expect(await db.skills.toArray()).toEqual(before);
  });

  it('keeps the target’s own URI and description over the sources’', async () => {
    const a = await ensureSkill(db, 'A', T0);
    const b = await ensureSkill(db, 'B', T0);
    await updateSkill(db, a.id, { uri: 'urn:x:a', description: 'from a' }, T0);
    await updateSkill(db, b.id, { uri: 'urn:x:b' }, T0);
    const r = await mergeSkills(db, [a.id], b.id, T0);
    expect(r.ok && [r.skill.uri, r.skill.description]).toEqual(['urn:x:b', 'from a']);
  });

  it('answers not-found for an unknown target and changes nothing', async () => {
    const a = await ensureSkill(db, 'A', T0);
    await db.sessions.add(session('s', [a.id]));
    expect(await mergeSkills(db, [a.id], 'gone', T0)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect((await db.sessions.get('s'))?.skills).toEqual([a.id]);
  });
});

describe('deleteSkill', () => {
  it('takes the skill off its sessions, which keep their other skills', async () => {
    const a = await ensureSkill(db, 'A', T0);
    const b = await ensureSkill(db, 'B', T0);
    await db.sessions.bulkAdd([
      session('1', [a.id, b.id]),
      session('2', [a.id]),
      session('3', [b.id]),
    ]);
    expect(await deleteSkill(db, a.id, T0 + 1)).toEqual({ deleted: true, sessionsChanged: 2 });
    expect((await db.sessions.get('1'))?.skills).toEqual([b.id]);
    expect((await db.sessions.get('2'))?.skills).toEqual([]);
    expect(await db.sessions.get('3')).toEqual(session('3', [b.id]));
    expect(await db.skills.get(a.id)).toBeUndefined();
    expect(await deleteSkill(db, a.id, T0 + 2)).toEqual({ deleted: false, sessionsChanged: 0 });
  });
});

describe('bulk tagging', () => {
  it('adds a skill to many sessions once, and removes it again', async () => {
    const a = await ensureSkill(db, 'A', T0);
    await db.sessions.bulkAdd([
      session('1', []),
      session('2', [a.id]),
      session('3', [], { status: 'auto' }),
    ]);
    expect(await addSkillToSessions(db, ['1', '2', '3', 'missing', '1'], a.id, T0 + 1)).toBe(2);
    expect(await addSkillToSessions(db, ['1', '2', '3'], a.id, T0 + 2)).toBe(0);
    expect((await db.sessions.get('3'))?.status).toBe('kept');
    expect(await db.sessions.where('skills').equals(a.id).count()).toBe(3);

    expect(await removeSkillFromSessions(db, ['1', '3'], a.id, T0 + 3)).toBe(2);
    expect(await removeSkillFromSessions(db, ['1', '3'], a.id, T0 + 4)).toBe(0);
    expect(await db.sessions.where('skills').equals(a.id).primaryKeys()).toEqual(['2']);
  });

  it('refuses an unknown skill', async () => {
    await db.sessions.add(session('1', []));
    await expect(addSkillToSessions(db, ['1'], 'nope', T0)).rejects.toThrow(/no skill/i);
  });
});

describe('skillTotals', () => {
  const sessions: Session[] = [
    session('r1', ['css'], { url: 'https://mdn.dev/grid', domain: 'mdn.dev', activeMs: 5 * MIN }),
    session('r2', ['css', 'a11y'], {
      url: 'https://mdn.dev/grid',
      domain: 'mdn.dev',
      startedAt: T0 + 86_400_000,
      endedAt: T0 + 86_400_000 + MIN,
      activeMs: 2 * MIN,
    }),
    session('s1', ['css'], {
      kind: 'search',
      url: 'https://duckduckgo.com/?q=grid',
      domain: 'duckduckgo.com',
      activeMs: 3 * MIN,
      startedAt: T0 - 1000,
    }),
    session('x', ['css'], { status: 'dismissed', activeMs: 99 * MIN }),
  ];
  const visits = [
    { sessionId: 's1', url: 'https://css-tricks.com/grid', domain: 'css-tricks.com' },
    { sessionId: 's1', url: 'https://mdn.dev/grid', domain: 'mdn.dev' },
  ];

  it('adds time, sessions, distinct pages and sites, first and last dates', () => {
    expect(skillTotals(sessions, { visits })).toEqual([
      {
        skillId: 'css',
        activeMs: 10 * MIN,
        statedMs: 0,
        sessions: 3,
        sources: 2,
        sites: 2,
        firstAt: T0 - 1000,
        lastAt: T0 + 86_400_000 + MIN,
      },
      {
        skillId: 'a11y',
        activeMs: 2 * MIN,
        statedMs: 0,
        sessions: 1,
        sources: 1,
        sites: 1,
        firstAt: T0 + 86_400_000,
        lastAt: T0 + 86_400_000 + MIN,
      },
    ]);
  });

  it('limits to a range and lists skills without sessions', () => {
    const totals = skillTotals(sessions, { start: T0, end: T0 + 1000, skillIds: ['none'] });
    expect(totals.map((t) => [t.skillId, t.sessions, t.sources])).toEqual([
      ['css', 1, 1],
      ['none', 0, 0],
    ]);
    expect(totals[1]).toMatchObject({ firstAt: null, lastAt: null });
  });

  it('reads the same figures from the database', async () => {
    await db.sessions.bulkAdd(sessions);
    await db.visits.bulkAdd(
      visits.map((v, i) => ({
        ...v,
        id: `v${i}`,
        title: '',
        startedAt: T0,
        endedAt: T0,
        activeMs: 0,
      })),
    );
    const css = await ensureSkill(db, 'CSS', T0);
    const totals = await loadSkillTotals(db);
    expect(totals.find((t) => t.skillId === 'css')).toEqual(skillTotals(sessions, { visits })[0]);
    expect(totals.find((t) => t.skillId === css.id)?.sessions).toBe(0);
    const week = await loadSkillTotals(db, { start: T0, end: T0 + 1000 });
    expect(week.find((t) => t.skillId === 'css')?.sessions).toBe(1);
  });
});

describe('goalProgress', () => {
  const week = { start: T0, end: T0 + 7 * 86_400_000 };
  const skills: Pick<Skill, 'id' | 'goalMinutes'>[] = [
    { id: 'css', goalMinutes: 60 },
    { id: 'sql' },
    { id: 'py', goalMinutes: 20 },
  ];
  it.each<[string, Session[], { skillId: string; minutes: number; met: boolean }[]]>([
    [
      'no sessions',
      [],
      [
        { skillId: 'css', minutes: 0, met: false },
        { skillId: 'py', minutes: 0, met: false },
      ],
    ],
    [
      'time this week only, whole minutes',
      [
        session('1', ['css', 'py'], { activeMs: 20 * MIN + 59_000 }),
        session('2', ['css'], { startedAt: T0 - 1 }),
        session('3', ['css'], { startedAt: week.end }),
        session('4', ['css'], { status: 'dismissed' }),
      ],
      [
        { skillId: 'css', minutes: 20, met: false },
        { skillId: 'py', minutes: 20, met: true },
      ],
    ],
    [
      'measured time only, never time from history or stated',
      [
        session('1', ['css'], { activeMs: 10 * MIN }),
        session('2', ['css'], { activeMs: 30 * MIN, provenance: 'from-history' }),
        session('3', ['css', 'py'], { activeMs: 30 * MIN, provenance: 'stated' }),
      ],
      [
        { skillId: 'css', minutes: 10, met: false },
        { skillId: 'py', minutes: 0, met: false },
      ],
    ],
  ])('with %s', (_label, list, expected) => {
    const progress = goalProgress(skills, list, week);
    expect(progress.map(({ skillId, minutes, met }) => ({ skillId, minutes, met }))).toEqual(
      expected,
    );
    expect(progress[0]?.ratio).toBeCloseTo((expected[0]?.minutes ?? 0) / 60);
  });
});
