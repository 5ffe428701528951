/**
 * The one message protocol between extension pages, content scripts and the background.
 * Content scripts never open Dexie (their IndexedDB belongs to the page), so everything
 * that writes goes through the background.
 */
import type { Capture, Session, Skill } from './model';

/** Why a tab could not be captured; each has a message for the learner. */
export type CaptureBlockReason =
  | 'browser-page'
  | 'store-page'
  | 'file-access'
  | 'extension-page'
  | 'incognito'
  | 'excluded'
  | 'no-tab'
  /** The disk is full: the capture waits in memory and is stored when there is room. */
  | 'kept-for-later'
  | 'failed';

/**
 * A stored capture comes back whole, with its session and the skills to tag it with: the
 * popup shows them at once, without opening the database first.
 */
export type CaptureResult =
  | { ok: true; session: Session; capture: Capture; skills: Skill[] }
  | { ok: false; reason: CaptureBlockReason };

/** What the optional content script reports about its page, at most once per 15 s. */
export interface EngagementEvidence {
  url: string;
  visible: boolean;
  scrollPct: number;
  inputAt: number;
  audible: boolean;
}

/** A request that carries nothing besides its type. */
export type NoPayload = Record<never, never>;

/**
 * Every request the background answers: what the sender sends with the `type`, and what it
 * gets back. A sender can only name a type listed here, and the background's handler for
 * it must return this reply (`entrypoints/background/messages.ts`).
 */
export interface MessageTable {
  /** Capture a tab now (popup, shortcut and context menu all end here). */
  'capture-tab': { request: { tabId: number }; response: CaptureResult };
  /** Engagement evidence from the optional content script, for the tab it runs in. */
  engagement: { request: EngagementEvidence; response: void };
  /** Delete sessions, with every waiting write that would bring them back. */
  'delete-sessions': { request: { sessionIds: string[] }; response: void };
  /** "Never record this site": forget its waiting writes, and delete its records if asked. */
  'forget-site': { request: { site: string; eraseRecords: boolean }; response: void };
  /** "Delete all my data": drop the waiting writes, then empty every table. */
  'erase-everything': { request: NoPayload; response: void };
}

export type RequestType = keyof MessageTable;

/** A request as it travels: its `type` beside its payload. */
export type Request<T extends RequestType = RequestType> = {
  [K in T]: { type: K } & MessageTable[K]['request'];
}[T];

export type Response<T extends RequestType> = MessageTable[T]['response'];

/** The part of `browser.runtime` a sender needs; pages pass their own. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Sends a request to the background and returns its reply, typed by the table: the
 * compiler rejects an unknown type, a wrong payload and a wrong use of the reply.
 * @example const result = await sendRequest(browser.runtime, 'capture-tab', { tabId: 7 });
 */
export async function sendRequest<T extends RequestType>(
  runtime: MessageRuntime,
  type: T,
  payload: MessageTable[T]['request'],
): Promise<Response<T>> {
  return (await runtime.sendMessage({ ...payload, type })) as Response<T>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finite = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

/**
 * Each request's payload as read from an untrusted message (any page can try to reach
 * the worker): only the fields the table names, of the types it names, or null.
 */
const READERS: { [K in RequestType]: (m: Record<string, unknown>) => Request<K> | null } = {
  'capture-tab': (m) =>
    Number.isInteger(m.tabId) && (m.tabId as number) >= 0
      ? { type: 'capture-tab', tabId: m.tabId as number }
      : null,
  engagement: (m) =>
    typeof m.url === 'string'
      ? {
          type: 'engagement',
          url: m.url,
          visible: m.visible === true,
          scrollPct: finite(m.scrollPct),
          inputAt: finite(m.inputAt),
          audible: m.audible === true,
        }
      : null,
  'delete-sessions': (m) =>
    Array.isArray(m.sessionIds)
      ? {
          type: 'delete-sessions',
          sessionIds: m.sessionIds.filter((id): id is string => typeof id === 'string'),
        }
      : null,
  'forget-site': (m) =>
    typeof m.site === 'string'
      ? { type: 'forget-site', site: m.site, eraseRecords: m.eraseRecords === true }
      : null,
  'erase-everything': () => ({ type: 'erase-everything' }),
};

/**
 * A message read as one of our requests, keeping only what the table allows; null for
 * anything else.
 * @example readRequest({ type: 'capture-tab', tabId: 7 }) // { type: 'capture-tab', tabId: 7 }
 * @example readRequest({ type: 'capture-tab', tabId: '7' }) // null
 */
export function readRequest(value: unknown): Request | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  if (!Object.hasOwn(READERS, value.type)) return null;
  return READERS[value.type as RequestType](value);
}

/**
 * The popup a toolbar click opens once it has started the tab's capture: its address names
 * the tab, so the popup asks for that capture as its first step instead of first asking
 * the browser which tab it is over.
 */
export function popupForClickedTab(tabId: number): string {
  return `/popup.html?clicked-tab=${tabId}`;
}

/** The tab a popup's address names (see `popupForClickedTab`), if any. */
export function clickedTabOf(search: string): number | undefined {
  const named = new URLSearchParams(search).get('clicked-tab') ?? '';
  const id = /^\d+$/.test(named) ? Number(named) : NaN;
  return Number.isSafeInteger(id) ? id : undefined;
}
