/**
 * The stated activities among the sessions a follow-up asked about: every place that shows
 * the answer names them by their kind and what was learned, since "1 session" says nothing
 * of a mentoring afternoon.
 */
import type { LearningKind } from '../learning-away/kinds';
import type { SessionKind } from '../model';

/**
 * The stated activities (kind `away`) among `sessionIds`, in their order; ids not in
 * `sessions` (another period's, or deleted) are left out.
 * @example statedAsked(followUp.sessionIds, new Map(sessions.map((s) => [s.id, s])))
 */
export function statedAsked<S extends { kind: SessionKind; learningKind?: LearningKind }>(
  sessionIds: readonly string[],
  sessions: ReadonlyMap<string, S>,
): (S & { learningKind: LearningKind })[] {
  const out: (S & { learningKind: LearningKind })[] = [];
  for (const id of sessionIds) {
    const s = sessions.get(id);
    if (s?.kind === 'away' && s.learningKind) out.push(s as S & { learningKind: LearningKind });
  }
  return out;
}
