/**
 * Gzip sizes of what the built extension loads (`.output/chrome-mv3`, built first when
 * missing; `--rebuild` builds it again). A page's cost is every script its HTML loads
 * (`<script src>` and `<link rel="modulepreload">`) and every chunk those import
 * statically; chunks reached only through `import()` load later and are listed apart.
 * The capture script is injected only when the learner captures, so it is reported
 * beside the budgets, not in them. Run: npx vite-node bench/bundle-size.bench.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILDS } from '../test/e2e/harness/extension';
import { buildExtension } from './browser';
import { requestPages } from './endorsement-request-page';
import { report, type Budget } from './report';

const KB = 1024;
const ROOT = BUILDS.production;

/** Files an HTML page loads by itself: module scripts and module preloads, as paths from the build root. */
function htmlScripts(htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const found: string[] = [];
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /\brel=["']?modulepreload/i.test(tag);
    if (!isScript && !isPreload) continue;
    const src = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (src && !/^[a-z]+:/i.test(src)) found.push(resolveFrom(relative(ROOT, htmlPath), src));
  }
  return found;
}

function resolveFrom(fromFile: string, specifier: string): string {
  if (specifier.startsWith('/')) return specifier.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile.split('\\').join('/')), specifier));
}

/** Relative imports of a built module: static (`import … from`, `export … from`, bare `import "…"`) and dynamic. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const rel = (s: string) => s.startsWith('.') || s.startsWith('/');
  const statics = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)]
    .map((m) => m[1]!)
    .filter(rel);
  const dynamics = [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)]
    .map((m) => m[1]!)
    .filter(rel);
  return {
    static: statics.map((s) => resolveFrom(file, s)),
    dynamic: dynamics.map((s) => resolveFrom(file, s)),
  };
}

/**
 * The files `entries` load: `eager` follows static imports only (what runs before the page's
 * first line), `all` follows `import()` too (what the page fetches as it is used).
 */
function closure(entries: string[]): { eager: string[]; all: string[] } {
  const walk = (withDynamic: boolean) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(join(ROOT, file))) return;
      seen.add(file);
      const { static: s, dynamic: d } = importsOf(file);
      s.forEach(visit);
      if (withDynamic) d.forEach(visit);
    };
    entries.forEach(visit);
    return [...seen];
  };
  return { eager: walk(false), all: walk(true) };
}

const gzipBytes = (file: string) => gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length;
const rawBytes = (file: string) => statSync(join(ROOT, file)).size;
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

interface Row extends Record<string, string | number> {
  bundle: string;
  files: number;
  'raw KB': number;
  'gzip KB': number;
  'gzip KB before import()': number;
  'budget KB': string;
}

/** A row of gzip sizes: every file it may load, and those loaded before any `import()`. */
function measure(bundle: string, files: { eager: string[]; all: string[] }, budget: number | null) {
  const sum = (list: string[], size: (f: string) => number) =>
    list.reduce((n, f) => n + size(f), 0);
  const row: Row = {
    bundle,
    files: files.all.length,
    'raw KB': kb(sum(files.all, rawBytes)),
    'gzip KB': kb(sum(files.all, gzipBytes)),
    'gzip KB before import()': kb(sum(files.eager, gzipBytes)),
    'budget KB': budget === null ? '—' : `≤ ${budget}`,
  };
  return { row, files: files.all };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'manifest.json')) || process.argv.includes('--rebuild')) {
    buildExtension('production');
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    action?: { default_popup?: string };
    content_scripts?: { js?: string[] }[];
  };
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  const loads: Record<string, string[]> = {};
  const add = (m: ReturnType<typeof measure>, budgetName?: string) => {
    rows.push(m.row);
    loads[m.row.bundle] = m.files;
    const limit = Number(m.row['budget KB'].replace('≤ ', ''));
    if (budgetName && Number.isFinite(limit)) {
      budgets.push({ name: budgetName, value: m.row['gzip KB'], unit: 'KB', limit });
    }
  };

  // A page counts everything it may load, `import()` included: the popup loads it all on open.
  const popupHtml = manifest.action?.default_popup ?? 'popup.html';
  for (const html of readdirSync(ROOT).filter((f) => f.endsWith('.html'))) {
    const name = html.replace(/\.html$/, '');
    const limit = html === popupHtml ? 60 : null;
    add(
      measure(`${name} page`, closure(htmlScripts(join(ROOT, html))), limit),
      `${name} scripts with shared chunks (gzip)`,
    );
  }

  const worker = manifest.background?.service_worker;
  if (worker)
    add(measure('background (service worker)', closure([worker]), 60), 'background (gzip)');

  // Declared content scripts, and any built for registering at run time (content-scripts/).
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const registered = existsSync(join(ROOT, 'content-scripts'))
    ? readdirSync(join(ROOT, 'content-scripts'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `content-scripts/${f}`)
    : [];
  for (const script of [...new Set([...declared, ...registered])]) {
    add(measure(`content script ${script}`, closure([script]), 5), `${script} (gzip)`);
  }
  if (declared.length + registered.length === 0) {
    add(measure('content scripts (none built)', { eager: [], all: [] }, 5));
  }

  // Injected only when the learner captures: reported, not budgeted.
  if (existsSync(join(ROOT, 'capture-page.js'))) {
    add(measure('capture-page.js (injected on capture only)', closure(['capture-page.js']), null));
  }

  // The endorsement request page: a file the learner sends, its script inline (the dashboard
  // holds it in a chunk of its own, loaded with import() on "Ask for an endorsement").
  const pages = await requestPages();
  const textRow = (bundle: string, text: string, budget: number | null, budgetName?: string) => {
    const bytes = Buffer.byteLength(text);
    const gzip = gzipSync(text, { level: 9 }).length;
    rows.push({
      bundle,
      files: 1,
      'raw KB': kb(bytes),
      'gzip KB': kb(gzip),
      'gzip KB before import()': kb(gzip),
      'budget KB': budget === null ? '—' : `≤ ${budget}`,
    });
    if (budgetName && budget !== null)
      budgets.push({ name: budgetName, value: kb(gzip), unit: 'KB', limit: budget });
    return { bytes, gzip };
  };
  const requestPage = {
    script: textRow('endorsement request page: its inline script', pages.script, null),
    typical: textRow(
      'endorsement request page, a typical skill (file)',
      pages.typical,
      90,
      'endorsement request page, typical (gzip)',
    ),
    largest: textRow(
      'endorsement request page, 50 sessions of evidence (file)',
      pages.largest,
      120,
      'endorsement request page, largest (gzip)',
    ),
  };

  const built = statSync(join(ROOT, 'manifest.json')).mtime.toISOString();
  report('bundle-size', {
    rows,
    budgets,
    extra: {
      build: relative(dirname(ROOT), ROOT),
      builtAt: built,
      gzipLevel: 9,
      loads,
      requestPageBytes: requestPage,
    },
  });
}

await main();
