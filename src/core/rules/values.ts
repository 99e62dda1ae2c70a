import { date, isFunction, time } from "feelin";
import type { FieldType } from "../definition/types.ts";

const dates = new Map<string, unknown>();
const MAX_CACHED_DATES = 20_000;

/**
 * A FEEL date value for an ISO date string (null for anything else). feelin builds
 * dates on a Temporal polyfill (about 5 µs each); FEEL dates are immutable values and
 * submissions share few distinct dates, so a bounded cache saves most of that.
 */
export function feelDate(value: unknown): unknown {
  if (typeof value !== "string") return null;
  let feel = dates.get(value);
  if (feel === undefined) {
    if (dates.size >= MAX_CACHED_DATES) dates.clear();
    feel = date(value);
    dates.set(value, feel);
  }
  return feel;
}

/**
 * Converts a stored field value into the value FEEL expressions see: dates become FEEL
 * dates so that they compare and subtract as dates; everything else is passed as is
 * (money stays integer cents).
 */
export function toFeelValue(type: FieldType, value: unknown): unknown {
  if (value === undefined) return null;
  if (type === "date") return feelDate(value);
  if (type === "time") return typeof value === "string" ? time(`${value}:00`) : null;
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
