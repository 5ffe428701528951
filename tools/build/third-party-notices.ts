import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The file every build ships beside its manifest. */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** Where its source lives, from package.json. */
  source: string;
  /** The package's own LICENSE and NOTICE files, in that order, or the standard MIT text. */
  texts: string[];
}

/**
 * The package folder a bundled file belongs to: the one right under the last
 * `node_modules` (`@scope/name` for scoped packages). Folders deeper in hold a package's
 * subpath entries (`preact/hooks`), whose package.json files are not packages of their own.
 */
export function packageRoot(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const depth = parts[at + 1]!.startsWith('@') ? 3 : 2;
  return parts.slice(0, at + depth).join(sep);
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/**
 * The MIT licence, for packages that declare it in package.json but ship no licence file
 * (WXT's own runtime helpers, published from a monorepo whose LICENSE stays at its root).
 */
function mitText(holder: string): string {
  return `MIT License

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  author?: string | { name?: string };
  repository?: string | { url?: string };
  homepage?: string;
}

/**
 * What a package says about itself and its licence. A package with neither a licence file
 * nor MIT in package.json stops the build: its terms would be unknown.
 */
export function describePackage(root: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const license = pkg.license ?? 'UNKNOWN';
  const files = readdirSync(root)
    .filter((f) => LICENCE_FILE.test(f))
    // LICENSE before NOTICE, as Apache-2.0 lays them out.
    .sort((a, b) => Number(/^notice/i.test(a)) - Number(/^notice/i.test(b)) || a.localeCompare(b));
  const texts = files.map((f) => readFileSync(join(root, f), 'utf8').trim() + '\n');
  if (texts.length === 0) {
    if (license !== 'MIT') {
      throw new Error(`${pkg.name} is bundled but ships no licence text (license: ${license}).`);
    }
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    texts.push(mitText(author ? author.replace(/\s*<[^>]*>/, '') : `${pkg.name} authors`));
  }
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    name: pkg.name,
    version: pkg.version,
    license,
    source: (repository ?? pkg.homepage ?? '').replace(/^git\+/, ''),
    texts,
  };
}

/** The notices file: a list of the packages, then each one's licence in full. */
export function formatNotices(packages: readonly BundledPackage[]): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  const rule = '='.repeat(78);
  return [
    'Skilltrail includes the following open-source packages. Their licences follow.',
    '',
    ...sorted.map((p) => `- ${p.name} ${p.version} (${p.license})`),
    '',
    ...sorted.flatMap((p) => [
      rule,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      ...(p.source ? [`Source: ${p.source}`] : []),
      rule,
      '',
      p.texts.join('\n'),
    ]),
  ].join('\n');
}

/**
 * Collects the packages every build of one `wxt build` bundles (WXT runs one Vite build per
 * group of entrypoints), and writes their notices into the output once all are done. The
 * list comes from the bundles themselves, so a new dependency is never left out.
 */
export function thirdPartyNotices() {
  const roots = new Set<string>();
  const plugin: Plugin = {
    name: 'skilltrail:third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) {
          const root = packageRoot(id.replace(/\?.*$/, ''));
          if (root) roots.add(root);
        }
      }
    },
  };
  const writeInto = (outDir: string) => {
    const packages = [...new Map([...roots].map((r) => [r, describePackage(r)])).values()];
    // One entry per package and version, even when two paths hold the same copy.
    const unique = [...new Map(packages.map((p) => [`${p.name}@${p.version}`, p])).values()];
    writeFileSync(join(outDir, NOTICES_FILE), formatNotices(unique));
    roots.clear();
  };
  return { plugin, writeInto };
}
