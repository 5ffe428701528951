import type { ProvenanceText } from '../provenance';

/**
 * The words of the portfolio page, in the learner's interface language when it was saved:
 * the dashboard fills these from its messages and the page shows them as text. `$1` in a
 * string is filled in by the page.
 */
export interface PortfolioPageText {
  /** `$1`: the learner's name. */
  title: string;
  intro: string;
  selfIssued: string;
  privacy: string;
  checking: string;
  /** The learner's signature on a skill record holds. */
  recordHolds: string;
  recordChanged: string;
  endorsementHolds: string;
  endorsementChanged: string;
  countsHeading: string;
  /** `$1`: a duration. */
  measuredTime: string;
  /** `$1`: first day, `$2`: latest day. */
  span: string;
  evidenceHeading: string;
  noEvidence: string;
  endorsementsHeading: string;
  /** `$1`: the endorser's name. */
  endorsedBy: string;
  endorserNote: string;
  saveForWallet: string;
  criteriaHeading: string;
  provenance: ProvenanceText;
  noScript: string;
  damaged: string;
  proves: string;
  doesNotProve: string;
}
