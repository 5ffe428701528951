/**
 * Open Badges 3.0 credentials: for each skill with activity in the period, one
 * self-asserted `OpenBadgeCredential` the learner issues to themself from their `did:key`,
 * with one evidence entry per session (at most `MAX_EVIDENCE`, the rest summarised). Each
 * is signed twice, saying the same: an embedded Data Integrity proof (`eddsa-rdfc-2022`,
 * what wallets read), then a VC-JWT of that very credential (what 1EdTech's validator and
 * JOSE tools read). OB 3.0 names self-assertion as a use case; the worth of such a badge
 * lies in its evidence.
 *
 * A badge embeds the skill's endorsements (`endorsement`), each exactly as its author signed
 * it, so the learner's proof covers them and any verifier can check each one's own.
 *
 * Privacy levels apply to the evidence: URLs and reflections at `full`; titles at
 * `titles`; sites at `sites`; at `totals` a credential holds the skill's totals only.
 */
import { BADGES_FORMAT, BADGES_VERSION, type BadgesDocument } from '../credentials/badges-file';
import { signDataIntegrity, type Signed } from '../credentials/data-integrity';
import type { DidKey } from '../credentials/did-key';
import { checkEndorsement, type EndorsementCredential } from '../credentials/endorsement';
import { OB_CONTEXT } from '../credentials/ob-context';
import type { SigningKey } from '../credentials/keys';
import { signCredential } from '../credentials/vc-jwt';
import { formatDateTime, formatDuration } from '../format';
import { isWebUrl } from '../url';
import type { ExportFile } from './file';
import { exportFilename } from './file';
import { escapeHtml, htmlDocument, htmlLink } from './html-page';
import { nameUuid, skillIri, UUID_NAMESPACE } from './iri';
import type { EndorsementSummary, FollowUpSummary } from '../week/summary';
import type { SharedData, SharedSession, SharedSkill } from './privacy';
import { REPORT_TEXT, toLink } from './report';
import { isoWithOffset, localIso } from './timestamps';

export { OB_CONTEXT };

/** Sessions listed as evidence per badge; the rest are counted in one summary entry. */
export const MAX_EVIDENCE = 50;
/**
 * Most UTF-8 bytes of evidence per badge. With the rest of the credential, its VC-JWT stays
 * well inside what Skilltrail's verifiers read (`MAX_JWS_LENGTH`, `MAX_CREDENTIAL_CHARS`).
 */
export const MAX_EVIDENCE_BYTES = 300_000;
/**
 * Most UTF-8 bytes of endorsements per badge, newest first: with the evidence, the VC-JWT
 * stays inside `MAX_JWS_LENGTH`. Any one endorsement the record accepts fits.
 */
export const MAX_EMBEDDED_ENDORSEMENT_BYTES = 300_000;
/** Longest evidence address kept; a longer one is left out, its name kept. */
export const MAX_EVIDENCE_URL = 2_048;
/** Longest evidence narrative (queries and reflection), in characters. */
export const MAX_EVIDENCE_NARRATIVE = 2_000;
/** Longest evidence name, in characters. */
export const MAX_EVIDENCE_NAME = 300;

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
  /** The summary entry for sessions a badge does not list. */
  moreEvidence: (count: number) =>
    `${count} more ${count === 1 ? 'session' : 'sessions'} not listed`,
  moreEvidenceWhy: (max: number) =>
    `A badge lists at most ${max} sessions and keeps its evidence short enough for any verifier; the totals above count every session.`,
  summaryGenre: 'Summary',
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
    'Each badge is signed with the learner’s own key, so anyone can check that nothing in it was changed since it was issued — with Skilltrail’s Verify page or with tools Skilltrail did not write.',
  selfAssertedMeaning:
    '“Self-asserted” means the learner issued the badge to themself: the signature shows who made it and that nothing was changed, not that an organisation vouches for it. Its worth lies in the evidence.',
  howToCheck: 'How to check a badge',
  howToCheckWallet:
    'Save a badge with “Save for a wallet (.json)” and add it to a wallet such as the Learner Credential Wallet, or drop the file on VerifierPlus (verifierplus.org): it shows whether the signature is valid.',
  howToCheckValidator:
    'Or check it with 1EdTech’s Open Badges validator, which reads both the JSON file and the VC-JWT below each badge.',
  saveForWallet: 'Save for a wallet (.json)',
  none: 'No skill had activity in this period, so there are no badges.',
  endorsements: REPORT_TEXT.endorsements,
  endorsedBy: REPORT_TEXT.endorsedBy,
  endorsementSigned: REPORT_TEXT.endorsementSigned,
  endorsementNote: REPORT_TEXT.endorsementNote,
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
  /** Endorsements of the skill or of this badge, each with its author's proof. */
  endorsement?: EndorsementCredential[];
  [key: string]: unknown;
}

