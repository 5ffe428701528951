// @vitest-environment node
/**
 * Stated time is never counted as measured, anywhere: every place that adds up time gives
 * the same measured figures with and without five stated hours of mentoring, and shows the
 * stated hours apart.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import xapiValidation from '@learninglocker/xapi-validation';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentLoader } from '../../../lib/credentials/document-loader';
import { decodeCompactJws } from '../../../lib/credentials/jws';
import { exportCsv } from '../../../lib/export/csv';
import { IRI } from '../../../lib/export/iri';
import { exportMarkdown } from '../../../lib/export/markdown';
import { formatDuration } from '../../../lib/format';
import {
  issueBadges,
  issueSkillRecords,
  type BadgeKeys,
} from '../../../lib/export/openbadges/issue';
import { prepareExport, type PrivacyLevel } from '../../../lib/export/privacy';
import { buildReport } from '../../../lib/export/report';
import { buildXapiStatements } from '../../../lib/export/xapi/statements';
import { statedSession } from '../../../lib/learning-away/session';
import type { Session } from '../../../lib/model';
import { skillTotals } from '../../../lib/skills/totals';
import { weekTotals } from '../../../lib/week/reminder';
import { skillsThatGrew } from '../../../lib/week/story';
import { summarise } from '../../../lib/week/summary';
import { badgeKeys } from '../../fixtures/badge-keys';
import { itWithSchema, OB_SCHEMA_PATH, obSchemaText } from '../../fixtures/ob-schema';
import { SKILL, uid, weekFixture } from '../../fixtures/week';

const FIVE_HOURS = 5 * 3_600_000;
const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => unknown[];

/** Five hours of mentoring on Wednesday of the fixture week, tagged CSS and front-end. */
function mentoring(): Session {
  const f = weekFixture();
  return statedSession(
    {
      learningKind: 'mentoring',
      day: { year: 2026, month: 11, day: 25 },
      statedMs: FIVE_HOURS,
      skills: [SKILL.css, SKILL.frontEnd],
      learned: 'How to read a wiring diagram',
      place: 'The workshop',
      people: 'Rosa, senior technician',
    },
    { id: uid(0x7a1), now: f.now, timeZone: f.timeZone },
  );
}

function both() {
  const f = weekFixture();
  const range = { ...f.week, timeZone: f.timeZone, weekStart: 1 };
  const without = f.data;
  const withStated = { ...f.data, sessions: [...f.data.sessions, mentoring()] };
  return { f, range, without, withStated };
}

function shared(level: PrivacyLevel, stated: boolean) {
  const { range, without, withStated } = both();
  return prepareExport(stated ? withStated : without, { ...range, level });
}

