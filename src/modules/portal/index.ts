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
import { mountPortal } from "./portal.routes.ts";

export {
  type DraftListRow,
  deleteDraftOf,
  deleteExpiredDrafts,
  draftsOf,
} from "./drafts.service.ts";

// The form's rendering and rules, shared with the staff's intake on behalf of a citizen.
export {
  addItem,
  domId,
  fileFieldAt,
  groupOn,
  mergePagePost,
  removeItem,
  shownFields,
  visiblePages,
} from "./form-state.ts";
export { type FieldContext, fieldControl } from "./portal.fields.ts";
export { type FormPageOpts, formPage } from "./portal.views.ts";
export { checkUpload } from "./uploads.ts";

export const DRAFT_EXPIRY_QUEUE = "portal.drafts.expire";

/** The portal's pages, mounted before the municipality pages; drafts expire in a nightly job. */
export function portalModule(platform: Platform, deps: { cases: Cases }): WebModule {
  platform.jobs.define(
    DRAFT_EXPIRY_QUEUE,
    async () => {
      const deleted = await deleteExpiredDrafts(platform);
      if (deleted > 0) platform.log.info({ deleted }, "expired drafts deleted");
    },
    { cron: "17 3 * * *" },
  );
  return {
    name: "portal",
    mount: (app: Hono<AppEnv>) => mountPortal(app, platform, deps),
  };
}
