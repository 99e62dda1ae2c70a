/**
 * The figures a benchmark reports to `npm run bench` (bench/all.ts): one row per measurement,
 * beside the reference measured in the same run. Written as JSON lines to the file named by
 * BENCH_REPORT when set; the benchmark's own printout stays as it is.
 */
import { appendFileSync } from "node:fs";

export type BenchRow = {
  bench: string;
  measurement: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  /** Whether a larger value is better (rates) or a smaller one (times). */
  better: "higher" | "lower";
  /** The target, as text (e.g. "≥ 0.5 × reference", "< 50 ms"). */
  target?: string;
  /** Whether the target holds, when there is one. */
  met?: boolean;
};

export function report(rows: BenchRow[]): void {
  const file = process.env.BENCH_REPORT;
  if (!file) return;
  appendFileSync(file, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
}