describe('stated time is never counted as measured, anywhere', () => {
  it('in the week summary: totals, days, skills and untagged time', () => {
    const { range, without, withStated } = both();
    const before = summarise(without, range);
    const after = summarise(withStated, range);
    expect(after.totals.activeMs).toBe(before.totals.activeMs);
    expect(after.totals.statedMs).toBe(FIVE_HOURS);
    expect(after.days.map((d) => d.activeMs)).toEqual(before.days.map((d) => d.activeMs));
    expect(after.days[2]!.statedMs).toBe(FIVE_HOURS);
    expect(after.untagged).toEqual(before.untagged);
    for (const id of [SKILL.css, SKILL.frontEnd]) {
      const b = before.skills.find((s) => s.skillId === id)!;
      const a = after.skills.find((s) => s.skillId === id)!;
      expect(a.activeMs).toBe(b.activeMs);
      expect(a.statedMs).toBe(FIVE_HOURS);
      expect(a.perDay.map((d) => d.activeMs)).toEqual(b.perDay.map((d) => d.activeMs));
      expect(a.topSources).toEqual(b.topSources);
      expect(a.byProvenance.stated).toBe(1);
    }
  });

  it('in the skill library totals, the weekly reminder and the week story', () => {
    const { f, range, without, withStated } = both();
    const span = { start: f.week.start, end: f.week.end };
    const measured = (list: Session[]) =>
      skillTotals(list, span).map((t) => [t.skillId, t.activeMs]);
    expect(measured(withStated.sessions)).toEqual(
      expect.arrayContaining(measured(without.sessions)),
    );
    const css = skillTotals(withStated.sessions, span).find((t) => t.skillId === SKILL.css)!;
    expect(css.statedMs).toBe(FIVE_HOURS);
    expect(weekTotals(withStated.sessions, span).activeMs).toBe(
      weekTotals(without.sessions, span).activeMs,
    );
    const lastWeek = summarise(without, { ...range, start: range.start - 7 * 86_400_000 });
    const grew = (data: typeof without) => skillsThatGrew(summarise(data, range), lastWeek);
    expect(grew(withStated)).toEqual(grew(without));
  });

  it.each(['full', 'titles', 'sites', 'totals'] as const)(
    'in the Markdown report and the CSV at %s',
    (level) => {
      const before = shared(level, false);
      const after = shared(level, true);
      const reportBefore = buildReport(before);
      const reportAfter = buildReport(after);
      expect(reportAfter.totals[0]).toEqual(reportBefore.totals[0]);
      expect(reportAfter.totals).toContainEqual(['Stated time (not measured)', '5 hr']);
      const cssBefore = before.summary.skills.find((x) => x.skillId === SKILL.css)!;
      expect(exportMarkdown(after).content).toContain(
        `measured ${formatDuration(cssBefore.activeMs, 'en')} · stated 5 hr`,
      );

      const rows = exportCsv(after)
        .content.slice(1)
        .trim()
        .split('\r\n')
        .map((r) => r.split(','));
      const header = rows[0]!;
      const col = (name: string) => header.indexOf(name);
      if (level === 'totals') {
        const stated = rows.filter((r) => r[col('stated_minutes')] === '300');
        expect(stated.length).toBe(2);
        const active = (text: string) =>
          text
            .slice(1)
            .trim()
            .split('\r\n')
            .slice(1)
            .reduce((sum, r) => sum + Number(r.split(',')[col('active_seconds')]), 0);
        expect(active(exportCsv(after).content)).toBe(active(exportCsv(before).content));
      } else {
        const row = rows.find((r) => r[col('session_id')] === uid(0x7a1))!;
        expect(row[col('active_seconds')]).toBe('0');
        expect(row[col('active_minutes')]).toBe('0');
        expect(row[col('stated_minutes')]).toBe('300');
        expect(row[col('learning_kind')]).toBe('mentoring');
        expect(row[col('provenance')]).toBe('stated');
      }
    },
  );

  it.each(['full', 'titles', 'sites', 'totals'] as const)(
    'in xAPI at %s: a duration of its own, and every statement passes the Learning Locker validator',
    async (level) => {
      const actor = { installId: 'a3f9c2e1-7b4d-4c2a-9e8f-1d2c3b4a5f60', name: 'Ada' };
      const after = await buildXapiStatements(shared(level, true), actor);
      for (const s of after) expect(validate(s), JSON.stringify(s)).toEqual([]);
      if (level === 'totals') {
        const before = await buildXapiStatements(shared(level, false), actor);
        const durations = (list: typeof after) => list.map((s) => JSON.stringify(s.result));
        const named = (list: typeof after) =>
          list.find((s) => JSON.stringify(s).includes('{"und":"CSS"}'))!;
        const css = named(after);
        const cssBefore = named(before);
        const result = css.result as { duration: string; extensions: Record<string, number> };
        const resultBefore = cssBefore.result as typeof result;
        expect(result.duration).toBe(resultBefore.duration);
        expect(result.extensions[IRI.extension.activeSeconds]).toBe(
          resultBefore.extensions[IRI.extension.activeSeconds],
        );
        expect(result.extensions[IRI.extension.statedSeconds]).toBe(18_000);
        expect(durations(before).length).toBe(durations(after).length);
        return;
      }
      const stated = after.filter((s) => JSON.stringify(s).includes('/stated/'));
      expect(stated).toHaveLength(1);
      const s = stated[0] as Record<string, Record<string, unknown>>;
      expect(s.verb!.id).toBe('http://adlnet.gov/expapi/verbs/attended');
      expect((s.object!.definition as { type: string }).type).toBe(
        'http://adlnet.gov/expapi/activities/meeting',
      );
      expect(s.result).toEqual({ duration: 'PT5H' });
      const extensions = s.context!.extensions as Record<string, unknown>;
      expect(extensions[IRI.extension.provenance]).toBe('stated');
      expect(extensions[IRI.extension.learningKind]).toBe('mentoring');
      expect(extensions[IRI.extension.people] !== undefined).toBe(level === 'full');
      expect(JSON.stringify(s)).not.toContain(IRI.extension.activeSeconds);
    },
  );
});

