import { parseUnaryTests } from "feelin";
import type { Problem } from "../problems.ts";
import { analyseFeel, checkFeel, type FeelIssue, type NameReference } from "../rules/feel.ts";
import { CASE_PROPERTIES, COMPOSITE_PROPERTIES, type DataEntry, dataModel } from "./data-model.ts";
import { type RuleScope, ruleSites } from "./rule-sites.ts";
import type { FieldDef, ServiceDefinition } from "./types.ts";

/**
 * Checks every FEEL expression of a definition: syntax, and that each name it reads
 * exists in its scope. Also checks that `setData` effects name existing data.
 */
export function checkRules(def: ServiceDefinition): Problem[] {
  const model = dataModel(def);
  const problems: Problem[] = [];
  for (const site of ruleSites(def)) {
    const issues =
      site.syntax === "unaryTests"
        ? checkUnaryTests(site.source)
        : [
            ...checkFeel(site.source, (ref) => resolveReference(model, site.scope, ref)),
            ...checkFilterNames(model, site.scope, site.source),
          ];
    for (const issue of issues) problems.push({ path: site.path, ...issue });
  }
  def.process.actions.forEach((action, a) => {
    action.effects.forEach((effect, e) => {
      if (effect.type !== "setData") return;
      const entry = model.get(effect.field);
      if (!entry) {
        const path = `process.actions[${a}].effects[${e}].field`;
        problems.push({ path, key: "definition.unknownVariable", params: { id: effect.field } });
      }
    });
  });
  return problems;
}

/**
 * Names inside a filter over a repeating group (`dogs[breed = "x"]`) must be the
 * group's subfields, `item`, or names of the enclosing scope.
 */
function checkFilterNames(
  model: Map<string, DataEntry>,
  scope: RuleScope,
  source: string,
): FeelIssue[] {
  const { syntaxError, filterRefs } = analyseFeel(source);
  if (syntaxError) return [];
  const issues: FeelIssue[] = [];
  for (const ref of filterRefs) {
    const group = model.get(ref.list)?.field;
    if (group?.type !== "group") continue;
    const subfields = group.fields.map((f) => f.id);
    if (ref.name === "item") {
      const issue = ref.path.length > 0 && !subfields.includes(ref.path[0]);
      if (issue)
        issues.push({
          key: "rules.unknownProperty",
          params: { name: ref.list, property: ref.path[0] },
        });
    } else if (!subfields.includes(ref.name) && resolveReference(model, scope, ref)) {
      issues.push({ key: "rules.unknownName", params: { name: ref.name } });
    }
  }
  return issues;
}

/** Checks the syntax of a decision table cell (unary tests: `< 10`, `[1..5]`, `"a", "b"`, `-`). */
export function checkUnaryTests(source: string): FeelIssue[] {
  let position = -1;
  parseUnaryTests(source, {}, undefined).iterate({
    enter(node) {
      if (node.type.isError && position < 0) position = node.from;
    },
  });
  return position < 0 ? [] : [{ key: "rules.syntax", params: { position } }];
}

/**
 * Answers whether a reference exists in a scope; returns the issue if it does not.
 * Exported for the linter, which checks placeholders the same way.
 */
export function resolveReference(
  model: Map<string, DataEntry>,
  scope: RuleScope,
  ref: NameReference,
): FeelIssue | undefined {
  const unknown = { key: "rules.unknownName", params: { name: ref.name } };
  if (ref.name === "today") return undefined;
  if (scope.kind === "item") {
    const group = model.get(scope.group)?.field;
    const sub = group?.type === "group" ? group.fields.find((f) => f.id === ref.name) : undefined;
    if (sub) return checkProperty(sub, ref);
  }
  if (scope.kind === "process" || scope.kind === "document") {
    if (ref.name === "case") return checkKnown(ref, CASE_PROPERTIES);
    if (ref.name === "fees" && scope.kind === "document") return checkKnown(ref, ["total"]);
  }
  const entry = model.get(ref.name);
  if (!entry) return unknown;
  if ((scope.kind === "form" || scope.kind === "item") && entry.source !== "form") return unknown;
  return entry.field ? checkProperty(entry.field, ref) : undefined;
}

function checkKnown(ref: NameReference, known: readonly string[]): FeelIssue | undefined {
  if (ref.path.length === 0 || known.includes(ref.path[0])) return undefined;
  return { key: "rules.unknownProperty", params: { name: ref.name, property: ref.path[0] } };
}

function checkProperty(field: FieldDef, ref: NameReference): FeelIssue | undefined {
  if (ref.path.length === 0) return undefined;
  const known = COMPOSITE_PROPERTIES[field.type];
  if (known) return checkKnown(ref, known);
  if (field.type === "group") {
    return checkKnown(
      ref,
      field.fields.map((f) => f.id),
    );
  }
  if (field.type === "file") return checkKnown(ref, ["name", "mimeType", "size", "id"]);
  return { key: "rules.unknownProperty", params: { name: ref.name, property: ref.path[0] } };
}
