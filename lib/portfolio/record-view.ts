/**
 * What the portfolio page shows of one skill record, read from the credential itself, so
 * the page shows exactly what the learner signed: its counts by provenance and measured
 * minutes (its `result` entries), its span, and its evidence grouped by provenance.
 * Anything missing or of the wrong type reads as nothing.
 */
import { describeCredential, type EvidenceView } from '../credentials/badge-view';
import {
  isProvenance,
  noProvenanceCounts,
  PROVENANCES,
  type Provenance,
  type ProvenanceCounts,
} from '../provenance';

export interface RecordView {
  name: string;
  skill: string;
  narrative: string;
  criteria: string;
  first: string;
  latest: string;
  counts: ProvenanceCounts;
  measuredMinutes: number;
  /** Evidence by the provenance its `genre` names, in the vocabulary's order. */
  evidence: { provenance: Provenance; items: EvidenceView[] }[];
  /** Evidence whose genre is none of the vocabulary's words (a summary of the rest). */
  other: EvidenceView[];
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The page's view of a skill record.
 * @example recordView(record.credential).counts.measured // 12
 */
export function recordView(credential: unknown): RecordView {
  const view = describeCredential(credential);
  const subject = obj(obj(credential).credentialSubject);
  const counts = noProvenanceCounts();
  let measuredMinutes = 0;
  for (const r of Array.isArray(subject.result) ? subject.result.slice(0, 50) : []) {
    const key = String(obj(r).resultDescription ?? '')
      .split('/')
      .pop();
    const value = Number(obj(r).value);
    if (!Number.isFinite(value) || value < 0) continue;
    if (key === 'measured-minutes') measuredMinutes = value;
    else if (isProvenance(key)) counts[key] = value;
  }
  return {
    name: view.name,
    skill: view.achievement.name,
    narrative: view.narrative,
    criteria: view.achievement.criteria,
    first: view.activityStart.slice(0, 10),
    latest: view.activityEnd.slice(0, 10),
    counts,
    measuredMinutes,
    evidence: PROVENANCES.map((provenance) => ({
      provenance,
      items: view.evidence.filter((e) => e.genre === provenance),
    })).filter((g) => g.items.length > 0),
    other: view.evidence.filter((e) => !isProvenance(e.genre)),
  };
}
