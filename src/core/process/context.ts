import { type DataEntry, dataModel } from "../definition/data-model.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { feelDate, toFeelValue } from "../rules/values.ts";
import type { CaseState } from "./types.ts";

const models = new WeakMap<ServiceDefinition, Map<string, DataEntry>>();

/** The data model of a definition, built once per (frozen) definition. */
export function dataModelOf(def: ServiceDefinition): Map<string, DataEntry> {
  let model = models.get(def);
  if (!model) {
    model = dataModel(def);
    models.set(def, model);
  }
  return model;
}

/** FEEL values of case data, typed by the data model (dates become FEEL dates). */
export function feelData(
  def: ServiceDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of dataModelOf(def).values()) {
    const value = data[entry.id];
    const field = entry.field;
    if (field?.type === "group" && Array.isArray(value)) {
      out[entry.id] = value.map((item: Record<string, unknown>) => {
        const converted: Record<string, unknown> = {};
        for (const sub of field.fields) converted[sub.id] = toFeelValue(sub.type, item[sub.id]);
        return converted;
      });
    } else {
      out[entry.id] = toFeelValue(entry.type, value);
    }
  }
  return out;
}

/** The FEEL context of process rules: case data, `today` and `case` (status, version, due date). */
export function caseContext(
  def: ServiceDefinition,
  state: CaseState,
  data: Record<string, unknown>,
  today: string,
): Record<string, unknown> {
  return {
    ...feelData(def, data),
    today: feelDate(today),
    case: {
      status: state.status,
      version: state.version,
      dueDate: state.dueDate ? feelDate(state.dueDate) : null,
    },
  };
}
