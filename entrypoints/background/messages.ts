import { browser, type Browser } from 'wxt/browser';
import { readRequest, type Request, type RequestType, type Response } from '../../lib/messages';
import { captureForPopup } from './capture';
import { deleteSessionsEverywhere, eraseAllRecords, forgetSiteEverywhere } from './pending-writes';
import { trackEngagement } from './tracking';

type Reply<T extends RequestType> = Response<T> | Promise<Response<T>>;

/**
 * Who may send a request, and what the handler learns of the sender. Extension pages (the
 * popup, the dashboard, in a tab or not) capture and delete; the content script speaks
 * only for the tab whose top frame it runs in.
 */
type Handler<T extends RequestType> =
  | { from: 'extension-page'; handle(request: Request<T>): Reply<T> }
  | { from: 'content-script'; handle(request: Request<T>, tabId: number): Reply<T> };

/** One handler for every request of the table, returning that request's reply. */
export type MessageHandlers = { [K in RequestType]: Handler<K> };

export const messageHandlers = {
  'capture-tab': { from: 'extension-page', handle: ({ tabId }) => captureForPopup(tabId) },
  engagement: {
    from: 'content-script',
    handle: ({ type: _, ...evidence }, tabId) => trackEngagement(tabId, evidence),
  },
  'delete-sessions': {
    from: 'extension-page',
    handle: async ({ sessionIds }) => {
      await deleteSessionsEverywhere(sessionIds);
    },
  },
  'forget-site': {
    from: 'extension-page',
    handle: ({ site, eraseRecords }) => forgetSiteEverywhere(site, eraseRecords),
  },
  'erase-everything': { from: 'extension-page', handle: () => eraseAllRecords() },
} satisfies MessageHandlers;

/** A page of this extension (its URL is under the extension's own origin). */
function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/** The tab a content script speaks for: its top frame only, never an extension page. */
function contentScriptTab(sender: Browser.runtime.MessageSender): number | undefined {
  if (isExtensionPage(sender) || (sender.frameId ?? 0) !== 0) return undefined;
  return sender.tab?.id;
}

/**
 * The one listener for requests: reads the message as a request of the table, checks the
 * sender once (this extension, and the kind of sender the handler allows), and returns the
 * handler's reply. Anything else gets no answer. Call synchronously in the background's
 * main(), so Chrome wakes the worker for messages.
 */
export function registerMessageHandlers(handlers: MessageHandlers = messageHandlers): void {
  // The polyfill answers with the promise the listener returns (its documented form).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = readRequest(message);
    if (!request || sender.id !== browser.runtime.id) return undefined;
    // The table pairs each type with its handler; TypeScript cannot follow the pair.
    const handler = handlers[request.type] as Handler<RequestType>;
    if (handler.from === 'extension-page') {
      return isExtensionPage(sender) ? Promise.resolve(handler.handle(request)) : undefined;
    }
    const tabId = contentScriptTab(sender);
    return tabId === undefined ? undefined : Promise.resolve(handler.handle(request, tabId));
  });
}
