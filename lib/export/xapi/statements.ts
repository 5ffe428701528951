/**
 * Every statement of a shared data set. Privacy: `titles` replaces page URLs by opaque
 * per-record IRIs, `sites` by the site root; below `full` queries and reflections are left
 * out. `totals` gives one `experienced` statement per skill with the range's active time and
 * counts, nothing per page.
 */
import { isoDuration } from '../../time';
import { IRI, VOUCHED_BY_EXTENSION } from '../iri';
import type { SharedData, SharedSession } from '../privacy';
import { isoWithOffset } from '../timestamps';
import { periodActivity, PROFILE_ACTIVITY, skillActivity } from './activities';
import { xapiActor, type XapiActorOptions } from './actor';
import { followUpStatements } from './follow-up-statements';
import { buildSessionStatements } from './session-statements';
import { statementId, type XapiOptions, type XapiStatement } from './statement';
import { XAPI_TEXT, XAPI_VERB } from './vocabulary';

/** A stated activity's statement, with who vouched for it as a context extension. */
function withVouching(s: SharedSession, statements: XapiStatement[]): XapiStatement[] {
  if (!s.vouchedBy?.length) return statements;
  const vouchedBy = s.vouchedBy.map((v) => ({ name: v.name, credential: v.credentialId }));
  return statements.map((x) => {
    const context = (x.context ?? {}) as { extensions?: Record<string, unknown> };
    return {
      ...x,
      context: {
        ...context,
        extensions: { ...context.extensions, [VOUCHED_BY_EXTENSION]: vouchedBy },
      },
    };
  });
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
      ...shared.sessions.flatMap((s) => withVouching(s, bySession.get(s.id) ?? [])),
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
          // Stated time, apart: never in the duration or the active seconds.
          ...(s.statedMs > 0
            ? { [IRI.extension.statedSeconds]: Math.round(s.statedMs / 1000) }
            : {}),
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
