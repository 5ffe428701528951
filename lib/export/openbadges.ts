/**
 * Open Badges 3.0 credentials: for each skill with activity in the period, one
 * self-asserted `OpenBadgeCredential` the learner issues to themself, with one evidence
 * entry per session, signed as VC-JWT (`lib/credentials`). OB 3.0 names self-assertion as
 * a use case; the worth of such a badge lies in its evidence.
 *
 * Privacy levels apply to the evidence: URLs and reflections at `full`; titles at
 * `titles`; sites at `sites`; at `totals` a credential holds the skill's totals only.
 */
import { BADGES_FORMAT, BADGES_VERSION, type BadgesDocument } from '../credentials/badges-file';
import type { SigningKey } from '../credentials/keys';
import { signCredential } from '../credentials/vc-jwt';
import { formatDateTime, formatDuration } from '../format';
import { isWebUrl } from '../url';
import type { ExportFile } from './file';
import { exportFilename } from './file';
import { escapeHtml, htmlDocument, htmlLink } from './html-page';
import { nameUuid, skillIri, UUID_NAMESPACE } from './iri';
import type { FollowUpSummary } from '../summary';
import type { SharedData, SharedSession, SharedSkill } from './privacy';
import { REPORT_TEXT, toLink } from './report';
import { isoWithOffset, localIso } from './timestamps';

export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

export const OB_CREDENTIAL_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
} as const;

/**
 * Words in credentials and the badges page, in English; the dashboard passes its own
 * `strings` in the learner's language.
 */
export const OB_TEXT = {
  anonymous: 'Skilltrail learner',
  /** Session kinds as evidence names them. */
  kind: REPORT_TEXT.kind,
  period: (label: string) =>
    /^\d{4}-W\d\d$/.test(label) ? `week ${label}` : `${label.replace('_', ' to ')}`,
  name: (skill: string, period: string) => `${skill} — ${period}`,
  description: (skill: string, period: string) =>
    `Self-asserted evidence of learning ${skill} in ${period}, recorded by Skilltrail from reading and web searches.`,
  achievementDescription: (skill: string) =>
    `Self-directed learning of ${skill}, evidenced by tracked reading and searching.`,
  criteria:
    'Self-asserted. Skilltrail measured active reading time (tab in front, window focused, learner not idle), ' +
    'the pages read and web searches made for this skill, and the learner’s written reflections, within the period.',
  narrative: (p: {
    period: string;
    skill: string;
    time: string;
    sessions: number;
    pages: number;
    sites?: number;
    searches: number;
    notes?: number;
  }) =>
    `In ${p.period} I spent ${p.time} of active learning on ${p.skill} across ${p.sessions} ${p.sessions === 1 ? 'session' : 'sessions'}: ` +
    `${p.pages} ${p.pages === 1 ? 'page' : 'pages'} read${p.sites !== undefined ? ` on ${p.sites} ${p.sites === 1 ? 'site' : 'sites'}` : ''}, ` +
    `${p.searches} ${p.searches === 1 ? 'search' : 'searches'}` +
    `${p.notes !== undefined ? `, ${p.notes} ${p.notes === 1 ? 'reflection' : 'reflections'}` : ''}.`,
  evidenceDescription: (p: {
    kind: string;
    when: string;
    active: string;
    pages: number;
    site?: string;
  }) =>
    [p.kind, p.when, `${p.active} active`, `${p.pages} ${p.pages === 1 ? 'page' : 'pages'}`, p.site]
      .filter(Boolean)
      .join(' · '),
  searches: (queries: string[]) => `Searches: ${queries.map((q) => `“${q}”`).join(', ')}`,
  reflection: (text: string) => `Reflection: ${text}`,
  recallName: (skill: string) => `What stayed of ${skill}`,
  applicationName: (skill: string) => `Where ${skill} was used`,
  followUpDescription: (p: { when: string; sessions: number }) =>
    `Written ${p.when}, some days after ${p.sessions} ${p.sessions === 1 ? 'session' : 'sessions'}`,
  pageTitle: (label: string) => `Skilltrail badges — ${label}`,
  selfAsserted: 'Self-asserted: issued by the learner to themself.',
  issuedBy: (name: string) => `Issued by ${name}`,
  validFrom: (when: string) => `Issued ${when}`,
  achievement: 'Achievement',
  criteriaHeading: 'Criteria',
  alignment: 'Aligned to',
  evidence: 'Evidence',
  noEvidence: 'Evidence details withheld at this privacy level.',
  signed: 'Verifiable credential (VC-JWT, RS256)',
  verifyHint:
    'Each credential is signed with the learner’s key, embedded in the credential. Any Open Badges 3.0 verifier that accepts VC-JWT can check it.',
  none: 'No skill had activity in this period, so there are no badges.',
};

