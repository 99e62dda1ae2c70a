import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

/** Records that an effect ran; false when it had run before. */
export async function recordEffectRun(
  tx: Tx,
  tenantId: string,
  caseId: string,
  effectKey: string,
): Promise<boolean> {
  const row = await tx
    .insertInto("case_effect_runs")
    .values({ tenant_id: tenantId, case_id: caseId, effect_key: effectKey })
    .onConflict((oc) => oc.doNothing())
    .returning("case_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Mail addresses of staff with one of `roles` in the org unit (all units when it is null). */
export async function staffEmails(
  tx: Tx,
  orgUnitId: string | null,
  roles: string[],
): Promise<string[]> {
  let q = tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.email")
    .where(sql<boolean>`m.roles && ${roles}::text[]`);
  if (orgUnitId) q = q.where(sql<boolean>`${orgUnitId}::uuid = any (m.org_unit_ids)`);
  const rows = await q.orderBy("u.email").execute();
  return [...new Set(rows.map((r) => r.email))];
}

/** The org unit a case is routed to, if any. */
export async function caseOrgUnit(tx: Tx, caseId: string): Promise<string | null> {
  const row = await tx
    .selectFrom("cases")
    .select("org_unit_id")
    .where("id", "=", caseId)
    .executeTakeFirst();
  return row?.org_unit_id ?? null;
}
