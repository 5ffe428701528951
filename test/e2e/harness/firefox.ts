import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './chromium';
import { agreeOnWelcome } from './extension';
import { waitForTruthy } from './pages';

/** The Firefox build the tests drive: exactly what ships (`npm run test:e2e` makes it). */
export const FIREFOX_BUILD = resolve('.output/firefox-mv3');

/** Preferences that save every download into `dir` without asking, as "Always save files to" does. */
export function downloadPrefs(dir: string): Record<string, string | number | boolean> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

export interface FirefoxLaunchOptions {
  /** Extra preferences, e.g. a short `extensions.background.idle.timeout`. */
  prefs?: Record<string, string | number | boolean>;
  /**
   * Real host names served by a local server instead, `{ 'duckduckgo.com': 8443 }`: the
   * Firefox counterpart of Chromium's `--host-resolver-rules`. HTTPS only (the local
   * server's self-signed certificate is accepted).
   */
  hosts?: Record<string, number>;
  /** Keep the welcome page a fresh install opens (closed otherwise, so tests start from their own tab). */
  keepWelcome?: boolean;
  /**
   * Say yes to recording on the welcome page first, as a learner does. Off by default: the
   * Firefox tests capture from the toolbar, which needs no yes, and the tracking test
   * answers the welcome page itself.
   */
  consent?: boolean;
}

/** The toolbar popup, as Firefox shows it: read through an extension page, typed into for real. */
export interface FirefoxPopup {
  /** Waits until an element matching `selector` is in the popup. */
  waitFor: (selector: string) => Promise<void>;
  /** Waits until the popup's text contains `text`. */
  waitForText: (text: string) => Promise<void>;
  /** `textContent` of every element matching `selector`. */
  texts: (selector: string) => Promise<string[]>;
  /** Waits until exactly `count` elements match `selector`. */
  waitForCount: (selector: string, count: number) => Promise<void>;
  /** The `value` of a form field. */
  value: (selector: string) => Promise<string>;
  /**
   * Focuses `selector` and types `text` with real key events; `then` presses one more key
   * (optionally holding Control) in the same burst, with no pause, as a quick typist does.
   */
  type: (
    selector: string,
    text: string,
    then?: { then: string; control?: boolean },
  ) => Promise<void>;
  /** Clicks `selector` (mouse down, up and click) at once, with no pause before it. */
  click: (selector: string) => Promise<void>;
  /** Presses a key (`Enter`, `Escape` …) with real key events, optionally holding Control. */
  press: (key: string, options?: { control?: boolean }) => Promise<void>;
  close: () => Promise<void>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id from the built manifest. */
  addonId: string;
  /** `moz-extension://<uuid>`, fixed for the run through `extensions.webextensions.uuids`. */
  origin: string;
  /** A new tab in the front window, for web pages. */
  newTab: () => Promise<Page>;
  /** Opens an extension page such as `/dashboard.html#/week` in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Navigates to a browser page (`about:robots`), which `page.goto` cannot wait for. */
  gotoPrivileged: (page: Page, url: string) => Promise<void>;
  /**
   * Clicks Skilltrail's toolbar button in the front window: Firefox grants activeTab for
   * the selected tab and opens the real popup, attached to that window.
   */
  clickToolbarButton: () => Promise<FirefoxPopup>;
  /** Presses a keyboard shortcut (`Alt+Shift+S`) with the browser window focused. */
  pressShortcut: (shortcut: string) => Promise<void>;
  /** Right-clicks `selector` in `page` and chooses Skilltrail's item in the context menu. */
  chooseContextMenuItem: (page: Page, selector: string, label: string) => Promise<void>;
  /**
   * Tells Firefox's idle service the person touched the mouse or keyboard, as the
   * operating system does. BiDi's synthetic input does not, so without this Firefox
   * reports `idle` 15 s into any test.
   */
  userActivity: () => Promise<void>;
  /**
   * From now on answers Skilltrail's permission prompts (`permissions.request`) as a person
   * clicking Allow (`true`) or Don't allow would, and keeps what each prompt asked for.
   */
  answerPermissionPrompts: (allow: boolean) => Promise<void>;
  /** What the permission prompts answered so far asked for, oldest first. */
  permissionPrompts: () => Promise<PermissionPrompt[]>;
  /** Every tab's address and title, from the browser window (BiDi misses some tabs). */
  tabs: () => Promise<{ url: string; title: string }[]>;
  /** `running`, `suspending`, `stopped` …: the state of the background event page. */
  backgroundState: () => Promise<string>;
  close: () => Promise<void>;
}

