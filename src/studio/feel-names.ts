/**
 * The names FEEL expressions of the process and the fees may use, for completion and live
 * checks in `FeelInput`: the case data (form fields, caseworkers' inputs, process variables) and
 * `case` (status, version, due date). The editor provides them to every tab.
 */
import { createContext } from "preact";
import type { FeelName } from "./form/FeelInput.tsx";
import type { Def } from "./store.ts";

export const FeelNamesContext = createContext<FeelName[]>([]);

const list = (v: unknown): Def[] => (Array.isArray(v) ? (v as Def[]) : []);

export function caseDataNames(def: Def): FeelName[] {
  const seen = new Set<string>();
  const out: FeelName[] = [];
  const add = (id: unknown, label: unknown, type: unknown) => {
    if (typeof id !== "string" || !id || seen.has(id) || type === "info") return;
    seen.add(id);
    out.push({ id, label: typeof label === "string" ? label : id, type: String(type ?? "") });
  };
  for (const page of list(def.form?.pages))
    for (const f of list(page.fields)) add(f.id, f.label, f.type);
  for (const a of list(def.process?.actions))
    for (const f of list(a.input))
      add(f.id, `${f.label ?? f.id} (Eingabe bei „${a.title ?? a.id}“)`, f.type);
  for (const v of list(def.process?.variables)) add(v.id, v.label ?? v.id, v.type);
  add("case", "Der Vorgang: case.status, case.version, case.dueDate", "context");
  return out;
}
