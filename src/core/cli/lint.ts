import { lintDefinition } from "../lint/lint.ts";
import { type CommandResult, formatFinding, type Language } from "./format.ts";

/**
 * `dienstwerk service lint FILE`: lints definition JSON text and lists every finding.
 * Exit code 1 when there is an error (the definition cannot be published), else 0.
 */
export function lintCommand(json: string, language: Language = "de"): CommandResult {
  const report = lintDefinition(json);
  const def = report.definition;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const name = def ? `${def.id} ${def.version}` : "definition";
  const lines = report.findings.map((f) => formatFinding(f, language));
  const verdict = report.publishable ? "publishable" : "not publishable";
  lines.push(`${name}: ${errors} error(s), ${warnings} warning(s) — ${verdict}`);
  return { text: `${lines.join("\n")}\n`, exitCode: report.publishable ? 0 : 1 };
}
