import { isoDuration } from '../../time';
import { IRI } from '../iri';
import type { PageLike } from './activities';

/**
 * The result of a page read: `result.duration` the wall time, and active seconds, scroll
 * depth and word count (when known) as extensions under `IRI_BASE`.
 * @example pageResult(visit) // { duration: 'PT7M', extensions: { '…/active-seconds': 360, … } }
 */
export function pageResult(
  p: { startedAt: number; endedAt: number; activeMs: number } & PageLike & {
      maxScrollPct?: number;
    },
) {
  const extensions: Record<string, number> = {
    [IRI.extension.activeSeconds]: Math.round(p.activeMs / 1000),
  };
  if (p.maxScrollPct !== undefined && Number.isFinite(p.maxScrollPct)) {
    extensions[IRI.extension.maxScrollPercent] = Math.min(
      100,
      Math.max(0, Math.round(p.maxScrollPct)),
    );
  }
  if (p.wordCount !== undefined && Number.isFinite(p.wordCount) && p.wordCount > 0) {
    extensions[IRI.extension.wordCount] = Math.round(p.wordCount);
  }
  return { duration: isoDuration(Math.max(0, p.endedAt - p.startedAt)), extensions };
}
