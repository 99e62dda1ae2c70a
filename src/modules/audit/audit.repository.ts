import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";

export type ChainRow = {
  id: number;
  case_id: string;
  seq: number;
  type: string;
  actor_id: string;
  at: Date;
  payload: unknown;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
};

const chainColumns = [
  "id",
  "case_id",
  "seq",
  "type",
  "actor_id",
  "at",
  "payload",
  "chain_seq",
  "prev_hash",
  "hash",
] as const;

/** The tenant's chain head, created at genesis and locked for this transaction. */
export async function lockHead(tx: Tx, tenantId: string, genesis: string) {
  await tx
    .insertInto("audit_heads")
    .values({ tenant_id: tenantId, last_seq: 0, last_hash: genesis })
    .onConflict((oc) => oc.column("tenant_id").doNothing())
    .execute();
  return tx
    .selectFrom("audit_heads")
    .select(["last_seq", "last_hash"])
    .where("tenant_id", "=", tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function findHead(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("audit_heads")
    .select(["last_seq", "last_hash"])
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
}

export function unsealedEvents(tx: Tx, limit: number): Promise<ChainRow[]> {
  return tx
    .selectFrom("case_events")
    .select(chainColumns)
    .where("chain_seq", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute() as Promise<ChainRow[]>;
}

export async function sealEvent(
  tx: Tx,
  id: number,
  chainSeq: number,
  prevHash: string,
  hash: string,
) {
  await tx
    .updateTable("case_events")
    .set({ chain_seq: chainSeq, prev_hash: prevHash, hash })
    .where("id", "=", id)
    .execute();
}

export async function moveHead(tx: Tx, tenantId: string, lastSeq: number, lastHash: string) {
  await tx
    .updateTable("audit_heads")
    .set({ last_seq: lastSeq, last_hash: lastHash, sealed_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .execute();
}

/** Sealed events after `afterSeq`, in chain order. */
export function sealedEvents(tx: Tx, afterSeq: number, limit: number): Promise<ChainRow[]> {
  return tx
    .selectFrom("case_events")
    .select(chainColumns)
    .where("chain_seq", ">", afterSeq)
    .orderBy("chain_seq")
    .limit(limit)
    .execute() as Promise<ChainRow[]>;
}

export async function countUnsealed(tx: Tx): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from case_events where chain_seq is null`.execute(tx);
  return r.rows[0].n;
}
