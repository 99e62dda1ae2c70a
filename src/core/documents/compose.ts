import type { ServiceDefinition } from "../definition/types.ts";
import { formatCents } from "../fees/money.ts";
import { caseContext, dataModelOf } from "../process/context.ts";
import type { CaseState } from "../process/types.ts";
import { rulesOf } from "../rules/compiled.ts";

/** A document's text, ready for the renderer (Typst): a title and paragraphs. */
export type ComposedDocument = {
  id: string;
  title: string;
  kind: string;
  paragraphs: { title?: string; text: string }[];
};

/** Values the platform supplies to placeholders besides the case data. */
export type PlaceholderValues = {
  case?: Record<string, unknown>;
  tenant?: Record<string, unknown>;
  today: string;
};

/**
 * Composes a notice or letter from its blocks: blocks whose `if` is false are left
 * out, and `{{placeholders}}` are filled from the case data (formatted for reading:
 * euros, German dates, option labels), `case.*`, `tenant.*`, `fees.total` and
 * `today`. Unknown placeholders stay visible as `{{name}}` (the linter refuses them
 * before publishing).
 */
export function composeDocument(
  def: ServiceDefinition,
  documentId: string,
  state: CaseState,
  values: PlaceholderValues,
): ComposedDocument | undefined {
  const doc = def.documents?.find((d) => d.id === documentId);
  if (!doc) return undefined;
  const context = {
    ...caseContext(def, state, state.data, values.today),
    fees: { total: state.fees?.totalCents ?? null },
  };
  const roots: Record<string, unknown> = {
    ...formatData(def, state.data),
    case: { status: state.status, ...values.case },
    tenant: values.tenant ?? {},
    fees: { total: state.fees ? formatCents(state.fees.totalCents) : "" },
    today: germanDateText(values.today),
  };
  const paragraphs: { title?: string; text: string }[] = [];
  for (const block of doc.blocks) {
    if (block.if && rulesOf(def).expression(block.if).evaluate(context).value !== true) continue;
    if (block.forEach) {
      for (const item of repeatedItems(def, block.forEach, state.data)) {
        paragraphs.push({ text: fillPlaceholders(block.text ?? "", { ...roots, item }) });
      }
      continue;
    }
    const source = block.textBlock ? def.textBlocks?.[block.textBlock] : { text: block.text ?? "" };
    if (!source) continue;
    const paragraph: { title?: string; text: string } = {
      text: fillPlaceholders(source.text, roots),
    };
    if ("title" in source && source.title) paragraph.title = source.title;
    paragraphs.push(paragraph);
  }
  return { id: doc.id, title: doc.title, kind: doc.kind, paragraphs };
}

/** `2025-10-17` as a German reader writes it: `17.10.2025`. */
function germanDateText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/**
 * Case data as text for notices: money in euros, dates German style, booleans as
 * ja/nein, choices by their labels instead of their codes.
 */
function formatData(
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
function repeatedItems(def: ServiceDefinition, groupId: string, data: Record<string, unknown>) {
  const group = dataModelOf(def).get(groupId)?.field;
  const items = data[groupId];
  if (group?.type !== "group" || !Array.isArray(items)) return [];
  return items.map((item: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...item };
    for (const sub of group.fields) out[sub.id] = formatValue(def, sub, item[sub.id]);
    return out;
  });
}

/** Replaces `{{a.b}}` with the value at that path; objects and lists are not printed. */
export function fillPlaceholders(text: string, roots: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([a-zA-Z]\w*(?:\.[a-zA-Z]\w*)*)\s*\}\}/g, (match, path: string) => {
    let value: unknown = roots;
    for (const part of path.split(".")) {
      value =
        value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined || value === null || typeof value === "object")
      return value === null ? "" : match;
    return String(value);
  });
}