/** What one permission prompt asked for. */
export interface PermissionPrompt {
  permissions: string[];
  origins: string[];
  data_collection?: string[];
}

interface BidiConnection {
  send: (method: string, params: object) => Promise<{ result: unknown }>;
}

/** Firefox's widget id for an add-on id (its toolbar button and menu item ids start with it). */
function widgetId(addonId: string): string {
  return addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
}

/** Key names as `KeyboardEvent.key` / `.code` for the keys tests press. */
function keyInit(key: string): { key: string; code?: string; keyCode?: number } {
  if (key === 'Enter') return { key, code: 'Enter', keyCode: 13 };
  if (key === 'Escape') return { key, code: 'Escape', keyCode: 27 };
  if (key === 'Backspace') return { key, code: 'Backspace', keyCode: 8 };
  if (key === 'Control' || key === 'Alt' || key === 'Shift') return { key, code: `${key}Left` };
  if (/^[A-Za-z]$/.test(key)) {
    return { key, code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) };
  }
  return { key };
}

/**
 * A forward proxy for the hosts a test maps: `CONNECT host:443` is piped to the local
 * server that plays that host; everything else is refused, so the browser stays offline.
 */
async function startMappingProxy(
  hosts: Record<string, number>,
): Promise<{ port: number; close: () => Promise<void> }> {
  // Every socket, tunnels included: the browser may leave some open, and they would keep
  // the server from closing.
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain' }).end('offline in tests');
  });
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    const [host] = (req.url ?? '').split(':');
    const port = host ? hosts[host] : undefined;
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = netConnect(port, '127.0.0.1', () => {
      // eslint-disable-next-line no-restricted-syntax -- a socket, not a document
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      // eslint-disable-next-line no-restricted-syntax -- a socket, not a document
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => done());
      }),
  };
}

/**
 * Launches Firefox ESR (WebDriver BiDi, headless) with the built add-on installed.
 *
 * Firefox starts with `-remote-allow-system-access`: without it BiDi refuses to navigate a
 * tab to `moz-extension://`.
 */
