import { germanDate } from "../calendar/dates.ts";
import type { ActionDef, ServiceDefinition } from "../definition/types.ts";
import type { Problem } from "../problems.ts";
import { rulesOf } from "../rules/compiled.ts";
import { caseContext } from "./context.ts";
import { validateActionInput } from "./input.ts";
import { completeAction, enterStatus } from "./transition.ts";
import type {
  ActionResult,
  Actor,
  AvailableAction,
  CaseEvent,
  CaseState,
  EngineOptions,
} from "./types.ts";

/** How many automatic actions may follow one another before the engine calls it a loop. */
export const MAX_AUTOMATIC_STEPS = 20;

/** The actor of automatic and timed actions. */
export const SYSTEM_ACTOR: Actor = { id: "system", roles: ["system"] };

const refuse = (key: string, path = "", params?: Problem["params"]): ActionResult => ({
  ok: false,
  error: params ? { path, key, params } : { path, key },
});

/**
 * Starts a case from validated application data: enters the initial status, then runs
 * automatic actions until none applies.
 */
export function startCase(
  def: ServiceDefinition,
  data: Record<string, unknown>,
  actor: Actor,
  now: Date,
  options: EngineOptions,
): ActionResult {
  const initial: CaseState = {
    status: def.process.initialStatus,
    data,
    version: 1,
    statusEnteredAt: "",
  };
  const state = enterStatus(def, initial, def.process.initialStatus, now, options);
  const event: CaseEvent = {
    seq: 1,
    type: "case.started",
    at: now.toISOString(),
    actorId: actor.id,
    to: state.status,
  };
  return runAutomatic(def, { ok: true, state, events: [event], effects: [] }, now, options);
}

