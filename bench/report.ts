import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface Budget {
  /** What is measured, as printed. */
  name: string;
  value: number;
  unit: string;
  /** The budget; `value` passes when it is at most (or, with `atLeast`, at least) this. */
  limit: number;
  atLeast?: boolean;
}

export interface BenchReport {
  /** Rows printed as the table, in order. */
  rows: Record<string, string | number>[];
  budgets: Budget[];
  /** Anything else worth keeping in the JSON. */
  extra?: Record<string, unknown>;
}

/** The machine a figure was measured on, kept beside every result. */
export function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/**
 * Prints a benchmark's table and budgets (PASS/FAIL) and writes `bench/results/<name>.json`.
 * Budgets are reported, never asserted: these machines are shared and noisy.
 */
export function report(name: string, { rows, budgets, extra }: BenchReport): boolean {
  console.log(`\n## ${name}`);
  if (rows.length > 0) console.table(rows);
  let allPass = true;
  for (const b of budgets) {
    const pass = b.atLeast ? b.value >= b.limit : b.value <= b.limit;
    allPass &&= pass;
    const op = b.atLeast ? '≥' : '≤';
    console.log(
      `${pass ? 'PASS' : 'FAIL'}  ${b.name}: ${round(b.value)} ${b.unit} (budget ${op} ${b.limit} ${b.unit})`,
    );
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/${name}.json`, import.meta.url),
    `${JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), rows, budgets, extra }, null, 2)}\n`,
  );
  return allPass;
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
