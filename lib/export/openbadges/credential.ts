/**
 * The Open Badges 3.0 credential Skilltrail issues: a self-asserted `OpenBadgeCredential`
 * the learner issues to themself from their `did:key`, one per skill and period. OB 3.0
 * names self-assertion as a use case; the worth of such a badge lies in its evidence.
 */
import type { EndorsementCredential } from '../../credentials/endorsement';

export const OB_CREDENTIAL_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
} as const;

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
    /** A skill record's counts and minutes, each naming its `resultDescription`. */
    result?: { type: string[]; resultDescription: string; value: string }[];
    achievement: {
      id: string;
      type: string[];
      achievementType: 'Competency';
      name: string;
      description: string;
      criteria: { narrative: string };
      /** A skill record's results: counts by provenance and minutes, each described once. */
      resultDescription?: {
        id: string;
        type: string[];
        name: string;
        resultType: string;
      }[];
      /** Ids of skills merged into this one, whose endorsements it carries. */
      otherIdentifier?: { type: 'IdentifierEntry'; identifier: string; identifierType: string }[];
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

/** One entry of a credential's `evidence`. */
export type BadgeEvidence = NonNullable<OpenBadgeCredential['evidence']>[number];
