/**
 * Learning as xAPI 1.0.3 statements, as `STANDARDS.md` lays out:
 *
 * - a page read → verb `read` (audible media: AcrossX `watched`), object the page;
 *   a captured session with no visits → one such statement for its URL;
 * - a query → AcrossX `searched`, object the search engine (never the results page), the
 *   query in `result.response`; each page reached from it is a `read` statement;
 * - a reflection → its own statement (CATCH `reflected`), `result.response` the text,
 *   `context.statement` a StatementRef to the session's first statement;
 * - context: `registration` and `parent` the session, `grouping` the ISO week, `category`
 *   the profile and one activity per skill (its framework URI when it has one);
 * - a follow-up → `recalled` (what stayed) and `applied` (where it was used), object the
 *   skill, `result.response` the learner's words, `contextActivities.other` its sessions;
 * - `result.duration` the wall time, active seconds, scroll depth and word count as
 *   extensions under `IRI_BASE`.
 *
 * Privacy: `titles` replaces page URLs by opaque per-record IRIs, `sites` by the site root;
 * below `full` queries and reflections are left out. `totals` gives one `experienced`
 * statement per skill with the range's active time and counts, nothing per page.
 *
 * Statement ids are name-based UUIDs of record ids (and the level below `full`), so the
 * same data always gives the same statements and re-sending to an LRS is idempotent.
 */
import { newId } from '../ids';
import { isoDuration, weekOf } from '../time';
import { isWebUrl } from '../url';
import type { ExportFile } from './file';
import { exportFilename } from './file';
import {
  IRI,
  IRI_BASE,
  nameUuid,
  pageIri,
  periodIri,
  sessionIri,
  skillIri,
  UUID_NAMESPACE,
} from './iri';
import type { PrivacyLevel, SharedData, SharedPage, SharedSession, SharedSkill } from './privacy';
import { isoWithOffset } from './timestamps';

export const XAPI_VERSION = '1.0.3';

export const XAPI_VERB = {
  read: { id: 'http://activitystrea.ms/schema/1.0/read', display: { 'en-US': 'read' } },
  watched: { id: 'https://w3id.org/xapi/acrossx/verbs/watched', display: { 'en-US': 'watched' } },
  searched: {
    id: 'https://w3id.org/xapi/acrossx/verbs/searched',
    display: { 'en-US': 'searched' },
  },
  reflected: {
    id: 'https://w3id.org/xapi/catch/verbs/reflected',
    display: { 'en-US': 'reflected' },
  },
  experienced: {
    id: 'http://adlnet.gov/expapi/verbs/experienced',
    display: { 'en-US': 'experienced' },
  },
  recalled: { id: IRI.verb.recalled, display: { 'en-US': 'recalled' } },
  applied: { id: IRI.verb.applied, display: { 'en-US': 'applied' } },
} as const;

export const XAPI_ACTIVITY_TYPE = {
  article: 'http://activitystrea.ms/schema/1.0/article',
  webpage: 'https://w3id.org/xapi/acrossx/activities/webpage',
  video: 'https://w3id.org/xapi/acrossx/activities/video',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

/** Words in statements (English for now; one place to translate). */
export const XAPI_TEXT = {
  platform: 'Skilltrail browser extension',
  session: { reading: 'Reading session', search: 'Search session', watching: 'Watching session' },
  week: (key: string) => `Week ${key}`,
  period: (label: string) => `Period ${label}`,
  search: (where: string) => `Web search on ${where}`,
  profile: 'Skilltrail informal learning profile',
} as const;

/** An xAPI statement as exported: a JSON object with a UUID `id`. */
export interface XapiStatement {
  id: string;
  [key: string]: unknown;
}

export interface XapiActorOptions {
  /** Pseudonymous id of this installation: the actor's `account.name`. */
  installId: string;
  /** The learner's name, if they want it in statements. */
  name?: string;
  /** Used as `mbox` instead of the pseudonymous account when `useEmail` is set. */
  email?: string;
  useEmail?: boolean;
}

export interface XapiOptions {
  actor: XapiActorOptions;
  level: PrivacyLevel;
  timeZone?: string;
  weekStart?: number;
}

type LanguageMap = Record<string, string>;
interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: LanguageMap; description?: LanguageMap };
}

