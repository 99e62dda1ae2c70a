import { type FieldDef, formatCents, type ServiceDefinition } from "../../core/index.ts";
import type { Translate } from "../../platform/i18n/index.ts";
import { groupIban } from "./letter.ts";

/** One line of the data table: a label and the value as lines of text. */
export type Row = { label: string; lines: string[] } | { label: string; items: Item[] };
export type Item = { title: string; rows: Row[] };
export type Section = { title: string; rows: Row[] };

type LeafField = Exclude<FieldDef, { type: "group" }>;

/**
 * Submitted data for reading, by the definition: pages as sections, each field with its label,
 * repeating groups as numbered items, option codes as their labels, money in euros, dates the
 * German way, files by name. Fields without a value and info texts are left out; data the form
 * does not define (added later by caseworkers) is not part of what the applicant submitted.
 */
export function presentSubmission(
  def: ServiceDefinition,
  data: Record<string, unknown>,
  t: Translate,
): Section[] {
  const sections: Section[] = [];
  for (const page of def.form.pages) {
    const rows = page.fields.flatMap((f) => presentField(def, f, data[f.id], t));
    if (rows.length > 0) sections.push({ title: page.title, rows });
  }
  return sections;
}

function presentField(
  def: ServiceDefinition,
  field: FieldDef,
  value: unknown,
  t: Translate,
): Row[] {
  if (field.type === "info" || isEmpty(value)) return [];
  if (field.type === "group") {
    if (!Array.isArray(value)) return [];
    const items = value.map((item: Record<string, unknown>, i) => ({
      title: t("documents.receipt.item", { label: field.itemLabel ?? field.label, number: i + 1 }),
      rows: field.fields.flatMap((sub) => presentField(def, sub, item?.[sub.id], t)),
    }));
    return [{ label: field.label, items }];
  }
  const lines = presentValue(def, field, value, t);
  return lines.length > 0 ? [{ label: field.label, lines }] : [];
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

const decimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 10 });

/** One value as lines of text, by its field type. */
export function presentValue(
  def: ServiceDefinition,
  field: LeafField,
  value: unknown,
  t: Translate,
): string[] {
  switch (field.type) {
    case "money":
      return typeof value === "number" ? [formatCents(value)] : [String(value)];
    case "number":
    case "integer":
      return typeof value === "number" ? [decimal.format(value)] : [String(value)];
    case "date":
      return [germanDateText(String(value))];
    case "time":
      return [t("documents.value.time", { time: String(value) })];
    case "boolean":
      return [t(value === true ? "documents.value.yes" : "documents.value.no")];
    case "select":
    case "radio":
    case "multiselect": {
      const options = field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [];
      const label = (code: unknown) => options.find((o) => o.value === code)?.label ?? String(code);
      return Array.isArray(value) ? value.map(label) : [label(value)];
    }
    case "iban":
      return [groupIban(String(value))];
    case "textarea":
      return String(value).split(/\r?\n/);
    case "address":
      return addressLines(value as Record<string, string>);
    case "personName":
      return personNameLines(value as Record<string, string>, t);
    case "file":
      return (Array.isArray(value) ? value : [value]).map((f: { name?: string; size?: number }) =>
        typeof f?.size === "number" ? `${f.name} (${fileSize(f.size)})` : String(f?.name ?? ""),
      );
    case "info":
      return [];
    default:
      return [String(value)];
  }
}

/** The lines of a postal address: street and number, addition, postcode and city, country. */
export function addressLines(a: Record<string, string | undefined>): string[] {
  return [
    [a.street, a.houseNumber].filter(Boolean).join(" "),
    a.addition,
    [a.postcode, a.city].filter(Boolean).join(" "),
    a.country && a.country !== "DE" ? a.country : undefined,
  ].filter((l): l is string => Boolean(l));
}

/** A person's name as written in an address: title, given and family name (and birth name). */
export function personNameLines(n: Record<string, string | undefined>, t: Translate): string[] {
  const name = [n.title, n.givenName, n.familyName].filter(Boolean).join(" ");
  return n.birthName ? [name, t("documents.value.birthName", { name: n.birthName })] : [name];
}

function germanDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(Math.round(bytes / 102.4) / 10)} KB`;
  return `${decimal.format(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}
