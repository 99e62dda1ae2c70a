import { sql } from "kysely";
import type { CaseState } from "../../core/index.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";

export type ReminderKind = DB["case_reminders"]["kind"];

export type WatchedCase = {
  id: string;
  reference: string;
  status: string;
  state: CaseState;
  version: number;
};

/**
 * Cases of the tenant in context with a follow-up due by `today`, a deadline passed before
 * `today`, or timers (whose due dates the service checks), using the partial indexes of 0011.
 */
export function watchedCases(tx: Tx, today: string): Promise<WatchedCase[]> {
  return tx
    .selectFrom("cases")
    .select(["id", "reference", "status", "state", "version"])
    .where((eb) =>
      eb.or([
        eb.and([sql<boolean>`state ? 'followUp'`, sql<boolean>`state ->> 'followUp' <= ${today}`]),
        eb.and([sql<boolean>`state ? 'dueDate'`, sql<boolean>`state ->> 'dueDate' < ${today}`]),
        sql<boolean>`state ? 'timers'`,
      ]),
    )
    .execute() as Promise<WatchedCase[]>;
}

/** Records that an event fired; false when it was recorded before (it fires once). */
export async function recordReminder(
  tx: Tx,
  r: {
    tenantId: string;
    caseId: string;
    kind: ReminderKind;
    dueOn: string;
    actionId?: string;
    outcome?: string;
  },
): Promise<boolean> {
  const row = await tx
    .insertInto("case_reminders")
    .values({
      tenant_id: r.tenantId,
      case_id: r.caseId,
      kind: r.kind,
      due_on: r.dueOn,
      action_id: r.actionId ?? "",
      outcome: r.outcome ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("case_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function reminderRecorded(
  tx: Tx,
  caseId: string,
  kind: ReminderKind,
  dueOn: string,
  actionId = "",
): Promise<boolean> {
  const row = await tx
    .selectFrom("case_reminders")
    .select("case_id")
    .where("case_id", "=", caseId)
    .where("kind", "=", kind)
    .where("due_on", "=", dueOn)
    .where("action_id", "=", actionId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Mail addresses of the people responsible for a case: the assigned person; else the members of
 * the assigned org unit; else every caseworker of the municipality.
 */
export async function responsibleEmails(
  tx: Tx,
  assignedTo: CaseState["assignedTo"],
): Promise<string[]> {
  let q = tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.email");
  if (assignedTo?.actorId) q = q.where("m.user_id", "=", assignedTo.actorId);
  else if (assignedTo?.orgUnit)
    q = q.where(sql<boolean>`${assignedTo.orgUnit} = any (m.org_unit_ids::text[])`);
  else q = q.where(sql<boolean>`'caseworker' = any (m.roles)`);
  const rows = await q.execute();
  return rows.map((r) => r.email);
}

/** Cases whose current follow-up date has fired: the "Wiedervorlage fällig" list. */
export function dueFollowUps(tx: Tx) {
  return tx
    .selectFrom("cases as c")
    .innerJoin("case_reminders as r", (j) =>
      j
        .onRef("r.case_id", "=", "c.id")
        .on("r.kind", "=", "followUp")
        .on(sql<boolean>`r.due_on::text = c.state ->> 'followUp'`),
    )
    .select(["c.id", "c.reference", "c.status", sql<string>`r.due_on::text`.as("due_on")])
    .orderBy("r.due_on")
    .execute();
}

/** Cases whose current status deadline has passed and was recorded: "Frist überschritten". */
export function overdueCases(tx: Tx) {
  return tx
    .selectFrom("cases as c")
    .innerJoin("case_reminders as r", (j) =>
      j
        .onRef("r.case_id", "=", "c.id")
        .on("r.kind", "=", "deadline")
        .on(sql<boolean>`r.due_on::text = c.state ->> 'dueDate'`),
    )
    .select(["c.id", "c.reference", "c.status", sql<string>`r.due_on::text`.as("due_on")])
    .orderBy("r.due_on")
    .execute();
}

/** The case, locked, for setting its follow-up. */
export function findCaseForFollowUp(tx: Tx, id: string) {
  return tx
    .selectFrom("cases")
    .select(["id", "reference", "state", "version"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst() as Promise<
    { id: string; reference: string; state: CaseState; version: number } | undefined
  >;
}

/** Stores the new state with its follow-up if the case is still at `version`. */
export async function storeFollowUp(
  tx: Tx,
  id: string,
  version: number,
  state: CaseState,
): Promise<boolean> {
  const r = await tx
    .updateTable("cases")
    .set({ state: JSON.stringify(state), version: version + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** One history event (the case history is append-only and hash-chained by the audit job). */
export async function appendHistory(
  tx: Tx,
  e: {
    tenantId: string;
    caseId: string;
    seq: number;
    type: string;
    actorId: string;
    at: Date;
    payload: Record<string, unknown>;
  },
): Promise<void> {
  await tx
    .insertInto("case_events")
    .values({
      tenant_id: e.tenantId,
      case_id: e.caseId,
      seq: e.seq,
      type: e.type,
      actor_id: e.actorId,
      at: e.at,
      payload: JSON.stringify(e.payload),
    })
    .execute();
}
