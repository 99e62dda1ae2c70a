import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

/** The municipality's services with every published version's definition (for status names). */
export function serviceVersions(tx: Tx) {
  return tx
    .selectFrom("services as s")
    .innerJoin("service_versions as v", (j) =>
      j.onRef("v.service_id", "=", "s.id").on("v.state", "=", "published"),
    )
    .select(["s.id", "s.slug", "v.version", "v.title", "v.definition"])
    .where("s.archived_at", "is", null)
    .orderBy("s.slug")
    .orderBy("v.version")
    .execute() as Promise<
    { id: string; slug: string; version: number; title: string; definition: unknown }[]
  >;
}

export function casesByStatus(tx: Tx) {
  return tx
    .selectFrom("cases")
    .select(["service_id", "status", sql<number>`count(*)::int`.as("count")])
    .groupBy(["service_id", "status"])
    .execute();
}

/** Cases received per calendar week (Monday, German time) since `since`. */
export function receivedPerWeek(tx: Tx, since: Date) {
  return tx
    .selectFrom("cases")
    .select([
      "service_id",
      sql<string>`date_trunc('week', received_at at time zone 'Europe/Berlin')::date::text`.as(
        "week",
      ),
      sql<number>`count(*)::int`.as("count"),
    ])
    .where("received_at", ">=", since)
    .groupBy(["service_id", "week"])
    .execute();
}

/**
 * Median and 90th percentile of the processing time in seconds — received until the history
 * event that entered the case's (final) status — for cases whose `service:status` is in `finals`.
 */
export async function processingTimes(tx: Tx, finals: string[]) {
  if (finals.length === 0) return [];
  const rows = await sql<{ service_id: string; p50: number; p90: number; count: number }>`
    select service_id,
      percentile_cont(0.5) within group (order by secs) as p50,
      percentile_cont(0.9) within group (order by secs) as p90,
      count(*)::int as count
    from (
      select c.service_id, extract(epoch from max(e.at) - c.received_at)::float8 as secs
      from cases c
      join case_events e on e.tenant_id = c.tenant_id and e.case_id = c.id
        and e.payload ->> 'to' = c.status
      where (c.service_id::text || ':' || c.status) = any(${finals})
      group by c.service_id, c.id, c.received_at
    ) x
    group by service_id`.execute(tx);
  return rows.rows;
}

/** Open cases whose status deadline ended before `today`. */
export function overdueByService(tx: Tx, today: string) {
  return tx
    .selectFrom("cases")
    .select(["service_id", sql<number>`count(*)::int`.as("count")])
    .where(sql<boolean>`state ? 'dueDate'`)
    .where(sql<boolean>`state ->> 'dueDate' < ${today}`)
    .groupBy("service_id")
    .execute();
}

/** Cases of a service in one status, oldest first (the list a bulk action is chosen from). */
export function casesInStatus(tx: Tx, serviceId: string, status: string, limit = 500) {
  return tx
    .selectFrom("cases")
    .select(["id", "reference", "version", "received_at"])
    .where("service_id", "=", serviceId)
    .where("status", "=", status)
    .orderBy("received_at")
    .limit(limit)
    .execute();
}
