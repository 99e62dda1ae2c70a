/**
 * Portal: the citizen's side of a service — the service page, the multi-page application form
 * rendered from the definition (conditional fields, repeating groups, uploads checked by content,
 * fee preview, summary), drafts kept on the server (resumed from the account or by a mailed
 * link, expiring after DRAFT_RETENTION_DAYS) and submission through the case engine with the
 * draft's key, so that a repeated submit makes one case.
 */
import "./portal.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { deleteExpiredDrafts } from "./drafts.service.ts";
import { mountPortal, type ReceiptUrl } from "./portal.routes.ts";

export {
  type DraftListRow,
  deleteDraftOf,
  deleteExpiredDrafts,
  draftsOf,
} from "./drafts.service.ts";
export type { ReceiptUrl } from "./portal.routes.ts";

export const DRAFT_EXPIRY_QUEUE = "portal.drafts.expire";
const DAY = 86_400_000;

/**
 * The portal's pages, mounted before the municipality pages. Defines the daily expiry of drafts:
 * a timer enqueues one job per day (a singleton key per date, so several processes run it once).
 */
export function portalModule(
  platform: Platform,
  deps: { cases: Cases; receiptUrl?: ReceiptUrl },
): WebModule {
  platform.jobs.define<{ day: string }>(DRAFT_EXPIRY_QUEUE, async () => {
    const deleted = await deleteExpiredDrafts(platform);
    if (deleted > 0) platform.log.info({ deleted }, "expired drafts deleted");
  });
  return {
    name: "portal",
    mount: (app: Hono<AppEnv>) => {
      mountPortal(app, platform, deps);
      if (platform.config.jobs) scheduleDaily(platform);
    },
  };
}

function scheduleDaily(platform: Platform): void {
  const enqueue = () => {
    const day = new Date().toISOString().slice(0, 10);
    platform.database.db
      .transaction()
      .execute((tx) =>
        platform.jobs.enqueue(tx, DRAFT_EXPIRY_QUEUE, { day }, { singletonKey: `drafts-${day}` }),
      )
      .catch((err) => platform.log.warn({ err }, "could not enqueue the draft expiry"));
  };
  // The queue exists only after jobs.install(); the first run waits a minute.
  setTimeout(enqueue, 60_000).unref();
  setInterval(enqueue, DAY).unref();
}
