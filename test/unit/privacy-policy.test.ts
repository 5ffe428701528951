import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyKeys } from '../../lib/privacy-policy';
import { PRIVACY_DOC, privacyDoc } from '../../tools/privacy-doc';

describe('the privacy policy', () => {
  it('docs/PRIVACY.md says what the privacy page says (run `npm run docs:privacy` after a change)', () => {
    expect(readFileSync(PRIVACY_DOC, 'utf8')).toBe(privacyDoc());
  });

  it('has every message it names in English (and so, by the locale test, in every language)', () => {
    const english = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as object;
    for (const key of policyKeys()) expect(english, key).toHaveProperty(key);
  });

  it('says what is recorded, where it stays, what leaves and how to delete it', () => {
    const doc = privacyDoc();
    for (const heading of [
      '## What Skilltrail records',
      '## Where your records stay',
      '## What leaves your device, and when',
      '## How to delete your records',
    ]) {
      expect(doc).toContain(heading);
    }
    expect(doc).toContain('Learning Record Store');
  });
});
