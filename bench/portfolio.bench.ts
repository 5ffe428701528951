/**
 * The portfolio page at ten heavy years (bench/generate-data.ts: 100,000 sessions,
 * 300,000 visits, 500 skills, seeded), in real Chromium with the extension loaded:
 * - its weight: the page for the 20 skills with the most sessions, gzip, against 150 KB;
 * - generating it: reading the records (`loadSkillRecordData`), working out and signing
 *   the 20 skill records and writing the page, in an extension page, against reading the
 *   same records with IndexedDB alone (getAll by the same indexes), alternated: ≤ 2 ×;
 * - verifying on open: the saved page opened from disk until every verdict is given,
 *   against the same page with every proof taken out (shown in full, nothing to verify),
 *   alternated in the same browser: ≤ 3 ×.
 * Run: npx vite-node bench/portfolio.bench.ts [--quick] (`--quick`: a twentieth of the
 * data, three runs each).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import type { PortfolioPageText } from '../lib/portfolio/text';
import { PROVENANCES } from '../lib/provenance';
import { weekOf } from '../lib/time';
import { buildStandaloneScript } from '../tools/build/standalone-script';
import { bundleForPage, launchBench } from './browser';
import { SCALE, type GenerateOptions } from './generate-data';
import { median, QUICK, report, type Budget } from './report';

const SCALE_FACTOR = QUICK ? 0.05 : 1;
const RUNS = QUICK ? 3 : 5;
const SKILLS = 20;
const RATIOS = { generate: 2, verify: 3 };
const MAX_GZIP_BYTES = 150 * 1024;

interface BenchApi {
  openDb: typeof import('../lib/store/db').openDb;
  generateData: typeof import('./generate-data').generateData;
  generateSkills: typeof import('./generate-data').generateSkills;
  loadSkillRecordData: typeof import('../lib/store/skill-records').loadSkillRecordData;
  recordScope: typeof import('../lib/portfolio/scope').recordScope;
  prepareExport: typeof import('../lib/export/privacy').prepareExport;
  buildSkillRecord: typeof import('../lib/export/openbadges/build').buildSkillRecord;
  signDataIntegrity: typeof import('../lib/credentials/data-integrity').signDataIntegrity;
  getOrCreateDidKey: typeof import('../lib/credentials/did-key').getOrCreateDidKey;
  memoryKeyStore: typeof import('../lib/credentials/keys').memoryKeyStore;
  portfolioPageHtml: typeof import('../lib/portfolio/page-html').portfolioPageHtml;
}
type BenchGlobal = typeof globalThis & {
  __skilltrailBench: BenchApi;
  __benchFill?: { batches: Iterator<import('./generate-data').DataBatch> };
  __benchHtml?: string;
};

const pageEntry = () => {
  const at = (path: string) => JSON.stringify(resolve(path));
  return `
export { openDb } from ${at('lib/store/db.ts')};
export { generateData, generateSkills } from ${at('bench/generate-data.ts')};
export { loadSkillRecordData } from ${at('lib/store/skill-records.ts')};
export { recordScope } from ${at('lib/portfolio/scope.ts')};
export { prepareExport } from ${at('lib/export/privacy.ts')};
export { buildSkillRecord } from ${at('lib/export/openbadges/build.ts')};
export { signDataIntegrity } from ${at('lib/credentials/data-integrity.ts')};
export { getOrCreateDidKey } from ${at('lib/credentials/did-key.ts')};
export { memoryKeyStore } from ${at('lib/credentials/keys.ts')};
export { portfolioPageHtml } from ${at('lib/portfolio/page-html.ts')};
`;
};

async function fill(page: Page, options: GenerateOptions): Promise<number> {
  await page.evaluate(async (o) => {
    const g = globalThis as BenchGlobal;
    const db = g.__skilltrailBench.openDb();
    await db.skills.bulkPut(g.__skilltrailBench.generateSkills(o));
    g.__benchFill = { batches: g.__skilltrailBench.generateData(o, 2500) };
    db.close();
  }, options);
  let sessions = 0;
  for (;;) {
    const step = await page.evaluate(async () => {
      const g = globalThis as BenchGlobal;
      const db = g.__skilltrailBench.openDb();
      let n = 0;
      try {
        for (let i = 0; i < 4; i++) {
          const next = g.__benchFill!.batches.next();
          if (next.done) return { n, done: true };
          const b = next.value;
          await db.transaction('rw', [db.sessions, db.visits, db.searches, db.captures], () =>
            Promise.all([
              db.sessions.bulkPut(b.sessions),
              db.visits.bulkPut(b.visits),
              db.searches.bulkPut(b.searches),
              db.captures.bulkPut(b.captures),
            ]),
          );
          n += b.sessions.length;
        }
        return { n, done: false };
      } finally {
        db.close();
      }
    });
    sessions += step.n;
    if (step.done) return sessions;
  }
}

/** The skills with the most sessions, read once. */
async function busiestSkills(page: Page): Promise<string[]> {
  return page.evaluate(async (count) => {
    const db = (globalThis as BenchGlobal).__skilltrailBench.openDb();
    const tally = new Map<string, number>();
    await db.sessions.each((s) => {
      for (const id of s.skills) tally.set(id, (tally.get(id) ?? 0) + 1);
    });
    db.close();
    return [...tally]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([id]) => id);
  }, SKILLS);
}

