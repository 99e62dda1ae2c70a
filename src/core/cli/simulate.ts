import type { Bundesland } from "../calendar/calendar.ts";
import { germanDate } from "../calendar/dates.ts";
import { loadDefinition } from "../definition/load.ts";
import type { ActionDef, LeafFieldDef, ServiceDefinition } from "../definition/types.ts";
import { validateSubmission } from "../forms/validate.ts";
import { performAction, SYSTEM_ACTOR, startCase } from "../process/machine.ts";
import type { ActionResult, Actor, CaseState } from "../process/types.ts";
import { type CommandResult, formatCents, formatFinding, type Language } from "./format.ts";

/** Settings of a simulation; all optional so that a run is reproducible by default. */
export type SimulateOptions = { land?: Bundesland; start?: Date; language?: Language };

const HOUR = 3_600_000;

/**
 * `dienstwerk service simulate FILE --data DATA.json --actions a,b,c`: submits the data,
 * performs the actions in order and prints the trace (statuses, events, effects, fees).
 * Data keys naming caseworker inputs of actions are used as those inputs; missing
 * required inputs get sample values. An action needing second approval is approved by
 * a simulated second person; a timed action runs on its due date.
 */
export function simulateCommand(
  defJson: string,
  dataJson: string,
  actions: readonly string[],
  options: SimulateOptions = {},
): CommandResult {
  const language = options.language ?? "de";
  const loaded = loadDefinition(defJson);
  if (!loaded.ok) {
    const lines = loaded.problems.map((p) => formatFinding(p, language));
    return { text: `${lines.join("\n")}\ndefinition refused\n`, exitCode: 1 };
  }
  const def = loaded.definition;
  const land = options.land ?? "ST";
  let now = options.start ?? new Date("2026-01-12T08:00:00Z");
  const { application, inputs, problem } = splitData(def, dataJson);
  if (problem) return { text: `${problem}\n`, exitCode: 1 };
  const trace: string[] = [`${def.meta.title} (${def.id} ${def.version}), Land ${land}`];
  const submitted = validateSubmission(def, application, { today: germanDate(now) });
  if (!submitted.ok) {
    trace.push(
      "application refused:",
      ...submitted.errors.map((e) => `  ${formatFinding(e, language)}`),
    );
    return { text: `${trace.join("\n")}\n`, exitCode: 1 };
  }
  let result = startCase(def, submitted.data, { id: "antragsteller", roles: ["applicant"] }, now, {
    land,
  });
  trace.push(...describe(def, "submit", result, undefined, language));
  for (const actionId of actions) {
    if (!result.ok) break;
    const state: CaseState = result.state;
    const action = def.process.actions.find((a) => a.id === actionId);
    const step = stepFor(state, action, now);
    now = step.now;
    const input = action ? inputFor(def, action, inputs, germanDate(now)) : {};
    let next = performAction(def, state, actionId, step.actor, input, now, { land });
    if (next.ok && next.state.pending && action?.secondApproval) {
      trace.push(...describe(def, `${actionId} (proposed)`, next, state, language));
      const approver = { id: "freigabe-1", roles: action.secondApproval.roles };
      const proposed = next.state;
      now = new Date(now.getTime() + HOUR);
      next = performAction(def, proposed, actionId, approver, {}, now, { land });
      trace.push(
        ...describe(def, `${actionId} (approved by ${approver.id})`, next, proposed, language),
      );
    } else {
      trace.push(...describe(def, actionId, next, state, language));
    }
    if (!next.ok) return { text: `${trace.join("\n")}\n`, exitCode: 1 };
    result = next;
    now = new Date(now.getTime() + HOUR);
  }
  if (result.ok) trace.push(`final status: ${result.state.status}`);
  return { text: `${trace.join("\n")}\n`, exitCode: result.ok ? 0 : 1 };
}

