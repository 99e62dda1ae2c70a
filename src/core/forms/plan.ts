import type { FieldDef, ServiceDefinition } from "../definition/types.ts";
import { rulesOf } from "../rules/compiled.ts";
import type { CompiledExpression } from "../rules/feel.ts";

/** A field with its rules compiled, ready to validate many submissions. */
export type FieldPlan = {
  field: FieldDef;
  /** The `visibleIf` of the field's page, and the page's index (to evaluate it once). */
  pageVisibleIf?: CompiledExpression;
  page: number;
  visibleIf?: CompiledExpression;
  requiredIf?: CompiledExpression;
  computed?: CompiledExpression;
  constraints: { rule: CompiledExpression; message: string }[];
  /** Whether any rule reads this field; others need no FEEL value (dates are costly). */
  referenced: boolean;
  /** Subfields of a repeating group, in order and by id. */
  items?: FieldPlan[];
  itemsById?: Map<string, FieldPlan>;
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
  def.form.pages.forEach((page, index) => {
    const pageVisibleIf = page.visibleIf ? rulesOf(def).expression(page.visibleIf) : undefined;
    for (const field of page.fields)
      fields.push({ ...planField(def, field, pageVisibleIf), page: index });
  });
  markReferenced(fields);
  return { fields, byId: new Map(fields.map((f) => [f.field.id, f])) };
}

function expressionsOf(plan: FieldPlan): CompiledExpression[] {
  const own = [
    plan.pageVisibleIf,
    plan.visibleIf,
    plan.requiredIf,
    plan.computed,
    ...plan.constraints.map((c) => c.rule),
  ];
  return [...own.filter((e) => e !== undefined), ...(plan.items ?? []).flatMap(expressionsOf)];
}

function markReferenced(fields: FieldPlan[]): void {
  const names = new Set(fields.flatMap(expressionsOf).flatMap((e) => e.names));
  for (const plan of fields) {
    plan.referenced = names.has(plan.field.id);
    for (const sub of plan.items ?? []) sub.referenced = names.has(sub.field.id);
  }
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
    page: -1,
    referenced: true,
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
    plan.itemsById = new Map(plan.items.map((p) => [p.field.id, p]));
  }
  return plan;
}
