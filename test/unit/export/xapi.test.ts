import xapiValidation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { actorFromSettings } from '../../../lib/export/identity';
import { getOrCreateInstallId } from '../../../lib/store/install-id';
import { IRI, IRI_BASE, nameUuid, UUID_NAMESPACE } from '../../../lib/export/iri';
import {
  prepareExport,
  PRIVACY_LEVELS,
  redactSessions,
  shareSkills,
  type PrivacyLevel,
} from '../../../lib/export/privacy';
import {
  buildSessionStatements,
  buildXapiStatements,
  exportWeekAsXapi,
  XAPI_VERB,
  xapiActor,
  type XapiActorOptions,
  type XapiStatement,
} from '../../../lib/export/xapi';
import { openDb } from '../../../lib/store/db';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { SKILL, uid, weekFixture } from '../../fixtures/week';

// The package is CommonJS with a default export; depending on interop it arrives wrapped.
const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => { path?: unknown; constructor: { name: string } }[];

const ACTOR: XapiActorOptions = {
  installId: 'a3f9c2e1-7b4d-4c2a-9e8f-1d2c3b4a5f60',
  name: 'Ada Learner',
};

async function statements(level: PrivacyLevel = 'full', actor = ACTOR) {
  const f = weekFixture();
  const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, weekStart: 1, level });
  return buildXapiStatements(shared, actor);
}

function warningsOf(s: XapiStatement) {
  return validate(s).map((w) => `${w.constructor.name} at ${JSON.stringify(w.path)}`);
}

type Obj = Record<string, unknown>;
const get = (s: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o as Obj | undefined)?.[k as string], s);

