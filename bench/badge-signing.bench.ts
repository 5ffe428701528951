/**
 * Time to issue a heavy week's badges: 10 skills × 50 sessions with long URLs and
 * reflections, each badge signed with a Data Integrity proof (JSON-LD expansion and RDF
 * canonicalisation, Ed25519 through WebCrypto) and then as a VC-JWT (RS256). Also the time
 * to check the whole file again, both forms. Node's WebCrypto and the same libraries the
 * dashboard loads. Run: npx vite-node bench/badge-signing.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { checkCredential } from '../lib/credentials/verify';
import { issueBadges } from '../lib/export/openbadges/issue';
import { prepareExport } from '../lib/export/privacy';
import { badgeKeys } from '../test/fixtures/badge-keys';
import { heavyWeek } from '../test/fixtures/heavy-week';
import { report } from './report';

const SKILLS = 10;
const SESSIONS = 50;
const ROUNDS = 5;

const f = heavyWeek(SKILLS, SESSIONS);
const shared = prepareExport(f.data, {
  ...f.week,
  timeZone: f.timeZone,
  weekStart: 1,
  level: 'full',
});
const keys = await badgeKeys();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// One round first: the libraries' own first-use costs are not the learner's every export.
await issueBadges(shared, keys, { now: f.now });
const signing: number[] = [];
const checking: number[] = [];
let badges = await issueBadges(shared, keys, { now: f.now });
for (let i = 0; i < ROUNDS; i++) {
  const t0 = performance.now();
  badges = await issueBadges(shared, keys, { now: f.now });
  signing.push(performance.now() - t0);
  const t1 = performance.now();
  for (const b of badges) {
    for (const item of [b.credential, b.jws]) {
      const v = await checkCredential(item, { now: f.now });
      if (v.status !== 'valid') throw new Error(`badge not valid: ${JSON.stringify(v)}`);
    }
  }
  checking.push(performance.now() - t1);
}
const sign = median(signing);
const check = median(checking);

report('badge-signing', {
  rows: [
    {
      badges: badges.length,
      'sessions per badge': SESSIONS,
      'largest VC-JWT (chars)': Math.max(...badges.map((b) => b.jws.length)),
      'sign all, median ms': Math.round(sign),
      'sign per badge ms': Math.round(sign / badges.length),
      'check both forms, median ms': Math.round(check),
    },
  ],
  budgets: [
    { name: 'sign a heavy week (10 skills × 50 sessions)', value: sign, unit: 'ms', limit: 2000 },
  ],
  extra: { signingRounds: signing.map(Math.round), checkingRounds: checking.map(Math.round) },
});