/** The words of credentials and the badges page: `OB_TEXT` or the same in another language. */
export type BadgeText = typeof OB_TEXT;

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string };
  validFrom: string;
  name: string;
  description: string;
  credentialSubject: {
    id: string;
    type: string[];
    activityStartDate: string;
    activityEndDate: string;
    narrative: string;
    achievement: {
      id: string;
      type: string[];
      achievementType: 'Competency';
      name: string;
      description: string;
      criteria: { narrative: string };
      alignment?: {
        type: string[];
        targetName: string;
        targetUrl: string;
        targetType: string;
        targetFramework?: string;
      }[];
    };
  };
  evidence?: {
    type: string[];
    id?: string;
    name: string;
    description: string;
    genre: string;
    narrative?: string;
  }[];
  credentialSchema: { id: string; type: string }[];
  [key: string]: unknown;
}

export interface IssuedBadge {
  skillId: string;
  credential: OpenBadgeCredential;
  /** The signed credential, compact JWS. */
  jws: string;
}

export interface BadgeOptions {
  /** Issuer and subject id: the learner's `did:jwk` (from the signing key). */
  issuerId: string;
  learnerName?: string;
  /** Issue time: `validFrom` and `nbf`. */
  now: number;
  locale?: string;
  /** The credentials' words; English (`OB_TEXT`) when omitted. */
  strings?: BadgeText;
}

