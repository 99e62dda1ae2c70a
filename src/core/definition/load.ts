import type { z } from "zod";
import { formatPath, type Problem } from "../problems.ts";
import { checkRules } from "./check-rules.ts";
import { checkStructure } from "./check-structure.ts";
import { Definition } from "./schema.ts";
import type { ServiceDefinition } from "./types.ts";

/** The outcome of loading a definition: the whole definition, or every problem found. */
export type LoadResult =
  | { ok: true; definition: ServiceDefinition }
  | { ok: false; problems: Problem[] };

/**
 * Loads a service definition from JSON text or an already parsed value: checks the
 * schema, the references between its parts and every FEEL expression. Never throws;
 * a definition with any problem is refused whole, with each problem listed by path.
 */
export function loadDefinition(input: unknown): LoadResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problems: [{ path: "", key: "definition.invalidJson", params: { message } }],
      };
    }
  }
  const parsed = Definition.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(schemaProblem) };
  const definition = parsed.data;
  const structural = checkStructure(definition);
  // rule checks need consistent ids; with broken structure they would only add noise
  const problems = structural.length > 0 ? structural : checkRules(definition);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: deepFreeze(definition) };
}

function schemaProblem(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  if (
    issue.code === "invalid_union" &&
    "note" in issue &&
    issue.note === "No matching discriminator"
  ) {
    return { path, key: "definition.unknownType" };
  }
  if (issue.code === "unrecognized_keys") {
    return { path, key: "definition.unknownProperty", params: { names: issue.keys.join(", ") } };
  }
  return { path, key: "definition.schema", params: { message: issue.message } };
}

/** Definitions are shared between cases and cached by identity: they must not change. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