describe('xAPI statements', () => {
  it.each(PRIVACY_LEVELS)('all pass xapi-validation with zero warnings at %s', async (level) => {
    const list = await statements(level);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(warningsOf(s), JSON.stringify(s, null, 1)).toEqual([]);
  });

  it('uses a validator that does report broken statements', () => {
    expect(validate({ actor: {}, verb: { id: 'nope' } }).length).toBeGreaterThan(0);
  });

  it('passes with an email actor and with an anonymous one', async () => {
    for (const actor of [
      { ...ACTOR, email: 'ada@example.org', useEmail: true },
      { installId: 'u-1' },
    ]) {
      for (const s of await statements('full', actor)) expect(warningsOf(s)).toEqual([]);
    }
  });

  it('makes a statement per page read, per query and per reflection', async () => {
    const list = await statements('full');
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
    const searched = (await statements('full')).filter(
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
    const list = await statements('full');
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
    const list = await statements('full');
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
    const list = await statements('full');
    const captured = list.filter((s) => get(s, 'context', 'registration') === uid(0x104));
    expect(captured.map((s) => get(s, 'verb', 'id'))).toEqual([
      XAPI_VERB.read.id,
      XAPI_VERB.reflected.id,
    ]);
    expect(get(captured[0], 'object', 'id')).toBe('https://blog.example.com/post?id=1');
  });

  it('never uses a javascript: or data: URL as an activity id', async () => {
    for (const s of await statements('full')) {
      expect(String(get(s, 'object', 'id'))).toMatch(/^https?:\/\//);
    }
  });

  it('uses opaque page IRIs at titles and site roots at sites', async () => {
    const titles = (await statements('titles')).filter(
      (s) => get(s, 'verb', 'id') === XAPI_VERB.read.id,
    );
    expect(
      titles.every((s) => String(get(s, 'object', 'id')).startsWith(`${IRI_BASE}/pages/`)),
    ).toBe(true);
    expect(get(titles[0], 'object', 'definition', 'name')).toEqual({
      und: 'CSS grid layout - CSS | MDN',
    });
    expect(get(titles[0], 'context', 'extensions', IRI.extension.site)).toBe(
      'developer.mozilla.org',
    );
    const sites = (await statements('sites')).filter(
      (s) => get(s, 'verb', 'id') === XAPI_VERB.read.id,
    );
    expect(get(sites[0], 'object')).toMatchObject({
      id: 'https://developer.mozilla.org/',
      definition: { name: { und: 'developer.mozilla.org' } },
    });
    for (const level of ['titles', 'sites'] as const) {
      const list = await statements(level);
      expect(list.some((s) => get(s, 'verb', 'id') === XAPI_VERB.reflected.id)).toBe(false);
      expect(list.some((s) => get(s, 'result', 'response') !== undefined)).toBe(false);
    }
  });

  it('gives one experienced statement per skill at totals', async () => {
    const list = await statements('totals');
    expect(list.map((s) => get(s, 'object', 'definition', 'name'))).toEqual([
      { und: 'Front-end development' },
      { und: 'CSS' },
      { und: 'Web cryptography' },
    ]);
    expect(get(list[0], 'result', 'duration')).toBe('PT30M');
    expect(get(list[0], 'context', 'contextActivities', 'grouping', 0, 'id')).toBe(
      `${IRI_BASE}/weeks/2026-W48`,
    );
  });

  it('is deterministic: the same data gives byte-identical files', async () => {
    const f = weekFixture();
    const shared = prepareExport(f.data, { ...f.week, timeZone: f.timeZone, level: 'full' });
    const a = await exportWeekAsXapi(shared, ACTOR);
    const b = await exportWeekAsXapi(
      prepareExport(weekFixture().data, { ...f.week, timeZone: f.timeZone, level: 'full' }),
      ACTOR,
    );
    expect(a.content).toBe(b.content);
    expect(a.filename).toBe('skilltrail-2026-W48-xapi.json');
    expect(a.mimeType).toBe('application/json');
    expect(JSON.parse(a.content)).toHaveLength(21);
  });

  it('states an answered follow-up as recalled and applied, pointing at its sessions', async () => {
    const list = await statements('full');
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
    const titles = await statements('titles');
    expect(titles.some((s) => get(s, 'verb', 'id') === IRI.verb.recalled)).toBe(false);
  });

  it('gives different ids at different levels, so an LRS never sees a conflict', async () => {
    const full = new Set((await statements('full')).map((s) => s.id));
    for (const s of await statements('titles')) expect(full.has(s.id)).toBe(false);
  });

  it('builds per-session statements for the sync that match the file export', async () => {
    const f = weekFixture();
    const sessions = f.data.sessions.slice(0, 2);
    const bySession = await buildSessionStatements(
      redactSessions(f.data, sessions, 'full'),
      shareSkills(f.data.skills),
      { actor: ACTOR, level: 'full', timeZone: f.timeZone, weekStart: 1 },
    );
    const all = await statements('full');
    expect([...bySession.keys()]).toEqual([uid(0x101), uid(0x102)]);
    expect([...bySession.values()].flat()).toEqual(all.slice(0, 8));
  });
});

describe('nameUuid', () => {
  it('matches the RFC 9562 version 5 test vector', async () => {
    // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
    expect(await nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(await nameUuid(UUID_NAMESPACE.xapi, 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('xAPI actor', () => {
  it.each([
    [{ installId: 'i1' }, { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } }],
    [
      { installId: 'i1', name: ' Ada ', email: 'ada@example.org', useEmail: true },
      { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
    ],
    [
      { installId: 'i1', email: 'not an email', useEmail: true },
      { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } },
    ],
    [
      { installId: 'i1', email: 'ada@example.org', useEmail: false },
      { objectType: 'Agent', account: { homePage: IRI_BASE, name: 'i1' } },
    ],
  ])('%j → %j', (options, agent) => {
    expect(xapiActor(options)).toEqual(agent);
  });

  it('keeps one pseudonymous install id per database', async () => {
    const db = openDb(`xapi-install-${Math.random()}`);
    const [a, b] = await Promise.all([getOrCreateInstallId(db), getOrCreateInstallId(db)]);
    expect(a).toBe(b);
    expect(await getOrCreateInstallId(db)).toBe(a);
    expect(actorFromSettings({ ...DEFAULT_SETTINGS, learnerName: 'Ada' }, a)).toEqual({
      installId: a,
      name: 'Ada',
      email: '',
      useEmail: false,
    });
    db.close();
  });
});
