import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type DraftRow = {
  service_id: string;
  revision: number;
  definition: unknown;
  updated_at: Date;
  updated_by: string | null;
};

/** The working draft of a service with the name of whoever saved it last. */
export function findDraft(tx: Tx, serviceId: string) {
  return tx
    .selectFrom("service_drafts as d")
    .leftJoin("users as u", "u.id", "d.updated_by")
    .select([
      "d.service_id",
      "d.revision",
      "d.definition",
      "d.updated_at",
      "u.name as updated_by_name",
    ])
    .where("d.service_id", "=", serviceId)
    .executeTakeFirst();
}

/** Locks the draft row for the rest of the transaction (publishing reads it under the lock). */
export function lockDraft(tx: Tx, serviceId: string) {
  return tx
    .selectFrom("service_drafts")
    .select(["revision", "definition"])
    .where("service_id", "=", serviceId)
    .forUpdate()
    .executeTakeFirst();
}

/** Drafts of every service: revision, title, and when and by whom it was last saved. */
export function listDrafts(tx: Tx) {
  return tx
    .selectFrom("service_drafts as d")
    .leftJoin("users as u", "u.id", "d.updated_by")
    .select([
      "d.service_id",
      "d.revision",
      "d.updated_at",
      "u.name as updated_by_name",
      sql<string | null>`d.definition -> 'meta' ->> 'title'`.as("title"),
    ])
    .execute();
}

/** The first draft of a service; false when another save created it first. */
export async function insertDraft(
  tx: Tx,
  d: { tenantId: string; serviceId: string; definition: unknown; userId: string },
): Promise<boolean> {
  const rows = await tx
    .insertInto("service_drafts")
    .values({
      tenant_id: d.tenantId,
      service_id: d.serviceId,
      revision: 1,
      definition: JSON.stringify(d.definition),
      updated_by: d.userId,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "service_id"]).doNothing())
    .returning("revision")
    .execute();
  return rows.length === 1;
}

/**
 * Saves the draft if it is still at `revision` (optimistic concurrency); the new revision, or
 * undefined when someone else saved in between.
 */
export async function updateDraft(
  tx: Tx,
  d: { serviceId: string; revision: number; definition: unknown; userId: string },
): Promise<{ revision: number; updated_at: Date } | undefined> {
  return tx
    .updateTable("service_drafts")
    .set((eb) => ({
      revision: eb("revision", "+", 1),
      definition: JSON.stringify(d.definition),
      updated_at: new Date(),
      updated_by: d.userId,
    }))
    .where("service_id", "=", d.serviceId)
    .where("revision", "=", d.revision)
    .returning(["revision", "updated_at"])
    .executeTakeFirst();
}
