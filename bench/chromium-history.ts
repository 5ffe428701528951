/**
 * Writes a generated history into a Chromium profile's own history database, as browsing
 * would have left it: Chromium's `history.addUrl` takes an address only (no title, no
 * time), so twelve weeks of visits cannot be added through the extension API. The profile
 * must have run once (Chromium makes the database and its schema) and be closed.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { GeneratedVisit } from './history-generator';

/** Microseconds since 1601-01-01, as Chromium stores times. */
const chromiumTime = (ms: number) => (ms + 11_644_473_600_000) * 1000;

/** Core transition types; every visit starts and ends its redirect chain (CHAIN_START | CHAIN_END). */
const TRANSITION = { link: 0, typed: 1, generated: 5 } as const;
const CHAIN_START_END = 0x30000000;

/** Adds `visits` to `<userDataDir>/Default/History`; answers the number of pages (URLs) written. */
export function writeChromiumHistory(
  userDataDir: string,
  visits: readonly GeneratedVisit[],
): number {
  const db = new DatabaseSync(join(userDataDir, 'Default', 'History'));
  try {
    const pages = new Map<
      string,
      { id: number; title: string; count: number; typed: number; last: number }
    >();
    const nextUrlId = Number(
      (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM urls').get() as { id: number }).id,
    );
    for (const v of visits) {
      const page = pages.get(v.url) ?? {
        id: nextUrlId + pages.size,
        title: v.title,
        count: 0,
        typed: 0,
        last: 0,
      };
      page.title = v.title;
      page.count++;
      if (v.transition === 'typed') page.typed++;
      page.last = Math.max(page.last, v.visitTime);
      pages.set(v.url, page);
    }
    const firstVisitId = Number(
      (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM visits').get() as { id: number }).id,
    );
    db.exec('BEGIN');
    const url = db.prepare(
      'INSERT INTO urls (id, url, title, visit_count, typed_count, last_visit_time, hidden) VALUES (?, ?, ?, ?, ?, ?, 0)',
    );
    for (const [address, p] of pages)
      url.run(p.id, address, p.title, p.count, p.typed, chromiumTime(p.last));
    const visit = db.prepare(
      'INSERT INTO visits (id, url, visit_time, from_visit, transition, segment_id, visit_duration) VALUES (?, ?, ?, ?, ?, 0, 0)',
    );
    visits.forEach((v, i) =>
      visit.run(
        firstVisitId + i,
        pages.get(v.url)!.id,
        chromiumTime(v.visitTime),
        v.from === undefined ? 0 : firstVisitId + v.from,
        TRANSITION[v.transition] | CHAIN_START_END,
      ),
    );
    db.exec('COMMIT');
    return pages.size;
  } finally {
    db.close();
  }
}
