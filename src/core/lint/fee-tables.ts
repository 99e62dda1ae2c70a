import { dataModel } from "../definition/data-model.ts";
import type { FeeTableDef, ServiceDefinition } from "../definition/types.ts";
import type { Finding } from "../problems.ts";

/** A numeric interval from a unary test; open ends exclude the bound. */
type Interval = { lo: number; loOpen: boolean; hi: number; hiOpen: boolean };

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const COMPARISON = new RegExp(`^(<=|>=|<|>|=)?\\s*(${NUMBER})$`);
const RANGE = new RegExp(`^([[(\\]])\\s*(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})\\s*([\\])[])$`);

/** Parses a numeric unary test cell (`-`, `5`, `< 10`, `[1..5)`, lists with commas). */
export function parseIntervals(cell: string): Interval[] | undefined {
  const text = cell.trim();
  if (text === "-") return [{ lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true }];
  const parts = text.split(",").map((p) => p.trim());
  const intervals: Interval[] = [];
  for (const part of parts) {
    const range = RANGE.exec(part);
    if (range) {
      const lo = Number(range[2]);
      const hi = Number(range[3]);
      intervals.push({ lo, loOpen: range[1] !== "[", hi, hiOpen: range[4] !== "]" });
      continue;
    }
    const comparison = COMPARISON.exec(part);
    if (!comparison) return undefined;
    const n = Number(comparison[2]);
    const op = comparison[1] ?? "=";
    if (op === "=") intervals.push({ lo: n, loOpen: false, hi: n, hiOpen: false });
    if (op === "<" || op === "<=")
      intervals.push({ lo: -Infinity, loOpen: true, hi: n, hiOpen: op === "<" });
    if (op === ">" || op === ">=")
      intervals.push({ lo: n, loOpen: op === ">", hi: Infinity, hiOpen: true });
  }
  return intervals;
}

function contains(interval: Interval, x: number): boolean {
  const aboveLo = interval.loOpen ? x > interval.lo : x >= interval.lo;
  const belowHi = interval.hiOpen ? x < interval.hi : x <= interval.hi;
  return aboveLo && belowHi;
}

/**
 * Representative values of every segment the table's bounds cut the number line into:
 * the match pattern of interval rows is constant on each segment, so checking these
 * values finds every gap and overlap exactly.
 */
function samples(bounds: number[], integer: boolean, min: number): { x: number; range: string }[] {
  const sorted = [...new Set(bounds.filter(Number.isFinite))].sort((a, b) => a - b);
  const out: { x: number; range: string }[] = [];
  const add = (x: number, range: string) => {
    if (x >= min && (!integer || Number.isInteger(x))) out.push({ x, range });
  };
  if (sorted.length === 0) return [{ x: Math.max(min, 0), range: "≥ 0" }];
  add(integer ? Math.ceil(sorted[0]) - 1 : sorted[0] - 1, `< ${sorted[0]}`);
  sorted.forEach((b, i) => {
    add(b, String(b));
    const next = sorted[i + 1];
    if (next === undefined) add(integer ? Math.floor(b) + 1 : b + 1, `> ${b}`);
    else {
      const inside = integer ? Math.floor(b) + 1 : (b + next) / 2;
      if (inside < next) add(inside, `${b} – ${next}`);
    }
  });
  return out;
}

/** Gaps, overlaps and shadowed rows of single-input numeric fee tables. */
export function lintFeeTables(def: ServiceDefinition): Finding[] {
  const findings: Finding[] = [];
  const model = dataModel(def);
  def.fees?.items.forEach((item, i) => {
    const table = item.table;
    if (table?.inputs.length !== 1) return;
    const rows = table.rules.map((rule) => parseIntervals(rule.when[0]));
    if (rows.some((r) => r === undefined)) return;
    const field = model.get(table.inputs[0].trim())?.field;
    const integer =
      field?.type === "integer" ||
      field?.type === "money" ||
      /^count\(/.test(table.inputs[0].trim());
    const min = field && "min" in field && typeof field.min === "number" ? field.min : 0;
    findings.push(
      ...tableFindings(table, rows as Interval[][], integer, min, `fees.items[${i}].table`),
    );
  });
  return findings;
}

function tableFindings(
  table: FeeTableDef,
  rows: Interval[][],
  integer: boolean,
  min: number,
  path: string,
): Finding[] {
  const findings: Finding[] = [];
  const bounds = rows.flat().flatMap((iv) => [iv.lo, iv.hi]);
  const firstHits = new Set<number>();
  for (const { x, range } of samples(bounds, integer, min)) {
    const hits = rows.flatMap((intervals, r) =>
      intervals.some((iv) => contains(iv, x)) ? [r] : [],
    );
    if (hits.length === 0)
      findings.push({ severity: "warning", path, key: "lint.feeGap", params: { range } });
    if (hits.length > 0) firstHits.add(hits[0]);
    if (hits.length > 1 && table.hitPolicy === "collect-sum") {
      const params = { range, rows: hits.map((h) => h + 1).join(", ") };
      findings.push({ severity: "warning", path, key: "lint.feeOverlap", params });
    }
  }
  if (table.hitPolicy === "first") {
    rows.forEach((_, r) => {
      if (!firstHits.has(r)) {
        findings.push({
          severity: "warning",
          path: `${path}.rules[${r}]`,
          key: "lint.feeRuleShadowed",
          params: { row: r + 1 },
        });
      }
    });
  }
  return findings;
}
