/**
 * What the browser benchmarks share: the builds they load, a Chromium without the
 * extension for side-by-side runs, the page corpus on loopback, lib code bundled for an
 * extension page, and the memory of a browser's processes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build as viteBuild, type Plugin } from 'vite';
import { chromiumPath } from '../test/e2e/harness/chromium';
import type { CorpusPage } from '../test/e2e/harness/corpus';
import {
  answerWelcome,
  BUILDS,
  browserArgs,
  type ExtensionSession,
  launchWithExtension,
} from '../test/e2e/harness/extension';
import { startServer, type TestServer } from '../test/e2e/harness/server';

export type BuildName = keyof typeof BUILDS;

/**
 * How long one call to a benchmark's browser may wait: longer than any step a benchmark
 * waits for in one call (the restore of ten heavy years, up to 20 minutes). Puppeteer's
 * 180 s cut that restore short on a machine at a load of 20 and more.
 */
export const PROTOCOL_TIMEOUT_MS = 30 * 60_000;

/**
 * Every host but loopback fails to resolve, at once and in both browsers alike: a page's
 * third-party requests are aborted as offline, without pausing each request in Node.
 */
export const LOOPBACK_ONLY = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

/** Builds one of the extension's builds (`npx wxt build`, with `--mode e2e` for `e2e`). */
export function buildExtension(build: BuildName): void {
  const args = ['wxt', 'build', ...(build === 'e2e' ? ['--mode', 'e2e'] : [])];
  console.log(`Building: npx ${args.join(' ')}`);
  // vite-node runs each benchmark with NODE_ENV=development, which the Vite build inside
  // `wxt build` would inherit and follow: the bundles measured would be the development ones.
  const env = { ...process.env, NODE_ENV: 'production' };
  const run = spawnSync('npx', args, { stdio: 'inherit', env });
  if (run.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}

const rebuilt = new Set<BuildName>();

/**
 * A private copy of a build (made first when missing, or once per run with `--rebuild`),
 * so that a rebuild while a benchmark runs cannot swap files under the loaded extension.
 * Copied into `into` when given: an unpacked extension's id follows its folder, so a
 * profile reused with the same folder keeps its database.
 */
export function snapshotBuild(build: BuildName, into?: string): string {
  // `SKILLTRAIL_BUILD_DIR`: another built folder to load instead (two builds compared).
  const source = process.env.SKILLTRAIL_BUILD_DIR ?? BUILDS[build];
  const missing = !existsSync(join(source, 'manifest.json'));
  if (missing || (process.argv.includes('--rebuild') && !rebuilt.has(build))) {
    if (process.env.SKILLTRAIL_BUILD_DIR) throw new Error(`No extension in ${source}.`);
    buildExtension(build);
    rebuilt.add(build);
  }
  const copy = into ?? mkdtempSync(join(tmpdir(), `skilltrail-bench-${build}-`));
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true });
  return copy;
}

/** The id Chromium gives an unpacked extension: from the SHA-256 of its folder's path. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Pins the extension's button to the toolbar in the profile's preferences, as a learner
 * who uses it has it. Unpinned, Chromium first slides the button out of the extensions
 * menu (about 260 ms here) before any popup opens — for every extension, an empty one too.
 */
function pinExtension(userDataDir: string, extensionPath: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  mkdirSync(dirname(file), { recursive: true });
  const prefs = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { extensions?: { pinned_extensions?: string[] } })
    : {};
  const id = unpackedExtensionId(extensionPath);
  const pinned = prefs.extensions?.pinned_extensions ?? [];
  if (pinned.includes(id)) return;
  prefs.extensions = { ...prefs.extensions, pinned_extensions: [...pinned, id] };
  writeFileSync(file, JSON.stringify(prefs));
}

/**
 * An extension with nothing in it but a popup (`popup.html`) and a page (`page.html`),
 * each a heading, a text field and a script after them that notes when it ran
 * (`globalThis.__emptyReady`, milliseconds from navigation start, the field in the DOM): the floor of opening
 * an extension's popup or page in this browser, on this machine.
 */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skilltrail-bench-empty-'));
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Empty</title></head>
<body><h1>Empty</h1><input aria-label="Skill"><script src="ready.js"></script></body></html>`;
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty',
      version: '1.0',
      action: { default_popup: 'popup.html' },
    }),
  );
  writeFileSync(join(dir, 'popup.html'), html);
  writeFileSync(join(dir, 'page.html'), html);
  writeFileSync(join(dir, 'ready.js'), 'globalThis.__emptyReady = performance.now();\n');
  return dir;
}

export interface BenchLaunchOptions {
  args?: string[];
  /** Load `emptyExtension()` beside the build, pinned too: `emptyId` is its id. */
  withEmpty?: boolean;
  /** Where to copy the build (a stable id across launches); a fresh folder otherwise. */
  extensionDir?: string;
  /** A profile to use and keep; a fresh one, removed on close, otherwise. */
  userDataDir?: string;
}

/** Chromium with a copy of `build` loaded; other hosts than loopback do not resolve. */
export async function launchBench(
  build: BuildName,
  options: BenchLaunchOptions = {},
): Promise<ExtensionSession & { emptyId?: string }> {
  const extensionPath = snapshotBuild(build, options.extensionDir);
  const userDataDir =
    options.userDataDir ?? mkdtempSync(join(tmpdir(), 'skilltrail-bench-profile-'));
  pinExtension(userDataDir, extensionPath);
  const empty = options.withEmpty ? emptyExtension() : undefined;
  if (empty) pinExtension(userDataDir, empty);
  const session = await launchWithExtension({
    extensionPath,
    userDataDir,
    hostResolverRules: LOOPBACK_ONLY,
    args: options.args,
    alsoLoad: empty ? [empty] : [],
    protocolTimeout: PROTOCOL_TIMEOUT_MS,
  });
  // On a fresh profile, or a reused one whose worker registers anew (scale.bench.ts).
  await answerWelcome(session.browser, session.extensionId, 3000, true);
  return {
    ...session,
    emptyId: empty ? unpackedExtensionId(empty) : undefined,
    close: async () => {
      await session.close();
      if (empty) rmSync(empty, { recursive: true, force: true });
      if (!options.extensionDir) rmSync(extensionPath, { recursive: true, force: true });
      if (!options.userDataDir) removeProfile(userDataDir);
    },
  };
}

/** Removes a closed browser's profile; one still being written as it closes is tried again. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not remove ${dir}: ${String(error)}`);
  }
}

