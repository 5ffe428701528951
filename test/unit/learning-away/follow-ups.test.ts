// @vitest-environment node
/**
 * Follow-ups apply to learning away from the screen: a stated mentoring afternoon is asked
 * about by its kind and what was learned, and the answer (what stayed, where it was used)
 * is stored and goes into the Markdown report, xAPI and the badges as the learner's words.
 */
import xapiValidation from '@learninglocker/xapi-validation';
import { afterEach, describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../lib/export/markdown';
import { issueBadges } from '../../../lib/export/openbadges/issue';
import { prepareExport } from '../../../lib/export/privacy';
import { buildXapiStatements } from '../../../lib/export/xapi/statements';
import { statedSession } from '../../../lib/learning-away/session';
import type { FollowUp, Session } from '../../../lib/model';
import { openDb, type SkilltrailDb } from '../../../lib/store/db';
import { answerFollowUp, loadDueFollowUp } from '../../../lib/store/follow-ups';
import { badgeKeys } from '../../fixtures/badge-keys';
import { SKILL, uid, weekFixture } from '../../fixtures/week';

const validate = ((xapiValidation as unknown as { default?: unknown }).default ??
  xapiValidation) as (s: unknown) => unknown[];

const LEARNED = 'How to read a wiring diagram';
const RECALL = 'Trace the ground first; <b>never</b> guess a colour.';
const APPLICATION = 'Rewired the test bench on Monday';

let db: SkilltrailDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Three hours of mentoring on Wednesday of the fixture week, tagged CSS. */
function mentoring(): Session {
  const f = weekFixture();
  return statedSession(
    {
      learningKind: 'mentoring',
      day: { year: 2026, month: 11, day: 25 },
      statedMs: 3 * 3_600_000,
      skills: [SKILL.css],
      learned: LEARNED,
      people: 'Rosa, senior technician',
    },
    { id: uid(0x7b1), now: f.now, timeZone: f.timeZone },
  );
}

/** The follow-up on the mentoring afternoon, asked and answered as the pages do. */
async function answered(): Promise<{ session: Session; followUp: FollowUp }> {
  const f = weekFixture();
  const session = mentoring();
  db = openDb(`stated-follow-ups-${Math.random()}`);
  await db.skills.bulkAdd(f.data.skills);
  await db.sessions.add(session);
  const settings = { followUpsEnabled: true, followUpDays: 7 };
  // Wednesday 25 Nov is due from midnight of Wednesday 2 Dec, not before.
  const tuesday = Date.UTC(2026, 11, 1, 12);
  expect(await loadDueFollowUp(db, settings, tuesday, f.timeZone)).toBeNull();
  const wednesday = Date.UTC(2026, 11, 2, 12);
  const due = await loadDueFollowUp(db, settings, wednesday, f.timeZone);
  expect(due).toMatchObject({
    skillId: SKILL.css,
    sessionIds: [session.id],
    stated: [{ sessionId: session.id, learningKind: 'mentoring', learned: LEARNED }],
    onScreen: null,
  });
  const followUp = await answerFollowUp(
    db,
    due!,
    { recall: RECALL, application: APPLICATION, link: '' },
    wednesday,
  );
  expect(followUp).toMatchObject({ status: 'answered', provenance: 'written', recall: RECALL });
  expect(await loadDueFollowUp(db, settings, wednesday + 60_000, f.timeZone)).toBeNull();
  return { session, followUp: followUp! };
}

async function exported() {
  const f = weekFixture();
  const { session, followUp } = await answered();
  const data = {
    ...f.data,
    sessions: [...f.data.sessions, session],
    followUps: [followUp],
  };
  const range = { ...f.week, timeZone: f.timeZone, weekStart: 1 };
  return { session, shared: prepareExport(data, { ...range, level: 'full' }), now: f.now };
}

describe('a follow-up on a stated activity', () => {
  it('is asked by its kind and what was learned, and the answer is stored once', async () => {
    await answered();
  });

  it('goes into the Markdown report, naming the activity it asked about', async () => {
    const { shared } = await exported();
    const md = exportMarkdown(shared).content;
    const css = md.slice(md.indexOf('### CSS'), md.indexOf('## By day'));
    expect(css).toMatch(
      /\*Wed, Dec 2, \d\d:\d\d [AP]M, on Mentoring or coaching: How to read a wiring diagram · Written\*/,
    );
    expect(css).toContain('> Trace the ground first; \\<b\\>never\\</b\\> guess a colour.');
    expect(css).toContain(`> ${APPLICATION}`);
  });

  it('goes into xAPI as recalled and applied, about the stated session, and passes the validator', async () => {
    const { session, shared } = await exported();
    const actor = { installId: 'a3f9c2e1-7b4d-4c2a-9e8f-1d2c3b4a5f60', name: 'Ada' };
    const statements = await buildXapiStatements(shared, actor);
    for (const s of statements) expect(validate(s), JSON.stringify(s)).toEqual([]);
    const sessionIri = `https://skilltrail.app/xapi/sessions/${session.id}`;
    type Loose = {
      verb: { id: string };
      result?: { response?: string; duration?: string };
      context: {
        extensions?: Record<string, unknown>;
        contextActivities: { other?: { id: string }[]; parent?: { id: string }[] };
      };
    };
    const all = statements as unknown as Loose[];
    const about = (verb: string) =>
      all.find(
        (s) =>
          s.verb.id === `https://skilltrail.app/xapi/verbs/${verb}` &&
          s.context.contextActivities.other?.some((a) => a.id === sessionIri),
      );
    expect(about('recalled')?.result?.response).toBe(RECALL);
    expect(about('applied')?.result?.response).toBe(APPLICATION);
    expect(
      about('recalled')?.context.extensions?.['https://skilltrail.app/xapi/extensions/provenance'],
    ).toBe('written');
    // The activity's own statement is set in the same session: an LRS joins the two.
    const stated = all.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/attended');
    expect(stated?.result?.duration).toBe('PT3H');
    expect(stated?.context.contextActivities.parent?.[0]?.id).toBe(sessionIri);
  });

  it('goes into the skill’s badge as written evidence beside the stated one', async () => {
    const { shared, now } = await exported();
    const badges = await issueBadges(shared, await badgeKeys(), { learnerName: 'Ada', now });
    const css = badges.find((b) => b.skillId === SKILL.css)!.credential;
    const evidence = css.evidence ?? [];
    expect(evidence.find((e) => e.genre === 'written' && e.narrative === RECALL)).toBeTruthy();
    expect(evidence.find((e) => e.genre === 'written' && e.narrative === APPLICATION)).toBeTruthy();
    expect(evidence.filter((e) => e.genre === 'stated')).toHaveLength(1);
    // It says what it was written about: the activity by its kind and what was learned.
    const recall = evidence.find((e) => e.narrative === RECALL)!;
    expect(recall.description).toMatch(
      /^Written 2026-12-02 \d\d:\d\d, some days after Mentoring or coaching: How to read a wiring diagram\. /,
    );
  }, 60_000);
});
