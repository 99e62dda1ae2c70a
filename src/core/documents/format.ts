import { isIsoDate } from "../calendar/dates.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { formatCents } from "../fees/money.ts";
import { dataModelOf } from "../process/context.ts";

/** `2025-10-17` as a German reader writes it: `17.10.2025`; anything else unchanged. */
export function germanDateText(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/**
 * Case data as text for notices: money in euros, dates German style, booleans as
 * ja/nein, choices by their labels instead of their codes.
 */
export function formatData(
  def: ServiceDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const entry of dataModelOf(def).values()) {
    const value = data[entry.id];
    if (value !== undefined && value !== null)
      out[entry.id] = formatValue(def, entry.field ?? { type: entry.type }, value);
  }
  return out;
}

/** One value as text by its field type; values of other types come back unchanged. */
function formatValue(
  def: ServiceDefinition,
  field: { type: string; options?: { value: string; label: string }[]; codeList?: string },
  value: unknown,
): unknown {
  const labels = field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [];
  const label = (code: unknown) => labels.find((o) => o.value === code)?.label ?? String(code);
  if (field.type === "money" && typeof value === "number") return formatCents(value);
  if (field.type === "date" && typeof value === "string") return germanDateText(value);
  if (field.type === "boolean" && typeof value === "boolean") return value ? "ja" : "nein";
  if (field.type === "select" || field.type === "radio") return label(value);
  if (field.type === "multiselect" && Array.isArray(value)) return value.map(label).join(", ");
  return value;
}

/** The items of a repeating group, each formatted for reading like the case data. */
export function repeatedItems(
  def: ServiceDefinition,
  groupId: string,
  data: Record<string, unknown>,
): Record<string, unknown>[] {
  const group = dataModelOf(def).get(groupId)?.field;
  const items = data[groupId];
  if (group?.type !== "group" || !Array.isArray(items)) return [];
  return items.map((item: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...item };
    for (const sub of group.fields) out[sub.id] = formatValue(def, sub, item[sub.id]);
    return out;
  });
}

/**
 * Replaces `{{a.b}}` with the value at that path. A value the case does not have (an optional
 * field left empty, a field its condition hid) prints as nothing, together with the one space
 * before it — "in der Straße {{street}} {{streetOther}}, 12" reads "in der Straße Hauptstraße,
 * 12" — never as template syntax in a letter; objects and lists are not printed either. The
 * linter has checked every name when the service was published.
 */
export function fillPlaceholders(text: string, roots: Record<string, unknown>): string {
  return text.replace(
    /( ?)\{\{\s*([a-zA-Z]\w*(?:\.[a-zA-Z]\w*)*)\s*\}\}/g,
    (_match, space: string, path: string) => {
      let value: unknown = roots;
      for (const part of path.split(".")) {
        // own properties only: `{{case.constructor}}` must not print a function
        value =
          value && typeof value === "object" && Object.hasOwn(value, part)
            ? (value as Record<string, unknown>)[part]
            : undefined;
      }
      if (value === undefined || value === null || typeof value === "object") return "";
      const text = String(value);
      return text === "" ? "" : space + text;
    },
  );
}
