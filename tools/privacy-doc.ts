import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { policyMarkdown } from '../lib/privacy-policy';

/** Where the policy is kept as a document, for the stores and for readers of the repository. */
export const PRIVACY_DOC = resolve('docs/PRIVACY.md');

/** docs/PRIVACY.md as the English messages and package.json's homepage make it. */
export function privacyDoc(): string {
  const messages = JSON.parse(
    readFileSync(resolve('public/_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const { homepage } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
    homepage: string;
  };
  const message = (key: string) => {
    const text = messages[key]?.message;
    if (!text) throw new Error(`public/_locales/en/messages.json has no "${key}".`);
    return text;
  };
  return policyMarkdown(message, homepage);
}
