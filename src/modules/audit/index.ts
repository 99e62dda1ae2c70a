/**
 * Audit: the hash chain over each municipality's case history. A job seals new history events
 * every minute; `verifyTenantHistory` (CLI: `dienstwerk audit verify --tenant SLUG`) recomputes
 * the chain and reports the first broken link, so a row changed directly in the database is
 * detected. (Someone who can rewrite the whole chain and its head can hide a change; anchoring
 * the head outside the database is future work.)
 */
import type { Platform } from "../../platform/http/context.ts";
import { allTenants } from "../tenants/index.ts";
import { sealTenantHistory } from "./audit.service.ts";

export {
  type ChainBreak,
  sealTenantHistory,
  type Verification,
  verifyTenantHistory,
} from "./audit.service.ts";

export const AUDIT_SEAL_QUEUE = "audit.seal";

/** Schedules sealing of every municipality's new history events once a minute. */
export function defineAuditJobs(platform: Platform): void {
  platform.jobs.define(
    AUDIT_SEAL_QUEUE,
    async () => {
      for (const tenant of await allTenants(platform.database.db)) {
        await sealTenantHistory(platform.database.db, tenant.id);
      }
    },
    { cron: "* * * * *", retryLimit: 2 },
  );
}