describe('badges and skill records with stated learning', () => {
  let keys: BadgeKeys;
  beforeAll(async () => {
    keys = await badgeKeys();
  }, 60_000);

  it('never add stated time to measured, and say in criteria and evidence which is which', async () => {
    const options = { learnerName: 'Ada Learner', now: weekFixture().now };
    const [before, after] = await Promise.all([
      issueBadges(shared('full', false), keys, options),
      issueBadges(shared('full', true), keys, options),
    ]);
    const css = after.find((b) => b.skillId === SKILL.css)!.credential;
    const cssBefore = before.find((b) => b.skillId === SKILL.css)!.credential;
    const spent = (c: typeof css) =>
      /spent (.+?) of active/.exec(c.credentialSubject.narrative!)?.[1];
    expect(spent(css)).toBe(spent(cssBefore));
    expect(spent(css)).toBeTruthy();
    expect(css.credentialSubject.narrative).toContain(
      'I also stated 5 hr of learning away from the screen, not counted in the active time.',
    );
    expect(css.credentialSubject.achievement.criteria.narrative).toContain(
      'Stated by the learner about learning away from the screen',
    );
    const stated = css.evidence!.filter((e) => e.genre === 'stated');
    expect(stated).toHaveLength(1);
    expect(stated[0]!.description).toContain('Mentoring or coaching');
    expect(stated[0]!.description).toContain('stated 5 hr');
    expect(stated[0]!.description).not.toContain('active');

    const [record] = await issueSkillRecords(shared('full', true), [SKILL.css], keys, options);
    const [recordBefore] = await issueSkillRecords(
      shared('full', false),
      [SKILL.css],
      keys,
      options,
    );
    const results = (c: typeof css) =>
      Object.fromEntries(
        (c.credentialSubject.result ?? []).map((r) => [
          r.resultDescription.split('/').pop(),
          r.value,
        ]),
      );
    expect(results(record!.credential)['measured-minutes']).toBe(
      results(recordBefore!.credential)['measured-minutes'],
    );
    expect(results(record!.credential)['stated-minutes']).toBe('300');
  }, 120_000);

  itWithSchema(
    'pass the 1EdTech schema, DCC verifier-core and Digital Bazaar’s vc',
    async () => {
      if (!obSchemaText) throw new Error(`Missing ${OB_SCHEMA_PATH}: required in CI.`);
      const ajv = new Ajv2019({ strict: false });
      addFormats(ajv);
      const schema = ajv.compile(JSON.parse(obSchemaText) as object);
      const options = { learnerName: 'Ada Learner', now: weekFixture().now };
      const badges = await issueBadges(shared('full', true), keys, options);
      const records = await issueSkillRecords(shared('full', true), [SKILL.css], keys, options);
      const fetch = globalThis.fetch;
      // Offline: verifier-core would fetch the credential's JSON Schema.
      globalThis.fetch = () => Promise.reject(new Error('offline'));
      try {
        for (const b of [badges.find((x) => x.skillId === SKILL.css)!, records[0]!]) {
          expect(schema(decodeCompactJws(b.jws)!.payload), JSON.stringify(schema.errors)).toBe(
            true,
          );
          const core = (await verifierCore({
            credential: b.credential as never,
            knownDIDRegistries: [],
          })) as { log?: { id: string; valid: boolean }[] };
          expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
          const suite = new DataIntegrityProof({ cryptosuite });
          const r = await vc.verifyCredential({ credential: b.credential, suite, documentLoader });
          expect(r.verified, JSON.stringify(r.error)).toBe(true);
        }
      } finally {
        globalThis.fetch = fetch;
      }
    },
    120_000,
  );
});
