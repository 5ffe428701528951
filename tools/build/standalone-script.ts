import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { describePackage, packageRoot, type BundledPackage } from './third-party-notices';

/**
 * Scripts for pages that run outside the extension (a file a learner sends to someone),
 * bundled at build time into one inline script each. The extension's pages import them as
 * `virtual:standalone/<name>`: `{ script, scriptHash, style, styleHash }`, the hashes being
 * the CSP source expressions (`'sha256-…'`) of exactly that text, so the page they are
 * written into runs its own script and nothing else. Loaded with `import()`, they weigh on
 * no page until used.
 */

const PREFIX = 'virtual:standalone/';
const RESOLVED = '\0standalone:';

/**
 * The sources of each standalone page: `standalone/<name>/main.ts` and `page.css`, the style
 * after `standalone/base.css`, which every page shares.
 */
const ROOT = resolve('standalone');

export interface StandaloneScript {
  script: string;
  scriptHash: string;
  style: string;
  styleHash: string;
}

/** A CSP hash source of `text` as the browser hashes it (its UTF-8 bytes). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Drops `new URL('../x.jsonld', import.meta.url)`: a context package's pointer to its own
 * file, which no code here reads. A one-file script has no URL of its own (`import.meta`
 * is empty in it), and Vite would inline each file a second time as a `data:` URL.
 */
function noFileUrls(): Plugin {
  return {
    name: 'skilltrail-standalone-no-file-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('node_modules') || !code.includes('import.meta.url')) return undefined;
      return code.replace(/new URL\(\s*(['"])[^'"]+\1\s*,\s*import\.meta\.url\s*\)/g, 'undefined');
    },
  };
}

/**
 * The licences of what a page bundles, each text once with the packages it covers: the
 * page is sent on its own, so it carries them; many packages share one text.
 */
function compactNotices(packages: readonly BundledPackage[]): string {
  const byText = new Map<string, BundledPackage[]>();
  for (const p of [...packages].sort((a, b) => a.name.localeCompare(b.name))) {
    const text = p.texts.join('\n');
    byText.set(text, [...(byText.get(text) ?? []), p]);
  }
  return [
    'This page includes the following open-source packages; their licences follow.',
    ...[...byText].flatMap(([text, list]) => [
      '',
      ...list.map((p) => `${p.name} ${p.version} (${p.license})`),
      '',
      text.trim(),
    ]),
    '',
  ].join('\n');
}

/**
 * Bundles `standalone/<name>/main.ts` with everything it imports into one minified IIFE,
 * with the same aliases as the extension (no `new Function` from `setimmediate`).
 */
export async function buildStandaloneScript(name: string): Promise<StandaloneScript> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Not a standalone page: ${name}`);
  const result = (await build({
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: [{ find: /^setimmediate$/, replacement: resolve('lib/credentials/set-immediate.ts') }],
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [noFileUrls()],
    build: {
      write: false,
      minify: true,
      target: ['chrome137', 'firefox129', 'safari17'],
      lib: { entry: resolve(ROOT, name, 'main.ts'), formats: ['iife'], name: 'page' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const output = [result].flat()[0]!.output;
  const chunk = output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk')!;
  // The page travels on its own, so it carries the licences of the packages it holds.
  const roots = new Set(
    Object.keys(chunk.modules).map((id) => packageRoot(id.replace(/\?.*$/, ''))),
  );
  const packages = [...roots].filter((r): r is string => !!r).map(describePackage);
  const unique = [...new Map(packages.map((p) => [`${p.name}@${p.version}`, p])).values()];
  const notices = compactNotices(unique).replace(/\*\//g, '* /');
  // Inside <script>, "</script" or "<!--" in the code would end or bend the element.
  const script = `/*!\n${notices}*/\n${chunk.code}`
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
  if (/<\/script|<!--/i.test(script)) throw new Error(`${name}: the script cannot be inlined.`);
  const style = ['base.css', `${name}/page.css`]
    .map((file) => readFileSync(resolve(ROOT, file), 'utf8'))
    .join('\n');
  return { script, scriptHash: cspHash(script), style, styleHash: cspHash(style) };
}

/** The Vite plugin that answers `import('virtual:standalone/<name>')`. */
export function standaloneScripts(): Plugin {
  return {
    name: 'skilltrail-standalone-scripts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : undefined;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      this.addWatchFile(resolve(ROOT, name));
      this.addWatchFile(resolve(ROOT, 'base.css'));
      const built = await buildStandaloneScript(name);
      return `export default ${JSON.stringify(built)};`;
    },
  };
}
