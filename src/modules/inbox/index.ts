/**
 * The caseworkers' inbox at `/{tenant}/amt/`: views (mine, my teams, unassigned, follow-ups due,
 * deadline near or overdue, awaiting my approval, all) with counts, filters, German full-text
 * search, keyset pagination; claim, release and reassign. Cases are routed to an org unit by the
 * definition's `meta.orgUnit` (or an `assign` effect, e.g. of an automatic action with a FEEL
 * guard); staff see their org units' cases, admins all. `caseVisibleTo` is the same check for
 * the other workspace pages.
 */
import "./inbox.messages.ts";
import type { WebModule } from "../../platform/http/app.ts";
import type { Platform } from "../../platform/http/context.ts";
import { mountInbox } from "./inbox.routes.ts";

export { casesVisibleTo, caseVisibleTo } from "./inbox.service.ts";

import { mountCaseScope } from "./case-scope.ts";

export { workspaceNav } from "./inbox.views.ts";

/**
 * Mount before every page under `/{tenant}/amt/vorgaenge/{caseId}`: staff only, and a case
 * outside the person's org units (or not theirs) is 404 on every such page, not just the inbox.
 */
export function caseScopeModule(platform: Platform): WebModule {
  return { name: "case-scope", mount: (app) => mountCaseScope(app, platform) };
}

export function inboxModule(platform: Platform): WebModule {
  return { name: "inbox", mount: (app) => mountInbox(app, platform) };
}
