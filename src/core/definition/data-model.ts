import type { FieldDef, FieldType, GroupFieldDef, ServiceDefinition } from "./types.ts";

/** Where a data name comes from. */
export type DataSource = "form" | "input" | "variable";

/** A named value a case can hold: a form field, a caseworker input or a process variable. */
export type DataEntry = {
  id: string;
  type: FieldType;
  source: DataSource;
  /** Definition path of the entry, e.g. `form.pages[0].fields[3]`. */
  path: string;
  field?: FieldDef;
};

/** Properties of composite values, for checking `applicant.familyName` style references. */
export const COMPOSITE_PROPERTIES: Partial<Record<FieldType, readonly string[]>> = {
  address: ["street", "houseNumber", "postcode", "city", "addition", "country"],
  personName: ["title", "givenName", "familyName", "birthName"],
};

/** Names every process-side rule may use besides the data. */
export const CASE_PROPERTIES = ["status", "version", "dueDate"] as const;

/**
 * The data model of a definition: every name a case's data can hold, by id. Duplicate
 * ids are reported by `checkStructure`; here the first one wins.
 */
export function dataModel(def: ServiceDefinition): Map<string, DataEntry> {
  const entries = new Map<string, DataEntry>();
  def.form.pages.forEach((page, p) => {
    page.fields.forEach((field, f) => {
      if (field.type === "info" || entries.has(field.id)) return;
      const path = `form.pages[${p}].fields[${f}]`;
      entries.set(field.id, { id: field.id, type: field.type, source: "form", path, field });
    });
  });
  def.process.actions.forEach((action, a) => {
    action.input?.forEach((field, f) => {
      if (field.type === "info" || entries.has(field.id)) return;
      const path = `process.actions[${a}].input[${f}]`;
      entries.set(field.id, { id: field.id, type: field.type, source: "input", path, field });
    });
  });
  def.process.variables?.forEach((variable, v) => {
    if (entries.has(variable.id)) return;
    const path = `process.variables[${v}]`;
    entries.set(variable.id, { id: variable.id, type: variable.type, source: "variable", path });
  });
  return entries;
}

/** All form fields with their definition paths, groups' subfields included (after their group). */
export function formFields(
  def: ServiceDefinition,
): { field: FieldDef; path: string; group?: GroupFieldDef }[] {
  const out: { field: FieldDef; path: string; group?: GroupFieldDef }[] = [];
  def.form.pages.forEach((page, p) => {
    page.fields.forEach((field, f) => {
      const path = `form.pages[${p}].fields[${f}]`;
      out.push({ field, path });
      if (field.type === "group") {
        field.fields.forEach((sub, s) => {
          out.push({ field: sub, path: `${path}.fields[${s}]`, group: field });
        });
      }
    });
  });
  return out;
}
