import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { captureAndOpenPopup, captureTab, confirmOnBadge } from './capture';
import { registerMessageHandlers } from './messages';
import { registerPendingWrites } from './pending-writes';
import { registerRetention } from './retention';
import { registerWelcome } from './welcome';
import { registerReminder } from './reminder';
import { registerSync } from './sync';
import { registerTracking } from './tracking';

const CAPTURE_MENU_ID = 'capture-page';

// Listeners are registered synchronously in main(): Chrome only wakes a stopped worker
// for events whose listeners were added in its first turn.
export default defineBackground(() => {
  registerWelcome();
  registerRetention();
  registerPendingWrites();
  registerReminder();
  registerSync();
  registerTracking();
  registerMessageHandlers();

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_MENU_ID,
      title: browser.i18n.getMessage('commandCapture'),
      contexts: ['page', 'selection', 'link'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CAPTURE_MENU_ID || tab?.id === undefined) return;
    const tabId = tab.id;
    void captureTab(tabId).then((result) => confirmOnBadge(tabId, result));
  });

  // Fires only where the manifest names no popup: Chromium builds (see wxt.config.ts).
  browser.action.onClicked.addListener((tab) => void captureAndOpenPopup(tab));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'capture-page') return;
    void (async () => {
      const tabId =
        tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      await confirmOnBadge(tabId, await captureTab(tabId));
    })();
  });
});
