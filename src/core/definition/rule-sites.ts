import type { FieldDef, ServiceDefinition } from "./types.ts";

/**
 * Which names an expression may use: `form` (form fields, `today`), `item` (also the
 * subfields of one repeating group), `process` (all case data, `today`, `case`),
 * `document` (process plus `fees`).
 */
export type RuleScope =
  | { kind: "form" }
  | { kind: "item"; group: string }
  | { kind: "process" }
  | { kind: "document" };

/** One FEEL expression in a definition, with where it is and what it may reference. */
export type RuleSite = {
  path: string;
  source: string;
  scope: RuleScope;
  /** `unaryTests` for fee table cells; `expression` for everything else. */
  syntax: "expression" | "unaryTests";
};

/** Every FEEL expression of a definition, in document order. */
export function ruleSites(def: ServiceDefinition): RuleSite[] {
  const sites: RuleSite[] = [];
  const add = (path: string, source: string | undefined, scope: RuleScope) => {
    if (source !== undefined) sites.push({ path, source, scope, syntax: "expression" });
  };
  def.form.pages.forEach((page, p) => {
    add(`form.pages[${p}].visibleIf`, page.visibleIf, { kind: "form" });
    page.fields.forEach((field, f) => {
      const path = `form.pages[${p}].fields[${f}]`;
      fieldSites(field, path, { kind: "form" }, add);
      if (field.type === "group") {
        const scope: RuleScope = { kind: "item", group: field.id };
        field.fields.forEach((sub, s) => {
          fieldSites(sub, `${path}.fields[${s}]`, scope, add);
        });
      }
    });
  });
  processSites(def, add);
  feeSites(def, sites, add);
  def.documents?.forEach((doc, d) => {
    for (const [name, source] of Object.entries(doc.dates ?? {})) {
      add(`documents[${d}].dates.${name}`, source, { kind: "document" });
    }
    doc.blocks.forEach((block, b) => {
      add(`documents[${d}].blocks[${b}].if`, block.if, { kind: "document" });
    });
  });
  return sites;
}

type Add = (path: string, source: string | undefined, scope: RuleScope) => void;

function fieldSites(field: FieldDef, path: string, scope: RuleScope, add: Add): void {
  add(`${path}.visibleIf`, field.visibleIf, scope);
  if (field.type === "info") return;
  add(`${path}.requiredIf`, field.requiredIf, scope);
  if ("computed" in field) add(`${path}.computed`, field.computed, scope);
  field.constraints?.forEach((c, i) => {
    add(`${path}.constraints[${i}].rule`, c.rule, scope);
  });
}

function processSites(def: ServiceDefinition, add: Add): void {
  const scope: RuleScope = { kind: "process" };
  def.process.actions.forEach((action, a) => {
    const path = `process.actions[${a}]`;
    add(`${path}.guard`, action.guard, scope);
    action.input?.forEach((field, f) => {
      fieldSites(field, `${path}.input[${f}]`, scope, add);
    });
    action.effects.forEach((effect, e) => {
      if (effect.type === "setData") add(`${path}.effects[${e}].value`, effect.value, scope);
    });
  });
}

function feeSites(def: ServiceDefinition, sites: RuleSite[], add: Add): void {
  const scope: RuleScope = { kind: "process" };
  def.fees?.items.forEach((item, i) => {
    const path = `fees.items[${i}]`;
    add(`${path}.when`, item.when, scope);
    if (typeof item.amount === "string") add(`${path}.amount`, item.amount, scope);
    item.table?.inputs.forEach((input, n) => {
      add(`${path}.table.inputs[${n}]`, input, scope);
    });
    item.table?.rules.forEach((rule, r) => {
      const rulePath = `${path}.table.rules[${r}]`;
      rule.when.forEach((test, w) => {
        if (test.trim() !== "-") {
          sites.push({ path: `${rulePath}.when[${w}]`, source: test, scope, syntax: "unaryTests" });
        }
      });
      if (typeof rule.amount === "string") add(`${rulePath}.amount`, rule.amount, scope);
    });
  });
}
