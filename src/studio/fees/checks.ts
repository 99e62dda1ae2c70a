/**
 * Gaps and overlaps of fee tables, checked as the designer types: the core's fee-table check
 * runs on the fees alone (the full linter only gets to it once the whole draft loads), and its
 * findings are mapped to the rows they concern.
 */
import { type Finding, lintFeeTables, type ServiceDefinition } from "../../core/index.ts";
import type { Def } from "../store.ts";

const list = (v: unknown): Def[] =>
  Array.isArray(v) ? v.filter((x) => x && typeof x === "object") : [];
const strings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");

/** The parts of a draft the fee-table check reads, each made safe to walk. */
function checkable(def: Def): ServiceDefinition {
  const withId = (fields: unknown) => list(fields).filter((f) => typeof f.id === "string");
  const items = list(def.fees?.items).map((item) => {
    const t = item.table;
    const ok =
      t &&
      strings(t.inputs) &&
      Array.isArray(t.rules) &&
      t.rules.every((r: Def) => r && strings(r.when) && r.when.length >= t.inputs.length);
    return { ...item, table: ok ? t : undefined };
  });
  return {
    form: { pages: list(def.form?.pages).map((p) => ({ ...p, fields: withId(p.fields) })) },
    process: {
      actions: list(def.process?.actions).map((a) => ({ ...a, input: withId(a.input) })),
      variables: withId(def.process?.variables),
    },
    fees: { currency: "EUR", items },
  } as unknown as ServiceDefinition;
}

const keyOf = (f: Finding) => `${f.path}|${f.key}|${JSON.stringify(f.params ?? {})}`;

/** Every finding about the fees: the linter's and the live table check's, once each. */
export function feeFindings(def: Def, linted: readonly Finding[]): Finding[] {
  const out = linted.filter((f) => f.path === "fees" || f.path.startsWith("fees."));
  let live: Finding[] = [];
  try {
    live = lintFeeTables(checkable(def));
  } catch {
    // a draft too broken to check: the linter's schema findings say why
  }
  const seen = new Set(out.map(keyOf));
  for (const f of live) if (!seen.has(keyOf(f))) out.push(f);
  return out;
}

/**
 * The findings concerning row `row` of item `item`'s table: those at the row, and overlaps
 * (reported for the table) naming the row.
 */
export function rowFindings(findings: readonly Finding[], item: number, row: number): Finding[] {
  const table = `fees.items[${item}].table`;
  const rowPath = `${table}.rules[${row}]`;
  return findings.filter(
    (f) =>
      f.path === rowPath ||
      f.path.startsWith(`${rowPath}.`) ||
      (f.path === table &&
        f.key === "lint.feeOverlap" &&
        String(f.params?.rows ?? "")
          .split(",")
          .map((s) => s.trim())
          .includes(String(row + 1))),
  );
}

/** Findings for the table as a whole (gaps, overlaps, its inputs and hit policy). */
export function tableFindings(findings: readonly Finding[], item: number): Finding[] {
  const table = `fees.items[${item}].table`;
  return findings.filter(
    (f) =>
      f.path === table || (f.path.startsWith(`${table}.`) && !f.path.startsWith(`${table}.rules[`)),
  );
}
