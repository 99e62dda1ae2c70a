import { createHash } from "node:crypto";
import { canonicalJson } from "../../platform/canonical-json.ts";
import { type Db, withTenant } from "../../platform/db/database.ts";
import {
  type ChainRow,
  countUnsealed,
  findHead,
  lockHead,
  moveHead,
  sealEvent,
  sealedEvents,
  unsealedEvents,
} from "./audit.repository.ts";

const BATCH = 500;

/** The first link of a tenant's chain. */
export function genesisHash(tenantId: string): string {
  return createHash("sha256").update(`dienstwerk:audit:${tenantId}`).digest("hex");
}

/** The hash of one history event, chained to the one before it. */
export function eventHash(
  tenantId: string,
  prevHash: string,
  chainSeq: number,
  e: ChainRow,
): string {
  const content = canonicalJson({
    tenant: tenantId,
    chainSeq,
    case: e.case_id,
    seq: e.seq,
    type: e.type,
    actor: e.actor_id,
    at: new Date(e.at).toISOString(),
    payload: e.payload,
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/**
 * Seals the tenant's unsealed history events onto its chain, in batches, under a lock on the
 * chain head (one sealer per tenant at a time). Returns how many were sealed.
 */
export async function sealTenantHistory(db: Db, tenantId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await withTenant(db, tenantId, async (tx) => {
      const head = await lockHead(tx, tenantId, genesisHash(tenantId));
      const rows = await unsealedEvents(tx, BATCH);
      let seq = Number(head.last_seq);
      let hash = head.last_hash;
      for (const row of rows) {
        seq += 1;
        const next = eventHash(tenantId, hash, seq, row);
        await sealEvent(tx, row.id, seq, hash, next);
        hash = next;
      }
      if (rows.length > 0) await moveHead(tx, tenantId, seq, hash);
      return rows.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

export type ChainBreak = {
  chainSeq: number;
  eventId: number | null;
  caseId: string | null;
  reason: "changed" | "missing" | "head";
};

export type Verification = { sealed: number; unsealed: number; broken?: ChainBreak };

/**
 * Recomputes the tenant's chain from its first link and reports the first broken one: an event
 * whose content changed, a link missing (an event deleted or inserted), or a head that does not
 * match the last event (events cut off at the end).
 */
export async function verifyTenantHistory(db: Db, tenantId: string): Promise<Verification> {
  return withTenant(db, tenantId, async (tx) => {
    const head = await findHead(tx, tenantId);
    const unsealed = await countUnsealed(tx);
    let expectedSeq = 0;
    let hash = genesisHash(tenantId);
    for (;;) {
      const rows = await sealedEvents(tx, expectedSeq, 1000);
      for (const row of rows) {
        const seq = Number(row.chain_seq);
        if (seq !== expectedSeq + 1 || row.prev_hash !== hash) {
          return {
            sealed: expectedSeq,
            unsealed,
            broken: {
              chainSeq: expectedSeq + 1,
              eventId: row.id,
              caseId: row.case_id,
              reason: "missing",
            },
          };
        }
        const recomputed = eventHash(tenantId, hash, seq, row);
        if (recomputed !== row.hash) {
          return {
            sealed: expectedSeq,
            unsealed,
            broken: { chainSeq: seq, eventId: row.id, caseId: row.case_id, reason: "changed" },
          };
        }
        hash = recomputed;
        expectedSeq = seq;
      }
      if (rows.length < 1000) break;
    }
    const headSeq = head ? Number(head.last_seq) : 0;
    if (headSeq !== expectedSeq || (head && head.last_hash !== hash)) {
      return {
        sealed: expectedSeq,
        unsealed,
        broken: { chainSeq: expectedSeq + 1, eventId: null, caseId: null, reason: "head" },
      };
    }
    return { sealed: expectedSeq, unsealed };
  });
}
