import type { FieldDef, LeafFieldDef, ServiceDefinition } from "../definition/types.ts";

/**
 * Decodes an HTML form post (the citizen portal works without JavaScript) into typed
 * form data for `validateSubmission`. Names follow the data paths: `holderName.givenName`,
 * `dogs[0].name`; a multiselect repeats its name. Numbers and money are read in German
 * or English notation (`1.234,50`, `1234.50`); money becomes integer cents without
 * floating point; dates may be `2025-10-17` or `17.10.2025`. Unchecked checkboxes send
 * nothing, so booleans of the decoded page default to false. Empty values are left out,
 * names starting with `_` (the platform's own: CSRF token, buttons) are ignored, and
 * unknown names are passed through so that validation reports them. Values that cannot
 * be read stay strings and get a type error from validation.
 */
export function decodeFormPost(
  def: ServiceDefinition,
  entries: Iterable<readonly [string, string]>,
  pageId?: string,
): Record<string, unknown> {
  const pages = def.form.pages.filter((p) => pageId === undefined || p.id === pageId);
  const fields = new Map(pages.flatMap((p) => p.fields).map((f) => [f.id, f]));
  const data: Record<string, unknown> = {};
  for (const [name, raw] of entries) {
    if (name.startsWith("_")) continue;
    // NUL cannot be stored and is never typed: dropped (lone surrogates cannot arrive in a
    // form post, which is UTF-8).
    const value = raw.replaceAll("\u0000", "").trim();
    const match = /^([A-Za-z]\w*)(?:\[(\d+)\])?(?:\.(\w+))?(?:\.(\w+))?$/.exec(name);
    const field = match ? fields.get(match[1]) : undefined;
    if (!match || !field) {
      if (value !== "") data[name] = value;
      continue;
    }
    if (field.type === "group" && match[2] !== undefined && match[3] !== undefined) {
      data[field.id] ??= [];
      const items = data[field.id] as Record<string, unknown>[];
      const index = Number(match[2]);
      items[index] ??= {};
      const sub = field.fields.find((f) => f.id === match[3]);
      if (sub) assign(items[index], sub, match[4], value);
      else if (value !== "") items[index][match[3]] = value;
    } else if (field.type !== "group") {
      assign(data, field, match[3], value);
    }
  }
  fillUncheckedBoxes(data, fields);
  return data;
}

/** Puts one decoded value in place: a part of a composite, a list entry, or a value. */
function assign(
  target: Record<string, unknown>,
  field: LeafFieldDef,
  part: string | undefined,
  value: string,
): void {
  if (
    value === "" ||
    field.type === "info" ||
    field.type === "file" ||
    ("computed" in field && field.computed)
  )
    return;
  if (part !== undefined) {
    target[field.id] ??= {};
    const composite = target[field.id];
    if (composite && typeof composite === "object")
      (composite as Record<string, unknown>)[part] = value;
    return;
  }
  if (field.type === "multiselect") {
    const list = target[field.id];
    target[field.id] = Array.isArray(list) ? [...list, value] : [value];
    return;
  }
  target[field.id] = decodeValue(field.type, value);
}

function fillUncheckedBoxes(data: Record<string, unknown>, fields: Map<string, FieldDef>): void {
  for (const field of fields.values()) {
    if (field.type === "boolean" && !field.computed && data[field.id] === undefined)
      data[field.id] = false;
    if (field.type !== "group" || !Array.isArray(data[field.id])) continue;
    const items = (data[field.id] as (Record<string, unknown> | undefined)[]).filter(
      (i) => i !== undefined,
    );
    for (const item of items) {
      for (const sub of field.fields) {
        if (sub.type === "boolean" && !sub.computed && item[sub.id] === undefined)
          item[sub.id] = false;
      }
    }
    data[field.id] = items;
  }
}

function decodeValue(type: string, value: string): unknown {
  switch (type) {
    case "number":
    case "integer":
      return parseDecimal(value) ?? value;
    case "money":
      return parseCents(value) ?? value;
    case "date":
      return parseGermanDate(value) ?? value;
    case "boolean":
      return ["true", "on", "1", "ja"].includes(value.toLowerCase());
    default:
      return value;
  }
}

/** Reads `1.234,5`, `1234,5`, `1234.5`, `-3`; a dot before exactly three digits groups thousands. */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/\s/g, "");
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact))
    normal = compact.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+(,\d+)?$/.test(compact)) normal = compact.replace(",", ".");
  else if (/^-?\d+(\.\d+)?$/.test(compact)) normal = compact;
  else return undefined;
  return Number(normal);
}

/** Reads a euro amount (`12`, `12,5`, `1.234,50 €`, `12.50`) as integer cents, digit by digit. */
export function parseCents(text: string): number | undefined {
  const compact = text.replace(/\s|€|EUR/g, "");
  const german = /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(compact);
  const english = /^(-)?(\d+)\.(\d{1,2})$/.exec(compact);
  const match = german ?? english;
  if (!match) return undefined;
  const euros = Number(match[2].replace(/\./g, ""));
  const cents = Number((match[3] ?? "0").padEnd(2, "0"));
  const amount = euros * 100 + cents;
  return Number.isSafeInteger(amount) ? (match[1] ? -amount : amount) : undefined;
}

/** `17.10.2025` or `7.3.2025` as an ISO date; ISO dates pass unchanged. */
export function parseGermanDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!match) return undefined;
  return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}
