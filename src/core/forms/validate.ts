import type { IsoDate } from "../calendar/dates.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import { childPath, type Problem } from "../problems.ts";
import { feelDate, fromFeelValue, toFeelValue } from "../rules/values.ts";
import { findUnstorableText } from "../text.ts";
import { isEmpty, type ReadContext, readLeafValue } from "./field-values.ts";
import { type FieldPlan, formPlan } from "./plan.ts";

/** The outcome of validating submitted data: the cleaned data, or every field error. */
export type SubmissionResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: Problem[] };

/**
 * Settings of one validation run; `today` is the authority's date (never read from a
 * clock). With `page`, only errors of that page's fields (and unknown fields) count:
 * the check when the citizen moves on from a page.
 */
export type ValidationOptions = { today: IsoDate; page?: string };

/**
 * Validates submitted form data against a definition. Returns the cleaned data —
 * values trimmed and normalised, hidden fields stripped, computed fields filled in —
 * or every error with its field path (`dogs[1].name`) and message key. Never throws:
 * data of the wrong type gets a field error.
 */
export function validateSubmission(
  def: ServiceDefinition,
  data: unknown,
  options: ValidationOptions,
): SubmissionResult {
  const plan = formPlan(def);
  if (!isRecord(data)) return { ok: false, errors: [{ path: "", key: "validation.notAnObject" }] };
  const context = { def, today: options.today };
  const errors: Problem[] = [];
  const values = validateFieldSet(
    plan.fields,
    plan.byId,
    data,
    "",
    context,
    { today: feelDate(options.today) },
    errors,
  );
  const unstorable = findUnstorableText(values);
  if (unstorable !== undefined)
    errors.push({ path: unstorable, key: "validation.invalidCharacters" });
  const relevant = options.page === undefined ? errors : errorsOfPage(def, options.page, errors);
  return relevant.length > 0 ? { ok: false, errors: relevant } : { ok: true, data: values };
}

