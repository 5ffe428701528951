// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return files(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

/** Dev-only validators and test libraries: never in what the extension ships. */
const DEV_ONLY = /^(ajv|ajv-formats|jose|@learninglocker\/xapi-validation)(\/|$)/;

describe('export conventions', () => {
  const shipped = [...files('lib'), ...files('entrypoints'), ...files('components')];

  it('ships no schema validator, JOSE library or xAPI validator', () => {
    const offenders = shipped.flatMap((f) =>
      imports(f)
        .filter((i) => DEV_ONLY.test(i) || i.includes('/tools/'))
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  const mine = [...files('lib/week'), ...files('lib/export'), ...files('lib/credentials')];

  it('keeps summary, exports and credentials free of Node built-ins', () => {
    const offenders = mine.flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith('node:') || ['fs', 'path', 'crypto', 'os'].includes(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('documents every exported function with an @example', () => {
    const missing: string[] = [];
    for (const f of [...mine, 'tools/verify.ts', 'tools/run-verify.ts']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/^export (?:async )?function (\w+)/gm)) {
        const before = text.slice(0, m.index);
        const doc = before.slice(before.lastIndexOf('/**'));
        // The comment must sit right above the function, not belong to an earlier one.
        if (!before.trimEnd().endsWith('*/') || !doc.includes('@example')) {
          missing.push(`${f}: ${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
