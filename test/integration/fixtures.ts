/**
 * Statements shaped like Skilltrail's xAPI export (docs: STANDARDS.md §1.9), for tests
 * that need statements without the exporter: a reading or a search, skills as
 * `contextActivities.category`, the session as `parent`.
 */
import type { XapiStatement } from '../../lib/export/xapi/statement';

export const READ = 'http://activitystrea.ms/schema/1.0/read';
export const SEARCHED = 'https://w3id.org/xapi/acrossx/verbs/searched';
const BASE = 'https://skilltrail.example.org';

export function learner(): { objectType: 'Agent'; name: string; mbox: string } {
  return {
    objectType: 'Agent',
    name: 'Ada Learner',
    mbox: `mailto:ada-${crypto.randomUUID()}@example.org`,
  };
}

export function skillIri(slug: string): string {
  return `${BASE}/skills/${slug}`;
}

export function sessionStatement(
  kind: 'reading' | 'search',
  options: {
    id?: string;
    sessionId: string;
    actor: object;
    title: string;
    skills: string[];
    at?: number;
  },
): XapiStatement {
  const at = options.at ?? Date.UTC(2026, 5, 2, 10, 4);
  return {
    id: options.id ?? crypto.randomUUID(),
    actor: options.actor,
    verb: {
      id: kind === 'reading' ? READ : SEARCHED,
      display: { 'en-US': kind === 'reading' ? 'read' : 'searched' },
    },
    object: {
      objectType: 'Activity',
      id:
        kind === 'reading'
          ? `https://developer.mozilla.org/docs/${options.sessionId}`
          : 'https://duckduckgo.com/',
      definition: {
        type:
          kind === 'reading'
            ? 'http://activitystrea.ms/schema/1.0/article'
            : 'https://w3id.org/xapi/acrossx/activities/webpage',
        name: { 'en-US': options.title },
      },
    },
    result: {
      duration: 'PT6M',
      ...(kind === 'search' ? { response: options.title } : { completion: true }),
    },
    context: {
      registration: options.sessionId,
      platform: 'Skilltrail browser extension',
      contextActivities: {
        parent: [{ objectType: 'Activity', id: `${BASE}/xapi/sessions/${options.sessionId}` }],
        category: [
          {
            objectType: 'Activity',
            id: `${BASE}/xapi/profile/v1`,
            definition: { type: 'http://adlnet.gov/expapi/activities/profile' },
          },
          ...options.skills.map((slug) => ({
            objectType: 'Activity',
            id: skillIri(slug),
            definition: { type: `${BASE}/xapi/activity-types/skill`, name: { 'en-US': slug } },
          })),
        ],
      },
    },
    timestamp: new Date(at).toISOString(),
  };
}