function frameworkName(uri: string): string | undefined {
  if (/data\.europa\.eu\/esco\//i.test(uri)) return 'ESCO';
  if (/onet(online|center)\.org/i.test(uri)) return 'O*NET';
  return undefined;
}

function isoSeconds(ts: number): string {
  return new Date(Math.floor(ts / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function alignmentOf(skill: SharedSkill) {
  const uri = skill.uri;
  if (!uri || !(isWebUrl(uri) || /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(uri))) return undefined;
  const framework = frameworkName(uri);
  return [
    {
      type: ['Alignment'],
      targetName: skill.name,
      targetUrl: uri,
      targetType: 'ceasn:Competency',
      ...(framework ? { targetFramework: framework } : {}),
    },
  ];
}

function evidenceOf(s: SharedSession, shared: SharedData, locale: string, T: BadgeText) {
  const tz = shared.summary.timeZone;
  const item: NonNullable<OpenBadgeCredential['evidence']>[number] = {
    type: ['Evidence'],
    name: s.label,
    description: T.evidenceDescription({
      kind: T.kind[s.kind],
      when: localIso(s.startedAt, tz).replace('T', ' ').slice(0, 16),
      active: formatDuration(s.activeMs, locale),
      pages: s.pages.length || (s.kind !== 'search' ? 1 : 0),
      site: s.url ? undefined : s.site,
    }),
    genre: T.kind[s.kind],
  };
  if (s.url && isWebUrl(s.url)) item.id = new URL(s.url).href;
  const narrative: string[] = [];
  const queries = s.queries.map((q) => q.query).filter((q): q is string => !!q);
  if (queries.length) narrative.push(T.searches(queries));
  if (s.note) narrative.push(T.reflection(s.note));
  if (narrative.length) item.narrative = narrative.join('\n\n');
  return item;
}

/** Evidence genres of follow-ups: fixed words a reader's software can match. */
export const FOLLOW_UP_GENRE = { recall: 'Recall', application: 'Application' } as const;

/** A follow-up as evidence: one item for what stayed, one for where it was used. */
function followUpEvidence(f: FollowUpSummary, skill: string, tz: string | undefined, T: BadgeText) {
  const description = T.followUpDescription({
    when: localIso(f.at, tz).replace('T', ' ').slice(0, 16),
    sessions: f.sessionIds.length,
  });
  const items: NonNullable<OpenBadgeCredential['evidence']> = [];
  if (f.recall) {
    items.push({
      type: ['Evidence'],
      name: T.recallName(skill),
      description,
      genre: FOLLOW_UP_GENRE.recall,
      narrative: f.recall,
    });
  }
  if (f.application || f.link) {
    items.push({
      type: ['Evidence'],
      ...(f.link && isWebUrl(f.link) ? { id: new URL(f.link).href } : {}),
      name: T.applicationName(skill),
      description,
      genre: FOLLOW_UP_GENRE.application,
      ...(f.application ? { narrative: f.application } : {}),
    });
  }
  return items;
}

/**
 * One unsigned credential per skill with activity in the period, in the summary's order.
 * Ids are name-based UUIDs of skill, period and level, so a re-export names the same badge.
 * @example const credentials = await buildBadgeCredentials(shared, { issuerId: key.did, now: Date.now() });
 */
export async function buildBadgeCredentials(
  shared: SharedData,
  options: BadgeOptions,
): Promise<OpenBadgeCredential[]> {
  return (await buildBadges(shared, options)).map((b) => b.credential);
}

async function buildBadges(
  shared: SharedData,
  options: BadgeOptions,
): Promise<{ skillId: string; credential: OpenBadgeCredential }[]> {
  const { summary } = shared;
  const locale = options.locale ?? 'en';
  const T = options.strings ?? OB_TEXT;
  const period = T.period(summary.label);
  const skills = new Map(shared.skills.map((s) => [s.id, s]));
  const issuer = {
    id: options.issuerId,
    type: ['Profile'],
    name: options.learnerName?.trim() || T.anonymous,
  };
  const out: { skillId: string; credential: OpenBadgeCredential }[] = [];
  for (const s of summary.skills) {
    const skill = skills.get(s.skillId) ?? { id: s.skillId, name: s.name, colour: s.colour };
    const uuid = await nameUuid(
      UUID_NAMESPACE.credential,
      `${skill.id}|${summary.start}|${summary.end}|${shared.level}`,
    );
    const alignment = alignmentOf(skill);
    const sessions = shared.sessions.filter((x) => x.skillIds.includes(skill.id));
    const credential: OpenBadgeCredential = {
      '@context': [...OB_CONTEXT],
      id: `urn:uuid:${uuid}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer,
      validFrom: isoSeconds(options.now),
      name: T.name(skill.name, period),
      description: T.description(skill.name, period),
      credentialSubject: {
        id: options.issuerId,
        type: ['AchievementSubject'],
        activityStartDate: isoWithOffset(summary.start, summary.timeZone),
        activityEndDate: isoWithOffset(summary.end - 1, summary.timeZone),
        narrative: T.narrative({
          period,
          skill: skill.name,
          time: formatDuration(s.activeMs, locale),
          sessions: s.sessions,
          pages: s.pages,
          sites: shared.rules.sites ? s.sourceDiversity : undefined,
          searches: s.searches,
          notes: shared.rules.notes ? s.notes.length : undefined,
        }),
        achievement: {
          id: skillIri(skill.id),
          type: ['Achievement'],
          achievementType: 'Competency',
          name: skill.name,
          description: skill.description || T.achievementDescription(skill.name),
          criteria: { narrative: T.criteria },
          ...(alignment ? { alignment } : {}),
        },
      },
      credentialSchema: [{ ...OB_CREDENTIAL_SCHEMA }],
    };
    const evidence = [
      ...sessions.map((x) => evidenceOf(x, shared, locale, T)),
      ...s.followUps.flatMap((f) => followUpEvidence(f, skill.name, summary.timeZone, T)),
    ];
    if (evidence.length) credential.evidence = evidence;
    out.push({ skillId: skill.id, credential });
  }
  return out;
}

/**
 * Builds and signs the period's badges with the learner's key.
 * @example
 * const key = await getOrCreateSigningKey(db());
 * const badges = await issueBadges(shared, key, { learnerName: settings.learnerName, now: Date.now() });
 */
export async function issueBadges(
  shared: SharedData,
  key: SigningKey,
  options: Omit<BadgeOptions, 'issuerId'>,
): Promise<IssuedBadge[]> {
  const issued: IssuedBadge[] = [];
  for (const { skillId, credential } of await buildBadges(shared, {
    ...options,
    issuerId: key.did,
  })) {
    issued.push({ skillId, credential, jws: await signCredential(credential, key) });
  }
  return issued;
}

/**
 * The badges as one JSON document of compact JWS credentials, `skilltrail-2026-W48-badges.json`.
 * @example download(badgesJsonFile(shared, badges, key.did));
 */
export function badgesJsonFile(
  shared: SharedData,
  badges: readonly IssuedBadge[],
  issuerId: string,
): ExportFile {
  const doc: BadgesDocument = {
    format: BADGES_FORMAT,
    version: BADGES_VERSION,
    issuer: issuerId,
    period: shared.summary.label,
    credentials: badges.map((b) => b.jws),
  };
  return {
    filename: exportFilename(shared.summary.label, 'badges', 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(doc, null, 2)}\n`,
  };
}

/**
 * The badges as a readable page: each credential, its achievement and its evidence, as
 * escaped text, with the signed credential itself in a collapsed block.
 * @example download(badgesHtmlFile(shared, badges));
 */
export function badgesHtmlFile(
  shared: SharedData,
  badges: readonly IssuedBadge[],
  options: { locale?: string; strings?: BadgeText } = {},
): ExportFile {
  const tz = shared.summary.timeZone;
  const T = options.strings ?? OB_TEXT;
  const title = T.pageTitle(shared.summary.label);
  const out = [`<h1>${escapeHtml(title)}</h1>`, `<p class="muted">${escapeHtml(T.verifyHint)}</p>`];
  if (badges.length === 0) out.push(`<p>${escapeHtml(T.none)}</p>`);
  for (const { credential: c, jws } of badges) {
    const a = c.credentialSubject.achievement;
    const parts = [`<section class="badge">`, `<h2>${escapeHtml(c.name)}</h2>`];
    parts.push(
      `<p class="meta">${escapeHtml(T.issuedBy(c.issuer.name))} · ${escapeHtml(
        T.validFrom(formatDateTime(Date.parse(c.validFrom), options.locale ?? 'en', tz)),
      )} · ${escapeHtml(T.selfAsserted)}</p>`,
      `<p>${escapeHtml(c.credentialSubject.narrative)}</p>`,
      `<h3>${escapeHtml(T.achievement)}: ${escapeHtml(a.name)}</h3>`,
      `<p>${escapeHtml(a.description)}</p>`,
      `<p class="meta"><strong>${escapeHtml(T.criteriaHeading)}:</strong> ${escapeHtml(a.criteria.narrative)}</p>`,
    );
    for (const al of a.alignment ?? []) {
      const label = al.targetFramework ? `${al.targetName} (${al.targetFramework})` : al.targetName;
      parts.push(
        `<p class="meta">${escapeHtml(T.alignment)}: ${htmlLink(toLink(al.targetUrl, label))}</p>`,
      );
    }
    parts.push(`<h3>${escapeHtml(T.evidence)}</h3>`);
    if (!c.evidence?.length) parts.push(`<p class="muted">${escapeHtml(T.noEvidence)}</p>`);
    else {
      const items = c.evidence.map((e) => {
        const name = e.id ? htmlLink(toLink(e.id, e.name)) : escapeHtml(e.name);
        const narrative = e.narrative ? `<blockquote>${escapeHtml(e.narrative)}</blockquote>` : '';
        return `<li>${name}<br><span class="meta">${escapeHtml(e.description)}</span>${narrative}</li>`;
      });
      parts.push(`<ul>${items.join('\n')}</ul>`);
    }
    parts.push(
      `<details><summary>${escapeHtml(T.signed)}</summary><pre>${escapeHtml(jws)}</pre></details>`,
      '</section>',
    );
    out.push(parts.join('\n'));
  }
  const css = `
section.badge { border: 1px solid #bbb; border-radius: 6px; padding: .2em 1em .6em; margin: 1.2em 0;
  break-inside: avoid; page-break-inside: avoid; }
section.badge h2 { border: 0; margin-top: .6em; }
`;
  return {
    filename: exportFilename(shared.summary.label, 'badges', 'html'),
    mimeType: 'text/html;charset=utf-8',
    content: htmlDocument(title, out.join('\n'), options.locale ?? 'en', css),
  };
}
