// Runs every benchmark in bench/ (files named *.bench.ts), one after another, in one process each.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const run = spawnSync('npx', ['vite-node', `bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
console.log(
  `\n${files.length} benchmarks run, ${failed} crashed (budgets are printed above as PASS/FAIL).`,
);
process.exit(failed ? 1 : 0);
