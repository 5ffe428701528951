import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { chromiumPath } from './chromium';
import { waitForTruthy } from './pages';

/**
 * The builds the tests drive; `npm run test:e2e` makes both first. `e2e` is the production
 * build with host access granted (see wxt.config.ts); `production` is exactly what ships.
 */
export const BUILDS = {
  production: resolve('.output/chrome-mv3'),
  e2e: resolve('.output/chrome-mv3-e2e'),
} as const;

export interface LaunchOptions {
  /** Which build to load; `e2e` unless a test needs the exact shipped permissions. */
  build?: keyof typeof BUILDS;
  /** An unpacked extension folder to load instead of `build` (benchmarks load a copy). */
  extensionPath?: string;
  /** Reuse a profile (to test a browser restart); a fresh one otherwise. */
  userDataDir?: string;
  /**
   * Keep the welcome page a fresh install opens, unanswered (otherwise the learner says yes
   * on it and it is closed, so tests start from their own tab).
   */
  keepWelcome?: boolean;
  /**
   * Say yes to recording on the welcome page of a fresh install, as a learner does (the
   * default); `false` closes it unanswered, so nothing is recorded automatically.
   */
  consent?: boolean;
  /** `MAP * 127.0.0.1:PORT`: make real search-engine hosts resolve to a local server. */
  hostResolverRules?: string;
  /**
   * The interface language (`es`, `pt-BR`). Chromium on Linux picks an extension's messages
   * from the environment's `LANGUAGE`, so the browser gets it there and as `--lang`.
   */
  locale?: string;
  /** Extra command-line switches. */
  args?: string[];
  /** Other unpacked extensions to load beside it (a benchmark's empty extension). */
  alsoLoad?: string[];
  /**
   * How long one call to the browser may wait for its answer (a `waitForFunction` is one
   * call). Puppeteer's 180 s unless given: tests keep it, so a hung call fails soon;
   * benchmarks wait minutes for one step on a loaded machine.
   */
  protocolTimeout?: number;
}

export interface ExtensionSession {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker, waking it if it was stopped. */
  worker: () => Promise<WebWorker>;
  /**
   * Stops the extension's service worker as Chromium does when it idles (CDP, through
   * `page`) and resolves once it has stopped; `woken` then resolves once it runs again.
   */
  stopWorker: (page: Page) => Promise<{ status: () => string; woken: () => Promise<void> }>;
  /** Clicks the toolbar button on `tab` (the active tab if none) and returns the popup it opens. */
  openPopup: (tab?: Page) => Promise<Page>;
  /** Opens an extension page such as `/dashboard.html#/week` in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** A new tab that can only reach loopback: every other request fails at once, as offline. */
  newTab: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Chromium's switches for every test browser (benchmarks launch one without the extension too). */
export function browserArgs(options: Pick<LaunchOptions, 'hostResolverRules' | 'args'> = {}) {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
    ...(options.args ?? []),
  ];
}

/**
 * Answers the welcome page the extension opens on install, if it opens within `timeoutMs`:
 * with `consent`, clicks its "Turn on" button as a learner does and waits until it says
 * recording is on; then closes it, since opened late it would take the front from the tab a
 * test clicks the toolbar button on.
 */
