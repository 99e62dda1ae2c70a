import { definitionJsonSchema } from "../definition/json-schema.ts";
import { loadDefinition } from "../definition/load.ts";
import { diffDefinitions } from "../diff/diff.ts";
import { type CommandResult, formatFinding, type Language } from "./format.ts";

export type { CommandResult, Language } from "./format.ts";
export { lintCommand } from "./lint.ts";
export { type SimulateOptions, simulateCommand } from "./simulate.ts";

/** `dienstwerk service schema`: the JSON Schema of service definitions, for editors. */
export function schemaCommand(): CommandResult {
  return { text: `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`, exitCode: 0 };
}

/**
 * `dienstwerk service diff OLD NEW`: what changed between two versions. Exit code 1
 * when a change is breaking for saved data or running cases.
 */
export function diffCommand(
  oldJson: string,
  newJson: string,
  language: Language = "de",
): CommandResult {
  const before = loadDefinition(oldJson);
  const after = loadDefinition(newJson);
  if (!before.ok || !after.ok) {
    const problems = [...(before.ok ? [] : before.problems), ...(after.ok ? [] : after.problems)];
    return { text: `${problems.map((p) => formatFinding(p, language)).join("\n")}\n`, exitCode: 2 };
  }
  const diff = diffDefinitions(before.definition, after.definition);
  const lines = [`${before.definition.id} ${diff.from} → ${diff.to}`];
  for (const [kind, changes] of [
    ["field", diff.fields],
    ["status", diff.statuses],
    ["action", diff.actions],
    ["fee", diff.fees],
    ["document", diff.documents],
    ["text block", diff.textBlocks],
    ["notification", diff.notifications],
    ["meta", diff.meta],
  ] as const) {
    for (const c of changes) {
      const properties = c.properties ? ` (${c.properties.join(", ")})` : "";
      lines.push(`${c.breaking ? "!" : " "} ${kind} ${c.id} ${c.change}${properties}`);
    }
  }
  lines.push(diff.breaking ? "breaking changes (!)" : "compatible");
  return { text: `${lines.join("\n")}\n`, exitCode: diff.breaking ? 1 : 0 };
}
