/**
 * The statements of each learning session:
 *
 * - a page read → verb `read` (audible media: AcrossX `watched`), object the page;
 *   a captured session with no visits → one such statement for its URL;
 * - a query → AcrossX `searched`, object the search engine (never the results page), the
 *   query in `result.response`; each page reached from it is a `read` statement;
 * - learning away from the screen (kind `away`) → one statement, the verb and activity
 *   type of its kind of learning (`stated-vocabulary.ts`), the time the learner states in
 *   `result.duration`, its kind and (at `full`) where and with whom as context extensions;
 * - a reflection → its own statement (CATCH `reflected`), `result.response` the text,
 *   `context.statement` a StatementRef to the session's first statement;
 * - context: `registration` and `parent` the session, `grouping` the ISO week, `category`
 *   the profile and one activity per skill (its framework URI when it has one).
 *
 * Below `full` queries and reflections are left out (the shared data no longer holds them).
 */
import { weekOf } from '../../time';
import { WRITTEN } from '../../provenance';
import { isoDuration } from '../../time';
import { IRI, IRI_BASE, statedActivityIri } from '../iri';
import type { SharedPage, SharedSession, SharedSkill } from '../privacy';
import { isoWithOffset } from '../timestamps';
import {
  pageActivity,
  periodActivity,
  PROFILE_ACTIVITY,
  sessionActivity,
  skillActivity,
} from './activities';
import { xapiActor } from './actor';
import { pageResult } from './page-result';
import { registrationOf, statementId, type XapiOptions, type XapiStatement } from './statement';
import { STATED_XAPI } from './stated-vocabulary';
import { XAPI_ACTIVITY_TYPE, XAPI_TEXT, XAPI_VERB } from './vocabulary';

/**
 * The statements of each session, keyed by session id, in time order (reflection last).
 * This is what the LRS sync queues; `exportWeekAsXapi` writes the same statements to a file.
 * @example
 * const shared = redactSessions(data, sessions, 'full');
 * const bySession = await buildSessionStatements(shared, shareSkills(data.skills), { actor, level: 'full', timeZone });
 */
