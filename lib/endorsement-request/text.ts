/**
 * The words of the endorsement request page. The page is written in the learner's
 * interface language at the time of asking: the dashboard fills these from its messages
 * and the page shows them as text. `$1` in a string is filled in by the page (a file name,
 * an error's detail).
 */
export interface RequestPageText {
  title: string;
  intro: string;
  claimHeading: string;
  /** Said above the claim of one stated activity: one activity, stated, not measured. */
  oneActivity: string;
  learner: string;
  period: string;
  privacy: string;
  evidenceHeading: string;
  noEvidence: string;
  selfAsserted: string;
  checking: string;
  /** `$1`: the learner's key fingerprint (`keyFingerprint`). */
  fingerprint: string;
  /** Heading over the exact statement the endorser's signature will carry. */
  willSay: string;
  /** The request names a skill of another key than the one that signed it. */
  notTheirs: string;
  /** `$1`: the learner's key (`did:key:…`). */
  signatureHolds: string;
  signatureFails: string;
  formHeading: string;
  meaning: string;
  keyNote: string;
  name: string;
  role: string;
  email: string;
  howKnown: string;
  comment: string;
  commentHint: string;
  required: string;
  sign: string;
  signing: string;
  missingName: string;
  missingComment: string;
  badEmail: string;
  tooLong: string;
  noEd25519: string;
  /** `$1`: what went wrong. */
  signFailed: string;
  /** `$1`: the file name saved. */
  done: string;
  damaged: string;
  noScript: string;
  footer: string;
}
