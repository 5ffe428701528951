/**
 * Hostile files fail fast, and checking many endorsements never stalls the page for long:
 * - a 300 KB endorsement of ~9,000 empty evidence entries is refused by the structure check
 *   before any JSON-LD work, against the floor of checking one honest endorsement in full;
 * - a ~1 MB badge embedding 50 endorsements is checked with the event loop sampled
 *   throughout: its time, and the longest stretch it holds its thread in one piece. That
 *   stretch (seconds: the badge's own JSON-LD expansion) is why the Verify view checks in a
 *   worker of its own (`entrypoints/dashboard/views/verify/verify-worker.ts`), never on the
 *   page's thread; it is reported, not budgeted.
 * Node's WebCrypto and the libraries the dashboard loads. Run: npx vite-node bench/endorsement-checks.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { signDataIntegrity } from '../lib/credentials/data-integrity';
import { checkEndorsement } from '../lib/credentials/endorsement';
import { learnerAchievementId } from '../lib/credentials/learner-binding';
import { checkCredential } from '../lib/credentials/verify';
import { issueBadges } from '../lib/export/openbadges/issue';
import { prepareExport } from '../lib/export/privacy';
import { badgeKeys } from '../test/fixtures/badge-keys';
import { signedEndorsement } from '../test/fixtures/endorsement';
import { heavyWeek } from '../test/fixtures/heavy-week';
import { QUICK, report } from './report';

const ROUNDS = QUICK ? 3 : 7;
const ENDORSEMENTS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs `fn` while sampling the event loop; answers the longest gap between two turns. */
async function longestStall(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await fn();
  running = false;
  return longest;
}

const keys = await badgeKeys();
const learner = keys.didKey.did;
const f = heavyWeek(1, QUICK ? 40 : 120);
const skillId = f.data.skills.find((s) => s.name.startsWith('Heavy'))!.id;
const subjects = new Map([[learnerAchievementId(learner, skillId), skillId]]);

const honest = await signedEndorsement({
  learnerDid: learner,
  skillId,
  skillName: 'Heavy skill 1',
});
const hostile = JSON.stringify({
  ...honest.credential,
  evidence: Array.from({ length: 9_000 }, () => ({ type: ['Evidence'], name: '' })),
});

// First use of the libraries is not what a learner pays on every check.
await checkEndorsement(honest.text, subjects, Date.now(), learner);
const honestMs: number[] = [];
const hostileMs: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  honestMs.push(await timed(() => checkEndorsement(honest.text, subjects, Date.now(), learner)));
  hostileMs.push(await timed(() => checkEndorsement(hostile, subjects, Date.now(), learner)));
}
const refusal = await checkEndorsement(hostile, subjects, Date.now(), learner);
if (refusal.ok || refusal.key !== 'too-complex')
  throw new Error('the hostile file was not refused');

// A badge of the heavy skill, its 50 endorsements of ~12 KB each inside.
const comment = 'Careful, well-argued work on this skill. '.repeat(300);
const many = await Promise.all(
  Array.from({ length: ENDORSEMENTS }, (_, i) =>
    signedEndorsement({
      learnerDid: learner,
      skillId,
      skillName: 'Heavy skill 1',
      comment: `${i} ${comment}`,
    }),
  ),
);
const shared = prepareExport(f.data, {
  ...f.week,
  timeZone: f.timeZone,
  weekStart: 1,
  level: 'full',
});
const [badge] = (await issueBadges(shared, keys, { now: f.now })).filter(
  (b) => b.skillId === skillId,
);
const { proof: _, ...unsigned } = badge!.credential;
unsigned.endorsement = many.map((e) => e.credential);
const big = await signDataIntegrity(unsigned, keys.didKey.signer);
const bigChars = JSON.stringify(big).length;
let verdict = await checkCredential(big, { now: Date.now() });
if (verdict.status !== 'valid' || verdict.endorsements.some((e) => e.status !== 'valid'))
  throw new Error(`the big badge does not hold: ${JSON.stringify(verdict).slice(0, 300)}`);
const bigMs: number[] = [];
const stalls: number[] = [];
for (let i = 0; i < (QUICK ? 1 : 3); i++) {
  const t0 = performance.now();
  stalls.push(
    await longestStall(async () => (verdict = await checkCredential(big, { now: Date.now() }))),
  );
  bigMs.push(performance.now() - t0);
}

const floor = { name: 'checking one honest endorsement', value: median(honestMs) };
report('endorsement-checks', {
  rows: [
    {
      case: 'honest endorsement, checked in full',
      chars: honest.text.length,
      'median ms': median(honestMs),
    },
    {
      case: 'hostile endorsement (9,000 empty evidence entries), refused',
      chars: hostile.length,
      'median ms': median(hostileMs),
    },
    {
      case: `badge with ${ENDORSEMENTS} endorsements, checked`,
      chars: bigChars,
      'median ms': median(bigMs),
    },
    { case: '… its longest event-loop stall', chars: bigChars, 'median ms': median(stalls) },
  ],
  budgets: [
    {
      name: 'refusing the hostile endorsement',
      value: median(hostileMs),
      unit: 'ms',
      limit: 1,
      floor,
    },
  ],
});