export async function answerWelcome(
  browser: Browser,
  extensionId: string,
  timeoutMs: number,
  consent: boolean,
): Promise<void> {
  const target = await browser
    .waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/welcome.html`, {
      timeout: timeoutMs,
    })
    .catch(() => null);
  const welcome = await target?.asPage();
  if (!welcome) return;
  if (consent) await agreeOnWelcome(welcome);
  await welcome.close();
}

/**
 * Says yes to recording on an open welcome page (in any language): its one button in the
 * section that starts recording. Resolves once the page says recording is on (at once if
 * it already did).
 */
export async function agreeOnWelcome(welcome: Page): Promise<void> {
  await welcome.bringToFront();
  await welcome.waitForSelector('#welcome-start');
  const yes = await welcome.$('section.consent button.primary');
  if (!yes) return;
  await yes.click();
  await waitForTruthy(welcome, () => !document.querySelector('section.consent'));
}

/** Launches Chromium with the built extension loaded. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'skilltrail-profile-'));
  const reused = existsSync(join(userDataDir, 'Default', 'Extension State'));
  const args = browserArgs(options);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: [
      options.extensionPath ?? BUILDS[options.build ?? 'e2e'],
      ...(options.alsoLoad ?? []),
    ],
    acceptInsecureCerts: true,
    userDataDir,
    protocolTimeout: options.protocolTimeout,
    args: options.locale ? [...args, `--lang=${options.locale}`] : args,
    env: options.locale
      ? { ...process.env, LANGUAGE: options.locale.replace('-', '_') }
      : process.env,
  });
  const workerTarget = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const extensionId = new URL(workerTarget.url()).host;
  // A fresh profile is a fresh install, and Skilltrail opens its welcome page: it would
  // become the active tab under the test's own. A profile of the test's own may be fresh
  // too (`profileDownloadingTo`); one an extension ran in before installs nothing.
  if (!options.keepWelcome && !reused) {
    await answerWelcome(browser, extensionId, 10_000, options.consent ?? true);
  }

  const worker = async (): Promise<WebWorker> => {
    const target = await browser.waitForTarget(
      (t) =>
        t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 20_000 },
    );
    const w = await target.worker();
    if (!w) throw new Error('The extension service worker did not start.');
    return w;
  };

  const newTab = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || options.hostResolverRules)
        void request.continue();
      else void request.abort('internetdisconnected');
    });
    return page;
  };

  /** The tab the toolbar button acts on: the active tab of the focused window. */
  const tabInFront = async (): Promise<Page> => {
    const w = await worker();
    const url = await w.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query: (q: object) => Promise<{ url?: string }[]> } };
      };
      return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url;
    });
    const candidates = (await browser.pages()).filter((p) => p.url() === url);
    for (const page of candidates) {
      const visible = await page.evaluate(() => document.visibilityState === 'visible');
      if (visible || candidates.length === 1) return page;
    }
    throw new Error(`No tab in front to click the toolbar button on (active: ${url}).`);
  };

  const stopWorker = async (page: Page) => {
    const cdp = await page.createCDPSession();
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) {
          statuses.push(v.runningStatus);
        }
      }
    });
    await cdp.send('ServiceWorker.enable');
    const status = () => statuses.at(-1) ?? 'unknown';
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** Whether `reached` holds within `ms`, looked at every 50 ms. */
    const within = async (reached: () => boolean, ms: number) => {
      for (const end = Date.now() + ms; !reached(); await sleep(50)) {
        if (Date.now() > end) return false;
      }
      return true;
    };
    const until = async (wanted: string, ms = 10_000) => {
      if (!(await within(() => status() === wanted, ms)))
        throw new Error(`The service worker is ${status()}, not ${wanted}.`);
    };
    // An event already on its way (the tab just loaded or came to the front) can start the
    // worker again right after it stops, sooner than a look at its status would see it
    // stopped: stop it again until it stays stopped for a moment.
    for (const end = Date.now() + 15_000; ;) {
      const sent = statuses.length;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await within(() => statuses.slice(sent).includes('stopped'), 2_000);
      await sleep(300);
      if (status() === 'stopped') break;
      if (Date.now() > end) throw new Error(`The service worker keeps starting (${status()}).`);
    }
    return {
      status,
      woken: async () => {
        await until('running');
        await cdp.detach();
      },
    };
  };

  return {
    browser,
    extensionId,
    userDataDir,
    worker,
    stopWorker,
    newTab,
    openPopup: async (tab?: Page) => {
      // The toolbar button, clicked the way a learner clicks it (activeTab and all): the
      // background captures and opens the popup beside it.
      const opened = browser.waitForTarget(
        // The popup's address may name the clicked tab after the page.
        (t) => t.url().startsWith(`chrome-extension://${extensionId}/popup.html`),
        { timeout: 10_000 },
      );
      const extension = (await browser.extensions()).get(extensionId);
      if (!extension) throw new Error(`Extension ${extensionId} is not loaded.`);
      await extension.triggerAction(tab ?? (await tabInFront()));
      return (await opened).asPage();
    },
    openExtensionPage: async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * A browser profile whose downloads land in `dir` without asking, as a learner's browser
 * set to "don't ask where to save" would.
 */
export function profileDownloadingTo(dir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'skilltrail-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: dir, prompt_for_download: false } }),
  );
  return profile;
}
