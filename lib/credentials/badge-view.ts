/**
 * What a person reads about an Open Badges credential, as plain strings taken from whatever
 * JSON the credential holds. Credentials come from files of unknown origin: every field is
 * checked for its type, lists are bounded, and nothing here ever becomes markup or a link
 * by itself.
 */

/** Evidence entries shown per credential; a file may hold any number. */
export const MAX_EVIDENCE_SHOWN = 500;
/** Longest text kept from any one field. */
export const MAX_FIELD_CHARS = 20_000;

export interface EvidenceView {
  name: string;
  description: string;
  narrative: string;
  /** The evidence's own id, usually the page's URL: shown as text. */
  id: string;
  genre: string;
}

export interface CredentialView {
  id: string;
  name: string;
  description: string;
  issuerId: string;
  issuerName: string;
  subjectId: string;
  validFrom: string;
  validUntil: string;
  activityStart: string;
  activityEnd: string;
  narrative: string;
  achievement: { name: string; description: string; criteria: string; type: string };
  /** Framework targets the achievement aligns to: name and URL as text. */
  alignments: { name: string; url: string; framework: string }[];
  /** `credentialSchema` ids the credential names. */
  schemas: string[];
  evidence: EvidenceView[];
  /**
   * What a skill record counts (`credentialSubject.result`): each value with the name of the
   * `resultDescription` it names, e.g. "Pieces of evidence: Measured" and "12".
   */
  results: { name: string; value: string }[];
  /** Evidence entries beyond `MAX_EVIDENCE_SHOWN`. */
  evidenceHidden: number;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, MAX_FIELD_CHARS) : '';
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function resultsOf(
  subject: Record<string, unknown>,
  achievement: Record<string, unknown>,
): { name: string; value: string }[] {
  const names = new Map(
    list(achievement.resultDescription)
      .slice(0, 50)
      .map((d) => [text(obj(d).id), text(obj(d).name)]),
  );
  return list(subject.result)
    .slice(0, 50)
    .map((r) => ({
      name: names.get(text(obj(r).resultDescription)) || text(obj(r).resultDescription),
      value: text(obj(r).value),
    }))
    .filter((r) => r.value);
}

/**
 * The readable parts of a credential (verified or not), as strings; missing or mistyped
 * fields become empty strings.
 * @example describeCredential(result.credential).achievement.name // 'CSS'
 */
export function describeCredential(credential: unknown): CredentialView {
  const c = obj(credential);
  const issuer = c.issuer;
  const subject = obj(c.credentialSubject);
  const achievement = obj(subject.achievement);
  const evidence = list(c.evidence);
  return {
    id: text(c.id),
    name: text(c.name),
    description: text(c.description),
    issuerId: typeof issuer === 'string' ? text(issuer) : text(obj(issuer).id),
    issuerName: text(obj(issuer).name),
    subjectId: text(subject.id),
    validFrom: text(c.validFrom),
    validUntil: text(c.validUntil),
    activityStart: text(subject.activityStartDate),
    activityEnd: text(subject.activityEndDate),
    narrative: text(subject.narrative),
    achievement: {
      name: text(achievement.name),
      description: text(achievement.description),
      criteria: text(obj(achievement.criteria).narrative),
      type: text(achievement.achievementType),
    },
    alignments: list(achievement.alignment)
      .slice(0, 50)
      .map((a) => ({
        name: text(obj(a).targetName),
        url: text(obj(a).targetUrl),
        framework: text(obj(a).targetFramework),
      })),
    schemas: list(c.credentialSchema)
      .slice(0, 20)
      .map((s) => text(obj(s).id))
      .filter(Boolean),
    evidence: evidence.slice(0, MAX_EVIDENCE_SHOWN).map((e) => {
      const item = obj(e);
      return {
        name: text(item.name),
        description: text(item.description),
        narrative: text(item.narrative),
        id: text(item.id),
        genre: text(item.genre),
      };
    }),
    results: resultsOf(subject, achievement),
    evidenceHidden: Math.max(0, evidence.length - MAX_EVIDENCE_SHOWN),
  };
}
