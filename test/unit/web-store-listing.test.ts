import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { justifiedPermissions } from '../web-store-docs';

const LOCALES = readdirSync('public/_locales').sort();

/** The text under a `## heading` of a Markdown file, up to the next heading. */
function section(markdown: string, heading: string): string {
  return (
    markdown
      .split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1]
      ?.split(/^## /m)[0]
      ?.trim() ?? ''
  );
}

type ManifestFn = (env: { mode: string; browser: string }) => {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
};

describe('the store listing', () => {
  it.each(LOCALES)('has a listing in %s whose short description is the manifest’s', (locale) => {
    const path = `docs/web-store/listing/${locale}.md`;
    expect(existsSync(path), path).toBe(true);
    const listing = readFileSync(path, 'utf8');
    const messages = JSON.parse(
      readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'),
    ) as Record<string, { message: string }>;
    const short = section(listing, 'Short description');
    expect(short).toBe(messages.extDescription!.message);
    // The Chrome Web Store's summary holds 132 characters; AMO's 250.
    expect(short.length).toBeLessThanOrEqual(132);
    const full = section(listing, 'Full description');
    expect(full.length).toBeGreaterThan(500);
    // The Chrome Web Store's description holds 16,000 characters.
    expect(full.length).toBeLessThanOrEqual(16_000);
  });

  it('justifies every permission either browser’s manifest asks for, and no other', () => {
    const manifest = config.manifest as ManifestFn;
    const asked = new Set(
      ['chrome', 'firefox'].flatMap((browser) =>
        ['production', 'e2e'].flatMap((mode) => {
          const m = manifest({ mode, browser });
          return [
            ...(m.permissions ?? []),
            ...(m.host_permissions ?? []),
            ...(m.optional_host_permissions ?? []),
          ];
        }),
      ),
    );
    const justified = justifiedPermissions();
    for (const permission of asked) expect(justified, permission).toContain(permission);
    expect([...new Set(justified)].sort()).toEqual([...asked].sort());
    expect(asked).toContain('tabs');
    expect(asked).toContain('unlimitedStorage');
  });
});
