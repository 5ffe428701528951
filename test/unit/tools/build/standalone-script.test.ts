// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStandaloneScript, cspHash } from '@/tools/build/standalone-script';

describe('standalone page scripts', () => {
  it('bundles the endorsement request page into one inline script that its hash names', async () => {
    const page = await buildStandaloneScript('endorsement-request');
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(page.scriptHash).toBe(sha(page.script));
    expect(page.styleHash).toBe(sha(page.style));
    // Nothing that would end the element early, import anything, or need 'unsafe-eval'.
    expect(page.script).not.toMatch(/<\/script|<!--/i);
    expect(page.script).not.toMatch(/\bimport\s*\(|\bimport\.meta\b|new Function\b|\beval\(/);
    expect(page.style).not.toMatch(/<\/style/i);
    // The style every standalone page shares, then the page's own.
    const css = (file: string) => readFileSync(`standalone/${file}`, 'utf8');
    expect(page.style).toBe(`${css('base.css')}\n${css('endorsement-request/page.css')}`);
    // The Digital Bazaar stack is in it, with the contexts it verifies against.
    expect(page.script).toContain('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    expect(page.script).toContain('eddsa-rdfc-2022');
    // Sent on its own, the page carries the licences of what it bundles.
    expect(page.script).toMatch(/^\/\*!\nThis page includes the following open-source packages/);
    expect(page.script).toMatch(/\njsonld \d+\.\d+\.\d+ \(BSD-3-Clause\)\n/);
    expect(page.script).toContain('Redistributions in binary form must reproduce');
  }, 60_000);

  it('hashes text as a browser does, over its UTF-8 bytes, and builds only pages it has', async () => {
    expect(cspHash('é')).toBe(`'sha256-${createHash('sha256').update('é').digest('base64')}'`);
    await expect(buildStandaloneScript('../popup')).rejects.toThrow('Not a standalone page');
  });
});
