/** The learner's answer to a follow-up: what may be saved, and the answers by skill. */
import type { FollowUp } from '../model';
import { isWebUrl } from '../url';

/** Longest answer kept, per field; the backup format allows the same. */
export const FOLLOW_UP_LIMITS = { text: 10_000, link: 16_384 } as const;

export interface FollowUpAnswer {
  recall: string;
  application: string;
  link: string;
}

export type AnswerCheck = { ok: true } | { ok: false; reason: 'empty' | 'link' };

/**
 * Whether an answer can be saved: something written, and a link (if any) to a web page.
 * @example checkAnswer({ recall: '', application: '', link: '' }) // { ok: false, reason: 'empty' }
 */
export function checkAnswer(answer: FollowUpAnswer): AnswerCheck {
  if (!answer.recall.trim() && !answer.application.trim()) return { ok: false, reason: 'empty' };
  const link = answer.link.trim();
  if (link && (!isWebUrl(link) || link.length > FOLLOW_UP_LIMITS.link)) {
    return { ok: false, reason: 'link' };
  }
  return { ok: true };
}

/**
 * Answered follow-ups by skill, newest first, for each skill's history.
 * @example answeredBySkill(followUps).get(skillId)
 */
export function answeredBySkill(followUps: readonly FollowUp[]): Map<string, FollowUp[]> {
  const out = new Map<string, FollowUp[]>();
  for (const f of [...followUps].sort((a, b) => b.at - a.at)) {
    if (f.status !== 'answered') continue;
    const list = out.get(f.skillId);
    if (list) list.push(f);
    else out.set(f.skillId, [f]);
  }
  return out;
}
