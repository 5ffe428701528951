import type { Provenance, ProvenanceText } from '../../lib/provenance';
import { t, type MessageKey } from './i18n';

/** Message keys of each provenance's label and plain sentence. */
export const PROVENANCE_KEYS: Readonly<Record<Provenance, { label: MessageKey; how: MessageKey }>> =
  {
    measured: { label: 'provenanceMeasured', how: 'provenanceMeasuredHow' },
    captured: { label: 'provenanceCaptured', how: 'provenanceCapturedHow' },
    written: { label: 'provenanceWritten', how: 'provenanceWrittenHow' },
    stated: { label: 'provenanceStated', how: 'provenanceStatedHow' },
    'from-history': { label: 'provenanceFromHistory', how: 'provenanceFromHistoryHow' },
    vouched: { label: 'provenanceVouched', how: 'provenanceVouchedHow' },
  };

/**
 * Where evidence came from, in the interface language.
 * @example exportMarkdown(shared, { strings: { ...reportStrings(locale) } })
 */
export function provenanceStrings(): ProvenanceText {
  const entries = Object.entries(PROVENANCE_KEYS) as [
    Provenance,
    (typeof PROVENANCE_KEYS)[Provenance],
  ][];
  return {
    label: Object.fromEntries(entries.map(([p, k]) => [p, t(k.label)])) as ProvenanceText['label'],
    how: Object.fromEntries(entries.map(([p, k]) => [p, t(k.how)])) as ProvenanceText['how'],
  };
}
