/**
 * Amounts as the fees editor shows them: fixed amounts in German euros (`12,50`) stored as
 * integer cents, and formulas (FEEL yielding cents) written after an equals sign.
 */
import { formatCents, parseCents } from "../../core/index.ts";

/** Cents as the text of an amount input: `1.234,50` (no currency sign). */
export function centsText(cents: number): string {
  return formatCents(cents).replace(/\s*€$/, "");
}

/** An amount (cents or formula) as the text of an amount cell: `12,50` or `= 50 * weeks`. */
export function amountText(amount: unknown): string {
  if (typeof amount === "number") return centsText(amount);
  if (typeof amount === "string") return `= ${amount}`;
  return "";
}

/**
 * Reads an amount cell: euros to cents, or `= formula` to the formula when allowed;
 * undefined when it is neither (the cell then shows a message and changes nothing).
 */
export function parseAmount(text: string, formulas: boolean): number | string | undefined {
  const t = text.trim();
  if (formulas && t.startsWith("=")) return t.slice(1).trim() || undefined;
  return t === "" ? undefined : parseCents(t);
}
