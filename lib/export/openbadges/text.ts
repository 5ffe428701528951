import { PROVENANCE_TEXT } from '../../provenance';
import { REPORT_TEXT } from '../report';

/**
 * Words in credentials and the badges page, in English; the dashboard passes its own
 * `strings` in the learner's language.
 */
export const OB_TEXT = {
  anonymous: 'Skilltrail learner',
  /** Session kinds as evidence names them. */
  kind: REPORT_TEXT.kind,
  /** Learning away from the screen, as its evidence names it. */
  learning: REPORT_TEXT.learning,
  stated: REPORT_TEXT.stated,
  where: REPORT_TEXT.where,
  withWhom: REPORT_TEXT.withWhom,
  vouched: REPORT_TEXT.vouched,
  narrativeStated: (stated: string) =>
    ` I also stated ${stated} of learning away from the screen, not counted in the active time.`,
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
    how: string;
  }) =>
    `${[
      p.kind,
      p.when,
      `${p.active} active`,
      `${p.pages} ${p.pages === 1 ? 'page' : 'pages'}`,
      p.site,
    ]
      .filter(Boolean)
      .join(' · ')}. ${p.how}`,
  /** How each kind of evidence was obtained, in plain words (criteria and evidence). */
  provenanceHow: PROVENANCE_TEXT.how,
  provenanceLabel: PROVENANCE_TEXT.label,
  recordName: (skill: string, period: string) => `${skill} — skill record, ${period}`,
  recordDescription: (skill: string, period: string) =>
    `Self-asserted record of learning ${skill} in ${period}: the evidence Skilltrail holds, each piece with where it came from.`,
  recordNarrative: (p: {
    period: string;
    skill: string;
    measured: string;
    stated?: string;
    first: string;
    latest: string;
    sites?: number;
    counts: readonly (readonly [string, number])[];
  }) =>
    `${p.skill}, ${p.period}: ${p.measured} of measured learning` +
    `${p.sites !== undefined ? ` on ${p.sites} ${p.sites === 1 ? 'site' : 'sites'}` : ''}` +
    `${p.stated ? ` (and ${p.stated} stated by the learner, not added in)` : ''}, ` +
    `from ${p.first} to ${p.latest}. ` +
    `Evidence: ${p.counts.map(([label, n]) => `${label}: ${n}`).join(', ')}.`,
  recordMeasuredMinutes: 'Measured active time, in minutes',
  recordStatedMinutes: 'Time stated by the learner, in minutes (not measured)',
  recordCount: (label: string) => `Pieces of evidence: ${label}`,
  searches: (queries: string[]) => `Searches: ${queries.map((q) => `“${q}”`).join(', ')}`,
  reflection: (text: string) => `Reflection: ${text}`,
  recallName: (skill: string) => `What stayed of ${skill}`,
  applicationName: (skill: string) => `Where ${skill} was used`,
  /** `sessions` counts those on the screen; `stated` names each stated activity. */
  followUpDescription: (p: { when: string; sessions: number; stated: readonly string[] }) =>
    `Written ${p.when}, some days after ${[
      ...(p.sessions > 0 ? [`${p.sessions} ${p.sessions === 1 ? 'session' : 'sessions'}`] : []),
      ...p.stated,
    ].join(', ')}`,
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
