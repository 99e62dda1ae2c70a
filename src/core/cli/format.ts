import { formatMessage } from "../messages.ts";
import type { Finding, Problem } from "../problems.ts";

/** The language CLI output is written in. */
export type Language = "de" | "en";

/** A command's result: the text to print and the process exit code. */
export type CommandResult = { text: string; exitCode: number };

/** One line per problem: `severity  path  message  [key]`. */
export function formatFinding(finding: Finding | Problem, language: Language): string {
  const severity = "severity" in finding ? finding.severity : "error";
  const message = formatMessage(finding.key, finding.params, language);
  return `${severity.padEnd(7)} ${finding.path || "(root)"}  ${message}  [${finding.key}]`;
}

export { formatCents } from "../fees/money.ts";