function splitData(
  def: ServiceDefinition,
  dataJson: string,
): { application: Record<string, unknown>; inputs: Record<string, unknown>; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch (error) {
    return { application: {}, inputs: {}, problem: `data is not JSON: ${String(error)}` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { application: {}, inputs: {}, problem: "data must be a JSON object" };
  }
  // example files may wrap the data: { "data": {...}, "actions": [...] }
  const record =
    "data" in data && typeof data.data === "object"
      ? (data.data as Record<string, unknown>)
      : (data as Record<string, unknown>);
  const inputIds = new Set(def.process.actions.flatMap((a) => (a.input ?? []).map((f) => f.id)));
  const application: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record))
    (inputIds.has(key) ? inputs : application)[key] = value;
  return { application, inputs };
}

/** Who performs a step, and when: timed actions by the system on their due date. */
function stepFor(
  state: CaseState,
  action: ActionDef | undefined,
  now: Date,
): { actor: Actor; now: Date } {
  const timer = action && state.timers?.find((t) => t.actionId === action.id);
  if (action?.timer && timer && action.roles.length === 0) {
    const due = new Date(`${timer.dueAt}T08:00:00Z`);
    return { actor: SYSTEM_ACTOR, now: due > now ? due : now };
  }
  const roles = action?.roles.length ? action.roles : ["caseworker"];
  const actor =
    roles.includes("applicant") && !roles.includes("caseworker")
      ? "antragsteller"
      : "sachbearbeitung-1";
  return { actor: { id: actor, roles }, now };
}

function inputFor(
  def: ServiceDefinition,
  action: ActionDef,
  given: Record<string, unknown>,
  today: string,
) {
  const input: Record<string, unknown> = {};
  for (const field of action.input ?? []) {
    if (field.id in given) input[field.id] = given[field.id];
    else if (field.type !== "info" && field.required)
      input[field.id] = sampleValue(def, field, today);
  }
  return input;
}

/** A plausible value for a required caseworker input the data does not provide. */
function sampleValue(def: ServiceDefinition, field: LeafFieldDef, today: string): unknown {
  switch (field.type) {
    case "number":
    case "integer":
    case "money":
      return field.min ?? 0;
    case "date":
      return today;
    case "boolean":
      return true;
    case "select":
    case "radio":
      return (field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [])[0]?.value;
    case "multiselect":
      return [(field.options ?? def.codeLists?.[field.codeList ?? ""]?.options ?? [])[0]?.value];
    default:
      return "(Simulation)";
  }
}

function describe(
  def: ServiceDefinition,
  label: string,
  result: ActionResult,
  before: CaseState | undefined,
  language: Language,
): string[] {
  if (!result.ok) {
    const lines = [`✗ ${label}: ${formatFinding(result.error, language)}`];
    for (const p of result.problems ?? []) lines.push(`    ${formatFinding(p, language)}`);
    return lines;
  }
  const { state, events, effects } = result;
  const title = def.process.statuses.find((s) => s.id === state.status)?.title ?? state.status;
  const lines = [`✓ ${label}: ${before?.status ?? "—"} → ${state.status} (${title})`];
  for (const e of events) {
    const by = e.actorId ? ` by ${e.actorId}` : "";
    lines.push(
      `    event #${e.seq} ${e.type}${e.actionId ? ` ${e.actionId}` : ""}${by}${e.to ? ` → ${e.to}` : ""}`,
    );
  }
  for (const effect of effects) {
    const { key, actionId: _a, type, fees, ...rest } = effect;
    const details = Object.entries(rest).map(
      ([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`,
    );
    lines.push(`    effect ${key} ${type}${details.length ? ` ${details.join(" ")}` : ""}`);
    for (const line of fees?.lines ?? []) {
      lines.push(
        `      ${formatCents(line.amountCents).padStart(12)}  ${line.label} (${line.legalBasis})`,
      );
    }
    if (fees) lines.push(`      ${formatCents(fees.totalCents).padStart(12)}  total`);
  }
  if (state.dueDate) lines.push(`    due date ${state.dueDate}`);
  for (const t of state.timers ?? []) lines.push(`    timer ${t.actionId} due ${t.dueAt}`);
  if (state.pending) lines.push(`    waiting for second approval of ${state.pending.actionId}`);
  return lines;
}
