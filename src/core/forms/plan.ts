import type { FieldDef, ServiceDefinition } from "../definition/types.ts";
import { rulesOf } from "../rules/compiled.ts";
import type { CompiledExpression } from "../rules/feel.ts";

/** A field with its rules compiled, ready to validate many submissions. */
export type FieldPlan = {
  field: FieldDef;
  /** false while the field's page is hidden by its own `visibleIf`. */
  pageVisibleIf?: CompiledExpression;
  visibleIf?: CompiledExpression;
  requiredIf?: CompiledExpression;
  computed?: CompiledExpression;
  constraints: { rule: CompiledExpression; message: string }[];
  /** Subfields of a repeating group. */
  items?: FieldPlan[];
  itemIds?: Set<string>;
};

/** The validation plan of a form: fields in document order, by id. */
export type FormPlan = { fields: FieldPlan[]; byId: Map<string, FieldPlan> };

const plans = new WeakMap<ServiceDefinition, FormPlan>();

/** The form plan of a definition, built once per (frozen) definition. */
export function formPlan(def: ServiceDefinition): FormPlan {
  let plan = plans.get(def);
  if (!plan) {
    plan = buildPlan(def);
    plans.set(def, plan);
  }
  return plan;
}

function buildPlan(def: ServiceDefinition): FormPlan {
  const fields: FieldPlan[] = [];
  for (const page of def.form.pages) {
    const pageVisibleIf = page.visibleIf ? rulesOf(def).expression(page.visibleIf) : undefined;
    for (const field of page.fields) fields.push(planField(def, field, pageVisibleIf));
  }
  return { fields, byId: new Map(fields.map((f) => [f.field.id, f])) };
}

/** Plans one field; also used for caseworker input fields of actions. */
export function planField(
  def: ServiceDefinition,
  field: FieldDef,
  pageVisibleIf?: CompiledExpression,
): FieldPlan {
  const rules = rulesOf(def);
  const compile = (source: string | undefined) => (source ? rules.expression(source) : undefined);
  const plan: FieldPlan = {
    field,
    pageVisibleIf,
    visibleIf: compile(field.visibleIf),
    requiredIf: field.type === "info" ? undefined : compile(field.requiredIf),
    computed: "computed" in field ? compile(field.computed) : undefined,
    constraints:
      field.type === "info"
        ? []
        : (field.constraints ?? []).map((c) => ({
            rule: rules.expression(c.rule),
            message: c.message,
          })),
  };
  if (field.type === "group") {
    plan.items = field.fields.map((sub) => planField(def, sub));
    plan.itemIds = new Set(field.fields.map((f) => f.id));
  }
  return plan;
}
