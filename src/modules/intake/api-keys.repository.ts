import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type ApiKeyRow = {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_by_name: string | null;
};

/**
 * API keys of the transaction's tenant. Callers run inside `withTenant`; the explicit
 * `tenant_id` filter is a second fence behind row-level security.
 */
export function listApiKeys(tx: Tx, tenantId: string): Promise<ApiKeyRow[]> {
  return tx
    .selectFrom("api_keys as k")
    .leftJoin("users as u", "u.id", "k.created_by")
    .select(["k.id", "k.name", "k.created_at", "k.last_used_at", "k.revoked_at"])
    .select("u.name as created_by_name")
    .where("k.tenant_id", "=", tenantId)
    .orderBy("k.revoked_at", (o) => o.desc().nullsFirst())
    .orderBy("k.created_at", "desc")
    .execute() as Promise<ApiKeyRow[]>;
}

export function insertApiKey(
  tx: Tx,
  k: { tenantId: string; name: string; keyHash: string; createdBy: string | null },
): Promise<{ id: string }> {
  return tx
    .insertInto("api_keys")
    .values({ tenant_id: k.tenantId, name: k.name, key_hash: k.keyHash, created_by: k.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Revokes a key; false when there is no such (unrevoked) key in the tenant. */
export async function revokeApiKey(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const r = await tx
    .updateTable("api_keys")
    .set({ revoked_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export function findApiKey(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom("api_keys")
    .select(["id", "name", "revoked_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * The live key with this hash in the transaction's tenant, if any, recording its use. The use
 * is written at most once a minute per key, so that a busy client does not queue every request
 * behind one row lock.
 */
export async function useApiKey(
  tx: Tx,
  tenantId: string,
  keyHash: string,
): Promise<{ id: string } | undefined> {
  const row = await tx
    .selectFrom("api_keys")
    .select(["id"])
    .select(
      sql<boolean>`last_used_at is null or last_used_at < now() - interval '1 minute'`.as("stale"),
    )
    .where("tenant_id", "=", tenantId)
    .where("key_hash", "=", keyHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.stale) {
    await tx
      .updateTable("api_keys")
      .set({ last_used_at: sql`now()` })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", row.id)
      .execute();
  }
  return { id: row.id };
}