export async function buildSessionStatements(
  sessions: readonly SharedSession[],
  skills: readonly SharedSkill[],
  options: XapiOptions,
): Promise<Map<string, XapiStatement[]>> {
  const { level, timeZone } = options;
  const weekStart = options.weekStart ?? 1;
  const actor = xapiActor(options.actor);
  const skillById = new Map(skills.map((s) => [s.id, s]));
  const out = new Map<string, XapiStatement[]>();
  if (level === 'totals') return out;

  for (const s of sessions) {
    const category = [PROFILE_ACTIVITY];
    const seen = new Set([PROFILE_ACTIVITY.id]);
    for (const id of s.skillIds) {
      const skill = skillById.get(id);
      if (!skill) continue;
      const activity = skillActivity(skill);
      if (seen.has(activity.id)) continue;
      seen.add(activity.id);
      category.push(activity);
    }
    const context = {
      registration: await registrationOf(s.id),
      platform: XAPI_TEXT.platform,
      contextActivities: {
        parent: [sessionActivity(s)],
        grouping: [periodActivity(weekOf(s.startedAt, { timeZone, weekStart }).key)],
        category,
      },
    };
    const withSite = (site: string | undefined) => ({
      ...context,
      extensions: {
        [IRI.extension.provenance]: s.provenance,
        ...(site ? { [IRI.extension.site]: site } : {}),
      },
    });

    const timed: { at: number; order: number; statement: XapiStatement }[] = [];
    if (s.kind === 'away') {
      timed.push({
        at: s.startedAt,
        order: 0,
        statement: await statedStatement(s, actor, context, options),
      });
    }
    for (const q of s.queries) {
      const reached = s.pages.filter((p) => p.searchId === q.id).length;
      const result: Record<string, unknown> = { extensions: { [IRI.extension.pages]: reached } };
      if (q.query !== undefined) result.response = q.query;
      timed.push({
        at: q.at,
        order: 0,
        statement: {
          id: await statementId(`searched:${q.id}`, level),
          actor,
          verb: XAPI_VERB.searched,
          object: {
            objectType: 'Activity',
            id: q.engineUrl ?? `${IRI_BASE}/engines/${encodeURIComponent(q.engine)}`,
            definition: {
              type: XAPI_ACTIVITY_TYPE.webpage,
              name: { 'en-US': XAPI_TEXT.search(q.engineSite ?? q.engine) },
            },
          },
          result,
          context: withSite(undefined),
          timestamp: isoWithOffset(q.at, timeZone),
        },
      });
    }
    const pages: (SharedPage & { recordName: string })[] = s.pages.map((p) => ({
      ...p,
      recordName: `read:${p.id}`,
    }));
    // A captured page without visits is still one page read: the session's own URL.
    if (pages.length === 0 && s.kind !== 'search' && s.kind !== 'away') {
      const page: SharedPage & { recordName: string } = {
        id: s.id,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        activeMs: s.activeMs,
        recordName: `read:session:${s.id}`,
      };
      if (s.title !== undefined) page.title = s.title;
      if (s.url !== undefined) page.url = s.url;
      if (s.site !== undefined) page.site = s.site;
      if (s.siteUrl !== undefined) page.siteUrl = s.siteUrl;
      if (s.kind === 'watching') page.watching = true;
      pages.push(page);
    }
    for (const p of pages) {
      const watching = p.watching || s.kind === 'watching';
      timed.push({
        at: p.startedAt,
        order: 1,
        statement: {
          id: await statementId(p.recordName, level),
          actor,
          verb: watching ? XAPI_VERB.watched : XAPI_VERB.read,
          object: pageActivity({ ...p, watching }, level),
          result: pageResult(p),
          context: withSite(level === 'titles' ? p.site : undefined),
          timestamp: isoWithOffset(p.startedAt, timeZone),
        },
      });
    }
    timed.sort(
      (a, b) => a.at - b.at || a.order - b.order || a.statement.id.localeCompare(b.statement.id),
    );
    const statements = timed.map((t) => t.statement);
    if (s.note) {
      const first = statements[0];
      statements.push({
        id: await statementId(`reflected:${s.id}`, level),
        actor,
        verb: XAPI_VERB.reflected,
        object: sessionActivity(s),
        result: { response: s.note },
        context: {
          ...context,
          extensions: { [IRI.extension.provenance]: WRITTEN },
          ...(first ? { statement: { objectType: 'StatementRef', id: first.id } } : {}),
        },
        timestamp: isoWithOffset(Math.max(s.startedAt, s.endedAt), timeZone),
      });
    }
    out.set(s.id, statements);
  }
  return out;
}

/** The one statement of learning away from the screen: stated, never measured. */
async function statedStatement(
  s: SharedSession,
  actor: XapiStatement['actor'],
  context: Omit<NonNullable<XapiStatement['context']>, 'extensions'>,
  options: XapiOptions,
): Promise<XapiStatement> {
  const kind = s.learningKind ?? 'work';
  const vocabulary = STATED_XAPI[kind];
  const extensions: Record<string, unknown> = {
    [IRI.extension.provenance]: s.provenance,
    [IRI.extension.learningKind]: kind,
  };
  if (s.place) extensions[IRI.extension.place] = s.place;
  if (s.people) extensions[IRI.extension.people] = s.people;
  return {
    id: await statementId(`stated:${s.id}`, options.level),
    actor,
    verb: vocabulary.verb,
    object: {
      objectType: 'Activity',
      id: statedActivityIri(s.id),
      definition: { type: vocabulary.type, name: { und: s.label } },
    },
    // The learner's own statement of how long: a duration, never active seconds.
    result: { duration: isoDuration(s.statedMs ?? 0) },
    context: { ...context, extensions },
    timestamp: isoWithOffset(s.startedAt, options.timeZone),
  };
}
