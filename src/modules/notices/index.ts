/**
 * Notices and delivery. The `generateDocument` effect makes a notice inside the action's
 * transaction (composed from text blocks, rendered with Typst to PDF/A-2b, stored immutably with
 * SHA-256 and its template version; a fee notice with Kassenzeichen and GiroCode) — the case's
 * new status commits with the notice or not at all. The `deliver` effect (a job) sends the newest
 * version into the postbox, as an e-mailed retrieval link, or to the print batch, and records
 * each delivery and its legal date of notification (§ 41 VwVfG) in the case history. Daily jobs
 * end provisions not retrieved within ten days (the notice then goes by post) and make the print
 * room's batch.
 */
import "./notices.messages.ts";
import type { Hono } from "hono";
import { withTenant } from "../../platform/db/database.ts";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { onMessageRetrieved } from "../postbox/index.ts";
import { allTenants } from "../tenants/index.ts";
import { deliverEffect, expireUnretrieved, recordPostboxRetrieval } from "./deliver.service.ts";
import { generateDocumentEffect } from "./generate.service.ts";
import { deliveriesOfCase, documentsOfCase } from "./notices.repository.ts";
import { mountNotices } from "./notices.routes.ts";
import { makePrintBatch } from "./print.service.ts";

export { channelFor, expireUnretrieved, retrievalPath } from "./deliver.service.ts";
export {
  makeDocument,
  type NoticeRequest,
  paymentDetails,
  renderNotice,
} from "./generate.service.ts";
export { type NoticeData, noticeContent } from "./notice.content.ts";
export {
  type DeliveryRow,
  type DocumentRow,
  deliveriesOfCase,
  documentFile,
  documentsOfCase,
} from "./notices.repository.ts";
export { deliveryLine, documentsSection } from "./notices.views.ts";
export { makePrintBatch } from "./print.service.ts";

export const EXPIRY_QUEUE = "notices.expire";
export const PRINT_QUEUE = "notices.print";

/** A case's documents (newest first) and their deliveries, for the case file. */
export async function caseDocuments(platform: Platform, tenantId: string, caseId: string) {
  return withTenant(platform.database.db, tenantId, async (tx) => {
    const [documents, deliveries] = await Promise.all([
      documentsOfCase(tx, caseId),
      deliveriesOfCase(tx, caseId),
    ]);
    return { documents, deliveries };
  });
}

/**
 * Registers the effects and the daily jobs — the ten-day rule just after midnight, the print
 * batch at 06:00 on working days — and mounts the pages (before the municipality pages).
 */
export function noticesModule(platform: Platform, deps: { cases: Cases }): WebModule {
  deps.cases.onEffectInTransaction("generateDocument", generateDocumentEffect(platform));
  deps.cases.onEffect("deliver", deliverEffect(platform));
  onMessageRetrieved(recordPostboxRetrieval);
  platform.jobs.define(
    EXPIRY_QUEUE,
    async () => {
      for (const tenant of await allTenants(platform.database.db)) {
        const expired = await expireUnretrieved(platform, tenant);
        if (expired > 0) platform.log.info({ tenant: tenant.slug, expired }, "provisions ended");
      }
    },
    { cron: "20 0 * * *", retryLimit: 3 },
  );
  platform.jobs.define(
    PRINT_QUEUE,
    async () => {
      for (const tenant of await allTenants(platform.database.db)) {
        while (await makePrintBatch(platform, tenant, "system")) {}
      }
    },
    { cron: "0 6 * * 1-5", retryLimit: 3 },
  );
  return { name: "notices", mount: (app: Hono<AppEnv>) => mountNotices(app, platform) };
}
