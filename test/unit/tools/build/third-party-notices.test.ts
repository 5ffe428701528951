import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePackage, formatNotices, packageRoot } from '@/tools/build/third-party-notices';

const modules = resolve('node_modules');

describe('third-party notices', () => {
  it('finds the package a bundled file belongs to, scoped or not, never a subpath entry', () => {
    expect(packageRoot(join(modules, 'preact/hooks/dist/hooks.module.js'))).toBe(
      join(modules, 'preact'),
    );
    expect(packageRoot(join(modules, '@mozilla/readability/Readability.js'))).toBe(
      join(modules, '@mozilla/readability'),
    );
    expect(packageRoot(join(modules, 'a/node_modules/b/index.js'))).toBe(
      join(modules, 'a', 'node_modules', 'b'),
    );
    expect(packageRoot(resolve('lib/model.ts'))).toBeUndefined();
    expect(packageRoot(`${sep}x${sep}node_modules`)).toBeUndefined();
  });

  it('keeps a package’s own licence and NOTICE, in that order', () => {
    const dexie = describePackage(join(modules, 'dexie'));
    expect(dexie.license).toBe('Apache-2.0');
    expect(dexie.texts).toHaveLength(2);
    expect(dexie.texts[0]).toMatch(/Apache License\s+Version 2\.0/);
    expect(describePackage(join(modules, 'webextension-polyfill')).texts[0]).toMatch(
      /Mozilla Public License Version 2\.0/,
    );
  });

  it('writes the MIT text with its author for an MIT package without a licence file', () => {
    const root = mkdtempSync(join(tmpdir(), 'notices-'));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'bare', version: '1.2.3', license: 'MIT', author: 'Ann <a@x.org>' }),
    );
    const bare = describePackage(root);
    expect(bare.texts).toHaveLength(1);
    expect(bare.texts[0]).toContain('Copyright (c) Ann\n');
    expect(bare.texts[0]).toContain('Permission is hereby granted, free of charge');
  });

  it('stops the build on a package whose licence text is nowhere', () => {
    const root = mkdtempSync(join(tmpdir(), 'notices-'));
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'closed', version: '1.0.0', license: 'SEE LICENSE IN EULA' }),
    );
    expect(() => describePackage(root)).toThrow(/closed is bundled but ships no licence text/);
  });

  it('lists every package, then each licence in full', () => {
    const text = formatNotices([
      describePackage(join(modules, 'preact')),
      describePackage(join(modules, 'dexie')),
    ]);
    expect(text.indexOf('- dexie ')).toBeLessThan(text.indexOf('- preact '));
    expect(text).toContain('License: MIT');
    expect(text).toContain('Copyright (c) 2015-present Jason Miller');
    expect(text).toContain('Copyright (c) 2014-2017 David Fahlander');
  });
});
