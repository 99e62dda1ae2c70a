/**
 * Intake: the JSON API through which other portals and scanning centres submit applications
 * (`POST /api/v1/{tenant}/services/{service}/applications`, authenticated with a municipality's
 * API key, validated and idempotent like the online form), its OpenAPI document
 * (`/api/v1/openapi.json`), and the administration of API keys
 * (`/{tenant}/amt/verwaltung/api-schluessel`; keys are shown once and stored as SHA-256 hashes).
 */
import "./intake.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { mountApiKeys } from "./api-keys.routes.ts";
import { mountIntake } from "./intake.routes.ts";

export { API_KEYS_PATH } from "./api-keys.routes.ts";
export { authenticateApiKey, createApiKey, hashApiKey, revokeKey } from "./api-keys.service.ts";
export { API_BASE } from "./intake.routes.ts";
export { openApiDocument } from "./openapi.ts";

/** Mount after the session module (the key pages need the signed-in admin). */
export function intakeModule(platform: Platform, deps: { cases: Cases }): WebModule {
  return {
    name: "intake",
    mount: (app: Hono<AppEnv>) => {
      mountIntake(app, platform, deps.cases);
      mountApiKeys(app, platform);
    },
  };
}