/** The page, as the dashboard makes it: records read, scoped, built, signed, written. */
async function generate(
  page: Page,
  skillIds: string[],
  assets: unknown,
  text: PortfolioPageText,
  now: number,
) {
  return page.evaluate(
    async ({ ids, assets, text, now }) => {
      const g = globalThis as BenchGlobal;
      const b = g.__skilltrailBench;
      const db = b.openDb();
      const key = await b.getOrCreateDidKey(b.memoryKeyStore());
      const t0 = performance.now();
      const loaded = await b.loadSkillRecordData(db, ids);
      const tRead = performance.now();
      const scope = b.recordScope(loaded, ids, { now })!;
      const shared = b.prepareExport(scope.data, {
        start: scope.start,
        end: scope.end,
        level: 'full',
      });
      const records = [];
      let signMs = 0;
      for (const s of shared.summary.skills) {
        const c = await b.buildSkillRecord(shared, s.skillId, {
          issuerId: key.did,
          learnerName: 'Ada Learner',
          now,
        });
        if (!c) continue;
        const tSign = performance.now();
        const signed = await b.signDataIntegrity(c, key.signer, { now });
        signMs += performance.now() - tSign;
        records.push({
          skill: s.name,
          credential: signed as unknown as Record<string, unknown>,
          filename: `${s.name}.json`,
        });
      }
      const html = b.portfolioPageHtml(
        { learner: 'Ada Learner', records, text: text as never, lang: 'en' },
        assets as never,
      );
      const ms = performance.now() - t0;
      db.close();
      g.__benchHtml = html;
      return {
        ms,
        readMs: tRead - t0,
        signMs,
        records: records.length,
        sessions: scope.data.sessions.length,
      };
    },
    { ids: skillIds, assets, text, now },
  );
}

