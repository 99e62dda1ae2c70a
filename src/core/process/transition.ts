import { deadlineEnd } from "../calendar/calendar.ts";
import { addDays, germanDate } from "../calendar/dates.ts";
import type { ActionDef, ServiceDefinition } from "../definition/types.ts";
import { assessFees } from "../fees/assess.ts";
import { rulesOf } from "../rules/compiled.ts";
import { fromFeelValue } from "../rules/values.ts";
import { caseContext } from "./context.ts";
import type {
  ActionResult,
  Actor,
  CaseEffect,
  CaseEvent,
  CaseState,
  EngineOptions,
  TimerDue,
} from "./types.ts";

/** The state of a case on entering a status: deadline and timers computed from `now`. */
export function enterStatus(
  def: ServiceDefinition,
  state: CaseState,
  statusId: string,
  now: Date,
  options: EngineOptions,
): CaseState {
  const today = germanDate(now);
  const status = def.process.statuses.find((s) => s.id === statusId);
  const timers: TimerDue[] = [];
  for (const action of def.process.actions) {
    if (action.timer && action.from.includes(statusId)) {
      // a timer fires on the day after its period has run out
      const dueAt = addDays(deadlineEnd(today, action.timer.after, options.land), 1);
      timers.push({ actionId: action.id, dueAt });
    }
  }
  const next: CaseState = { ...state, status: statusId, statusEnteredAt: now.toISOString() };
  delete next.dueDate;
  delete next.timers;
  if (status?.deadline) next.dueDate = deadlineEnd(today, status.deadline, options.land);
  if (timers.length > 0) next.timers = timers;
  return next;
}

/**
 * Completes an action: merges its input into the data, applies its effects in order
 * (set data, assess fees, follow-up, assignment), enters the target status and emits
 * the remaining effects as jobs keyed by the new sequence number.
 */
export function completeAction(
  def: ServiceDefinition,
  state: CaseState,
  action: ActionDef,
  actor: Actor,
  input: Record<string, unknown>,
  now: Date,
  options: EngineOptions,
): ActionResult {
  const seq = state.version + 1;
  const today = germanDate(now);
  let next: CaseState = { ...state, data: { ...state.data, ...input }, version: seq };
  delete next.pending;
  const effects: CaseEffect[] = [];
  for (const [index, effect] of action.effects.entries()) {
    const key = `${seq}:${action.id}:${index}`;
    if (effect.type === "setData") {
      const context = caseContext(def, next, next.data, today);
      const value = fromFeelValue(rulesOf(def).expression(effect.value).evaluate(context).value);
      next = { ...next, data: { ...next.data, [effect.field]: value } };
    } else if (effect.type === "assessFee") {
      const result = assessFees(def, caseContext(def, next, next.data, today), effect.items);
      if (!result.ok) {
        const error = { path: `actions.${action.id}`, key: "process.feeAssessmentFailed" };
        return { ok: false, error, problems: result.problems };
      }
      next = { ...next, fees: result.assessment };
      effects.push({ ...effect, key, actionId: action.id, fees: result.assessment });
    } else if (effect.type === "setFollowUp") {
      const followUp = deadlineEnd(today, effect.after, options.land);
      next = { ...next, followUp };
      effects.push({ ...effect, key, actionId: action.id, followUp });
    } else {
      if (effect.type === "assign") {
        const assignedTo = effect.toActor ? { actorId: actor.id } : { orgUnit: effect.orgUnit };
        next = { ...next, assignedTo };
      }
      effects.push({ ...effect, key, actionId: action.id });
    }
  }
  // staying in a status (a note, a correction) keeps its deadline and timers running
  if (action.to !== state.status) next = enterStatus(def, next, action.to, now, options);
  const event: CaseEvent = {
    seq,
    type: "action.performed",
    at: now.toISOString(),
    actorId: actor.id,
    actionId: action.id,
    from: state.status,
    to: action.to,
  };
  if (Object.keys(input).length > 0) event.input = input;
  return { ok: true, state: next, events: [event], effects };
}
