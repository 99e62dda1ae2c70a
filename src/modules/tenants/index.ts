/**
 * Tenants (Kommunen): the municipalities on this instance, their settings, legal pages and
 * public start pages. Other modules resolve a request's municipality through `tenantResolver`.
 */
import "./tenants.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { type CatalogueSource, mountTenantContext, mountTenantPages } from "./tenants.routes.ts";

export type { TenantRow } from "./tenants.repository.ts";
export { tenantResolver } from "./tenants.routes.ts";
export {
  RESERVED_SLUGS,
  STATES,
  slugSchema,
  type TenantSettingsInput,
  tenantSettingsInput,
} from "./tenants.schema.ts";
export { allTenants, createTenant, getTenant, settingsFromInput } from "./tenants.service.ts";

/** Mount first: the municipality list and the `/{tenant}` context for all later routes. */
export function tenantContextModule(platform: Platform): WebModule {
  return {
    name: "tenant-context",
    mount: (app: Hono<AppEnv>) => mountTenantContext(app, platform),
  };
}

/** Mount last: a municipality's start page, legal pages, theme and logo. */
export function tenantPagesModule(
  platform: Platform,
  opts: { catalogue: CatalogueSource },
): WebModule {
  return {
    name: "tenant-pages",
    mount: (app: Hono<AppEnv>) => mountTenantPages(app, platform, opts.catalogue),
  };
}
