/**
 * A seeded simulator of a learner browsing, for the tracking benchmarks. It plays a
 * learner (reading, glancing, switching tabs and applications, stepping away, closing the
 * laptop, searching and opening results in the same tab, a new tab or a new window,
 * refining queries, turning pages, switching engines, watching videos) and emits the
 * events a Chromium browser would give the background, with the ground truth: which
 * pages were really read, for how long, and which search each result came from.
 *
 * Ground truth is physical, not the tracker's rules: attention is time the learner spent
 * in front of the page, whether or not they touched the input devices.
 */
import type { TrackerEvent } from '../lib/tracking/events';
import { pick as pickFrom, seededRandom } from './seeded-random';

export interface TruthItem {
  id: number;
  kind: 'read' | 'result';
  url: string;
  engine?: string;
  query?: string;
  attentionMs: number;
  firstAt: number;
  lastAt: number;
  watching: boolean;
}

export interface TimedEvent {
  at: number;
  event: TrackerEvent;
}

export interface LabelledTrace {
  seed: number;
  events: TimedEvent[];
  truth: TruthItem[];
}

export interface TraceOptions {
  /** Emit the engagement script's messages (deeper reading evidence on). */
  engagement: boolean;
  /** Activities per trace. */
  activities?: [number, number];
  /**
   * Share of the pauses between inputs while reading that last over a minute (the rest
   * are 2–30 s). Input includes moving the pointer, which the system's idle detection and
   * the engagement script both see, so minute-long stillness is rare; 1 % by default.
   */
  longPauseShare?: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const IDLE_MS = 60 * SECOND;
const HEARTBEAT_MS = MINUTE;
const ENGAGEMENT_INTERVAL_MS = 15 * SECOND;
/** What the learner would call "the same reading" (DESIGN §4). */
const CONTINUE_WITHIN_MS = 30 * MINUTE;
const START = Date.UTC(2026, 2, 2, 8, 0, 0);

const SITES = [
  'developer.mozilla.org',
  'en.wikipedia.org',
  'stackoverflow.com',
  'css-tricks.com',
  'web.dev',
  'docs.python.org',
  'realpython.com',
  'martinfowler.com',
  'arxiv.org',
  'khanacademy.org',
  'freecodecamp.org',
  'smashingmagazine.com',
  'nature.com',
  'theguardian.com',
  'medium.com',
  'dev.to',
];

const WORDS = [
  'css',
  'grid',
  'flexbox',
  'rust',
  'lifetimes',
  'python',
  'asyncio',
  'sql',
  'joins',
  'index',
  'statistics',
  'bayes',
  'react',
  'hooks',
  'docker',
  'network',
  'photosynthesis',
  'derivative',
  'kotlin',
  'coroutines',
  'typescript',
  'generics',
  'git',
  'rebase',
];

interface Engine {
  id: string;
  serp: (query: string, page: number) => string;
  pages: boolean;
  videos?: boolean;
}

const plus = (q: string) => encodeURIComponent(q).replace(/%20/g, '+');

const ENGINES: { engine: Engine; weight: number }[] = [
  {
    engine: {
      id: 'google',
      serp: (q, p) => `https://www.google.com/search?q=${plus(q)}${p ? `&start=${p * 10}` : ''}`,
      pages: true,
    },
    weight: 0.55,
  },
  {
    engine: {
      id: 'duckduckgo',
      serp: (q) => `https://duckduckgo.com/?q=${plus(q)}&ia=web`,
      pages: false,
    },
    weight: 0.15,
  },
  {
    engine: {
      id: 'bing',
      serp: (q, p) => `https://www.bing.com/search?q=${plus(q)}${p ? `&first=${p * 10 + 1}` : ''}`,
      pages: true,
    },
    weight: 0.1,
  },
  {
    engine: {
      id: 'youtube',
      serp: (q) => `https://www.youtube.com/results?search_query=${plus(q)}`,
      pages: false,
      videos: true,
    },
    weight: 0.1,
  },
  {
    engine: {
      id: 'wikipedia',
      serp: (q, p) =>
        `https://en.wikipedia.org/w/index.php?search=${plus(q)}&title=Special:Search${p ? `&offset=${p * 20}` : ''}`,
      pages: true,
    },
    weight: 0.1,
  },
];

/** The engine at cumulative weight `u` (0–1). */
function pickEngine(u: number): Engine {
  let sum = 0;
  for (const { engine, weight } of ENGINES) {
    sum += weight;
    if (u < sum) return engine;
  }
  return ENGINES[0]!.engine;
}

/** Seeded draws for the trace generator. */
function random(seed: number) {
  const next = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * next();
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]) => pickFrom(next, list);
  /** Log-normal around `median`, clamped. */
  const lognormal = (median: number, sigma: number, lo: number, hi: number) => {
    const u = Math.max(next(), 1e-9);
    const v = next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.min(hi, Math.max(lo, median * Math.exp(sigma * z)));
  };
  return { next, between, chance, pick, lognormal };
}

