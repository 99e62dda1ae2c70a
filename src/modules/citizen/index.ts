/**
 * Citizen account pages (Bürgerkonto) at `/konto/`: my applications across all municipalities
 * with status timeline and tasks (answering moves the case on), the postbox with replies, the
 * profile (`profileOf` gives the portal what `prefillForm` needs), data export and account
 * deletion. Sign-in and security pages stay in `accounts`; the postbox domain is `postbox`.
 * Mount `citizenModule` after `accountsModule` (which guards `/konto/*`).
 */
import "./citizen.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { mountCitizen } from "./citizen.routes.ts";

export { type ApplicationSummary, applicationsOf, profileOf } from "./citizen.service.ts";
export { accountPage } from "./citizen.views.ts";

export function citizenModule(platform: Platform, cases: Cases): WebModule {
  return { name: "citizen", mount: (app: Hono<AppEnv>) => mountCitizen(app, platform, cases) };
}