export interface IssuedBadge {
  skillId: string;
  /** The credential with its Data Integrity proof: what a wallet imports. */
  credential: Signed<OpenBadgeCredential>;
  /** The same credential (proof included) as a VC-JWT, compact JWS. */
  jws: string;
}

/** The learner's two keys: the `did:key` that issues, and the RSA key of the VC-JWT. */
export interface BadgeKeys {
  didKey: DidKey;
  jwtKey: SigningKey;
}

export interface BadgeOptions {
  /** Issuer and subject id: the learner's `did:key`. */
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

type Evidence = NonNullable<OpenBadgeCredential['evidence']>[number];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function evidenceOf(s: SharedSession, shared: SharedData, locale: string, T: BadgeText) {
  const tz = shared.summary.timeZone;
  const item: Evidence = {
    type: ['Evidence'],
    name: clip(s.label, MAX_EVIDENCE_NAME),
    description: T.evidenceDescription({
      kind: T.kind[s.kind],
      when: localIso(s.startedAt, tz).replace('T', ' ').slice(0, 16),
      active: formatDuration(s.activeMs, locale),
      pages: s.pages.length || (s.kind !== 'search' ? 1 : 0),
      site: s.url ? undefined : s.site,
    }),
    genre: T.kind[s.kind],
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

/** Evidence genres of follow-ups: fixed words a reader's software can match. */
export const FOLLOW_UP_GENRE = { recall: 'Recall', application: 'Application' } as const;

/** A follow-up as evidence: one item for what stayed, one for where it was used. */
function followUpEvidence(f: FollowUpSummary, skill: string, tz: string | undefined, T: BadgeText) {
  const description = T.followUpDescription({
    when: localIso(f.at, tz).replace('T', ' ').slice(0, 16),
    sessions: f.sessionIds.length,
  });
  const items: Evidence[] = [];
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
 * The endorsements a badge embeds: those of its achievement or of the badge itself, newest
 * first, within `MAX_EMBEDDED_ENDORSEMENT_BYTES`. Each is checked again (one restored from a
 * backup was not), so only one whose own proof holds goes out under the learner's.
 */
async function embeddedEndorsements(
  endorsements: readonly EndorsementSummary[],
  credential: OpenBadgeCredential,
  now: number,
): Promise<EndorsementCredential[]> {
  const subjects = new Map([
    [credential.credentialSubject.achievement.id, credential.credentialSubject.achievement.id],
    [credential.id, credential.id],
  ]);
  const out: EndorsementCredential[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const e of endorsements) {
    if (!subjects.has(e.subjectId)) continue;
    const size = encoder.encode(e.credential).length;
    if (bytes + size > MAX_EMBEDDED_ENDORSEMENT_BYTES) continue;
    const checked = await checkEndorsement(e.credential, subjects, now);
    if (!checked.ok) continue;
    bytes += size;
    out.push(checked.credential);
  }
  return out;
}

/**
 * The evidence a badge lists: sessions in order while within `MAX_EVIDENCE` entries and
 * `MAX_EVIDENCE_BYTES`, then one entry that says how many more there are and why.
 */
function evidenceList(
  sessions: readonly SharedSession[],
  shared: SharedData,
  locale: string,
  T: BadgeText,
): Evidence[] {
  const out: Evidence[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const s of sessions) {
    if (out.length === MAX_EVIDENCE) break;
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
      description: T.moreEvidenceWhy(MAX_EVIDENCE),
      genre: T.summaryGenre,
    });
  }
  return out;
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
      ...(sessions.length ? evidenceList(sessions, shared, locale, T) : []),
      ...s.followUps.flatMap((f) => followUpEvidence(f, skill.name, summary.timeZone, T)),
    ];
    if (evidence.length) credential.evidence = evidence;
    const endorsement = await embeddedEndorsements(s.endorsements, credential, options.now);
    if (endorsement.length) credential.endorsement = endorsement;
    out.push({ skillId: skill.id, credential });
  }
  return out;
}

