import { loadDefinition } from "../definition/load.ts";
import type { ServiceDefinition } from "../definition/types.ts";
import type { TextBlockLibrary } from "../documents/placeholder-roots.ts";
import type { Finding } from "../problems.ts";
import { lintFeeTables } from "./fee-tables.ts";
import { lintProcessGraph } from "./graph.ts";
import { lintPlaceholders } from "./placeholders.ts";

/** The linter's verdict: every finding, and the definition if it could be loaded at all. */
export type LintReport = {
  findings: Finding[];
  definition?: ServiceDefinition;
  publishable: boolean;
};

/** What the linter checks a definition against besides the definition itself. */
export type LintOptions = {
  /**
   * The municipality's text blocks: a document's `textBlock` must be the service's own or
   * one of these, and a library block's placeholders must fit each document using it.
   * Without a library, every block must be the service's own.
   */
  library?: TextBlockLibrary;
};

/**
 * Lints a definition (JSON text or value): everything `loadDefinition` refuses, plus
 * the process graph (unreachable statuses, dead ends, final statuses with actions,
 * actions nobody may perform, automatic loops), text blocks found neither in the service
 * nor in the library, placeholders naming unknown data or keys, fee notices without fees,
 * and gaps and overlaps in fee tables. A definition with an error must not be published.
 */
export function lintDefinition(input: unknown, options: LintOptions = {}): LintReport {
  const loaded = loadDefinition(input);
  if (!loaded.ok) {
    const findings = loaded.problems.map((p): Finding => ({ severity: "error", ...p }));
    return { findings, publishable: false };
  }
  const def = loaded.definition;
  const findings = [
    ...lintProcessGraph(def),
    ...lintPlaceholders(def, options.library),
    ...lintFeeTables(def),
  ];
  return { findings, definition: def, publishable: !findings.some((f) => f.severity === "error") };
}