/** The same records read with IndexedDB alone, by the same indexes. */
async function rawRead(page: Page, skillIds: string[]) {
  return page.evaluate(async (ids) => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('skilltrail');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction(
      ['sessions', 'visits', 'searches', 'skills', 'followUps', 'endorsements'],
      'readonly',
    );
    const all = <T>(r: IDBRequest<T>) =>
      new Promise<T>((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const seen = new Set<string>();
    for (const id of ids) {
      const list = await all(tx.objectStore('sessions').index('skills').getAll(id));
      for (const s of list as { id: string }[]) seen.add(s.id);
    }
    let rows = 0;
    await Promise.all(
      [...seen].flatMap((id) => [
        all(tx.objectStore('visits').index('sessionId').getAll(id)).then((r) => (rows += r.length)),
        all(tx.objectStore('searches').index('sessionId').getAll(id)).then(
          (r) => (rows += r.length),
        ),
      ]),
    );
    for (const id of ids) {
      await all(tx.objectStore('skills').get(id));
      await all(tx.objectStore('followUps').index('skillId').getAll(id));
      await all(tx.objectStore('endorsements').index('skillId').getAll(id));
    }
    db.close();
    return { ms: performance.now() - t0, sessions: seen.size, rows };
  }, skillIds);
}

/** The page's words in English, as the dashboard gives them in English. */
function englishText(): PortfolioPageText {
  type Messages = Record<string, { message: string }>;
  const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;
  const m = (key: string) => en[key]!.message;
  const word = (p: string) => p.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  return {
    title: m('portfolioTitle'),
    intro: m('portfolioIntro'),
    selfIssued: m('portfolioSelfIssued'),
    privacy: m('portfolioPrivacy')
      .replace('$1', m('privacyFull'))
      .replace('$2', m('privacyFullShares')),
    checking: m('portfolioChecking'),
    recordHolds: m('portfolioRecordHolds'),
    recordChanged: m('portfolioRecordChanged'),
    endorsementHolds: m('portfolioEndorsementHolds'),
    endorsementChanged: m('portfolioEndorsementChanged'),
    countsHeading: m('portfolioCountsHeading'),
    measuredTime: m('portfolioMeasuredTime'),
    span: m('portfolioSpan'),
    evidenceHeading: m('portfolioEvidenceHeading'),
    noEvidence: m('portfolioNoEvidence'),
    endorsementsHeading: m('endorsementsHeading'),
    endorsedBy: m('endorsedBy'),
    endorserNote: m('portfolioEndorserNote'),
    saveForWallet: m('badgeSaveForWallet'),
    criteriaHeading: m('verifyCriteria'),
    provenance: {
      label: Object.fromEntries(PROVENANCES.map((p) => [p, m(`provenance${word(p)}`)])),
      how: Object.fromEntries(PROVENANCES.map((p) => [p, m(`provenance${word(p)}How`)])),
    } as PortfolioPageText['provenance'],
    noScript: m('portfolioNoScript'),
    damaged: m('portfolioDamaged'),
    proves: m('portfolioProves'),
    doesNotProve: m('portfolioDoesNotProve'),
  };
}

/** Opens `path` in a fresh tab until every verdict is given; answers the milliseconds. */
async function open(page: Page, path: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(`file://${path}`);
  for (;;) {
    if (performance.now() - t0 > 120_000) throw new Error(`${path}: no verdicts after 2 minutes`);
    const done = await page.evaluate(() => {
      const s = [...document.querySelectorAll<HTMLElement>('p.status[data-signature]')];
      return s.length > 0 && s.every((p) => p.dataset.signature !== 'checking');
    });
    if (done) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main() {
  const now = Date.now();
  const options: GenerateOptions = {
    ...SCALE,
    sessions: Math.round(SCALE.sessions * SCALE_FACTOR),
    visits: Math.round(SCALE.visits * SCALE_FACTOR),
    end: weekOf(now, { weekStart: 1 }).start,
  };
  // A context package points at its own file (`new URL('x.jsonld', import.meta.url)`), which
  // no code here reads and which a classic script cannot resolve: as the standalone pages do,
  // it goes.
  const entry = (await bundleForPage(pageEntry(), '__skilltrailBench')).replace(
    /new URL\("data:[^"]*", "" \+ \{\}\.url\)/g,
    'undefined',
  );
  const assets = await buildStandaloneScript('portfolio');
  const dir = mkdtempSync(join(tmpdir(), 'skilltrail-bench-portfolio-'));
  const ext = await launchBench('e2e');
  const rows: Record<string, string | number>[] = [];
  const budgets: Budget[] = [];
  try {
    const page = await ext.openExtensionPage('/dashboard.html#/settings');
    await page.evaluate(entry);
    const t0 = performance.now();
    const sessions = await fill(page, options);
    rows.push({
      measure: 'fill',
      value: Math.round(performance.now() - t0),
      unit: 'ms',
      detail: `${sessions} sessions`,
    });
    console.log(`filled: ${sessions} sessions`);
    const ids = await busiestSkills(page);
    console.log(`skills: ${ids.length}`);

    const gen: number[] = [];
    const raw: number[] = [];
    let last = { records: 0, sessions: 0, readMs: 0, signMs: 0 };
    await rawRead(page, ids);
    for (let i = 0; i < RUNS; i++) {
      const g = await generate(page, ids, assets, englishText(), now);
      console.log(`generated in ${Math.round(g.ms)} ms`);
      gen.push(g.ms);
      last = g;
      raw.push((await rawRead(page, ids)).ms);
    }
    const html = await page.evaluate(() => (globalThis as BenchGlobal).__benchHtml!);
    const gzip = gzipSync(html).length;
    rows.push(
      {
        measure: 'generate the page',
        value: Math.round(median(gen)),
        unit: 'ms',
        detail: `${last.records} records over ${last.sessions} sessions`,
      },
      {
        measure: '  of which reading (loadSkillRecordData)',
        value: Math.round(last.readMs),
        unit: 'ms',
        detail: 'last run',
      },
      {
        measure: '  of which signing (eddsa-rdfc-2022)',
        value: Math.round(last.signMs),
        unit: 'ms',
        detail: 'last run, canonicalisation included',
      },
      {
        measure: 'IndexedDB alone, same records',
        value: Math.round(median(raw)),
        unit: 'ms',
        detail: 'getAll by the same indexes',
      },
      {
        measure: 'page, gzip',
        value: gzip,
        unit: 'B',
        detail: `${html.length} characters; script ${gzipSync(assets.script).length} B gzip`,
      },
    );
    budgets.push(
      { name: `page for ${SKILLS} skills, gzip`, value: gzip, unit: 'B', limit: MAX_GZIP_BYTES },
      {
        name: 'generating the page',
        value: median(gen),
        unit: 'ms',
        limit: RATIOS.generate,
        floor: { name: 'IndexedDB alone', value: median(raw) },
      },
    );

    const path = join(dir, 'portfolio.html');
    writeFileSync(path, html);
    // The floor: the same page with every proof taken out, shown in full with nothing to verify.
    // A signed credential carries its proof as an array of one object (`"proof":[{…}]`).
    const unsigned = html.replace(/,"proof":(\[\{[^{}]*\}\]|\{[^{}]*\})/g, '');
    if (unsigned.includes('"proof"')) throw new Error('the floor page still holds a proof');
    const floorPath = join(dir, 'unsigned.html');
    writeFileSync(floorPath, unsigned);
    const tab = await ext.browser.newPage();
    const verified: number[] = [];
    const shown: number[] = [];
    console.log('opening');
    await open(tab, path);
    console.log('opened once');
    await open(tab, floorPath);
    console.log('floor opened once');
    for (let i = 0; i < RUNS; i++) {
      verified.push(await open(tab, path));
      shown.push(await open(tab, floorPath));
    }
    rows.push(
      {
        measure: 'open and verify every record',
        value: Math.round(median(verified)),
        unit: 'ms',
        detail: 'from disk, until every verdict shows',
      },
      {
        measure: 'open without verifying',
        value: Math.round(median(shown)),
        unit: 'ms',
        detail: 'the same page, proofs taken out',
      },
    );
    budgets.push({
      name: 'verifying every credential on open',
      value: median(verified),
      unit: 'ms',
      limit: RATIOS.verify,
      floor: { name: 'the page shown without verifying', value: median(shown) },
    });
  } finally {
    await ext.close();
  }
  report('portfolio', { rows, budgets, extra: { options, skills: SKILLS, runs: RUNS } });
}

await main();
