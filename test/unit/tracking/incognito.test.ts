import { describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../../../lib/tracking/events';
import { activate, ARTICLE, focus, nav, openedFrom, runTrace, ticks, titled } from './trace';

/**
 * Private windows are never recorded, even when the learner allows Skilltrail there and
 * even when the browser tells the tracker late that a tab is private.
 */
const SECRET = 'https://www.google.com/search?q=private+question';

const historyNav = (tabId: number, url: string): TrackerEvent => ({
  type: 'navigated',
  tabId,
  url,
  transition: 'link',
  qualifiers: [],
  inPage: true,
});

function recorded(run: ReturnType<typeof runTrace>) {
  return run.sessions.size + run.visits.size + run.searches.size;
}

describe('private windows', () => {
  it('records nothing from a private tab read for ten minutes', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, activate(9, 3, { incognito: true, url: ARTICLE, status: 'complete' })],
      [0, nav(9, ARTICLE, 'typed', [], { incognito: true, windowId: 3 })],
      [1, titled(9, 3, ARTICLE, 'CSS grid')],
      ...ticks(1, 600),
    ]);
    expect(recorded(run)).toBe(0);
    expect(run.captures).toEqual([]);
  });

  it('records nothing when the first word of a private tab is an in-page navigation', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, historyNav(9, ARTICLE)],
      [1, activate(9, 3, { incognito: true, url: ARTICLE, status: 'complete' })],
      ...ticks(1, 600),
    ]);
    expect(recorded(run)).toBe(0);
  });

  it('keeps no URL of a tab it learns late is private in its persisted state', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, historyNav(9, ARTICLE)],
      [1, activate(9, 3, { incognito: true, url: ARTICLE, status: 'complete' })],
    ]);
    expect(JSON.stringify(run.state)).not.toContain('developer.mozilla.org');
  });

  it('records nothing from a tab a private tab opened', () => {
    const run = runTrace([
      [0, focus(3)],
      [0, activate(9, 3, { incognito: true, url: SECRET, status: 'complete' })],
      [0, nav(9, SECRET, 'typed', [], { incognito: true, windowId: 3 })],
      [5, openedFrom(9, 10, 3)],
      [5, nav(10, ARTICLE, 'link')],
      [6, activate(10, 3)],
      ...ticks(6, 600),
    ]);
    expect(recorded(run)).toBe(0);
    expect(JSON.stringify(run.state)).not.toContain('private+question');
  });

  it('still records the same page in an ordinary window', () => {
    const run = runTrace([
      [0, focus(1)],
      [0, activate(1, 1, { incognito: false })],
      [0, nav(1, ARTICLE, 'typed', [], { incognito: false, windowId: 1 })],
      ...ticks(0, 120),
    ]);
    expect(run.sessions.size).toBe(1);
  });
});
