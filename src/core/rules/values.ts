import { date, isFunction } from "feelin";
import type { FieldType } from "../definition/types.ts";

/** A FEEL date value for an ISO date string (null for anything else). */
export function feelDate(value: unknown): unknown {
  return typeof value === "string" ? date(value) : null;
}

/**
 * Converts a stored field value into the value FEEL expressions see: dates become FEEL
 * dates so that they compare and subtract as dates; everything else is passed as is
 * (money stays integer cents).
 */
export function toFeelValue(type: FieldType, value: unknown): unknown {
  if (value === undefined) return null;
  if (type === "date") return feelDate(value);
  return value;
}

/**
 * Converts a FEEL result into plain JSON data: FEEL dates become ISO strings, other
 * temporal values their ISO text; functions (never data) become null.
 */
export function fromFeelValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (isFunction(value)) return null;
  if (Array.isArray(value)) return value.map(fromFeelValue);
  const iso = (value as { iso?: unknown }).iso;
  if (typeof iso === "string") return iso;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) out[key] = fromFeelValue(entry);
  return out;
}
