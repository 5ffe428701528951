/**
 * The tracker's in-flight state: which tab is being read since when, the pages open in
 * tabs, and the sessions that can still continue. Plain JSON, so the background can
 * persist it after every event and restore it when the worker wakes.
 */
import type { Visit } from '../model';
import type { IdleState } from './events';

/** Why nothing is recorded for a page. */
export type UntrackedReason = 'incognito' | 'not-web' | 'excluded' | 'paused';

/** A search, named by its session and query, that a page was reached from. */
export interface SearchLink {
  sessionId: string;
  searchId: string;
}

export interface SerpInfo {
  engine: string;
  engineName: string;
  /** Compares queries: lower case, or a hash when the learner keeps sites only. */
  queryKey: string;
  /** Empty when the learner keeps sites only. */
  query: string;
}

/** The page a tab shows. */
export interface PageState {
  /** URL as recorded (canonical, or the site's root when keeping sites only); '' when untracked. */
  url: string;
  title: string;
  untracked: UntrackedReason | null;
  /** Set on a search results page. */
  serp?: SerpInfo;
  /** On a results page once resolved: the search it shows. */
  search?: SearchLink;
  /** The search whose results led to this page. */
  link?: SearchLink;
}

export interface EngagementEvidence {
  visible: boolean;
  /** Last scroll, key or pointer input in the page. */
  inputAt: number;
  /** Media playing in the page. */
  audible: boolean;
}

export interface TabState {
  windowId: number;
  incognito: boolean;
  audible: boolean;
  openerTabId?: number;
  page: PageState | null;
  /** The visit this tab's page belongs to; re-resolved when its session has ended. */
  visitId: string | null;
  /** The search a link in another tab opened this tab from, for its first page. */
  openedFrom?: SearchLink;
  /** Result pages reached in this tab, so back and forward to them rejoin their search. */
  resultLinks?: Record<string, SearchLink>;
  /** From the engagement script, for the current page only. */
  engagement?: EngagementEvidence;
}

/**
 * A visit while the tracker holds it: the fields of the stored `Visit` it writes, and how
 * it counts. `startedAt` is the first active instant (the creation time until one is
 * counted), `endedAt` the last.
 */
export interface OpenVisit extends Pick<
  Visit,
  | 'id'
  | 'sessionId'
  | 'url'
  | 'title'
  | 'domain'
  | 'startedAt'
  | 'endedAt'
  | 'activeMs'
  | 'maxScrollPct'
  | 'searchId'
> {
  /** Part of `activeMs` while the tab played sound. */
  audibleMs: number;
  /** The results pages of a search session (one visit holds all their time). */
  serp: boolean;
  /** Written to the database at least once. */
  stored: boolean;
}

export interface OpenSearch {
  id: string;
  queryKey: string;
  query: string;
  url: string;
  at: number;
  stored: boolean;
}

export interface OpenSession {
  id: string;
  kind: 'reading' | 'search';
  engine?: string;
  url: string;
  title: string;
  domain: string;
  /** The last query or active instant: the gap rules count from here. */
  lastActivityAt: number;
  visitIds: string[];
  searches: OpenSearch[];
  /** Active time of visits stored earlier that this state no longer holds (adopted sessions). */
  baseActiveMs: number;
  stored: boolean;
}

export interface Credit {
  tabId: number;
  visitId: string;
  /** Start of the interval being measured. */
  since: number;
  /** Since when this visit has been counted without a break (the idle rule looks back to here at most). */
  runStart: number;
  audible: boolean;
}

export interface TrackerState {
  version: 1;
  focusedWindowId: number | null;
  idle: IdleState;
  /** Window id → its active tab. */
  activeTabs: Record<string, number>;
  tabs: Record<string, TabState>;
  visits: Record<string, OpenVisit>;
  sessions: Record<string, OpenSession>;
  /** What is being counted right now, or null while nothing counts. */
  credit: Credit | null;
  lastEventAt: number;
}

/**
 * The state before the tracker has seen anything.
 * @example emptyTrackerState().credit // null
 */
export function emptyTrackerState(): TrackerState {
  return {
    version: 1,
    focusedWindowId: null,
    idle: 'active',
    activeTabs: {},
    tabs: {},
    visits: {},
    sessions: {},
    credit: null,
    lastEventAt: 0,
  };
}

/**
 * A tracker state from whatever was persisted: a stored state of this version, or an
 * empty one for anything else (first run, older format, damaged row).
 * @example restoreTrackerState(undefined).version // 1
 */
export function restoreTrackerState(raw: unknown): TrackerState {
  if (
    raw &&
    typeof raw === 'object' &&
    (raw as TrackerState).version === 1 &&
    typeof (raw as TrackerState).tabs === 'object' &&
    typeof (raw as TrackerState).visits === 'object' &&
    typeof (raw as TrackerState).sessions === 'object' &&
    typeof (raw as TrackerState).activeTabs === 'object'
  ) {
    return raw as TrackerState;
  }
  return emptyTrackerState();
}
