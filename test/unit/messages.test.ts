import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  clickedTabOf,
  popupForClickedTab,
  readRequest,
  sendRequest,
  type CaptureResult,
  type MessageRuntime,
} from '../../lib/messages';

describe('readRequest', () => {
  it.each([
    [
      { type: 'capture-tab', tabId: 7 },
      { type: 'capture-tab', tabId: 7 },
    ],
    [
      { type: 'capture-tab', tabId: 7, extra: 'x' },
      { type: 'capture-tab', tabId: 7 },
    ],
    [{ type: 'capture-tab', tabId: '7' }, null],
    [{ type: 'capture-tab', tabId: -1 }, null],
    [{ type: 'capture-tab' }, null],
    [
      { type: 'engagement', url: 'https://a.org/', visible: true, scrollPct: '40', inputAt: 5 },
      {
        type: 'engagement',
        url: 'https://a.org/',
        visible: true,
        scrollPct: 40,
        inputAt: 5,
        audible: false,
      },
    ],
    [
      { type: 'engagement', url: 'https://a.org/', visible: 'yes', scrollPct: 'lots' },
      {
        type: 'engagement',
        url: 'https://a.org/',
        visible: false,
        scrollPct: 0,
        inputAt: 0,
        audible: false,
      },
    ],
    [{ type: 'engagement', url: 42 }, null],
    [
      { type: 'delete-sessions', sessionIds: ['a', 3, 'b'] },
      { type: 'delete-sessions', sessionIds: ['a', 'b'] },
    ],
    [
      { type: 'forget-site', site: 'a.org', eraseRecords: 'yes' },
      { type: 'forget-site', site: 'a.org', eraseRecords: false },
    ],
    [{ type: 'erase-everything', all: true }, { type: 'erase-everything' }],
    [{ type: 'current-session', tabId: 1 }, null],
    [{ type: 'settings-changed' }, null],
    [{ type: 'toString' }, null],
    [{ type: '__proto__' }, null],
    [null, null],
    ['capture-tab', null],
    [[{ type: 'erase-everything' }], null],
  ])('reads %j as %j', (message, request) => {
    expect(readRequest(message)).toEqual(request);
  });
});

describe('sendRequest', () => {
  it('sends the type beside the payload and returns the reply', async () => {
    const reply: CaptureResult = { ok: false, reason: 'incognito' };
    const runtime = { sendMessage: vi.fn(async () => reply) };
    await expect(sendRequest(runtime, 'capture-tab', { tabId: 3 })).resolves.toBe(reply);
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'capture-tab', tabId: 3 });
  });

  it('types each reply by the table, and rejects unknown types and wrong payloads (tsc)', () => {
    const runtime: MessageRuntime = { sendMessage: async () => undefined };
    expectTypeOf(
      sendRequest(runtime, 'capture-tab', { tabId: 1 }),
    ).resolves.toEqualTypeOf<CaptureResult>();
    expectTypeOf(sendRequest(runtime, 'erase-everything', {})).resolves.toBeVoid();
    expectTypeOf(
      sendRequest(runtime, 'forget-site', { site: 'a.org', eraseRecords: false }),
    ).resolves.toBeVoid();
    // Never called: these lines exist for the type check only.
    const rejected = () => [
      // @ts-expect-error: a type the table does not hold
      sendRequest(runtime, 'current-session', { tabId: 1 }),
      // @ts-expect-error: capture-tab needs the tab's id
      sendRequest(runtime, 'capture-tab', {}),
      // @ts-expect-error: a tab id is a number
      sendRequest(runtime, 'capture-tab', { tabId: '1' }),
      // @ts-expect-error: engagement evidence needs all its fields
      sendRequest(runtime, 'engagement', { url: 'https://a.org/' }),
    ];
    expect(typeof rejected).toBe('function');
  });
});

describe('the popup a toolbar click opens', () => {
  it('names the clicked tab in its address, and the popup reads it back', () => {
    const address = new URL(popupForClickedTab(42), 'chrome-extension://abc/');
    expect(address.pathname).toBe('/popup.html');
    expect(clickedTabOf(address.search)).toBe(42);
  });

  it.each([
    '',
    '?clicked-tab=',
    '?clicked-tab=x',
    '?clicked-tab=-3',
    '?clicked-tab=1.5',
    '?other=4',
  ])('names no tab for %j', (search) => expect(clickedTabOf(search)).toBeUndefined());
});
