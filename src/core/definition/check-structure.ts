import type { Problem } from "../problems.ts";
import { formFields } from "./data-model.ts";
import type { EffectDef, FieldDef, ServiceDefinition } from "./types.ts";

/**
 * Checks what the schema cannot: unique ids, references between parts (statuses,
 * code lists, documents, notifications), and consistent field settings.
 */
export function checkStructure(def: ServiceDefinition): Problem[] {
  return [
    ...checkIds(def),
    ...checkFields(def),
    ...checkProcessReferences(def),
    ...checkDocuments(def),
    ...checkFees(def),
  ];
}

function duplicates<T>(items: readonly T[], id: (t: T) => string, path: (i: number) => string) {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const key = id(item);
    if (seen.has(key))
      problems.push({ path: path(i), key: "definition.duplicateId", params: { id: key } });
    seen.add(key);
  });
  return problems;
}

function checkIds(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  const topLevel = formFields(def).filter((f) => !f.group);
  problems.push(
    ...duplicates(
      topLevel,
      (f) => f.field.id,
      (i) => `${topLevel[i].path}.id`,
    ),
  );
  for (const { field, path } of topLevel) {
    if (field.type === "group") {
      problems.push(
        ...duplicates(
          field.fields,
          (f) => f.id,
          (i) => `${path}.fields[${i}].id`,
        ),
      );
    }
  }
  problems.push(
    ...duplicates(
      def.form.pages,
      (p) => p.id,
      (i) => `form.pages[${i}].id`,
    ),
  );
  const { statuses, actions } = def.process;
  problems.push(
    ...duplicates(
      statuses,
      (s) => s.id,
      (i) => `process.statuses[${i}].id`,
    ),
  );
  problems.push(
    ...duplicates(
      actions,
      (a) => a.id,
      (i) => `process.actions[${i}].id`,
    ),
  );
  const docs = def.documents ?? [];
  problems.push(
    ...duplicates(
      docs,
      (d) => d.id,
      (i) => `documents[${i}].id`,
    ),
  );
  const notes = def.notifications ?? [];
  problems.push(
    ...duplicates(
      notes,
      (n) => n.id,
      (i) => `notifications[${i}].id`,
    ),
  );
  const fees = def.fees?.items ?? [];
  problems.push(
    ...duplicates(
      fees,
      (f) => f.id,
      (i) => `fees.items[${i}].id`,
    ),
  );
  problems.push(...checkDataIdClashes(def, new Set(topLevel.map((f) => f.field.id))));
  return problems;
}

/** Caseworker inputs and variables share the data namespace with the form. */
function checkDataIdClashes(def: ServiceDefinition, formIds: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const inputTypes = new Map<string, string>();
  def.process.actions.forEach((action, a) => {
    action.input?.forEach((field, f) => {
      const path = `process.actions[${a}].input[${f}].id`;
      const known = inputTypes.get(field.id);
      if (formIds.has(field.id) || (known && known !== field.type)) {
        problems.push({ path, key: "definition.duplicateId", params: { id: field.id } });
      }
      inputTypes.set(field.id, field.type);
    });
  });
  def.process.variables?.forEach((v, i) => {
    if (formIds.has(v.id) || inputTypes.has(v.id)) {
      const path = `process.variables[${i}].id`;
      problems.push({ path, key: "definition.duplicateId", params: { id: v.id } });
    }
  });
  return problems;
}

function checkFields(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  const all = formFields(def).map(({ field, path }) => ({ field, path }));
  def.process.actions.forEach((action, a) => {
    action.input?.forEach((field, f) => {
      all.push({ field, path: `process.actions[${a}].input[${f}]` });
    });
  });
  for (const { field, path } of all) problems.push(...checkField(def, field, path));
  return problems;
}

/** The citizen-account attributes a field may be prefilled from, with the field types each fits. */
export const PREFILL_TYPES: Readonly<Record<string, readonly string[]>> = {
  "account.givenName": ["text"],
  "account.familyName": ["text"],
  "account.name": ["personName"],
  "account.birthDate": ["date"],
  "account.email": ["email"],
  "account.phone": ["phone"],
  "account.address": ["address"],
};

