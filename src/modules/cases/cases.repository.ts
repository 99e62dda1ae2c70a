import { sql } from "kysely";
import type { CaseEvent, CaseState } from "../../core/index.ts";
import type { Tx } from "../../platform/db/database.ts";
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

/** The next number of the tenant's case references in `year`, atomically. */
export async function nextReferenceNumber(tx: Tx, tenantId: string, year: number): Promise<number> {
  const row = await sql<{ last: number }>`
    insert into case_reference_counters (tenant_id, year, last) values (${tenantId}, ${year}, 1)
    on conflict (tenant_id, year) do update set last = case_reference_counters.last + 1
    returning last`.execute(tx);
  return row.rows[0].last;
}

export function findCaseByIdempotencyKey(tx: Tx, key: string): Promise<CaseRow | undefined> {
  return tx
    .selectFrom("cases")
    .select(caseColumns)
    .where("idempotency_key", "=", key)
    .executeTakeFirst() as Promise<CaseRow | undefined>;
}

export function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return tx
    .selectFrom("cases")
    .select(caseColumns)
    .where("id", "=", id)
    .executeTakeFirst() as Promise<CaseRow | undefined>;
}

export function insertCase(
  tx: Tx,
  c: {
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
  },
) {
  return tx
    .insertInto("cases")
    .values({
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
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Appends history events (the table is append-only for the application role). */
export async function appendEvents(
  tx: Tx,
  tenantId: string,
  caseId: string,
  events: readonly CaseEvent[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto("case_events")
    .values(
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
    )
    .execute();
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
