/**
 * The identifiers Skilltrail mints: one IRI base for xAPI statements and the learner's
 * account, and the name-based UUIDs of exported records. (Open Badges achievements are
 * named by the learner's `did:key` instead: `lib/credentials/learner-binding.ts`.) None of
 * these may ever change between versions: a Learning Record Store or a badge verifier
 * matches records by them.
 */

/** The one base of every IRI Skilltrail mints. Never change it. */
export const IRI_BASE = 'https://skilltrail.app/xapi';

/** Fixed namespaces of name-based UUIDs (random once, then frozen). */
export const UUID_NAMESPACE = {
  xapi: 'ea69d9f8-73a6-44e4-8277-75417d459ea3',
  credential: 'cd1ea8c8-d315-40ec-8bc7-7bc07495d72c',
} as const;

/**
 * A context extension: who vouched for a stated activity, the endorsers' names as they
 * signed them, each with the id of their signed `EndorsementCredential`. Apart from `IRI`
 * because only the file export writes it (the service worker's sync has no endorsements).
 */
export const VOUCHED_BY_EXTENSION = `${IRI_BASE}/extensions/vouched-by`;

/** IRIs under `IRI_BASE`, by what they name. */
export const IRI = {
  profile: `${IRI_BASE}/profile/v1`,
  skillType: `${IRI_BASE}/activity-types/skill`,
  sessionType: `${IRI_BASE}/activity-types/learning-session`,
  weekType: `${IRI_BASE}/activity-types/week`,
  rangeType: `${IRI_BASE}/activity-types/period`,
  /** Learning away from the screen that the learner states (the object of its statement). */
  statedType: `${IRI_BASE}/activity-types/stated-activity`,
  /** Reading on paper (a manual, a library book): ADL has no type for it. */
  offlineReadingType: `${IRI_BASE}/activity-types/offline-reading`,
  extension: {
    activeSeconds: `${IRI_BASE}/extensions/active-seconds`,
    maxScrollPercent: `${IRI_BASE}/extensions/max-scroll-percent`,
    wordCount: `${IRI_BASE}/extensions/word-count`,
    site: `${IRI_BASE}/extensions/site`,
    sessions: `${IRI_BASE}/extensions/sessions`,
    pages: `${IRI_BASE}/extensions/pages`,
    searches: `${IRI_BASE}/extensions/searches`,
    /** A follow-up's link to the work where the skill was used. */
    workLink: `${IRI_BASE}/extensions/work-link`,
    /**
     * How the evidence was obtained, one word of `lib/provenance.ts` (`measured`,
     * `captured`, `written`, `stated`, `from-history`, `vouched`), in `context.extensions`.
     */
    provenance: `${IRI_BASE}/extensions/provenance`,
    /** Time the learner stated for learning away from the screen, never measured. */
    statedSeconds: `${IRI_BASE}/extensions/stated-seconds`,
    /** A stated activity's kind of learning, one word of `lib/learning-away/kinds.ts`. */
    learningKind: `${IRI_BASE}/extensions/learning-kind`,
    /** Where and with whom, in the learner's words (shared at `full` only). */
    place: `${IRI_BASE}/extensions/place`,
    people: `${IRI_BASE}/extensions/people`,
  },
  verb: {
    /** A follow-up: what the learner still remembers some days on. */
    recalled: `${IRI_BASE}/verbs/recalled`,
    /** A follow-up: where the learner used the skill. */
    applied: `${IRI_BASE}/verbs/applied`,
  },
} as const;

/**
 * The stable IRI of a skill: by its record id, never its name, so a rename keeps it.
 * @example skillIri('3b24…') // 'https://skilltrail.app/xapi/skills/3b24…'
 */
export function skillIri(skillId: string): string {
  return `${IRI_BASE}/skills/${encodeURIComponent(skillId)}`;
}

/**
 * The IRI of a learning session (xAPI `contextActivities.parent`).
 * @example sessionIri(session.id)
 */
export function sessionIri(sessionId: string): string {
  return `${IRI_BASE}/sessions/${encodeURIComponent(sessionId)}`;
}

/**
 * The IRI of a page whose URL is not shared (privacy level "titles"): opaque, by record id.
 * @example pageIri(visit.id)
 */
export function pageIri(recordId: string): string {
  return `${IRI_BASE}/pages/${encodeURIComponent(recordId)}`;
}

/**
 * The IRI of learning away from the screen (the object of its statement), by record id.
 * @example statedActivityIri(session.id)
 */
export function statedActivityIri(recordId: string): string {
  return `${IRI_BASE}/stated/${encodeURIComponent(recordId)}`;
}

/**
 * The IRI of a week (`2026-W48`) or another range label (`2026-11-01_2026-11-30`).
 * @example periodIri('2026-W48') // 'https://skilltrail.app/xapi/weeks/2026-W48'
 */
export function periodIri(label: string): string {
  const kind = /^\d{4}-W\d\d$/.test(label) ? 'weeks' : 'periods';
  return `${IRI_BASE}/${kind}/${encodeURIComponent(label)}`;
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name, version and variant
 * bits set). The same name always gives the same id, so exporting twice gives identical
 * statements and credentials. Async because it uses WebCrypto.
 * @example await nameUuid(UUID_NAMESPACE.xapi, 'visit:3b24…') // '…-5…-[89ab]…'
 */
export async function nameUuid(namespace: string, name: string): Promise<string> {
  const ns = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(ns)) throw new Error(`Not a UUID namespace: ${namespace}`);
  const nsBytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) nsBytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(nsBytes);
  input.set(nameBytes, 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
