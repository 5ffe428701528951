/**
 * What every export returns, and how export files are named. A download button needs
 * nothing else: `new Blob([file.content], { type: file.mimeType })` (or `file.parts`) saved as
 * `file.filename`.
 */

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/**
 * A file whose text comes in parts, in order: one too large to build as a single string.
 * A part may be a Blob already, made from text while the rest was still being written.
 */
export interface ExportParts {
  filename: string;
  mimeType: string;
  parts: (string | Blob)[];
}

/** Every file name starts with this, so a learner's downloads sort together. */
export const FILE_PREFIX = 'skilltrail';

/**
 * A safe file name for a range label and an optional suffix: only letters, digits,
 * `-` and `_` survive, whatever a label holds.
 * @example exportFilename('2026-W48', 'xapi', 'json') // 'skilltrail-2026-W48-xapi.json'
 * @example exportFilename('2026-W48', '', 'md') // 'skilltrail-2026-W48.md'
 */
export function exportFilename(label: string, suffix: string, extension: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const parts = [FILE_PREFIX, clean(label), clean(suffix)].filter(Boolean);
  return `${parts.join('-')}.${clean(extension) || 'txt'}`;
}
