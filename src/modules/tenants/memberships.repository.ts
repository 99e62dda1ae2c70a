import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";

export type MemberRow = {
  user_id: string;
  email: string;
  name: string;
  roles: Role[];
  org_unit_ids: string[];
  /** False while the invited person has not yet set a password. */
  active: boolean;
};

/** Members of the transaction's tenant (inside `withTenant`), with their user account. */
export function listMembers(tx: Tx, tenantId: string): Promise<MemberRow[]> {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "u.email", "u.name", "m.roles", "m.org_unit_ids"])
    .select(sql<boolean>`u.email_verified_at is not null`.as("active"))
    .where("m.tenant_id", "=", tenantId)
    .orderBy("u.name")
    .orderBy("u.email")
    .execute();
}

export function findMember(tx: Tx, tenantId: string, userId: string) {
  return tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "u.email", "u.name", "m.roles", "m.org_unit_ids"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .executeTakeFirst();
}

/** Adds the membership, or does nothing when the person already belongs to the tenant. */
export async function insertMembership(
  tx: Tx,
  m: { tenantId: string; userId: string; roles: Role[]; orgUnitIds: string[] },
): Promise<boolean> {
  const r = await tx
    .insertInto("memberships")
    .values({
      tenant_id: m.tenantId,
      user_id: m.userId,
      roles: m.roles,
      org_unit_ids: m.orgUnitIds,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function updateMembership(
  tx: Tx,
  m: { tenantId: string; userId: string; roles: Role[]; orgUnitIds: string[] },
): Promise<boolean> {
  const r = await tx
    .updateTable("memberships")
    .set({ roles: m.roles, org_unit_ids: m.orgUnitIds })
    .where("tenant_id", "=", m.tenantId)
    .where("user_id", "=", m.userId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteMembership(tx: Tx, tenantId: string, userId: string) {
  const r = await tx
    .deleteFrom("memberships")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/**
 * Locks the tenant's admin memberships and counts them, so that two admins removing each other
 * at the same moment cannot leave the tenant without one.
 */
export async function lockAdminCount(tx: Tx, tenantId: string): Promise<number> {
  const rows = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("tenant_id", "=", tenantId)
    .where(sql<boolean>`'admin' = any(roles)`)
    .forUpdate()
    .execute();
  return rows.length;
}
