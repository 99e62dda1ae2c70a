/**
 * Platform administration at `/admin/`: the instance's operators list the municipalities and
 * create new ones (with an invitation for each one's first administrator).
 */
import "./admin.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountPlatformAdmin } from "./admin.routes.ts";

/** Mount after the accounts module (it signs operators in at `/admin/anmelden`). */
export function platformAdminModule(platform: Platform): WebModule {
  return {
    name: "platform-admin",
    mount: (app: Hono<AppEnv>) => mountPlatformAdmin(app, platform),
  };
}
