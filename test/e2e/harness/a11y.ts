import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import type { Search, Session, Skill, Visit } from '../../../lib/model';
import { skillKey } from '../../../lib/skills/names';
import { shiftWeek, weekOf } from '../../../lib/time';
import { putRecords } from './dexie-reader';

/** axe-core's source, read once. */
let axeSource: string | undefined;

function axe(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes, with axe's summary of the first. */
  nodes: string[];
  summary: string;
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules, and best practices) on the page as it is and
 * returns every violation. Extension pages forbid inline scripts, so a `<script>` tag would
 * not run: the source is evaluated in the page's main world instead.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(axe());
  return page.evaluate(async () => {
    const { axe: runner } = globalThis as unknown as {
      axe: {
        run: (
          context: Document,
          options: object,
        ) => Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: string[]; failureSummary?: string }[];
          }[];
        }>;
      };
    };
    const result = await runner.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  });
}

/** Violations that block or seriously hinder someone: the ones a release must not have. */
export function blocking(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** The page in light or dark colours, as the system setting would choose. */
export async function colourScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}

const MIN = 60_000;

/** A week of records: two skills, notes, a search, and a skill read on one site only. */
export function sampleWeek(origin: string) {
  const week = weekOf(Date.now(), { weekStart: 1 });
  const last = shiftWeek(week, -1, { weekStart: 1 });
  const at = (start: number, minutes: number) => start + 60 * MIN + minutes * MIN;
  const skill = (name: string, colour: string): Skill => ({
    id: crypto.randomUUID(),
    name,
    key: skillKey(name),
    aliases: [],
    colour,
    createdAt: last.start,
    updatedAt: last.start,
  });
  // Not "CSS": the popup test makes that one.
  const css = skill('CSS layout', '#2563eb');
  const sql = skill('SQL', '#b45309');
  const sessions: Session[] = [];
  const visits: Visit[] = [];
  const searches: Search[] = [];
  const session = (
    start: number,
    minutes: number,
    fields: Partial<Session> & Pick<Session, 'title' | 'url'>,
  ): Session => {
    const s: Session = {
      id: crypto.randomUUID(),
      kind: 'reading',
      startedAt: at(start, minutes),
      endedAt: at(start, minutes) + 6 * MIN,
      activeMs: 5 * MIN,
      domain: new URL(fields.url).hostname,
      skills: [],
      note: '',
      status: 'kept',
      provenance: 'measured',
      updatedAt: at(start, minutes),
      ...fields,
    };
    sessions.push(s);
    return s;
  };
  // Last week: a little CSS, one reflection.
  session(last.start, 0, {
    title: 'Selectors level 4',
    url: `${origin}/selectors`,
    skills: [css.id],
    note: 'The :has() selector looks upward.',
  });
  // This week: more CSS from two sites, SQL from one site only, an untagged session, a search.
  session(week.start, 0, {
    title: 'A complete guide to CSS grid',
    url: `${origin}/grid`,
    skills: [css.id],
    activeMs: 12 * MIN,
    note: 'Grid areas name the parts of a layout.',
  });
  session(week.start, 30, {
    title: 'Flexbox in depth',
    url: 'https://css.example/flexbox',
    skills: [css.id],
    activeMs: 8 * MIN,
  });
  session(week.start, 60, { title: 'Joins explained', url: `${origin}/joins`, skills: [sql.id] });
  session(week.start, 90, { title: 'Window functions', url: `${origin}/window`, skills: [sql.id] });
  session(week.start, 120, { title: 'Untagged reading', url: `${origin}/misc`, status: 'auto' });
  const search = session(week.start, 150, {
    kind: 'search',
    title: 'sql index - Example Search',
    url: `${origin}/search?q=sql+index`,
    engine: 'google',
    skills: [sql.id],
  });
  searches.push({
    id: crypto.randomUUID(),
    sessionId: search.id,
    engine: 'google',
    query: 'sql index',
    url: search.url,
    at: search.startedAt,
  });
  visits.push({
    id: crypto.randomUUID(),
    sessionId: search.id,
    url: `${origin}/indexes`,
    title: 'How indexes work',
    domain: '127.0.0.1',
    startedAt: search.startedAt + MIN,
    endedAt: search.startedAt + 4 * MIN,
    activeMs: 3 * MIN,
  });
  return { week, sessions, visits, searches, skills: [css, sql] };
}

export interface FocusStop {
  /** `tag#id[type].class` of the focused element. */
  element: string;
  text: string;
  /** The focus indicator: an outline or a ring at least 2px wide. */
  visible: boolean;
}

/** What has the focus, and whether it shows it; `null` on the page itself. */
export function focused(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    const type = el.getAttribute('type');
    return {
      element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${type ? `[${type}]` : ''}${
        el.classList.length ? `.${[...el.classList].join('.')}` : ''
      }`,
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
      visible: outline || ring,
    };
  });
}

/**
 * Tabs through the whole page from its start, once round, and returns the stops that do not
 * show the focus. Stops the page moves focus to by itself are not followed.
 */
export async function focusStopsWithoutIndicator(
  page: Page,
  max = 400,
): Promise<{ stops: number; hidden: FocusStop[] }> {
  // Elements already visited, kept in the page: the round ends at the first one seen twice.
  await page.evaluate(() => {
    (globalThis as unknown as { tabbed: Set<Element> }).tabbed = new Set();
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const hidden: FocusStop[] = [];
  let stops = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A date or time field takes several Tab stops of its own (its parts): one element.
    const seen = await page.evaluate(() => {
      const state = globalThis as unknown as { tabbed: Set<Element>; lastTabbed?: Element };
      const el = document.activeElement;
      if (!el || el === document.body) return 'new';
      const was = el === state.lastTabbed ? 'same' : state.tabbed.has(el) ? 'again' : 'new';
      state.tabbed.add(el);
      state.lastTabbed = el;
      return was;
    });
    if (seen === 'again') break;
    const stop = await focused(page);
    if (!stop) continue;
    stops += 1;
    if (!stop.visible) hidden.push(stop);
  }
  return { stops, hidden };
}

/** Writes `sampleWeek` into the extension's database from one of its pages. */
export async function putSampleWeek(page: Page, origin: string): Promise<void> {
  const { sessions, visits, searches, skills } = sampleWeek(origin);
  await putRecords(page, { sessions, visits, searches, skills });
}
