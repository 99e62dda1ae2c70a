/**
 * Intake desk: staff enter an application that arrived by post, fax, phone, e-mail or at the
 * counter at `/{tenant}/amt/erfassung`, through the portal's form rendering and the engine's
 * validation, with channel, received date, content-checked scans and optionally a linked citizen
 * account. The form carries a key made when it was first shown, so a double submit makes one case.
 */
import "./intake-desk.messages.ts";
import type { WebModule } from "../../platform/http/app.ts";
import type { Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { mountIntakeDesk } from "./intake-desk.routes.ts";

export function intakeDeskModule(platform: Platform, deps: { cases: Cases }): WebModule {
  return { name: "intake-desk", mount: (app) => mountIntakeDesk(app, platform, deps) };
}
