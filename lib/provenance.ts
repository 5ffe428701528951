/**
 * Where each piece of evidence came from, in one vocabulary for the records, the views and
 * every export. A reader weighs evidence by how it was obtained, so every item carries one
 * of these and totals never add time that was not measured into measured time.
 *
 * | provenance     | obtained how                                              | time it carries              |
 * |----------------|-----------------------------------------------------------|------------------------------|
 * | `measured`     | the tracker saw it: tab in front, window focused, not idle | measured active time         |
 * | `captured`     | the learner clicked to capture the page                   | the session's measured time  |
 * | `written`      | the learner's own words: a reflection, a follow-up answer | none                         |
 * | `stated`       | typed in by the learner about learning away from the screen | the duration they state    |
 * | `from-history` | found in the browser's history and kept by the learner    | none measured                |
 * | `vouched`      | someone else signed it: an endorsement                    | none                         |
 */

export const PROVENANCES = [
  'measured',
  'captured',
  'written',
  'stated',
  'from-history',
  'vouched',
] as const;

export type Provenance = (typeof PROVENANCES)[number];

/** The provenances a session can have: how the learning it records was noticed. */
export type SessionProvenance = Extract<
  Provenance,
  'measured' | 'captured' | 'stated' | 'from-history'
>;

/** A reflection, a follow-up answer: the learner's own words. */
export const WRITTEN = 'written' satisfies Provenance;
/** An endorsement: someone else's signed words. */
export const VOUCHED = 'vouched' satisfies Provenance;

/**
 * Whether `value` is one of the vocabulary's words.
 * @example isProvenance('measured') // true
 */
export function isProvenance(value: unknown): value is Provenance {
  return typeof value === 'string' && (PROVENANCES as readonly string[]).includes(value);
}

/**
 * Whether `value` is a provenance a session can have.
 * @example isSessionProvenance('written') // false
 */
export function isSessionProvenance(value: unknown): value is SessionProvenance {
  return (
    value === 'measured' || value === 'captured' || value === 'stated' || value === 'from-history'
  );
}

/**
 * The provenance of a session recorded before provenance was kept: a page the learner
 * captured by a click (a capture, and the session kept) or what the tracker measured.
 * @example sessionProvenanceBefore({ status: 'kept' }, true) // 'captured'
 */
export function sessionProvenanceBefore(
  session: { status: string },
  hasCapture: boolean,
): SessionProvenance {
  return hasCapture && session.status !== 'auto' ? 'captured' : 'measured';
}

/** Whether the time a session with this provenance carries was measured by the tracker. */
export function carriesMeasuredTime(provenance: SessionProvenance | undefined): boolean {
  // A record from before provenance was kept was made by the tracker or a capture.
  return provenance === undefined || provenance === 'measured' || provenance === 'captured';
}

function finite(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * The measured active time of a session: its `activeMs` when the tracker measured it, 0
 * for stated or estimated time, which is never added into measured totals.
 * @example measuredMs({ activeMs: 60_000, provenance: 'stated' }) // 0
 */
export function measuredMs(session: { activeMs: number; provenance?: SessionProvenance }): number {
  return carriesMeasuredTime(session.provenance) ? finite(session.activeMs) : 0;
}

/**
 * The time the learner stated for a session away from the screen (its own `statedMs` field,
 * never `activeMs`); 0 for any other.
 * @example statedMs({ activeMs: 0, statedMs: 3_600_000, provenance: 'stated' }) // 3_600_000
 */
export function statedMs(session: { provenance?: SessionProvenance; statedMs?: number }): number {
  return session.provenance === 'stated' ? finite(session.statedMs ?? 0) : 0;
}

/** Counts of evidence items by provenance, every word present. */
export type ProvenanceCounts = Record<Provenance, number>;

/**
 * Zero for every provenance, to count into.
 * @example noProvenanceCounts().measured // 0
 */
export function noProvenanceCounts(): ProvenanceCounts {
  return {
    measured: 0,
    captured: 0,
    written: 0,
    stated: 0,
    'from-history': 0,
    vouched: 0,
  };
}

/** How people are told where evidence came from: a short label and a plain sentence. */
export interface ProvenanceText {
  label: Readonly<Record<Provenance, string>>;
  how: Readonly<Record<Provenance, string>>;
}

/** English; the dashboard passes the same in the learner's language. */
export const PROVENANCE_TEXT: ProvenanceText = {
  label: {
    measured: 'Measured',
    captured: 'Captured',
    written: 'Written',
    stated: 'Stated',
    'from-history': 'From history',
    vouched: 'Vouched',
  },
  how: {
    measured: 'Measured by Skilltrail: the tab in front, the window focused, the learner not idle.',
    captured: 'Captured: the learner clicked to keep this page; any time shown was measured.',
    written: 'Written by the learner: a reflection or a follow-up answer, in their own words.',
    stated:
      'Stated by the learner about learning away from the screen; its time is their own statement.',
    'from-history': 'Found in the browser’s history and kept by the learner; no time was measured.',
    vouched: 'Vouched for by someone else, who signed it with their own key.',
  },
};

/**
 * How many pieces of evidence of each kind: every session by its own provenance, each
 * reflection and each answered follow-up as written, each endorsement as vouched.
 * @example countEvidence({ sessions: [{ provenance: 'measured' }], reflections: 1, followUps: 0, endorsements: 2 }).vouched // 2
 */
export function countEvidence(items: {
  sessions: readonly { provenance?: SessionProvenance }[];
  reflections: number;
  followUps: number;
  endorsements: number;
}): ProvenanceCounts {
  const counts = noProvenanceCounts();
  for (const s of items.sessions) counts[s.provenance ?? 'measured'] += 1;
  counts.written += items.reflections + items.followUps;
  counts.vouched += items.endorsements;
  return counts;
}
