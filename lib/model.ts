import type { LearningKind } from './learning-away/kinds';
import type { SessionProvenance } from './provenance';

/**
 * The records Skilltrail keeps. Every record has a stable UUID (exports, xAPI statement
 * ids and import de-duplication rely on it); times are epoch milliseconds.
 */

/**
 * `reading`: one page or a run of pages read; `search`: queries on one engine and the pages
 * reached from them; `watching`: audible media; `away`: learning away from the screen that
 * the learner states (`lib/learning-away/`), never measured.
 */
export type SessionKind = 'reading' | 'search' | 'watching' | 'away';

/** `auto`: recorded by the tracker; `kept`: the learner captured, tagged or edited it; `dismissed`: marked "not learning". */
export type SessionStatus = 'auto' | 'kept' | 'dismissed';

export interface Session {
  id: string;
  kind: SessionKind;
  startedAt: number;
  /** Last activity, never the time the browser was closed. */
  endedAt: number;
  /** Sum of measured active intervals of its visits; always 0 for an `away` session. */
  activeMs: number;
  title: string;
  /** Canonical URL of the page read, or of the first results page of a search session. */
  url: string;
  domain: string;
  /** Search engine id from `lib/search-engines.ts`, for search sessions. */
  engine?: string;
  /** Skill ids (multi-entry index). */
  skills: string[];
  note: string;
  status: SessionStatus;
  /**
   * How the learning was noticed (`lib/provenance.ts`): `measured` by the tracker, or
   * `captured` by the learner's click (its `activeMs` is measured time in both); `stated`
   * for an `away` session, whose time is `statedMs`.
   */
  provenance: SessionProvenance;
  /** An `away` session's kind of learning: one of the nine. */
  learningKind?: LearningKind;
  /**
   * The time the learner states an `away` session took, kept apart from `activeMs` so no
   * total of measured time can ever take it in.
   */
  statedMs?: number;
  /** Where it happened, in the learner's words (optional). */
  place?: string;
  /** With whom, in the learner's words (optional). */
  people?: string;
  updatedAt: number;
}

/** One page seen in one tab, with its active time. */
export interface Visit {
  id: string;
  sessionId: string;
  url: string;
  title: string;
  domain: string;
  startedAt: number;
  endedAt: number;
  activeMs: number;
  /** 0–100, from the optional engagement script. */
  maxScrollPct?: number;
  wordCount?: number;
  readerable?: boolean;
  /** The search whose results led here. */
  searchId?: string;
  /** Audible media played while this page was in front. */
  watching?: boolean;
}

/** One query on one engine. */
export interface Search {
  id: string;
  sessionId: string;
  engine: string;
  query: string;
  url: string;
  at: number;
}

export interface Skill {
  id: string;
  name: string;
  /** Normalised name, unique: case-, accent- and space-insensitive. */
  key: string;
  aliases: string[];
  /** A framework identifier (ESCO, O*NET or other URI). */
  uri?: string;
  description?: string;
  colour: string;
  /** Weekly target in minutes, if the learner set one. */
  goalMinutes?: number;
  /**
   * Ids of skills merged into this one (on a merge, or a restore that matched by name):
   * endorsements of those skills' achievements still count for this one.
   */
  mergedIds?: string[];
  createdAt: number;
  updatedAt: number;
}

/** The article metadata of a page, taken on capture. */
export interface Capture {
  id: string;
  /** Canonical URL, unique. */
  url: string;
  sessionId: string;
  title: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  excerpt?: string;
  publishedTime?: string;
  wordCount: number;
  readerable: boolean;
  capturedAt: number;
}

/**
 * A follow-up some days after a skill's sessions: what the learner still remembers
 * (recall) and where they used it (application). A dismissed one keeps its sessions from
 * being asked about again and is never exported.
 */
export interface FollowUp {
  id: string;
  skillId: string;
  /** The sessions asked about (multi-entry index): each is asked about once. */
  sessionIds: string[];
  /** When it was answered or dismissed. */
  at: number;
  status: 'answered' | 'dismissed';
  /** "What do you still remember about …?" */
  recall: string;
  /** "Where did you use it?" */
  application: string;
  /** A link to the work: a document, a ticket, a pull request. */
  link?: string;
  /** The learner's own words. */
  provenance: 'written';
}

/**
 * An Open Badges 3.0 `EndorsementCredential` someone gave one of the learner's skills, or
 * one activity they stated (`sessionId`),
 * kept exactly as received (its proof covers every byte that matters), with the facts the
 * views show read from it once it was checked.
 */
export interface Endorsement {
  id: string;
  /** The credential's own `id` (unique: one endorsement is added once). */
  credentialId: string;
  /**
   * The skill endorsed; for an endorsement of one activity, the skill that activity counted
   * under when it was added (so it goes with that skill, as every endorsement does).
   */
  skillId: string;
  /**
   * Set for an endorsement of one stated activity (a session of kind `away`): that session.
   * Such an endorsement vouches for the activity, not the skill: skill lists leave it out.
   */
  sessionId?: string;
  /** The endorsed achievement, activity or credential (`credentialSubject.id`). */
  subjectId: string;
  /** The endorser's name, role and email as they gave them. */
  issuerName: string;
  issuerDescription?: string;
  issuerEmail?: string;
  comment: string;
  /** The credential's `validFrom`. */
  issuedAt: number;
  /** The credential's `validUntil`, when it has one: after it, the endorsement is expired. */
  expiresAt?: number;
  addedAt: number;
  /** The signed credential as JSON text, unchanged. */
  credential: string;
  /** Someone else's signed words. */
  provenance: 'vouched';
}

/**
 * What a session's editing screen showed when it opened (or last saved): the base the
 * learner's changes are made on, so a save changes only those (`tagSession`).
 */
export interface OpenedFields {
  skills: readonly string[];
  note: string;
  title?: string;
}
