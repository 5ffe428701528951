/**
 * The evidence of an Open Badges credential: one entry per session (at most `MAX_EVIDENCE`,
 * the rest summarised) and the answered follow-ups. Privacy levels apply here: URLs and
 * reflections at `full`; titles at `titles`; sites at `sites`; at `totals` a credential
 * holds the skill's totals only.
 */
import { formatDuration } from '../../format';
import { statedAsked } from '../../followup/asked-about';
import { WRITTEN } from '../../provenance';
import { isWebUrl } from '../../url';
import type { FollowUpSummary } from '../../week/skill-summary';
import type { SharedData, SharedSession } from '../privacy';
import { localIso } from '../timestamps';
import type { BadgeEvidence } from './credential';
import type { BadgeText } from './text';

/** Sessions listed as evidence per badge; the rest are counted in one summary entry. */
export const MAX_EVIDENCE = 50;
/**
 * Most UTF-8 bytes of evidence per badge. With the rest of the credential, its VC-JWT stays
 * well inside what Skilltrail's verifiers read (`MAX_JWS_LENGTH`, `MAX_CREDENTIAL_CHARS`).
 */
export const MAX_EVIDENCE_BYTES = 300_000;
/** Longest evidence address kept; a longer one is left out, its name kept. */
export const MAX_EVIDENCE_URL = 2_048;
/** Longest evidence narrative (queries and reflection), in characters. */
export const MAX_EVIDENCE_NARRATIVE = 2_000;
/** Longest evidence name, in characters. */
export const MAX_EVIDENCE_NAME = 300;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function evidenceOf(s: SharedSession, shared: SharedData, locale: string, T: BadgeText) {
  const tz = shared.summary.timeZone;
  if (s.kind === 'away') return statedEvidence(s, tz, locale, T);
  const item: BadgeEvidence = {
    type: ['Evidence'],
    name: clip(s.label, MAX_EVIDENCE_NAME),
    description: T.evidenceDescription({
      kind: T.kind[s.kind],
      when: localIso(s.startedAt, tz).replace('T', ' ').slice(0, 16),
      active: formatDuration(s.activeMs, locale),
      pages: s.pages.length || (s.kind !== 'search' ? 1 : 0),
      site: s.url ? undefined : s.site,
      how: T.provenanceHow[s.provenance],
    }),
    // The vocabulary's word (`lib/provenance.ts`), the same in every language, so a
    // reader's software can tell measured from captured, written or vouched evidence.
    genre: s.provenance,
  };
  const url = s.url && isWebUrl(s.url) ? new URL(s.url).href : '';
  if (url && url.length <= MAX_EVIDENCE_URL) item.id = url;
  const narrative: string[] = [];
  const queries = s.queries.map((q) => q.query).filter((q): q is string => !!q);
  if (queries.length) narrative.push(T.searches(queries));
  if (s.note) narrative.push(T.reflection(s.note));
  if (narrative.length) item.narrative = clip(narrative.join('\n\n'), MAX_EVIDENCE_NARRATIVE);
  return item;
}

/**
 * A follow-up as evidence: one item for what stayed, one for where it was used. Its
 * description names each stated activity it asked about (`sessions`, the shared ones by
 * id) by its kind and label, and counts the rest.
 * @example const items = followUpEvidence(followUp, 'CSS', summary.timeZone, OB_TEXT, sessionById);
 */
export function followUpEvidence(
  f: FollowUpSummary,
  skill: string,
  tz: string | undefined,
  T: BadgeText,
  sessions: ReadonlyMap<string, SharedSession> = new Map(),
) {
  const stated = statedAsked(f.sessionIds, sessions).map(
    (s) => `${T.learning[s.learningKind]}: ${s.label}`,
  );
  const description = `${T.followUpDescription({
    when: localIso(f.at, tz).replace('T', ' ').slice(0, 16),
    sessions: f.sessionIds.length - stated.length,
    stated,
  })}. ${T.provenanceHow.written}`;
  const items: BadgeEvidence[] = [];
  if (f.recall) {
    items.push({
      type: ['Evidence'],
      name: T.recallName(skill),
      description,
      genre: WRITTEN,
      narrative: f.recall,
    });
  }
  if (f.application || f.link) {
    items.push({
      type: ['Evidence'],
      ...(f.link && isWebUrl(f.link) ? { id: new URL(f.link).href } : {}),
      name: T.applicationName(skill),
      description,
      genre: WRITTEN,
      ...(f.application ? { narrative: f.application } : {}),
    });
  }
  return items;
}

/**
 * The evidence a badge lists: sessions in order while within `MAX_EVIDENCE` entries and
 * `MAX_EVIDENCE_BYTES`, then one entry that says how many more there are and why.
 * @example const evidence = evidenceList(skillSessions, shared, 'en', OB_TEXT);
 */
export function evidenceList(
  sessions: readonly SharedSession[],
  shared: SharedData,
  locale: string,
  T: BadgeText,
  max = MAX_EVIDENCE,
): BadgeEvidence[] {
  const out: BadgeEvidence[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const s of sessions) {
    if (out.length === max) break;
    const item = evidenceOf(s, shared, locale, T);
    bytes += encoder.encode(JSON.stringify(item)).length;
    if (bytes > MAX_EVIDENCE_BYTES) break;
    out.push(item);
  }
  const more = sessions.length - out.length;
  if (more > 0) {
    out.push({
      type: ['Evidence'],
      name: T.moreEvidence(more),
      description: T.moreEvidenceWhy(max),
      genre: T.summaryGenre,
    });
  }
  return out;
}

/**
 * Learning away from the screen as evidence: genre `stated`, its kind, its day and the time
 * the learner states (never "active"), and where and with whom at `full`.
 */
function statedEvidence(
  s: SharedSession,
  tz: string | undefined,
  locale: string,
  T: BadgeText,
): BadgeEvidence {
  const facts = [
    T.kind.away,
    s.learningKind ? T.learning[s.learningKind] : '',
    localIso(s.startedAt, tz).slice(0, 10),
    T.stated(formatDuration(s.statedMs ?? 0, locale)),
    // Someone else's word on this one activity; their signed endorsement is theirs to show.
    s.vouchedBy?.length ? T.vouched(s.vouchedBy.map((v) => v.name).join(', ')) : '',
  ];
  const item: BadgeEvidence = {
    type: ['Evidence'],
    name: clip(s.label, MAX_EVIDENCE_NAME),
    description: `${facts.filter(Boolean).join(' · ')}. ${T.provenanceHow[s.provenance]}`,
    genre: s.provenance,
  };
  const narrative = [
    s.place ? T.where(s.place) : '',
    s.people ? T.withWhom(s.people) : '',
    s.note ? T.reflection(s.note) : '',
  ].filter(Boolean);
  if (narrative.length) item.narrative = clip(narrative.join('\n\n'), MAX_EVIDENCE_NARRATIVE);
  return item;
}