/**
 * The same Chromium with the same switches and extensions enabled, but none loaded: the
 * baseline of a side-by-side run.
 */
export async function launchPlain(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'skilltrail-bench-plain-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    userDataDir,
    protocolTimeout: PROTOCOL_TIMEOUT_MS,
    args: browserArgs({ hostResolverRules: LOOPBACK_ONLY }),
  });
  browser.once('disconnected', () => removeProfile(userDataDir));
  return browser;
}

/** Serves each corpus page at `/<name>/` on loopback. */
export function serveCorpus(corpus: readonly CorpusPage[]): Promise<TestServer> {
  const pages = new Map(corpus.map((p) => [`/${p.name}/`, p.html]));
  return startServer([
    (_req, res, url) => {
      const html = pages.get(url.pathname);
      if (!html) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return true;
    },
  ]);
}

/**
 * Bundles `code` (an ES module that may import project files by absolute path) into one
 * classic script that sets `globalThis[globalName]` to its exports: benchmark code that
 * runs inside an extension page through `page.evaluate`, against the extension's own
 * IndexedDB, without a benchmark page in the shipped build.
 */
export async function bundleForPage(code: string, globalName: string): Promise<string> {
  const id = '\0bench-entry.ts';
  const entry: Plugin = {
    name: 'bench-entry',
    enforce: 'pre',
    // Library mode may hand the entry over as a path under the root.
    resolveId: (source) => (source.endsWith('bench-entry') ? id : null),
    load: (source) => (source === id ? code : null),
  };
  const out = await viteBuild({
    configFile: false,
    logLevel: 'warn',
    plugins: [entry],
    define: { 'import.meta.env.FIREFOX': 'false' },
    build: {
      write: false,
      minify: false,
      lib: { entry: 'bench-entry', formats: ['iife'], name: globalName, fileName: 'bench' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Bundling benchmark code for the page gave no script.');
}

/** Proportional set size (shared pages split between processes) of a process and its descendants. */
export function processTreeMemory(rootPid: number): { pssMiB: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces; fields after its closing parenthesis are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let kib = 0;
  let processes = 0;
  const visit = (pid: number) => {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      processes++;
    } catch {
      // Gone, or not ours to read.
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(rootPid);
  return { pssMiB: Math.round(kib / 1024), processes };
}

/**
 * Samples the memory of a browser's processes every `everyMs` until stopped. `phase()`
 * answers the peak since the previous `phase()` (or the start); `stop()` the peak overall.
 */
export function sampleBrowserMemory(browser: Browser, everyMs = 250) {
  const pid = browser.process()?.pid;
  let peak = 0;
  let phasePeak = 0;
  const sample = () => {
    if (pid === undefined) return 0;
    const now = processTreeMemory(pid).pssMiB;
    peak = Math.max(peak, now);
    phasePeak = Math.max(phasePeak, now);
    return now;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    phase: () => {
      sample();
      const seen = phasePeak;
      phasePeak = sample();
      return seen;
    },
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
/**
 * Runs `source` at the start of every document of every page the browser opens from now
 * on, popups included: a popup is often done before automation could attach to it. Each
 * new page waits, as automation already makes it wait, until the script is registered.
 */
export async function onEveryNewDocument(browser: Browser, source: string): Promise<void> {
  const cdp = await browser.target().createCDPSession();
  cdp.on('Target.attachedToTarget', (event: { sessionId: string }) => {
    const session = cdp.connection()?.session(event.sessionId);
    if (!session) return;
    void session
      .send('Page.enable')
      .then(() => session.send('Page.addScriptToEvaluateOnNewDocument', { source }))
      // Workers have no Page domain: they only need to go on.
      .catch(() => {})
      .finally(() => void session.send('Runtime.runIfWaitingForDebugger').catch(() => {}));
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
}

/** What a benchmark keeps on the worker's `globalThis` to time toolbar clicks. */
export type ClickClock = typeof globalThis & { __benchClicks?: boolean; __benchClickAt?: number };

/**
 * Clicks Skilltrail's toolbar button on `tab` as a person does (CDP
 * `Extensions.triggerAction`, which grants activeTab) and returns the popup it opens,
 * having the worker note on its `globalThis.__benchClickAt` (epoch milliseconds) when the
 * click reaches it: a listener of the benchmark's own, run after Skilltrail's in the same
 * dispatch.
 */
export async function clickToolbarButton(ext: ExtensionSession, tab: Page): Promise<Page> {
  const worker = await ext.worker();
  await worker.evaluate(() => {
    const g = globalThis as ClickClock;
    const chrome = (
      globalThis as unknown as {
        chrome: { action: { onClicked: { addListener: (f: () => void) => void } } };
      }
    ).chrome;
    if (!g.__benchClicks) {
      chrome.action.onClicked.addListener(
        () => (g.__benchClickAt = performance.timeOrigin + performance.now()),
      );
      g.__benchClicks = true;
    }
    g.__benchClickAt = undefined;
  });
  return ext.openPopup(tab);
}