interface SimTab {
  id: number;
  windowId: number;
  url: string;
  item: TruthItem | null;
  serp: { engine: Engine; query: string; page: number } | null;
  audible: boolean;
  /** The engagement script's own last input, and its message rate limit. */
  inputAt: number;
  lastSentAt: number;
  pendingSendAt: number | null;
}

type Presence = 'reading' | 'watching' | 'app' | 'away';

/** Generates one labelled trace. */
export function generateTrace(seed: number, options: TraceOptions): LabelledTrace {
  const rnd = random(seed);
  const longPauseShare = options.longPauseShare ?? 0.01;
  const events: TimedEvent[] = [];
  const truth: TruthItem[] = [];
  let now = START + Math.floor(rnd.between(0, 8 * 3600)) * SECOND;
  let nextTickAt = now + Math.floor(rnd.between(1, 60)) * SECOND;
  let lastInputAt = now;
  let idleState: 'active' | 'idle' | 'locked' = 'active';
  let focused: number | null = 1;
  let nextTabId = 1;
  let nextWindowId = 2;
  let articleCounter = 0;
  const tabs = new Map<number, SimTab>();
  const activeTab = new Map<number, number>();
  const recentReads: string[] = [];

  const emit = (event: TrackerEvent) => events.push({ at: now, event });
  const isWeb = (url: string) => url.startsWith('http');
  const frontTab = (): SimTab | undefined =>
    focused === null ? undefined : tabs.get(activeTab.get(focused) ?? -1);
  const visible = (tab: SimTab) => activeTab.get(tab.windowId) === tab.id;

  // ---- the engagement script of each tab ------------------------------------------
  const send = (tab: SimTab) => {
    tab.lastSentAt = now;
    tab.pendingSendAt = null;
    emit({
      type: 'engagement',
      tabId: tab.id,
      url: tab.url,
      visible: visible(tab),
      scrollPct: Math.round(rnd.between(0, 100)),
      inputAt: tab.inputAt,
      audible: tab.audible,
    });
  };
  const schedule = (tab: SimTab) => {
    if (!options.engagement || !isWeb(tab.url)) return;
    if (now - tab.lastSentAt >= ENGAGEMENT_INTERVAL_MS) send(tab);
    else tab.pendingSendAt ??= tab.lastSentAt + ENGAGEMENT_INTERVAL_MS;
  };

  // ---- the learner's hands and the system's idle detection ------------------------
  const input = () => {
    lastInputAt = now;
    if (idleState !== 'active') {
      idleState = 'active';
      emit({ type: 'idle-changed', idle: 'active' });
    }
    const tab = frontTab();
    if (tab) {
      tab.inputAt = now;
      schedule(tab);
    }
  };

  const inputGap = (presence: Presence) =>
    presence === 'reading'
      ? rnd.chance(longPauseShare)
        ? rnd.between(60, 100) * SECOND
        : rnd.between(2, 30) * SECOND
      : rnd.between(2, 20) * SECOND;

  /** Lets `ms` pass with the learner in `presence`, crediting truth to the front page. */
  const advance = (ms: number, presence: Presence) => {
    const end = now + Math.round(ms);
    const withInput = presence === 'reading' || presence === 'app';
    let nextInputAt = withInput ? now + inputGap(presence) : Infinity;
    for (;;) {
      const idleAt = idleState === 'active' ? Math.max(now, lastInputAt + IDLE_MS) : Infinity;
      let pendingAt = Infinity;
      let pendingTab: SimTab | undefined;
      for (const tab of tabs.values()) {
        if (tab.pendingSendAt !== null && tab.pendingSendAt < pendingAt) {
          pendingAt = tab.pendingSendAt;
          pendingTab = tab;
        }
      }
      const t = Math.max(now, Math.min(end, nextTickAt, nextInputAt, idleAt, pendingAt));
      const front = presence === 'reading' || presence === 'watching' ? frontTab() : undefined;
      let item = front?.item;
      // Back after more than the continuation gap (a night's sleep): by definition a new
      // reading of this page, even if it was first reached from a search.
      if (front && item && t > now && now - item.lastAt > CONTINUE_WITHIN_MS) {
        item = front.item = newItem('read', front.url, { watching: item.watching });
      }
      if (item && t > now) {
        item.attentionMs += t - now;
        item.firstAt = Math.min(item.firstAt, now);
        item.lastAt = t;
      }
      now = t;
      if (nextTickAt <= now) {
        emit({ type: 'tick' });
        nextTickAt += HEARTBEAT_MS;
      } else if (idleAt <= now) {
        idleState = 'idle';
        emit({ type: 'idle-changed', idle: 'idle' });
      } else if (nextInputAt <= now) {
        input();
        nextInputAt = now + inputGap(presence);
      } else if (pendingTab && pendingAt <= now) {
        send(pendingTab);
      } else if (now >= end) {
        return;
      }
    }
  };

  /** The lid closes: no events at all; the alarm fires once on waking. */
  const sleep = (ms: number) => {
    if (rnd.chance(0.5)) {
      idleState = 'locked';
      emit({ type: 'idle-changed', idle: 'locked' });
    }
    now += Math.round(ms);
    nextTickAt = now;
    advance(0, 'away');
    nextTickAt = now + HEARTBEAT_MS;
  };

  // ---- tabs and windows ------------------------------------------------------------
  const snapshot = (tab: SimTab) => ({
    tabId: tab.id,
    windowId: tab.windowId,
    url: tab.url,
    title: tab.url,
    status: 'complete',
    incognito: false,
  });

  const activate = (tab: SimTab) => {
    const previous = tabs.get(activeTab.get(tab.windowId) ?? -1);
    activeTab.set(tab.windowId, tab.id);
    emit({ type: 'tab-activated', tabId: tab.id, windowId: tab.windowId, tab: snapshot(tab) });
    if (previous && previous !== tab) schedule(previous);
    if (focused === tab.windowId) input();
    else if (options.engagement) {
      tab.inputAt = now;
      schedule(tab);
    }
  };

  const newTab = (windowId: number, sourceTabId?: number): SimTab => {
    const tab: SimTab = {
      id: nextTabId++,
      windowId,
      url: 'chrome://newtab/',
      item: null,
      serp: null,
      audible: false,
      inputAt: now,
      lastSentAt: -Infinity,
      pendingSendAt: null,
    };
    tabs.set(tab.id, tab);
    if (sourceTabId !== undefined) {
      emit({ type: 'navigation-target', sourceTabId, tabId: tab.id, windowId });
    }
    return tab;
  };

  const navigate = (tab: SimTab, url: string, transition: string, qualifiers: string[] = []) => {
    emit({
      type: 'tab-updated',
      tab: { tabId: tab.id, windowId: tab.windowId, url, status: 'loading' },
    });
    tab.url = url;
    tab.item = null;
    tab.serp = null;
    emit({
      type: 'navigated',
      tabId: tab.id,
      url,
      transition,
      qualifiers,
      incognito: false,
      windowId: tab.windowId,
    });
    emit({ type: 'tab-updated', tab: { ...snapshot(tab), title: `Page ${url.length}` } });
    if (options.engagement && isWeb(url)) {
      tab.inputAt = now;
      tab.lastSentAt = -Infinity;
      tab.pendingSendAt = null;
      schedule(tab);
    }
  };

  const close = (tab: SimTab) => {
    tabs.delete(tab.id);
    emit({ type: 'tab-removed', tabId: tab.id });
    if (activeTab.get(tab.windowId) === tab.id) {
      activeTab.delete(tab.windowId);
      const next = [...tabs.values()].filter((t) => t.windowId === tab.windowId).pop();
      if (next) activate(next);
    }
  };

  const focus = (windowId: number | null) => {
    focused = windowId;
    emit({ type: 'window-focused', windowId });
    if (windowId !== null) input();
  };

  // ---- ground truth ---------------------------------------------------------------
  const item = (kind: TruthItem['kind'], url: string, fields: Partial<TruthItem> = {}) => {
    const existing = truth.find(
      (t) =>
        t.kind === kind &&
        t.url === url &&
        t.query === fields.query &&
        t.engine === fields.engine &&
        now - t.lastAt <= CONTINUE_WITHIN_MS,
    );
    return existing ?? newItem(kind, url, fields);
  };

  const newItem = (kind: TruthItem['kind'], url: string, fields: Partial<TruthItem> = {}) => {
    const created: TruthItem = {
      id: truth.length + 1,
      kind,
      url,
      attentionMs: 0,
      firstAt: now,
      lastAt: now,
      watching: false,
      ...fields,
    };
    truth.push(created);
    return created;
  };

  const articleUrl = () => {
    const site = rnd.pick(SITES);
    return `https://${site}/learn/${seed.toString(36)}-${++articleCounter}`;
  };

  // ---- what the learner does ---------------------------------------------------------
  /** Time on a page, with the interruptions of real life. */
  const spend = (tab: SimTab, ms: number, watching: boolean) => {
    if (watching) {
      tab.audible = true;
      emit({ type: 'tab-updated', tab: { tabId: tab.id, windowId: tab.windowId, audible: true } });
      if (tab.item) tab.item.watching = true;
    }
    let remaining = ms;
    while (remaining > 0) {
      const chunk = Math.min(remaining, rnd.between(20, 120) * SECOND);
      advance(chunk, watching ? 'watching' : 'reading');
      remaining -= chunk;
      if (remaining <= 0) break;
      const r = rnd.next();
      const window = tab.windowId;
      if (r < 0.06) {
        // Another application for a while.
        focus(null);
        advance(rnd.between(10, 120) * SECOND, 'app');
        focus(window);
      } else if (r < 0.1) {
        // A glance at another tab in this window, then back.
        const others = [...tabs.values()].filter((t) => t.windowId === window && t !== tab);
        if (others.length > 0) {
          activate(rnd.pick(others));
          advance(rnd.between(3, 15) * SECOND, 'reading');
          activate(tab);
        }
      } else if (r < 0.14 && !watching) {
        // Steps away from the computer.
        advance(rnd.between(2, 15) * MINUTE, 'away');
        input();
      } else if (r < 0.15 && !watching) {
        // Closes the laptop.
        sleep(rnd.between(1, 8) * 3600 * SECOND);
        input();
      }
    }
    if (watching) {
      tab.audible = false;
      emit({ type: 'tab-updated', tab: { tabId: tab.id, windowId: tab.windowId, audible: false } });
    }
  };

  const dwell = (glanceShare: number) =>
    rnd.chance(glanceShare)
      ? rnd.between(2, 22) * SECOND
      : rnd.lognormal(150 * SECOND, 0.8, 35 * SECOND, 20 * MINUTE);

  const readPage = () => {
    let tab = frontTab() ?? tabs.get(activeTab.get(1)!)!;
    if (rnd.chance(0.35)) {
      tab = newTab(tab.windowId);
      activate(tab);
    }
    const revisit = recentReads.length > 0 && rnd.chance(0.12);
    const url = revisit ? rnd.pick(recentReads) : articleUrl();
    const watching = !revisit && rnd.chance(0.06);
    navigate(
      tab,
      watching ? `https://www.youtube.com/watch?v=${seed}x${articleCounter}` : url,
      'typed',
    );
    tab.item = item('read', tab.url);
    if (!revisit && !watching) recentReads.push(url);
    input();
    spend(tab, dwell(0.3), watching);
  };

  const readResult = (
    tab: SimTab,
    url: string,
    search: { engine: Engine; query: string },
    watching: boolean,
  ) => {
    tab.item = item('result', url, { engine: search.engine.id, query: search.query });
    spend(tab, dwell(0.45), watching);
  };

  const resultUrl = (engine: Engine) =>
    engine.videos ? `https://www.youtube.com/watch?v=${seed}r${++articleCounter}` : articleUrl();

  const search = () => {
    let tab = frontTab() ?? tabs.get(activeTab.get(1)!)!;
    if (rnd.chance(0.3)) {
      tab = newTab(tab.windowId);
      activate(tab);
    }
    let engine = pickEngine(rnd.next());
    let query = `${rnd.pick(WORDS)} ${rnd.pick(WORDS)}`;
    let page = 0;
    const showResults = (transition: string) => {
      navigate(tab, engine.serp(query, page), transition);
      tab.serp = { engine, query, page };
      input();
      advance(rnd.between(4, 30) * SECOND, 'reading');
    };
    showResults('generated');
    const clicks = 1 + Math.floor(rnd.between(0, 4));
    for (let i = 0; i < clicks; i++) {
      const r = rnd.next();
      const current = { engine, query };
      const url = resultUrl(engine);
      if (r < 0.5) {
        // Same tab, then back to the results.
        navigate(tab, url, 'link');
        input();
        readResult(tab, url, current, engine.videos === true);
        navigate(tab, engine.serp(query, page), 'link', ['forward_back']);
        tab.serp = { engine, query, page };
        input();
        advance(rnd.between(3, 15) * SECOND, 'reading');
      } else if (r < 0.88) {
        // Ctrl-click: opens in a background tab, read after a moment on the results.
        const opened = newTab(tab.windowId, tab.id);
        navigate(opened, url, 'link');
        advance(rnd.between(1, 8) * SECOND, 'reading');
        activate(opened);
        readResult(opened, url, current, engine.videos === true);
        close(opened);
        if (activeTab.get(tab.windowId) !== tab.id) activate(tab);
        advance(rnd.between(2, 10) * SECOND, 'reading');
      } else {
        // Shift-click: a new window.
        const windowId = nextWindowId++;
        const opened = newTab(windowId, tab.id);
        navigate(opened, url, 'link');
        focus(null); // Chrome reports no window between two of its own
        activeTab.set(windowId, opened.id);
        focus(windowId);
        emit({ type: 'tab-activated', tabId: opened.id, windowId, tab: snapshot(opened) });
        readResult(opened, url, current, engine.videos === true);
        close(opened);
        focus(tab.windowId);
        advance(rnd.between(2, 10) * SECOND, 'reading');
      }
      const next = rnd.next();
      if (next < 0.3) {
        query = `${query} ${rnd.pick(WORDS)}`;
        page = 0;
        showResults('form_submit');
      } else if (next < 0.42 && engine.pages) {
        page += 1;
        showResults('link');
      } else if (next < 0.5) {
        engine = rnd.pick(ENGINES.filter((e) => e.engine !== engine)).engine;
        page = 0;
        showResults('generated');
      }
    }
  };

  // ---- the session --------------------------------------------------------------------
  const first = newTab(1);
  activeTab.set(1, first.id);
  emit({ type: 'window-focused', windowId: 1 });
  emit({ type: 'tab-activated', tabId: first.id, windowId: 1, tab: snapshot(first) });
  const [lo, hi] = options.activities ?? [6, 16];
  const count = lo + Math.floor(rnd.between(0, hi - lo + 1));
  for (let i = 0; i < count; i++) {
    if (rnd.chance(0.55)) readPage();
    else search();
    const pause = rnd.next();
    if (pause < 0.25) {
      focus(null);
      advance(rnd.between(10, 300) * SECOND, 'app');
      focus(1);
    } else if (pause < 0.3) {
      focus(null);
      advance(rnd.between(35, 90) * MINUTE, 'away');
      focus(1);
    }
    // Keep the tab strip small: close background tabs now and then.
    if (tabs.size > 6) {
      const spare = [...tabs.values()].find((t) => activeTab.get(t.windowId) !== t.id);
      if (spare) close(spare);
    }
  }
  advance(2 * MINUTE, 'away');
  return { seed, events, truth };
}

/**
 * `count` labelled traces from one seed.
 * @example generateTraces(200, 1, { engagement: false }).length // 200
 */
export function generateTraces(
  count: number,
  seed: number,
  options: TraceOptions,
): LabelledTrace[] {
  return Array.from({ length: count }, (_, i) => generateTrace(seed * 100_003 + i, options));
}