export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxSession> {
  const manifest = JSON.parse(readFileSync(resolve(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const proxy = await startMappingProxy(options.hosts ?? {});

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // Every request but loopback goes to the proxy above: mapped hosts or a refusal.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disableIPv6': true,
      ...options.prefs,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);

  // Puppeteer's own BiDi connection and context ids: public in its implementation, not in
  // its types. Commands it does not wrap (navigate without events, raw calls) go here.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const contextOf = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;
  // Firefox sends no load events over BiDi for extension and `about:` pages, which
  // `page.goto` waits for; BiDi's own navigate command does wait for them.
  const gotoPrivileged = async (page: Page, url: string): Promise<void> => {
    await connection.send('browsingContext.navigate', {
      context: contextOf(page),
      url,
      wait: 'complete',
    });
  };

  // The toolbar button, the shortcut and the context menu live in the browser window. BiDi
  // reaches it directly only in Firefoxes newer than ESR 140 (`moz:scope: "chrome"`); a page
  // of the browser's own, such as `about:config`, runs in the parent process with the
  // browser's privileges, so scripts reach the window from a tab kept open behind the others.
  const privileged = await browser.newPage();
  await gotoPrivileged(privileged, 'about:config');
  if (!(await privileged.evaluate(() => 'Services' in globalThis))) {
    throw new Error(
      `${await browser.version()} runs no test script with the browser's privileges (in about:config), which the toolbar button, the shortcut and the context menu need; these tests need Firefox ESR 140 or later: apt-get install firefox-esr, or FIREFOX_PATH.`,
    );
  }

  /**
   * Runs `body` (the text of an async function body) in the front browser window, with
   * `win`, `extension` and `args` in scope. It returns a string.
   */
  const inBrowserWindow = async (body: string, ...args: string[]): Promise<string> => {
    const declaration = `async function (...args) {
      const win = Services.wm.getMostRecentBrowserWindow();
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
      ${body}
    }`;
    const response = await connection.send('script.callFunction', {
      functionDeclaration: declaration,
      arguments: args.map((value) => ({ type: 'string', value })),
      target: { context: contextOf(privileged) },
      awaitPromise: true,
    });
    const result = response.result as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text: string };
    };
    if (result.type !== 'success') throw new Error(result.exceptionDetails?.text);
    return String(result.result?.value ?? '');
  };

  /** Presses keys through the window's text input processor: trusted, as from a keyboard. */
  const pressKeys = (keys: string[], held: string[], target: 'popup' | 'window') =>
    inBrowserWindow(
      `const [keys, held, target] = args.map((a) => JSON.parse(a));
      if (target === 'popup') {
        const popup = win.document.querySelector('browser[webextension-view-type="popup"]');
        if (!popup) throw new Error('The popup is not open.');
        popup.focus();
      } else {
        Services.focus.clearFocus(win);
      }
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(win)) throw new Error('No keyboard for this window.');
      const ev = (init) => new win.KeyboardEvent('', init);
      for (const k of held) tip.keydown(ev(k));
      for (const k of keys) { tip.keydown(ev(k)); tip.keyup(ev(k)); }
      for (const k of [...held].reverse()) tip.keyup(ev(k));
      return 'ok';`,
      JSON.stringify(keys.map(keyInit)),
      JSON.stringify(held.map(keyInit)),
      JSON.stringify(target),
    );

  /** Whether the window still has Skilltrail's popup panel (it outlives the page briefly). */
  const popupShown = async (): Promise<boolean> =>
    (await inBrowserWindow(
      `const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
      return String(Boolean(ViewPopup.for(extension, win)));`,
    )) === 'true';

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await gotoPrivileged(page, `${origin}${path}`);
    await waitForTruthy(
      page,
      (o) => location.origin === o && document.readyState === 'complete',
      { timeout: 10_000 },
      origin,
    );
    return page;
  };

  // The popup is not a tab, so BiDi cannot reach it; an extension page in a background
  // tab can (same extension, same process), through `extension.getViews`.
  // A fresh profile is a fresh install, and Skilltrail opens its welcome page.
  if (!options.keepWelcome) {
    await inBrowserWindow(
      `const url = args[0];
      for (let i = 0; i < 100; i++) {
        const tab = win.gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
        if (tab) { win.gBrowser.removeTab(tab); return 'closed'; }
        await new Promise((r) => win.setTimeout(r, 100));
      }
      return 'none';`,
      `${origin}/welcome.html`,
    );
  }

  if (options.consent) {
    const welcome = await openExtensionPage('/welcome.html');
    await agreeOnWelcome(welcome);
    await welcome.close();
  }

  // It opens first, so the tabs that tests open later come in front of it.
  const driver = await openExtensionPage('/dashboard.html');
  const popupDriver = async (): Promise<Page> => driver;
  type PopupFn<A, R> = (doc: Document, arg: A) => R;
  // The function runs in the driver page: BiDi evaluates it there (an extension page's CSP
  // forbids building functions from strings inside the page).
  const popupDocument = `(() => {
    const [view] = browser.extension.getViews({ type: 'popup' });
    if (!view) throw new Error('The popup is not open.');
    return view.document;
  })()`;
  const inPopup = async <A, R>(fn: PopupFn<A, R>, arg: A): Promise<R> =>
    (await popupDriver()).evaluate(
      `(${fn.toString()})(${popupDocument}, ${JSON.stringify(arg)})`,
    ) as Promise<R>;
  const popupOpen = async (): Promise<boolean> =>
    (await popupDriver()).evaluate(
      `browser.extension.getViews({ type: 'popup' }).some((v) => v.document.readyState === 'complete')`,
    ) as Promise<boolean>;
  // A popup's view can outlive its panel for a moment; until it is gone, a new popup's
  // document would be confused with the old one.
  const popupClosed = async (): Promise<boolean> =>
    !(await popupShown()) &&
    ((await (
      await popupDriver()
    ).evaluate(`browser.extension.getViews({ type: 'popup' }).length === 0`)) as boolean);
  const waitUntil = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const waitInPopup = <A>(fn: PopupFn<A, boolean>, arg: A, what: string) =>
    waitUntil(() => inPopup(fn, arg), `${what} in the popup`);

  const popup: FirefoxPopup = {
    waitFor: (selector) =>
      waitInPopup((doc, s) => doc.querySelector(s) !== null, selector, selector),
    waitForText: (text) =>
      waitInPopup((doc, t) => doc.body.textContent?.includes(t) ?? false, text, `"${text}"`),
    texts: (selector) =>
      inPopup(
        (doc, s) => Array.from(doc.querySelectorAll(s), (e) => e.textContent ?? ''),
        selector,
      ),
    value: (selector) =>
      inPopup((doc, s) => (doc.querySelector(s) as HTMLInputElement | null)?.value ?? '', selector),
    type: async (selector, text, then) => {
      await inPopup((doc, s) => (doc.querySelector(s) as HTMLElement).focus(), selector);
      await pressKeys(Array.from(text), [], 'popup');
      if (then) await pressKeys([then.then], then.control ? ['Control'] : [], 'popup');
    },
    click: (selector) =>
      inPopup((doc, s) => {
        const target = doc.querySelector(s) as HTMLElement;
        const view = doc.defaultView!;
        for (const type of ['mousedown', 'mouseup'])
          target.dispatchEvent(new view.MouseEvent(type, { bubbles: true, cancelable: true }));
        target.click();
      }, selector),
    press: async (key, pressOptions = {}) => {
      await pressKeys([key], pressOptions.control ? ['Control'] : [], 'popup');
    },
    waitForCount: (selector, count) =>
      waitInPopup(
        (doc, [s, n]) => doc.querySelectorAll(s).length === n,
        [selector, count] as const,
        `${count} × ${selector}`,
      ),
    close: async () => {
      await inPopup((doc) => doc.defaultView?.close(), null);
      await waitUntil(popupClosed, 'the popup to close');
    },
  };

  return {
    browser,
    addonId,
    origin,
    newTab: () => browser.newPage(),
    openExtensionPage,
    gotoPrivileged,
    clickToolbarButton: async () => {
      // A click while the popup is showing would close it instead.
      await waitUntil(popupClosed, 'the previous popup to close');
      // What a click on the button runs (ext-browserAction.js: "with the same effects as
      // if it were clicked by a user"), without hunting for the button in the panel.
      await inBrowserWindow(
        `ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(win);
        return 'ok';`,
      );
      await waitUntil(popupOpen, 'the popup to open');
      return popup;
    },
    pressShortcut: async (shortcut) => {
      const parts = shortcut.split('+');
      const key = parts.pop() ?? '';
      await pressKeys([key], parts, 'window');
    },
    chooseContextMenuItem: async (page, selector, label) => {
      const element = await page.waitForSelector(selector);
      const box = await element?.boundingBox();
      if (!box) throw new Error(`${selector} is not visible.`);
      await page.mouse.click(box.x + 2, box.y + 2, { button: 'right' });
      await inBrowserWindow(
        `const [prefix, label] = args;
        const menu = win.document.getElementById('contentAreaContextMenu');
        for (let i = 0; i < 50 && menu.state !== 'open'; i++) await new Promise((r) => win.setTimeout(r, 100));
        const item = [...menu.querySelectorAll('menuitem')].find((m) => m.id.startsWith(prefix) && m.label === label);
        if (!item) { menu.hidePopup(); throw new Error('No menu item ' + label); }
        menu.activateItem(item);
        return 'ok';`,
        `${widgetId(addonId)}-menuitem-`,
        label,
      );
    },
    userActivity: async () => {
      await inBrowserWindow(
        `Cc['@mozilla.org/widget/useridleservice;1'].getService(Ci.nsIUserIdleServiceInternal).resetIdleTimeOut(0);
        return 'ok';`,
      );
    },
    answerPermissionPrompts: async (allow) => {
      // The prompt is a notification the browser's own doorhanger also answers; whichever
      // resolves first decides, and this one answers at once.
      await inBrowserWindow(
        `const state = (win.skilltrailPrompts ??= { allow: true, asked: [] });
        state.allow = args[0] === 'true';
        if (!state.observer) {
          state.observer = {
            observe(subject) {
              const prompt = subject.wrappedJSObject;
              if (prompt.id !== extension.id) return;
              state.asked.push(JSON.stringify(prompt.permissions));
              prompt.resolve(state.allow);
            },
          };
          Services.obs.addObserver(state.observer, 'webextension-optional-permission-prompt');
        }
        return 'ok';`,
        String(allow),
      );
    },
    permissionPrompts: async () =>
      (
        JSON.parse(
          await inBrowserWindow(`return JSON.stringify(win.skilltrailPrompts?.asked ?? []);`),
        ) as string[]
      ).map((asked) => JSON.parse(asked) as PermissionPrompt),
    tabs: async () =>
      JSON.parse(
        await inBrowserWindow(
          `return JSON.stringify(win.gBrowser.tabs.map((t) => ({
            url: t.linkedBrowser.currentURI.spec,
            title: t.linkedBrowser.contentTitle,
          })));`,
        ),
      ) as { url: string; title: string }[],
    backgroundState: () => inBrowserWindow(`return String(extension.backgroundState);`),
    close: async () => {
      // A Firefox that hangs while quitting is killed: the tests are over by then.
      const firefox = browser.process();
      const closed = browser.close().catch(() => undefined);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 15_000))]);
      if (firefox && firefox.exitCode === null && firefox.signalCode === null) {
        firefox.kill('SIGKILL');
      }
      await proxy.close();
    },
  };
}
