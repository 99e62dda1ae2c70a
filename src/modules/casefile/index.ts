/**
 * The case file (Vorgangsakte) of the caseworker workspace at `/{tenant}/amt/vorgaenge/{caseId}`:
 * the submitted data rendered by the definition, attachments, history, messages with the
 * applicant, internal notes, fees, and the actions the engine offers this person — with action
 * forms carrying the case version (a stale page is refused), second approval (approve or
 * return) and a log of every staff view of the case's personal data (DSGVO accountability).
 */
import "./casefile.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { mountCaseFile } from "./casefile.routes.ts";

export { type CaseFile, openCaseFile } from "./casefile.service.ts";

/** The case file pages; mount before the municipality pages. */
export function caseFileModule(platform: Platform, deps: { cases: Cases }): WebModule {
  return {
    name: "casefile",
    mount: (app: Hono<AppEnv>) => mountCaseFile(app, platform, deps.cases),
  };
}