function errorsOfPage(def: ServiceDefinition, pageId: string, errors: Problem[]): Problem[] {
  const onPage = new Set(def.form.pages.find((p) => p.id === pageId)?.fields.map((f) => f.id));
  const inForm = new Set(def.form.pages.flatMap((p) => p.fields.map((f) => f.id)));
  return errors.filter((error) => {
    const root = error.path.split(/[.[]/)[0];
    return onPage.has(root) || !inForm.has(root);
  });
}

/**
 * Validates a set of fields (a form, a group item, an action's input) and returns the
 * cleaned values. `outer` is the FEEL context the set's rules see besides its own fields.
 */
export function validateFieldSet(
  plans: readonly FieldPlan[],
  byId: ReadonlyMap<string, FieldPlan>,
  raw: Record<string, unknown>,
  basePath: string,
  context: ReadContext,
  outer: Record<string, unknown>,
  errors: Problem[],
): Record<string, unknown> {
  const read = readFieldSet(plans, byId, raw, basePath, context, errors);
  const scope: Scope = { own: { ...outer } };
  for (const plan of plans) {
    if (plan.referenced) scope.own[plan.field.id] = feelValueOf(plan, read, plan.field.id);
  }
  for (const plan of plans) checkField(plan, read, scope, basePath, context, errors);
  return read.values;
}

/** FEEL names visible to a field's rules: its own set's values, then the enclosing form's. */
type Scope = { own: Record<string, unknown>; outer?: Record<string, unknown> };

type ReadSet = {
  values: Record<string, unknown>;
  problems: Map<string, Problem[]>;
  items: Map<string, ReadItem[]>;
  /** Submitted list lengths of groups, bad items included. */
  counts: Map<string, number>;
  /** Page visibility, evaluated once per page at its first field. */
  pages: Map<number, boolean>;
};
type ReadItem = { raw: Record<string, unknown>; read: ReadSet };

function readFieldSet(
  plans: readonly FieldPlan[],
  byId: ReadonlyMap<string, FieldPlan>,
  raw: Record<string, unknown>,
  basePath: string,
  context: ReadContext,
  errors: Problem[],
): ReadSet {
  const read: ReadSet = {
    values: {},
    problems: new Map(),
    items: new Map(),
    counts: new Map(),
    pages: new Map(),
  };
  for (const key of Object.keys(raw)) {
    const plan = byId.get(key);
    if (!plan || plan.field.type === "info")
      errors.push({ path: childPath(basePath, key), key: "validation.unknownField" });
  }
  for (const plan of plans) {
    const { field } = plan;
    const value = raw[field.id];
    if (field.type === "info" || plan.computed || isEmpty(value)) continue;
    const path = childPath(basePath, field.id);
    if (field.type === "group") {
      readGroup(plan, value, path, context, read);
      continue;
    }
    const result = readLeafValue(field, value, path, context);
    if (result.problems.length > 0) read.problems.set(field.id, result.problems);
    else read.values[field.id] = result.value;
  }
  return read;
}

function readGroup(
  plan: FieldPlan,
  value: unknown,
  path: string,
  context: ReadContext,
  read: ReadSet,
) {
  const id = plan.field.id;
  if (!Array.isArray(value)) {
    read.problems.set(id, [{ path, key: "validation.type", params: { expected: "list" } }]);
    return;
  }
  const items: ReadItem[] = [];
  const problems: Problem[] = [];
  read.counts.set(id, value.length);
  value.forEach((item, i) => {
    if (!isRecord(item)) {
      problems.push({
        path: childPath(path, i),
        key: "validation.type",
        params: { expected: "object" },
      });
      return;
    }
    const itemRead = readFieldSet(
      plan.items ?? [],
      plan.itemsById ?? new Map(),
      item,
      childPath(path, i),
      context,
      problems,
    );
    items.push({ raw: item, read: itemRead });
  });
  if (problems.length > 0) read.problems.set(id, problems);
  read.items.set(id, items);
  read.values[id] = items.map((item) => item.read.values);
}

function feelValueOf(plan: FieldPlan, read: ReadSet, id: string): unknown {
  if (plan.field.type !== "group") return toFeelValue(plan.field.type, read.values[id]);
  const items = read.items.get(id);
  if (!items) return null;
  return items.map((item) => {
    const out: Record<string, unknown> = {};
    for (const sub of plan.items ?? [])
      out[sub.field.id] = toFeelValue(sub.field.type, item.read.values[sub.field.id]);
    return out;
  });
}

function isTrue(plan: FieldPlan["visibleIf"], scope: Scope): boolean {
  return plan === undefined || plan.value(scope.own, scope.outer) === true;
}

function pageVisible(plan: FieldPlan, read: ReadSet, scope: Scope): boolean {
  if (!plan.pageVisibleIf) return true;
  let visible = read.pages.get(plan.page);
  if (visible === undefined) {
    visible = isTrue(plan.pageVisibleIf, scope);
    read.pages.set(plan.page, visible);
  }
  return visible;
}

function checkField(
  plan: FieldPlan,
  read: ReadSet,
  scope: Scope,
  basePath: string,
  context: ReadContext,
  errors: Problem[],
): void {
  const { field } = plan;
  const id = field.id;
  if (field.type === "info") return;
  const path = childPath(basePath, id);
  if (!pageVisible(plan, read, scope) || !isTrue(plan.visibleIf, scope)) {
    // hidden fields are neither validated nor kept, and rules after them see null
    delete read.values[id];
    scope.own[id] = null;
    return;
  }
  if (plan.computed) {
    const value = fromFeelValue(plan.computed.value(scope.own, scope.outer));
    read.values[id] = value;
    scope.own[id] = toFeelValue(field.type, value);
    return;
  }
  const problems = read.problems.get(id);
  if (problems) errors.push(...problems);
  const value = read.values[id];
  if (problems && (field.type !== "group" || value === undefined)) return;
  const required =
    field.required === true || (plan.requiredIf !== undefined && isTrue(plan.requiredIf, scope));
  if (value === undefined) {
    if (required) errors.push({ path, key: "validation.required" });
    return;
  }
  if (required && field.type === "boolean" && value !== true)
    errors.push({ path, key: "validation.mustAccept" });
  checkCountAndItems(plan, read, scope, path, context, errors);
  for (const { rule, message } of plan.constraints) {
    if (rule.value(scope.own, scope.outer) === false)
      errors.push({ path, key: "validation.constraint", params: { message } });
  }
}

function checkCountAndItems(
  plan: FieldPlan,
  read: ReadSet,
  scope: Scope,
  path: string,
  context: ReadContext,
  errors: Problem[],
): void {
  const { field } = plan;
  if (field.type !== "group") return;
  const items = read.items.get(field.id) ?? [];
  const count = read.counts.get(field.id) ?? 0;
  if (field.minItems !== undefined && count < field.minItems) {
    errors.push({ path, key: "validation.tooFewItems", params: { min: field.minItems } });
  }
  if (field.maxItems !== undefined && count > field.maxItems) {
    errors.push({ path, key: "validation.tooManyItems", params: { max: field.maxItems } });
  }
  const subPlans = plan.items ?? [];
  read.values[field.id] = items.map((item, i) => {
    const itemScope: Scope = { own: {}, outer: scope.own };
    for (const sub of subPlans) {
      if (sub.referenced) itemScope.own[sub.field.id] = feelValueOf(sub, item.read, sub.field.id);
    }
    for (const sub of subPlans)
      checkField(sub, item.read, itemScope, childPath(path, i), context, errors);
    return item.read.values;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
