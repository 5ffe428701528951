import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface Budget {
  /** What is measured, as printed. */
  name: string;
  /** The figure: what Skilltrail takes. */
  value: number;
  unit: string;
  /**
   * The budget. With `floor`, a ratio: `value` over the floor, measured in the same run,
   * the same browser and the same machine, must be at most (or, with `atLeast`, at least)
   * this many times. Without, an absolute limit in `unit` (bytes, hit rates: what does not
   * depend on the machine).
   */
  limit: number;
  atLeast?: boolean;
  /** What `value` is compared with: the same work without Skilltrail's code around it. */
  floor?: { name: string; value: number };
  /**
   * The same work measured with and without, pair by pair (a page, a round): then the ratio
   * judged is the median of the pairs' own ratios, and `value` and `floor` (the medians of
   * each side) are only shown. Two medians of a spread of pages are each some other page's
   * figure, so their ratio compares different work.
   */
  pairs?: readonly (readonly [value: number, floor: number])[];
}

export interface BenchReport {
  /** Rows printed as the table, in order. */
  rows: Record<string, string | number>[];
  budgets: Budget[];
  /** Anything else worth keeping in the JSON. */
  extra?: Record<string, unknown>;
}

/** `--quick`: ratios only, on less data and fewer rounds (`npm run bench -- --quick`). */
export const QUICK = process.argv.includes('--quick');

/** The value after `flag` on the command line, if any. */
export function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The machine a figure was measured on, kept beside every result. */
export function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine while it ran (1, 5 and 15 minutes).
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** A budget's outcome, as printed and as kept in the JSON. */
export function judge(b: Budget) {
  const ratio = b.pairs ? pairedRatio(b.pairs) : b.floor ? b.value / b.floor.value : undefined;
  const measured = ratio ?? b.value;
  const pass = b.atLeast ? measured >= b.limit : measured <= b.limit;
  return {
    name: b.name,
    ...(b.floor ? { floorName: b.floor.name, floor: b.floor.value } : {}),
    figure: b.value,
    unit: b.unit,
    ...(ratio !== undefined ? { ratio } : {}),
    ...(b.pairs ? { ratioOf: `median of ${b.pairs.length} paired ratios` } : {}),
    budget: b.limit,
    budgetKind: b.floor ? 'ratio' : 'absolute',
    atLeast: b.atLeast ?? false,
    pass,
  };
}

/**
 * Prints a benchmark's table and budgets (PASS/FAIL) and writes `bench/results/<name>.json`
 * (`<name>-quick.json` with `--quick`). Budgets are reported, never asserted.
 */
export function report(name: string, { rows, budgets, extra }: BenchReport): boolean {
  console.log(`\n## ${name}${QUICK ? ' (quick)' : ''}`);
  if (rows.length > 0) console.table(rows);
  const judged = budgets.map(judge);
  for (const j of judged) {
    const op = j.atLeast ? '≥' : '≤';
    const line =
      j.ratio !== undefined
        ? `${j.name}: ${round(j.figure)} ${j.unit} against ${j.floorName} ${round(j.floor!)} ${j.unit}${j.ratioOf ? `; ${j.ratioOf}` : ''} = ${round(j.ratio)} × (budget ${op} ${j.budget} ×)`
        : `${j.name}: ${round(j.figure)} ${j.unit} (budget ${op} ${j.budget} ${j.unit})`;
    console.log(`${j.pass ? 'PASS' : 'FAIL'}  ${line}`);
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/${name}${QUICK ? '-quick' : ''}.json`, import.meta.url),
    `${JSON.stringify({ name, at: new Date().toISOString(), quick: QUICK, machine: machine(), rows, budgets: judged, extra }, null, 2)}\n`,
  );
  return judged.every((j) => j.pass);
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The median of each pair's `value / floor`: how much more the same work took, page by page
 * or round by round.
 * @example pairedRatio([[110, 100], [300, 290], [52, 50]]) // 1.04
 */
export function pairedRatio(pairs: readonly (readonly [value: number, floor: number])[]): number {
  return median(pairs.map(([value, floor]) => value / floor));
}