function checkField(def: ServiceDefinition, field: FieldDef, path: string): Problem[] {
  const problems: Problem[] = [];
  const bounds = field as { min?: unknown; max?: unknown; minLength?: number; maxLength?: number };
  if (typeof bounds.min === "number" && typeof bounds.max === "number" && bounds.min > bounds.max) {
    problems.push({ path: `${path}.min`, key: "definition.minAboveMax" });
  }
  if (
    bounds.minLength !== undefined &&
    bounds.maxLength !== undefined &&
    bounds.minLength > bounds.maxLength
  ) {
    problems.push({ path: `${path}.minLength`, key: "definition.minAboveMax" });
  }
  if (field.type === "select" || field.type === "radio" || field.type === "multiselect") {
    if ((field.options === undefined) === (field.codeList === undefined)) {
      problems.push({ path, key: "definition.optionsOrCodeList" });
    } else if (field.codeList && !def.codeLists?.[field.codeList]) {
      const params = { id: field.codeList };
      problems.push({ path: `${path}.codeList`, key: "definition.unknownCodeList", params });
    }
  }
  if (field.type === "text" && field.pattern !== undefined && !isRegExp(field.pattern)) {
    problems.push({ path: `${path}.pattern`, key: "definition.badPattern" });
  }
  if (
    field.type !== "info" &&
    field.prefill &&
    !PREFILL_TYPES[field.prefill].includes(field.type)
  ) {
    const params = { source: field.prefill, type: field.type };
    problems.push({ path: `${path}.prefill`, key: "definition.prefillType", params });
  }
  if ("computed" in field && field.computed && (field.required || field.requiredIf)) {
    problems.push({ path: `${path}.computed`, key: "definition.computedRequired" });
  }
  return problems;
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

function checkProcessReferences(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  const statusIds = new Set(def.process.statuses.map((s) => s.id));
  const unknownStatus = (path: string, id: string) => {
    if (!statusIds.has(id))
      problems.push({ path, key: "definition.unknownStatus", params: { id } });
  };
  unknownStatus("process.initialStatus", def.process.initialStatus);
  def.process.actions.forEach((action, a) => {
    const path = `process.actions[${a}]`;
    action.from.forEach((id, i) => {
      unknownStatus(`${path}.from[${i}]`, id);
    });
    unknownStatus(`${path}.to`, action.to);
    action.effects.forEach((effect, e) => {
      problems.push(...checkEffect(def, effect, `${path}.effects[${e}]`));
    });
    if (action.automatic && action.timer) {
      problems.push({ path: `${path}.timer`, key: "definition.automaticWithTimer" });
    }
    if ((action.automatic || action.timer) && action.secondApproval) {
      problems.push({ path: `${path}.secondApproval`, key: "definition.automaticSecondApproval" });
    }
  });
  return problems;
}

function checkEffect(def: ServiceDefinition, effect: EffectDef, path: string): Problem[] {
  const problems: Problem[] = [];
  const docIds = new Set((def.documents ?? []).map((d) => d.id));
  const noteIds = new Set((def.notifications ?? []).map((n) => n.id));
  if (
    (effect.type === "generateDocument" || effect.type === "deliver") &&
    !docIds.has(effect.document)
  ) {
    const params = { id: effect.document };
    problems.push({ path: `${path}.document`, key: "definition.unknownDocument", params });
  }
  if (
    (effect.type === "messageApplicant" || effect.type === "notifyStaff") &&
    !noteIds.has(effect.notification)
  ) {
    const params = { id: effect.notification };
    problems.push({ path: `${path}.notification`, key: "definition.unknownNotification", params });
  }
  if (effect.type === "assessFee" && !def.fees) {
    problems.push({ path, key: "definition.noFees" });
  } else if (effect.type === "assessFee") {
    const feeIds = new Set(def.fees?.items.map((f) => f.id));
    effect.items?.forEach((id, i) => {
      if (!feeIds.has(id))
        problems.push({
          path: `${path}.items[${i}]`,
          key: "definition.unknownFeeItem",
          params: { id },
        });
    });
  }
  return problems;
}

function checkDocuments(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  def.documents?.forEach((doc, d) => {
    doc.blocks.forEach((block, b) => {
      const path = `documents[${d}].blocks[${b}]`;
      // A text block may also come from the municipality's library: the linter resolves it.
      if ((block.text === undefined) === (block.textBlock === undefined)) {
        problems.push({ path, key: "definition.textOrTextBlock" });
      }
      if (block.forEach !== undefined) problems.push(...checkForEach(def, block, path));
    });
  });
  return problems;
}

function checkForEach(
  def: ServiceDefinition,
  block: { forEach?: string; text?: string },
  path: string,
): Problem[] {
  const group = formFields(def).find((f) => !f.group && f.field.id === block.forEach)?.field;
  if (group?.type !== "group") {
    return [
      { path: `${path}.forEach`, key: "definition.notAGroup", params: { id: block.forEach ?? "" } },
    ];
  }
  return block.text === undefined ? [{ path, key: "definition.forEachNeedsText" }] : [];
}

function checkFees(def: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  def.fees?.items.forEach((item, i) => {
    const path = `fees.items[${i}]`;
    if ((item.amount === undefined) === (item.table === undefined)) {
      problems.push({ path, key: "definition.amountOrTable" });
    }
    item.table?.rules.forEach((rule, r) => {
      if (rule.when.length !== item.table?.inputs.length) {
        const params = { expected: item.table?.inputs.length ?? 0, actual: rule.when.length };
        problems.push({
          path: `${path}.table.rules[${r}].when`,
          key: "definition.ruleArity",
          params,
        });
      }
    });
  });
  return problems;
}
