import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/store/db';
import { keepFromHistory, recordedSpans } from '../../../lib/store/look-back';
import { ensureSkill } from '../../../lib/store/skills';
import { knownVisits, withoutKnown } from '../../../lib/look-back/known';
import type { LookBackCandidate } from '../../../lib/look-back/group';
import { measuredMs } from '../../../lib/provenance';

const T0 = Date.UTC(2026, 10, 30, 9);

const search: LookBackCandidate = {
  id: 'search:1',
  kind: 'search',
  title: 'css grid',
  url: 'https://duckduckgo.com/?q=css+grid',
  domain: 'duckduckgo.com',
  engine: 'duckduckgo',
  queries: [
    { query: 'css grid', queryKey: 'css grid', url: 'https://duckduckgo.com/?q=css+grid', at: T0 },
  ],
  pages: [
    {
      url: 'https://duckduckgo.com/?q=css+grid',
      title: 'css grid',
      domain: 'duckduckgo.com',
      firstAt: T0,
      lastAt: T0,
      serp: true,
      queryKey: 'css grid',
    },
    {
      url: 'https://site.example/grid',
      title: 'Grid',
      domain: 'site.example',
      firstAt: T0 + 60_000,
      lastAt: T0 + 120_000,
      serp: false,
      queryKey: 'css grid',
    },
  ],
  startedAt: T0,
  endedAt: T0 + 120_000,
  estimatedMs: 180_000,
};

describe('keeping what a look back found', () => {
  it('stores a session from history with no measured time, its pages and queries, tagged', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    const css = await ensureSkill(db, 'CSS', T0);
    const session = await keepFromHistory(db, search, [css.id], T0 + 1);
    expect(session).toMatchObject({
      kind: 'search',
      provenance: 'from-history',
      status: 'kept',
      activeMs: 0,
      skills: [css.id],
      startedAt: T0,
      endedAt: T0 + 120_000,
    });
    expect(measuredMs(session)).toBe(0);
    const visits = await db.visits.where('sessionId').equals(session.id).sortBy('startedAt');
    expect(visits.map((v) => [v.url, v.activeMs])).toEqual([
      ['https://duckduckgo.com/?q=css+grid', 0],
      ['https://site.example/grid', 0],
    ]);
    const searches = await db.searches.where('sessionId').equals(session.id).toArray();
    expect(searches.map((s) => s.query)).toEqual(['css grid']);
    expect(visits.every((v) => v.searchId === searches[0]!.id)).toBe(true);

    // Kept twice (a double click) is kept once.
    const again = await keepFromHistory(db, search, [], T0 + 2);
    expect(again.id).toBe(session.id);
    expect(await db.sessions.count()).toBe(1);
  });

  it('is never offered again by a second look back', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    await keepFromHistory(db, search, [], T0 + 1);
    const known = knownVisits(await recordedSpans(db, T0 - 60_000, T0 + 3_600_000));
    expect(withoutKnown([search], known)).toEqual([]);
  });
});
