import { browser } from 'wxt/browser';

/**
 * Opens the welcome page once, when Skilltrail is first installed (not on updates or
 * browser restarts). Call synchronously in the background's main().
 */
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
