import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { LRS_DATA_COLLECTION } from './lib/sync/sync-config';
import { standaloneScripts } from './tools/build/standalone-script';
import { thirdPartyNotices } from './tools/build/third-party-notices';

// Debian's Chromium, when present, is the browser `npm run dev` opens (through web-ext, which
// WXT runs the development browser with); Firefox ESR the one `npm run dev:firefox` opens.
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox identifies an add-on by this id: its storage, its signing and its updates. */
const FIREFOX_ADDON_ID = 'skilltrail@skilltrail.app';

// Firefox 140 (an ESR) is the first to honour `data_collection_permissions` at install; the
// rest of what the code needs is older: MV3 with event pages (109), `scripting` (102),
// `storage.session` (115), `optional_host_permissions` (128).
const FIREFOX_MIN_VERSION = '140.0';
// Ed25519 in WebCrypto, which signs the badges' Data Integrity proofs with a key that never
// leaves the browser, came in Chrome 137 (Firefox 129, below the 140 above).
const CHROME_MIN_VERSION = '137';

/** The project's home, shown by both stores and the browsers' extension pages. */
const { homepage } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
  homepage: string;
};

// The licences of every package the bundles hold, written beside the manifest.
const notices = thirdPartyNotices();

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Dexie's modern ES module build, not the CommonJS one its import wrapper loads: the same
  // Dexie, 1.7 KB smaller gzipped, and Dexie is half of the service worker's 60 KB budget
  // (bench/bundle-size.bench.ts). Every extension context imports it through this one file.
  vite: () => ({
    resolve: {
      alias: [
        { find: /^dexie$/, replacement: resolve('node_modules/dexie/dist/modern/dexie.mjs') },
        // rdf-canonize's `setimmediate` builds functions from strings (`new Function`).
        { find: /^setimmediate$/, replacement: resolve('lib/credentials/set-immediate.ts') },
      ],
    },
    // The endorsement request page's script, bundled on its own for the file a learner sends.
    plugins: [notices.plugin, standaloneScripts()],
  }),
  // MV3 for every browser. On Firefox (where WXT defaults to MV2) the background stays an
  // event page (`background.scripts`), and the code's `action` and `scripting` calls exist
  // only in MV3 there.
  manifestVersion: 3,
  // Explicit imports keep Preact out of the service worker and make what runs visible.
  imports: false,
  webExt: {
    binaries: {
      ...(existsSync(chromium) ? { chrome: chromium } : {}),
      ...(existsSync(firefox) ? { firefox } : {}),
    },
    chromiumArgs: [
      // Chromium refuses to start as root with its sandbox on (a container, a VM, a cloud
      // box): there it starts as the tests start theirs (test/e2e/harness/extension.ts).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
  // The sources addons.mozilla.org asks for: what `npm ci && npm run build:firefox` needs
  // to rebuild the add-on exactly, and the docs a reviewer reads. Tests, benchmarks (and
  // their results) and the store's screenshots stay in the repository.
  zip: {
    excludeSources: [
      'bench/**',
      'test/**',
      'docs/web-store/screenshots/**',
      'tools/web-store-screenshots.ts',
      'tools/promo-tile.html',
    ],
  },
  hooks: {
    'build:done': (wxt) => notices.writeInto(wxt.config.outDir),
    // Chromium: no popup in the manifest, so a click reaches the background, which starts
    // the capture at once and opens the popup beside it (entrypoints/background/capture.ts).
    // Firefox opens a popup only in direct answer to the click, so there it stays the
    // button's own and asks for the capture when it loads.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') delete manifest.action?.default_popup;
    },
  },
  // The `e2e` build is the production build with host access already granted, the state a
  // learner reaches by allowing it in Settings (automatic capture, reading evidence):
  // automation cannot answer the browser's permission prompt. A test's click on the
  // toolbar button grants activeTab as a person's does.
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: homepage,
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'tabs',
      'idle',
      'alarms',
      'webNavigation',
      'contextMenus',
      'notifications',
      'downloads',
    ],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(mode === 'e2e' ? { host_permissions: ['http://*/*', 'https://*/*'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    // MV3's default, plus images only from the package: nothing a record holds (a skill
    // colour, say) can make a page load a remote image, a tracking pixel.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data:",
    },
    // Never run in private windows, and do not offer the learner to allow it.
    incognito: 'not_allowed' as const,
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandCapture__',
      },
    },
    ...(browser !== 'firefox'
      ? // Ed25519 WebCrypto (Chrome 137) for the badges; `action.openPopup()`, which the
        // toolbar click opens the popup with, came to every extension in Chrome 127.
        { minimum_chrome_version: CHROME_MIN_VERSION }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              // Skilltrail sends nothing anywhere by itself. An LRS the learner connects
              // receives their browsing activity and search terms: asked for then
              // (`requestLrsPermission`), optional until.
              data_collection_permissions: {
                required: ['none' as const],
                optional: [...LRS_DATA_COLLECTION],
              },
            },
          },
        }
      : {}),
  }),
});
