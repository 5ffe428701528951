/**
 * What the tracker hears: browser events translated into plain data by the background.
 * Every event is applied at an instant `now` given beside it, never read from a clock here.
 */

/** The system's idle state (`locked` exists only in Chrome; Firefox reports `idle`). */
export type IdleState = 'active' | 'idle' | 'locked';

/** The parts of a browser tab the tracker needs, and nothing more. */
export interface TabSnapshot {
  tabId: number;
  windowId: number;
  url?: string;
  title?: string;
  active?: boolean;
  /** Playing sound that the learner can hear (audible and not muted). */
  audible?: boolean;
  incognito?: boolean;
  /** The tab that opened this one, while it still exists. */
  openerTabId?: number;
  /** `loading` or `complete`: a loading tab's URL may be a navigation that never commits. */
  status?: string;
}

export type TrackerEvent =
  /** The learner brought a tab to the front of its window. */
  | { type: 'tab-activated'; tabId: number; windowId: number; tab?: TabSnapshot }
  /** A tab's title, sound, or (after loading) URL changed. */
  | { type: 'tab-updated'; tab: TabSnapshot }
  | { type: 'tab-removed'; tabId: number }
  /** `null`: no browser window has focus (another application has it). */
  | { type: 'window-focused'; windowId: number | null }
  | { type: 'idle-changed'; idle: IdleState }
  /**
   * A top-frame navigation committed (`inPage` for History API changes in single-page
   * apps). `transition` and `qualifiers` as webNavigation gives them; missing on browsers
   * that do not report them.
   */
  | {
      type: 'navigated';
      tabId: number;
      url: string;
      transition?: string;
      qualifiers?: readonly string[];
      inPage?: boolean;
      /** From the tab, so a private window's first page is never recorded. */
      incognito?: boolean;
      windowId?: number;
    }
  /** A link opened a new tab or window (Ctrl-click, middle click, target=_blank). */
  | { type: 'navigation-target'; sourceTabId: number; tabId: number; windowId?: number }
  /** Evidence from the optional engagement script in a tab. */
  | {
      type: 'engagement';
      tabId: number;
      url: string;
      visible: boolean;
      scrollPct: number;
      inputAt: number;
      audible: boolean;
    }
  /** Time passes (heartbeat alarm, settings changed): apply the rules at `now`. */
  | { type: 'tick' }
  /** The browser as it is now, to reconcile with what the tracker believes (after the worker slept). */
  | { type: 'sync'; tabs: readonly TabSnapshot[]; focusedWindowId: number | null; idle?: IdleState }
  /** The browser started: every tab is new, and the time it was closed never counts. */
  | {
      type: 'startup';
      tabs: readonly TabSnapshot[];
      focusedWindowId: number | null;
      idle?: IdleState;
    }
  /**
   * The session the tracker was about to store already exists under another id (the
   * learner captured the page before it passed the reading threshold): continue that one.
   */
  | {
      type: 'session-adopted';
      sessionId: string;
      storedId: string;
      /** Active time the stored session already has from visits the tracker no longer holds. */
      activeMs: number;
    };
