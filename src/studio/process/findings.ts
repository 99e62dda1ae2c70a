/**
 * The process's findings as the editor shows them: the linter's (which only checks the status
 * graph once the whole draft loads) merged with the graph check run on the process alone, so
 * the designer sees unreachable statuses and dead ends while other parts are still unfinished.
 */
import { type Finding, lintProcessGraph, type ServiceDefinition } from "../../core/index.ts";
import type { Def } from "../store.ts";

const list = (v: unknown) => (Array.isArray(v) ? v : []);

/** The process of a draft in the shape the graph check needs, or undefined if it has none. */
function checkableProcess(process: unknown): ServiceDefinition["process"] | undefined {
  if (!process || typeof process !== "object") return undefined;
  const p = process as Record<string, unknown>;
  const statuses = list(p.statuses);
  if (statuses.some((s) => typeof s?.id !== "string")) return undefined;
  const actions = list(p.actions).map((a) => ({
    ...(a && typeof a === "object" ? a : {}),
    id: typeof a?.id === "string" ? a.id : "",
    from: list(a?.from),
    roles: list(a?.roles),
    effects: list(a?.effects),
    secondApproval: a?.secondApproval ? { roles: list(a.secondApproval.roles) } : undefined,
  }));
  return { ...p, statuses, actions } as unknown as ServiceDefinition["process"];
}

/** Every finding about the process: the linter's and the live graph check's, once each. */
export function processFindings(def: Def, linted: readonly Finding[]): Finding[] {
  const out = linted.filter((f) => f.path === "process" || f.path.startsWith("process."));
  const process = checkableProcess(def.process);
  if (!process) return out;
  let live: Finding[] = [];
  try {
    live = lintProcessGraph({ process } as ServiceDefinition);
  } catch {
    // a draft too broken to walk: the linter's schema findings say why
  }
  const seen = new Set(out.map(keyOf));
  for (const f of live) if (!seen.has(keyOf(f))) out.push(f);
  return out;
}

function keyOf(f: Finding): string {
  return `${f.path}|${f.key}|${JSON.stringify(f.params ?? {})}`;
}