/**
 * Builds and signs the period's badges with the learner's keys: the Data Integrity proof
 * first, then the VC-JWT of the credential holding it (OB 3.0: an embedded proof is made
 * before the JWT). `onProgress` hears each badge as it is done.
 * @example
 * const keys = { didKey: await getOrCreateDidKey(db()), jwtKey: await getOrCreateSigningKey(db()) };
 * const badges = await issueBadges(shared, keys, { learnerName: settings.learnerName, now: Date.now() });
 */
export async function issueBadges(
  shared: SharedData,
  keys: BadgeKeys,
  options: Omit<BadgeOptions, 'issuerId'>,
  onProgress?: (done: number, total: number) => void,
): Promise<IssuedBadge[]> {
  const built = await buildBadges(shared, { ...options, issuerId: keys.didKey.did });
  const issued: IssuedBadge[] = [];
  onProgress?.(0, built.length);
  for (const { skillId, credential } of built) {
    const signed = await signDataIntegrity(credential, keys.didKey.signer, { now: options.now });
    issued.push({ skillId, credential: signed, jws: await signCredential(signed, keys.jwtKey) });
    onProgress?.(issued.length, built.length);
  }
  return issued;
}

/**
 * The badges as one JSON document: for each badge its JSON credential (Data Integrity
 * proof) and its VC-JWT, `skilltrail-2026-W48-badges.json`.
 * @example download(badgesJsonFile(shared, badges, keys.didKey.did));
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
    credentials: badges.flatMap((b) => [b.credential, b.jws]),
  };
  return {
    filename: exportFilename(shared.summary.label, 'badges', 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(doc, null, 2)}\n`,
  };
}

/**
 * One badge alone, as the JSON credential with its proof: the file a wallet imports,
 * `skilltrail-2026-W48-badge-css.json`.
 * @example download(walletFile(shared, badges[0]));
 */
export function walletFile(shared: SharedData, badge: IssuedBadge): ExportFile {
  const skill = badge.credential.credentialSubject.achievement.name.toLowerCase();
  return {
    filename: exportFilename(shared.summary.label, `badge-${skill}`.slice(0, 60), 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(badge.credential, null, 2)}\n`,
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
  const out = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(T.verifyHint)}</p>`,
    `<p>${escapeHtml(T.selfAssertedMeaning)}</p>`,
    `<h2>${escapeHtml(T.howToCheck)}</h2>`,
    `<ul><li>${escapeHtml(T.howToCheckWallet)}</li><li>${escapeHtml(T.howToCheckValidator)}</li></ul>`,
  ];
  if (badges.length === 0) out.push(`<p>${escapeHtml(T.none)}</p>`);
  for (const badge of badges) {
    const { credential: c, jws } = badge;
    const wallet = walletFile(shared, badge);
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
        const narrative = e.narrative
          ? `<blockquote dir="auto">${escapeHtml(e.narrative)}</blockquote>`
          : '';
        return `<li>${name}<br><span class="meta">${escapeHtml(e.description)}</span>${narrative}</li>`;
      });
      parts.push(`<ul>${items.join('\n')}</ul>`);
    }
    if (c.endorsement?.length) {
      parts.push(
        `<h3>${escapeHtml(T.endorsements)}</h3>`,
        `<p class="meta">${escapeHtml(T.endorsementNote)}</p>`,
      );
      const items = c.endorsement.map((e) => {
        const when = Date.parse(e.validFrom);
        const meta = [
          e.issuer.description,
          Number.isFinite(when)
            ? T.endorsementSigned(formatDateTime(when, options.locale ?? 'en', tz))
            : '',
        ].filter(Boolean);
        return (
          `<li><strong dir="auto">${escapeHtml(T.endorsedBy(e.issuer.name))}</strong>` +
          `<br><span class="meta" dir="auto">${escapeHtml(meta.join(' · '))}</span>` +
          `<blockquote dir="auto">${escapeHtml(e.credentialSubject.endorsementComment)}</blockquote></li>`
        );
      });
      parts.push(`<ul>${items.join('\n')}</ul>`);
    }
    const href = `data:application/json;charset=utf-8,${encodeURIComponent(wallet.content)}`;
    parts.push(
      `<p><a class="wallet" download="${escapeHtml(wallet.filename)}" href="${escapeHtml(href)}">${escapeHtml(T.saveForWallet)}</a></p>`,
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
