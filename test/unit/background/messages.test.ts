import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  messageHandlers,
  registerMessageHandlers,
  type MessageHandlers,
} from '../../../entrypoints/background/messages';
import type { CaptureResult } from '../../../lib/messages';
import type { Capture, Session } from '../../../lib/model';

const OWN = fakeBrowser.runtime.id;
const page = (path: string, extra: Partial<Browser.runtime.MessageSender> = {}) => ({
  id: OWN,
  url: fakeBrowser.runtime.getURL(path),
  ...extra,
});
const tab = { id: 7 } as Browser.tabs.Tab;
const contentScript = (frameId = 0) => ({ id: OWN, url: 'https://a.org/', tab, frameId });

/** What the handler replies is passed on as it is: only its identity matters here. */
const CAPTURED: CaptureResult = {
  ok: true,
  session: { id: 's' } as Session,
  capture: { id: 'c' } as Capture,
  skills: [],
};
type Spy<R = void> = Mock<(...args: unknown[]) => R>;
let handlers: { capture: Spy<Promise<CaptureResult>>; engagement: Spy; forget: Spy; erase: Spy };

beforeEach(() => {
  handlers = {
    capture: vi.fn(async () => CAPTURED),
    engagement: vi.fn(),
    forget: vi.fn(),
    erase: vi.fn(),
  };
  registerMessageHandlers({
    'capture-tab': {
      from: 'extension-page',
      handle: async (r) => (await handlers.capture(r)) as CaptureResult,
    },
    engagement: {
      from: 'content-script',
      handle: (r, tabId) => void handlers.engagement(r, tabId),
    },
    'delete-sessions': {
      from: 'extension-page',
      handle: async (r) => void (await handlers.forget(r)),
    },
    'forget-site': {
      from: 'extension-page',
      handle: async (r) => void (await handlers.forget(r)),
    },
    'erase-everything': {
      from: 'extension-page',
      handle: async (r) => void (await handlers.erase(r)),
    },
  });
});

/** The Chrome-typed fake takes a sendResponse too; the polyfill's listeners reply by returning. */
const noReply = () => undefined;
const send = async (message: unknown, sender: object) =>
  (await fakeBrowser.runtime.onMessage.trigger(message, sender as never, noReply))[0];

describe('the background’s message listener', () => {
  it('answers the popup’s capture with the handler’s reply', async () => {
    expect(await send({ type: 'capture-tab', tabId: 3 }, page('/popup.html'))).toEqual(CAPTURED);
    expect(handlers.capture).toHaveBeenCalledWith({ type: 'capture-tab', tabId: 3 });
  });

  it('takes deletions from the dashboard, also when it is open in a tab', async () => {
    await send({ type: 'erase-everything' }, page('/dashboard.html', { tab }));
    await send({ type: 'delete-sessions', sessionIds: ['s1'] }, page('/dashboard.html', { tab }));
    expect(handlers.erase).toHaveBeenCalledTimes(1);
    expect(handlers.forget).toHaveBeenCalledWith({ type: 'delete-sessions', sessionIds: ['s1'] });
  });

  it('refuses page requests from a content script and from other extensions', async () => {
    expect(await send({ type: 'capture-tab', tabId: 3 }, contentScript())).toBeUndefined();
    expect(await send({ type: 'erase-everything' }, contentScript())).toBeUndefined();
    expect(
      await send({ type: 'erase-everything' }, { id: 'other', url: 'chrome-extension://other/' }),
    ).toBeUndefined();
    expect(handlers.capture).not.toHaveBeenCalled();
    expect(handlers.erase).not.toHaveBeenCalled();
  });

  it('takes engagement evidence from a top frame’s content script, for its own tab only', async () => {
    const evidence = {
      type: 'engagement',
      url: 'https://a.org/',
      visible: true,
      scrollPct: 50,
      inputAt: 1,
      audible: false,
    };
    await send(evidence, contentScript(3));
    await send(evidence, page('/dashboard.html', { tab }));
    await send(evidence, { ...contentScript(), id: 'other' });
    expect(handlers.engagement).not.toHaveBeenCalled();
    await send({ ...evidence, tabId: 99 }, contentScript());
    expect(handlers.engagement).toHaveBeenCalledExactlyOnceWith(evidence, 7);
  });

  it('does not answer what is not a request of the table', async () => {
    expect(await send({ type: 'current-session', tabId: 1 }, page('/popup.html'))).toBeUndefined();
    expect(await send({ type: 'capture-tab', tabId: 'x' }, page('/popup.html'))).toBeUndefined();
    expect(await send('capture-tab', page('/popup.html'))).toBeUndefined();
    expect(handlers.capture).not.toHaveBeenCalled();
  });
});

describe('the handler table', () => {
  it('has a handler for every request, replying as the table says (tsc)', () => {
    // Never used: these exist for the type check only.
    const wrongReply = {
      ...messageHandlers,
      // @ts-expect-error: capture-tab must reply with a CaptureResult
      'capture-tab': { from: 'extension-page', handle: () => 'captured' },
    } satisfies MessageHandlers;
    // @ts-expect-error: erase-everything has no handler
    const missing = { ...messageHandlers, 'erase-everything': undefined } satisfies MessageHandlers;
    expect([wrongReply, missing]).toHaveLength(2);
  });
});
