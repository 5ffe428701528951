import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// Debian's Chromium, when present, is the browser `npm run dev` opens.
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep Preact out of the service worker and make what runs visible.
  imports: false,
  webExt: {
    binaries: {
      ...(existsSync(chromium) ? { chrome: chromium } : {}),
      ...(existsSync(firefox) ? { firefox } : {}),
    },
    chromiumArgs: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
  // The `e2e` build is the production build with host access already granted, the state a
  // learner reaches by allowing it in Settings: automation cannot answer the browser's
  // permission prompt, and opening the popup from a test grants no activeTab.
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
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
    commands: {
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandCapture__',
      },
    },
  }),
});
