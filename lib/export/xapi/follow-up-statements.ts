/**
 * A follow-up → `recalled` (what stayed) and `applied` (where it was used), object the
 * skill, `result.response` the learner's words, `contextActivities.other` its sessions.
 */
import { isWebUrl } from '../../url';
import { WRITTEN } from '../../provenance';
import { IRI } from '../iri';
import type { SharedData } from '../privacy';
import { isoWithOffset } from '../timestamps';
import { periodActivity, PROFILE_ACTIVITY, sessionActivity, skillActivity } from './activities';
import { xapiActor, type XapiActorOptions } from './actor';
import { statementId, type XapiStatement } from './statement';
import { XAPI_TEXT, XAPI_VERB } from './vocabulary';

/**
 * Each answered follow-up as up to two statements (`recalled`, `applied`) about its skill,
 * pointing at the sessions it asked about, oldest first.
 * @example const statements = await followUpStatements(shared, { installId });
 */
export async function followUpStatements(
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
        extensions: { [IRI.extension.provenance]: WRITTEN },
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
