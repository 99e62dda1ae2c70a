import { germanDate } from "../calendar/dates.ts";
import type { ActionDef, ServiceDefinition } from "../definition/types.ts";
import { type FieldPlan, planField } from "../forms/plan.ts";
import { type SubmissionResult, validateFieldSet } from "../forms/validate.ts";
import type { Problem } from "../problems.ts";
import { caseContext } from "./context.ts";
import type { CaseState } from "./types.ts";

type InputPlan = { plans: FieldPlan[]; byId: Map<string, FieldPlan> };

const plans = new WeakMap<ActionDef, InputPlan>();

function inputPlan(def: ServiceDefinition, action: ActionDef): InputPlan {
  let plan = plans.get(action);
  if (!plan) {
    const fieldPlans = (action.input ?? []).map((field) => planField(def, field));
    plan = { plans: fieldPlans, byId: new Map(fieldPlans.map((p) => [p.field.id, p])) };
    plans.set(action, plan);
  }
  return plan;
}

/**
 * Validates what a caseworker entered for an action, like form data: by field type,
 * with `required`, `requiredIf`, `visibleIf` and constraints seeing the case's data.
 * Errors carry the path `input.<field>`.
 */
export function validateActionInput(
  def: ServiceDefinition,
  state: CaseState,
  action: ActionDef,
  input: unknown,
  now: Date,
): SubmissionResult {
  const raw = input ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: "input", key: "validation.notAnObject" }] };
  }
  const { plans: fieldPlans, byId } = inputPlan(def, action);
  const today = germanDate(now);
  const errors: Problem[] = [];
  const outer = caseContext(def, state, state.data, today);
  const data = validateFieldSet(
    fieldPlans,
    byId,
    raw as Record<string, unknown>,
    "input",
    { def, today },
    outer,
    errors,
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}
