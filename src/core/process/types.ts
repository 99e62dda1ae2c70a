import type { Bundesland } from "../calendar/calendar.ts";
import type { IsoDate } from "../calendar/dates.ts";
import type { EffectDef } from "../definition/types.ts";
import type { FeeAssessment } from "../fees/assess.ts";
import type { Problem } from "../problems.ts";

/** Who performs an action. `system` performs automatic and timed actions. */
export type Actor = { id: string; roles: readonly string[] };

/** An action proposed under the Vier-Augen-Prinzip, waiting for a second person. */
export type PendingApproval = {
  actionId: string;
  proposedBy: string;
  proposedAt: string;
  input: Record<string, unknown>;
};

/** A timed action and the date from which it is due. */
export type TimerDue = { actionId: string; dueAt: IsoDate };

/** Where a case stands. Plain JSON: the platform stores it as it is. */
export type CaseState = {
  status: string;
  data: Record<string, unknown>;
  /** Increases with every event; event sequence numbers and effect keys derive from it. */
  version: number;
  /** ISO instant at which the case entered its status. */
  statusEnteredAt: string;
  /** Last day of the status deadline, if the status has one. */
  dueDate?: IsoDate;
  timers?: TimerDue[];
  followUp?: IsoDate;
  assignedTo?: { orgUnit?: string; actorId?: string };
  fees?: FeeAssessment;
  pending?: PendingApproval;
  /** Kept only if the caller keeps it: events are appended when present. */
  history?: CaseEvent[];
};

/** Something that happened to a case; the history is a list of these. */
export type CaseEvent = {
  seq: number;
  type:
    | "case.started"
    | "action.performed"
    | "action.proposed"
    | "action.approved"
    | "proposal.rejected";
  at: string;
  actorId: string;
  actionId?: string;
  from?: string;
  to?: string;
  input?: Record<string, unknown>;
  reason?: string;
};

/**
 * Work for the platform to do after a transition (a job). `key` is stable for the
 * same case history (`<seq>:<action>:<index>`), so running it twice is detectable.
 */
export type CaseEffect = EffectDef & {
  key: string;
  actionId: string;
  fees?: FeeAssessment;
  followUp?: IsoDate;
};

/** Settings of the engine for one tenant. */
export type EngineOptions = { land: Bundesland };

/** A refused action: a message key, a path where it applies, and details. */
export type ActionError = Problem;

/** The outcome of an action: the new state with its events and effects, or why not. */
export type ActionResult =
  | { ok: true; state: CaseState; events: CaseEvent[]; effects: CaseEffect[] }
  | { ok: false; error: ActionError; problems?: Problem[] };

/** What an actor can do on a case now. */
export type AvailableAction = {
  actionId: string;
  title: string;
  /** `perform` starts the action; `approve`/`reject` decide a pending proposal. */
  kind: "perform" | "approve" | "reject";
  needsSecondApproval: boolean;
  timed: boolean;
};