// The same check Learning Locker applies to `mbox`: anything else falls back to the account.
const MAILTO = /^[A-Z0-9.`'_%+-]+@[A-Z0-9.-]+\.[A-Z]{1,63}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The xAPI actor: the pseudonymous account by default, `mbox` if the learner chose email.
 * @example xapiActor({ installId: 'u-1', name: 'Ada' }) // { objectType: 'Agent', name: 'Ada', account: { homePage: IRI_BASE, name: 'u-1' } }
 */
export function xapiActor(options: XapiActorOptions): Record<string, unknown> {
  const agent: Record<string, unknown> = { objectType: 'Agent' };
  const name = options.name?.trim();
  if (name) agent.name = name;
  const email = options.email?.trim();
  if (options.useEmail && email && MAILTO.test(email)) agent.mbox = `mailto:${email}`;
  else agent.account = { homePage: IRI_BASE, name: options.installId };
  return agent;
}

async function statementId(name: string, level: PrivacyLevel): Promise<string> {
  // Below `full` a statement says less; a different id keeps an LRS from seeing a conflict.
  return nameUuid(UUID_NAMESPACE.xapi, level === 'full' ? name : `${name}|${level}`);
}

function frameworkIri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(uri)) return uri;
  return isWebUrl(uri) ? new URL(uri).href : undefined;
}

/**
 * The activity naming a skill in `context.contextActivities.category`.
 * @example skillActivity({ id, name: 'CSS', colour }) // { objectType: 'Activity', id: 'https://skilltrail.app/xapi/skills/<id>', … }
 */
export function skillActivity(skill: Pick<SharedSkill, 'id' | 'name' | 'uri'>): Activity {
  return {
    objectType: 'Activity',
    id: frameworkIri(skill.uri) ?? skillIri(skill.id),
    definition: { type: IRI.skillType, name: { und: skill.name } },
  };
}

const PROFILE_ACTIVITY: Activity = {
  objectType: 'Activity',
  id: IRI.profile,
  definition: { type: XAPI_ACTIVITY_TYPE.profile, name: { 'en-US': XAPI_TEXT.profile } },
};

function periodActivity(label: string): Activity {
  const isWeek = /^\d{4}-W\d\d$/.test(label);
  return {
    objectType: 'Activity',
    id: periodIri(label),
    definition: {
      type: isWeek ? IRI.weekType : IRI.rangeType,
      name: { 'en-US': isWeek ? XAPI_TEXT.week(label) : XAPI_TEXT.period(label) },
    },
  };
}

function sessionActivity(s: Pick<SharedSession, 'id'> & Partial<SharedSession>): Activity {
  return {
    objectType: 'Activity',
    id: sessionIri(s.id),
    definition: s.kind
      ? { type: IRI.sessionType, name: { 'en-US': XAPI_TEXT.session[s.kind] } }
      : { type: IRI.sessionType },
  };
}

interface PageLike {
  id: string;
  title?: string;
  url?: string;
  site?: string;
  siteUrl?: string;
  readerable?: boolean;
  wordCount?: number;
  watching?: boolean;
}

function pageActivity(p: PageLike, level: PrivacyLevel): Activity {
  let id: string;
  if (p.url && isWebUrl(p.url)) id = new URL(p.url).href;
  else if (level === 'sites' && p.siteUrl) id = p.siteUrl;
  else id = pageIri(p.id);
  const type = p.watching
    ? XAPI_ACTIVITY_TYPE.video
    : p.readerable || (p.wordCount ?? 0) > 0
      ? XAPI_ACTIVITY_TYPE.article
      : XAPI_ACTIVITY_TYPE.webpage;
  const activity: Activity = { objectType: 'Activity', id, definition: { type } };
  // At `sites` one activity stands for a whole site: name it by the site, not a page.
  const name = level === 'sites' ? p.site : (p.title ?? p.site);
  if (name) activity.definition!.name = { und: name };
  return activity;
}

function pageResult(
  p: { startedAt: number; endedAt: number; activeMs: number } & PageLike & {
      maxScrollPct?: number;
    },
) {
  const extensions: Record<string, number> = {
    [IRI.extension.activeSeconds]: Math.round(p.activeMs / 1000),
  };
  if (p.maxScrollPct !== undefined && Number.isFinite(p.maxScrollPct)) {
    extensions[IRI.extension.maxScrollPercent] = Math.min(
      100,
      Math.max(0, Math.round(p.maxScrollPct)),
    );
  }
  if (p.wordCount !== undefined && Number.isFinite(p.wordCount) && p.wordCount > 0) {
    extensions[IRI.extension.wordCount] = Math.round(p.wordCount);
  }
  return { duration: isoDuration(Math.max(0, p.endedAt - p.startedAt)), extensions };
}

async function registrationOf(sessionId: string): Promise<string> {
  return UUID.test(sessionId)
    ? sessionId.toLowerCase()
    : nameUuid(UUID_NAMESPACE.xapi, `registration:${sessionId}`);
}

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
    const withSite = (site: string | undefined) =>
      site ? { ...context, extensions: { [IRI.extension.site]: site } } : context;

    const timed: { at: number; order: number; statement: XapiStatement }[] = [];
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
          context,
          timestamp: isoWithOffset(q.at, timeZone),
        },
      });
    }
    const pages: (SharedPage & { recordName: string })[] = s.pages.map((p) => ({
      ...p,
      recordName: `read:${p.id}`,
    }));
    // A captured page without visits is still one page read: the session's own URL.
    if (pages.length === 0 && s.kind !== 'search') {
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
        context: first
          ? { ...context, statement: { objectType: 'StatementRef', id: first.id } }
          : context,
        timestamp: isoWithOffset(Math.max(s.startedAt, s.endedAt), timeZone),
      });
    }
    out.set(s.id, statements);
  }
  return out;
}

/**
 * Every statement of a shared data set, oldest session first. At `totals`, one
 * `experienced` statement per skill with the range's active time and counts.
 * @example const statements = await buildXapiStatements(shared, { installId });
 */
export async function buildXapiStatements(
  shared: SharedData,
  actor: XapiActorOptions,
): Promise<XapiStatement[]> {
  const { summary, level } = shared;
  const options: XapiOptions = {
    actor,
    level,
    timeZone: summary.timeZone,
    weekStart: summary.weekStart,
  };
  if (level !== 'totals') {
    const bySession = await buildSessionStatements(shared.sessions, shared.skills, options);
    return [
      ...shared.sessions.flatMap((s) => bySession.get(s.id) ?? []),
      ...(await followUpStatements(shared, actor)),
    ];
  }
  const agent = xapiActor(actor);
  const skillById = new Map(shared.skills.map((s) => [s.id, s]));
  const statements: XapiStatement[] = [];
  for (const s of summary.skills) {
    const skill = skillById.get(s.skillId) ?? { id: s.skillId, name: s.name, uri: s.uri };
    statements.push({
      id: await statementId(`totals:${s.skillId}:${summary.label}`, level),
      actor: agent,
      verb: XAPI_VERB.experienced,
      object: skillActivity(skill),
      result: {
        duration: isoDuration(s.activeMs),
        extensions: {
          [IRI.extension.activeSeconds]: Math.round(s.activeMs / 1000),
          [IRI.extension.sessions]: s.sessions,
          [IRI.extension.pages]: s.pages,
          [IRI.extension.searches]: s.searches,
        },
      },
      context: {
        platform: XAPI_TEXT.platform,
        contextActivities: {
          grouping: [periodActivity(summary.label)],
          category: [PROFILE_ACTIVITY],
        },
      },
      timestamp: isoWithOffset(summary.start, summary.timeZone),
    });
  }
  return statements;
}

/**
 * Each answered follow-up as up to two statements (`recalled`, `applied`) about its skill,
 * pointing at the sessions it asked about, oldest first.
 */
async function followUpStatements(
  shared: SharedData,
  actorOptions: XapiActorOptions,
): Promise<XapiStatement[]> {
  const { summary, level } = shared;
  const actor = xapiActor(actorOptions);
  const skillById = new Map(shared.skills.map((s) => [s.id, s]));
  const sessionById = new Map(shared.sessions.map((s) => [s.id, s]));
  const out: { at: number; statement: XapiStatement }[] = [];
  for (const s of summary.skills) {
    const skill = skillById.get(s.skillId) ?? { id: s.skillId, name: s.name, uri: s.uri };
    for (const f of s.followUps) {
      const context = {
        platform: XAPI_TEXT.platform,
        contextActivities: {
          other: f.sessionIds.map((id) => sessionActivity(sessionById.get(id) ?? { id })),
          grouping: [periodActivity(summary.label)],
          category: [PROFILE_ACTIVITY],
        },
      };
      const parts = [
        { verb: XAPI_VERB.recalled, text: f.recall, link: undefined },
        { verb: XAPI_VERB.applied, text: f.application, link: f.link },
      ];
      for (const { verb, text, link } of parts) {
        if (!text && !link) continue;
        const result: Record<string, unknown> = {};
        if (text) result.response = text;
        if (link && isWebUrl(link)) {
          result.extensions = { [IRI.extension.workLink]: new URL(link).href };
        }
        out.push({
          at: f.at,
          statement: {
            id: await statementId(`${verb.display['en-US']}:${f.id}:${s.skillId}`, level),
            actor,
            verb,
            object: skillActivity(skill),
            result,
            context,
            timestamp: isoWithOffset(f.at, summary.timeZone),
          },
        });
      }
    }
  }
  return out
    .sort((a, b) => a.at - b.at || a.statement.id.localeCompare(b.statement.id))
    .map((x) => x.statement);
}

/**
 * The shared data as an xAPI statement array file (`skilltrail-2026-W48-xapi.json`),
 * ready to POST to an LRS's `/statements` resource.
 * @example
 * const shared = prepareExport(data, { ...week, timeZone, weekStart, level: 'full' });
 * const file = await exportWeekAsXapi(shared, { installId, name: settings.learnerName });
 */
export async function exportWeekAsXapi(
  shared: SharedData,
  actor: XapiActorOptions,
  makeId: () => string = newId,
): Promise<ExportFile> {
  // Below `full`, each file names a new account and gets its own statement ids: two files
  // given to different people share nothing that links them (the learner's own name or
  // email, if they chose to add one, excepted).
  const full = shared.level === 'full';
  const fileId = full ? '' : makeId();
  const built = await buildXapiStatements(shared, full ? actor : { ...actor, installId: fileId });
  const statements = full
    ? built
    : await Promise.all(
        built.map(async (s) => ({
          ...s,
          id: await nameUuid(UUID_NAMESPACE.xapi, `${s.id}|${fileId}`),
        })),
      );
  return {
    filename: exportFilename(shared.summary.label, 'xapi', 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(statements, null, 2)}\n`,
  };
}
