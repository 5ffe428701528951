import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isRequest } from '../../lib/messages';
import { captureAndOpenPopup, captureForPopup, captureTab, confirmOnBadge } from './capture';
import { eraseAllRecords, forgetWaitingSessions, registerPendingWrites } from './retry-writes';
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

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own pages may ask for captures; content scripts have a tab, pages do not.
    if (!isRequest(message) || sender.id !== browser.runtime.id) return undefined;
    if (message.type === 'capture-tab' && !sender.tab) return captureForPopup(message.tabId);
    // Deleting is for the extension's own pages only, never a content script.
    if (message.type === 'erase-everything' && !sender.tab) return eraseAllRecords();
    if (message.type === 'forget-waiting' && !sender.tab) {
      const sessionIds = Array.isArray(message.sessionIds)
        ? message.sessionIds.filter((id): id is string => typeof id === 'string')
        : undefined;
      const site = typeof message.site === 'string' ? message.site : undefined;
      return forgetWaitingSessions({ sessionIds, site });
    }
    return undefined;
  });
});
