import { unaryTest } from "feelin";
import type { FeeItemDef, FeeTableDef, ServiceDefinition } from "../definition/types.ts";
import type { Problem } from "../problems.ts";
import { rulesOf } from "../rules/compiled.ts";

/** One line of a fee assessment. Amounts are integer cents; there is no floating-point money. */
export type FeeLine = { id: string; label: string; amountCents: number; legalBasis: string };

/** The fees of a case: line items and their total, in cents. */
export type FeeAssessment = { currency: "EUR"; lines: FeeLine[]; totalCents: number };

/** The outcome of assessing fees: the assessment, or what made it impossible. */
export type FeeResult =
  | { ok: true; assessment: FeeAssessment }
  | { ok: false; problems: Problem[] };

/**
 * Assesses the fees of a definition for a FEEL context (case data as FEEL values,
 * `today`, `case`) — all items, or `only` those named (an action's `assessFee.items`). Formulas and table cells must yield integer cents; a fraction, a
 * non-number or a negative total is a problem, never a rounded guess.
 */
export function assessFees(
  def: ServiceDefinition,
  context: Record<string, unknown>,
  only?: readonly string[],
): FeeResult {
  const lines: FeeLine[] = [];
  const problems: Problem[] = [];
  def.fees?.items.forEach((item, i) => {
    if (only && !only.includes(item.id)) return;
    const path = `fees.items[${i}]`;
    if (item.when && rulesOf(def).expression(item.when).evaluate(context).value !== true) return;
    const line = item.table
      ? tableLine(def, item, item.table, context, path, problems)
      : amountLine(def, item, item.amount ?? 0, context, `${path}.amount`, problems);
    if (line) lines.push(line);
  });
  if (problems.length > 0) return { ok: false, problems };
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (totalCents < 0) return { ok: false, problems: [{ path: "fees", key: "fees.negativeTotal" }] };
  return { ok: true, assessment: { currency: "EUR", lines, totalCents } };
}

function amountOf(
  def: ServiceDefinition,
  amount: number | string,
  context: Record<string, unknown>,
  path: string,
  problems: Problem[],
): number | undefined {
  if (typeof amount === "number") return amount;
  const value = rulesOf(def).expression(amount).evaluate(context).value;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    const params = { value: value === null ? "null" : String(value) };
    problems.push({ path, key: "fees.notIntegerCents", params });
    return undefined;
  }
  return value;
}

function amountLine(
  def: ServiceDefinition,
  item: FeeItemDef,
  amount: number | string,
  context: Record<string, unknown>,
  path: string,
  problems: Problem[],
): FeeLine | undefined {
  const cents = amountOf(def, amount, context, path, problems);
  if (cents === undefined) return undefined;
  return { id: item.id, label: item.label, amountCents: cents, legalBasis: item.legalBasis };
}

function tableLine(
  def: ServiceDefinition,
  item: FeeItemDef,
  table: FeeTableDef,
  context: Record<string, unknown>,
  path: string,
  problems: Problem[],
): FeeLine | undefined {
  const inputs = table.inputs.map(
    (source) => rulesOf(def).expression(source).evaluate(context).value,
  );
  let total: number | undefined;
  let label = item.label;
  const bases: string[] = [];
  for (const [r, rule] of table.rules.entries()) {
    if (!rule.when.every((test, c) => matches(test, inputs[c], context))) continue;
    const cents = amountOf(def, rule.amount, context, `${path}.table.rules[${r}].amount`, problems);
    if (cents === undefined) return undefined;
    total = (total ?? 0) + cents;
    const basis = rule.legalBasis ?? item.legalBasis;
    if (!bases.includes(basis)) bases.push(basis);
    if (table.hitPolicy === "first") {
      label = rule.label ?? label;
      break;
    }
  }
  if (total === undefined) return undefined;
  // a row may cite its own tariff number; summed rows cite each basis once
  return { id: item.id, label, amountCents: total, legalBasis: bases.join("; ") };
}

/**
 * Whether an input value passes a unary test cell. Cells are parsed per call: fees are
 * assessed once per case action, far off the hot path of form validation.
 */
function matches(test: string, value: unknown, context: Record<string, unknown>): boolean {
  if (test.trim() === "-") return true;
  return unaryTest(test, { ...context, "?": value }).value === true;
}
