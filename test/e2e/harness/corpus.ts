import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Real web pages with Readability's expected metadata, kept beside the repository. */
export const CORPUS_DIR = resolve(process.env.SKILLTRAIL_CORPUS ?? '../shared/corpus/web-pages');

export interface CorpusPage {
  name: string;
  html: string;
  expected: {
    title?: string | null;
    byline?: string | null;
    excerpt?: string | null;
    siteName?: string | null;
    readerable?: boolean;
  };
}

/**
 * The corpus pages, or `null` when the folder is missing outside CI. In CI a missing
 * corpus is an error: the tests that need it must fail, not skip.
 */
export function loadCorpus(): CorpusPage[] | null {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI) throw new Error(`The page corpus is missing at ${CORPUS_DIR}.`);
    return null;
  }
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'source.html')))
    .map((d) => ({
      name: d.name,
      html: readFileSync(join(CORPUS_DIR, d.name, 'source.html'), 'utf8'),
      expected: JSON.parse(
        readFileSync(join(CORPUS_DIR, d.name, 'expected-metadata.json'), 'utf8'),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Text compared the way a reader would: whitespace folded, ends trimmed. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}
