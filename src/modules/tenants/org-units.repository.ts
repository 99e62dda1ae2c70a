import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type OrgUnitRow = { id: string; name: string; email: string | null; members: number };

/**
 * Org units of the transaction's tenant. Callers run inside `withTenant`; the explicit
 * `tenant_id` filter is a second fence behind row-level security, not a replacement for it.
 */
export function listOrgUnits(tx: Tx, tenantId: string): Promise<OrgUnitRow[]> {
  return tx
    .selectFrom("org_units as o")
    .select(["o.id", "o.name", "o.email"])
    .select(
      sql<number>`(select count(*) from memberships m where m.tenant_id = o.tenant_id and o.id = any(m.org_unit_ids))::int`.as(
        "members",
      ),
    )
    .where("o.tenant_id", "=", tenantId)
    .orderBy("o.name")
    .execute();
}

export function findOrgUnit(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom("org_units")
    .select(["id", "name", "email"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function insertOrgUnit(
  tx: Tx,
  tenantId: string,
  unit: { name: string; email?: string },
): Promise<{ id: string }> {
  return tx
    .insertInto("org_units")
    .values({ tenant_id: tenantId, name: unit.name, email: unit.email ?? null })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function renameOrgUnit(
  tx: Tx,
  tenantId: string,
  id: string,
  name: string,
): Promise<boolean> {
  const r = await tx
    .updateTable("org_units")
    .set({ name })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Deletes the unit unless a member still belongs to it; false when in use or not found. */
export async function deleteUnusedOrgUnit(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const r = await tx
    .deleteFrom("org_units as o")
    .where("o.tenant_id", "=", tenantId)
    .where("o.id", "=", id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("memberships as m")
            .select(sql`1`.as("x"))
            .whereRef("m.tenant_id", "=", "o.tenant_id")
            .where(sql<boolean>`o.id = any(m.org_unit_ids)`),
        ),
      ),
    )
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Which of `ids` are org units of the tenant (to refuse foreign or made-up ids). */
export async function existingOrgUnitIds(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom("org_units")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .execute();
  return rows.map((r) => r.id);
}