function hasRole(actor: Actor, roles: readonly string[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

function timerDue(state: CaseState, action: ActionDef, now: Date): boolean {
  const timer = state.timers?.find((t) => t.actionId === action.id);
  return timer !== undefined && germanDate(now) >= timer.dueAt;
}

/** Whether an actor may start an action (not counting its guard). */
function mayPerform(state: CaseState, action: ActionDef, actor: Actor, now: Date): boolean {
  if (action.automatic || !action.from.includes(state.status)) return false;
  if (action.timer && actor.roles.includes("system") && timerDue(state, action, now)) return true;
  return hasRole(actor, action.roles);
}

function guardHolds(
  def: ServiceDefinition,
  state: CaseState,
  action: ActionDef,
  data: Record<string, unknown>,
  now: Date,
): boolean {
  if (!action.guard) return true;
  const context = caseContext(def, state, data, germanDate(now));
  return rulesOf(def).expression(action.guard).evaluate(context).value === true;
}

/**
 * The actions an actor can take on a case now. While an action awaits its second
 * approval, only approving (another person with an approver role) or rejecting (them,
 * or the proposer withdrawing) is possible. Guards that read the action's own input
 * are checked when the action is performed.
 */
export function availableActions(
  def: ServiceDefinition,
  state: CaseState,
  actor: Actor,
  now: Date,
): AvailableAction[] {
  const byId = new Map(def.process.actions.map((a) => [a.id, a]));
  if (state.pending) {
    const action = byId.get(state.pending.actionId);
    if (!action?.secondApproval) return [];
    const entry = {
      actionId: action.id,
      title: action.title,
      needsSecondApproval: true,
      timed: false,
    };
    const approver =
      actor.id !== state.pending.proposedBy && hasRole(actor, action.secondApproval.roles);
    if (approver)
      return [
        { ...entry, kind: "approve" },
        { ...entry, kind: "reject" },
      ];
    return actor.id === state.pending.proposedBy ? [{ ...entry, kind: "reject" }] : [];
  }
  return def.process.actions
    .filter((action) => mayPerform(state, action, actor, now))
    .filter((action) => {
      const inputIds = new Set(action.input?.map((f) => f.id));
      const readsInput =
        action.guard &&
        rulesOf(def)
          .expression(action.guard)
          .names.some((n) => inputIds.has(n));
      return readsInput || guardHolds(def, state, action, state.data, now);
    })
    .map((action) => ({
      actionId: action.id,
      title: action.title,
      kind: "perform" as const,
      needsSecondApproval: action.secondApproval !== undefined,
      timed: action.timer !== undefined,
    }));
}

/**
 * Performs an action on a case: checks status, role, input and guard, and returns the
 * new state, the history events and the effects to run — or the reason it is refused.
 * An action needing second approval is only proposed; performing the same action again
 * by another person holding an approver role completes it. Automatic actions then run
 * until none applies. Pure: `now` and the tenant's Land come in as arguments.
 */
export function performAction(
  def: ServiceDefinition,
  state: CaseState,
  actionId: string,
  actor: Actor,
  input: unknown,
  now: Date,
  options: EngineOptions,
): ActionResult {
  const action = def.process.actions.find((a) => a.id === actionId);
  if (!action) return refuse("process.unknownAction", "actionId", { id: actionId });
  if (state.pending) return approve(def, state, action, actor, now, options);
  if (!mayPerform(state, action, actor, now))
    return refuse("process.notAllowed", "actionId", { id: actionId });
  const checked = validateActionInput(def, state, action, input, now);
  if (!checked.ok)
    return {
      ok: false,
      error: { path: "input", key: "process.invalidInput" },
      problems: checked.errors,
    };
  if (!guardHolds(def, state, action, { ...state.data, ...checked.data }, now)) {
    return refuse("process.guardFailed", "actionId", { id: actionId });
  }
  if (action.secondApproval) return propose(state, action, actor, checked.data, now);
  const result = completeAction(def, state, action, actor, checked.data, now, options);
  return runAutomatic(def, result, now, options);
}

function propose(
  state: CaseState,
  action: ActionDef,
  actor: Actor,
  input: Record<string, unknown>,
  now: Date,
): ActionResult {
  const seq = state.version + 1;
  const at = now.toISOString();
  const pending = { actionId: action.id, proposedBy: actor.id, proposedAt: at, input };
  const event: CaseEvent = {
    seq,
    type: "action.proposed",
    at,
    actorId: actor.id,
    actionId: action.id,
    input,
  };
  return {
    ok: true,
    state: withHistory({ ...state, version: seq, pending }, [event]),
    events: [event],
    effects: [],
  };
}

function approve(
  def: ServiceDefinition,
  state: CaseState,
  action: ActionDef,
  actor: Actor,
  now: Date,
  options: EngineOptions,
): ActionResult {
  const pending = state.pending;
  if (!pending || pending.actionId !== action.id)
    return refuse("process.pendingApproval", "actionId", { id: action.id });
  if (actor.id === pending.proposedBy)
    return refuse("process.sameApprover", "actionId", { id: action.id });
  if (!action.secondApproval || !hasRole(actor, action.secondApproval.roles)) {
    return refuse("process.notAllowed", "actionId", { id: action.id });
  }
  if (!guardHolds(def, state, action, { ...state.data, ...pending.input }, now)) {
    return refuse("process.guardFailed", "actionId", { id: action.id });
  }
  const seq = state.version + 1;
  const event: CaseEvent = {
    seq,
    type: "action.approved",
    at: now.toISOString(),
    actorId: actor.id,
    actionId: action.id,
  };
  const approved = { ...state, version: seq };
  const result = completeAction(
    def,
    approved,
    action,
    { id: pending.proposedBy, roles: [] },
    pending.input,
    now,
    options,
  );
  if (!result.ok) return result;
  return runAutomatic(def, { ...result, events: [event, ...result.events] }, now, options);
}

/** Rejects (or, by the proposer, withdraws) a pending proposal; the case stays where it was. */
export function rejectProposal(
  def: ServiceDefinition,
  state: CaseState,
  actor: Actor,
  reason: string,
  now: Date,
): ActionResult {
  const pending = state.pending;
  if (!pending) return refuse("process.nothingPending");
  const action = def.process.actions.find((a) => a.id === pending.actionId);
  const approver =
    action?.secondApproval !== undefined && hasRole(actor, action.secondApproval.roles);
  if (actor.id !== pending.proposedBy && !approver)
    return refuse("process.notAllowed", "actionId", { id: pending.actionId });
  const seq = state.version + 1;
  const event: CaseEvent = {
    seq,
    type: "proposal.rejected",
    at: now.toISOString(),
    actorId: actor.id,
    actionId: pending.actionId,
  };
  if (reason) event.reason = reason;
  const next: CaseState = { ...state, version: seq };
  delete next.pending;
  return { ok: true, state: withHistory(next, [event]), events: [event], effects: [] };
}

/** Runs automatic actions after a transition until none applies, at most MAX_AUTOMATIC_STEPS. */
function runAutomatic(
  def: ServiceDefinition,
  result: ActionResult,
  now: Date,
  options: EngineOptions,
): ActionResult {
  if (!result.ok) return result;
  let { state, events, effects } = result;
  for (let step = 0; step <= MAX_AUTOMATIC_STEPS; step++) {
    const action = def.process.actions.find(
      (a) =>
        a.automatic && a.from.includes(state.status) && guardHolds(def, state, a, state.data, now),
    );
    if (!action) return { ok: true, state: withHistory(state, events), events, effects };
    if (step === MAX_AUTOMATIC_STEPS) break;
    const next = completeAction(def, state, action, SYSTEM_ACTOR, {}, now, options);
    if (!next.ok) return next;
    state = next.state;
    events = [...events, ...next.events];
    effects = [...effects, ...next.effects];
  }
  return refuse("process.automaticLoop", "process.actions", { steps: MAX_AUTOMATIC_STEPS });
}

/** Appends events to the state's history if the caller keeps one there. */
function withHistory(state: CaseState, events: CaseEvent[]): CaseState {
  return state.history ? { ...state, history: [...state.history, ...events] } : state;
}
