import { sql } from "kysely";
import type { CaseEvent, CaseState } from "../../core/index.ts";
import type { Db, Tx } from "../../platform/db/database.ts";
import type { DB } from "../../platform/db/schema.ts";

export type CaseRow = {
  id: string;
  reference: string;
  service_id: string;
  service_version: number;
  status: string;
  state: CaseState;
  version: number;
  applicant_id: string | null;
  channel: DB["cases"]["channel"];
  request_hash: string | null;
  received_at: Date;
};

const caseColumns = [
  "id",
  "reference",
  "service_id",
  "service_version",
  "status",
  "state",
  "version",
  "applicant_id",
  "channel",
  "request_hash",
  "received_at",
] as const;

export function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx
    .selectFrom("cases")
    .select(caseColumns)
    .where("id", "=", id)
    .executeTakeFirst() as Promise<CaseRow | undefined>;
}

/** Appends one case's history events (the table is append-only for the application role). */
export function appendEvents(
  tx: Tx,
  tenantId: string,
  caseId: string,
  events: readonly CaseEvent[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  return appendEventsOfCases(tx, tenantId, [{ caseId, events, extra }]);
}

export function listEvents(tx: Tx, caseId: string) {
  return tx
    .selectFrom("case_events")
    .select(["seq", "type", "actor_id", "at", "payload"])
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
}

/** The case, locked for this transaction (one change at a time). */
export function findCaseForUpdate(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx
    .selectFrom("cases")
    .select(caseColumns)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst() as Promise<CaseRow | undefined>;
}

/** Stores the case's new state if it is still at `version`; false when someone else was first. */
export async function updateCaseState(
  tx: Tx,
  id: string,
  version: number,
  state: CaseState,
): Promise<boolean> {
  const result = await tx
    .updateTable("cases")
    .set({
      state: JSON.stringify(state),
      status: state.status,
      version: version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Which of these API keys of the tenant are live (not revoked), for the case writer. */
export async function liveApiKeys(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  const rows = await tx
    .selectFrom("api_keys")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .where("revoked_at", "is", null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Cases already stored under any of these idempotency keys. */
export function findCasesByIdempotencyKeys(tx: Tx, keys: string[]) {
  if (keys.length === 0) return Promise.resolve([] as (CaseRow & { idempotency_key: string })[]);
  return tx
    .selectFrom("cases")
    .select([...caseColumns, "idempotency_key"])
    .where("idempotency_key", "in", keys)
    .execute() as Promise<(CaseRow & { idempotency_key: string })[]>;
}

/** Takes `count` consecutive reference numbers; returns the first. */
export async function takeReferenceNumbers(
  tx: Tx,
  tenantId: string,
  year: number,
  count: number,
): Promise<number> {
  const row = await sql<{ last: number }>`
    insert into case_reference_counters (tenant_id, year, last) values (${tenantId}, ${year}, ${count})
    on conflict (tenant_id, year) do update set last = case_reference_counters.last + ${count}
    returning last`.execute(tx);
  return row.rows[0].last - count + 1;
}

export type NewCase = {
  tenantId: string;
  reference: string;
  serviceId: string;
  serviceVersion: number;
  state: CaseState;
  applicantId: string | null;
  channel: DB["cases"]["channel"];
  idempotencyKey: string | null;
  requestHash: string | null;
  receivedAt: Date;
};

/** Inserts several cases in one statement; returns their ids in the order given. */
export async function insertCases(tx: Tx, cases: NewCase[]): Promise<string[]> {
  const rows = await tx
    .insertInto("cases")
    .values(
      cases.map((c) => ({
        tenant_id: c.tenantId,
        reference: c.reference,
        service_id: c.serviceId,
        service_version: c.serviceVersion,
        status: c.state.status,
        state: JSON.stringify(c.state),
        applicant_id: c.applicantId,
        channel: c.channel,
        idempotency_key: c.idempotencyKey,
        request_hash: c.requestHash,
        received_at: c.receivedAt,
      })),
    )
    .returning(["id", "reference"])
    .execute();
  const byReference = new Map(rows.map((r) => [r.reference, r.id]));
  return cases.map((c) => byReference.get(c.reference)!);
}

/** Appends the history events of several cases in one statement; `extra` goes on each case's last event. */
export async function appendEventsOfCases(
  tx: Tx,
  tenantId: string,
  items: { caseId: string; events: readonly CaseEvent[]; extra: Record<string, unknown> }[],
): Promise<void> {
  const values = items.flatMap(({ caseId, events, extra }) =>
    events.map((e, i) => {
      const { seq, type, at, actorId, ...rest } = e;
      return {
        tenant_id: tenantId,
        case_id: caseId,
        seq,
        type,
        actor_id: actorId,
        at,
        payload: JSON.stringify(i === events.length - 1 ? { ...rest, ...extra } : rest),
      };
    }),
  );
  if (values.length > 0) await tx.insertInto("case_events").values(values).execute();
}

/** The Bundesland code in the municipality's settings (tenants are instance-wide, no RLS). */
export async function findTenantState(db: Db, tenantId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("tenants")
    .select(sql<string | null>`settings->>'state'`.as("state"))
    .where("id", "=", tenantId)
    .executeTakeFirst();
  return row?.state ?? undefined;
}

/**
 * Appends one event to a case's history from outside the engine (a delivery, a retrieval): the
 * case's state version moves on by one (event numbers derive from it), so a page showing the
 * case before is stale. Locks the case row for the rest of the transaction.
 */
export async function recordCaseEvent(
  tx: Tx,
  e: {
    tenantId: string;
    caseId: string;
    type: string;
    actorId: string;
    at: Date;
    payload: Record<string, unknown>;
  },
): Promise<void> {
  const row = await tx
    .updateTable("cases")
    .set({
      state: sql`jsonb_set(state, '{version}', to_jsonb((state ->> 'version')::int + 1))`,
      version: sql`version + 1`,
      updated_at: e.at,
    })
    .where("id", "=", e.caseId)
    .returning(sql<number>`(state ->> 'version')::int`.as("seq"))
    .executeTakeFirst();
  if (!row) throw new Error(`Case ${e.caseId} not found for event ${e.type}`);
  await tx
    .insertInto("case_events")
    .values({
      tenant_id: e.tenantId,
      case_id: e.caseId,
      seq: row.seq,
      type: e.type,
      actor_id: e.actorId,
      at: e.at,
      payload: JSON.stringify(e.payload),
    })
    .execute();
}
