// Runs every benchmark in bench/ (files named *.bench.ts), one after another, in one process each.
// Words select benchmarks by file name; flags (`--quick`, `--rebuild`, `--rounds 2`) go to each.
// `--quick` runs only the benchmarks with a quick run of their ratios (those reading `QUICK`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Flags that take a value. */
const VALUED = new Set(['--rounds', '--scale', '--only', '--profile']);
const flags = [];
const only = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (!args[i].startsWith('--')) only.push(args[i]);
  else if (VALUED.has(args[i])) flags.push(args[i], args[++i]);
  else flags.push(args[i]);
}
const quick = flags.includes('--quick');
const here = new URL('.', import.meta.url);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .filter((f) => !quick || /\bQUICK\b/.test(readFileSync(new URL(f, here), 'utf8')))
  .sort();
const started = Date.now();
let failed = 0;
for (const file of files) {
  const t0 = Date.now();
  const run = spawnSync('npx', ['vite-node', `bench/${file}`, ...flags], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
  console.log(`(${file}: ${minutes(Date.now() - t0)})`);
}
console.log(
  `\n${files.length} benchmarks run in ${minutes(Date.now() - started)}, ${failed} crashed (budgets are printed above as PASS/FAIL).`,
);
process.exit(failed ? 1 : 0);

function minutes(ms) {
  return `${(ms / 60_000).toFixed(1)} min`;
}
