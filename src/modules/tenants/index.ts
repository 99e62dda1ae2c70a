/**
 * Tenants (Kommunen): the municipalities on this instance, their settings, legal pages and
 * public start pages, and their administration (settings, logo, org units, staff) at
 * `/{tenant}/amt/verwaltung/`. Other modules resolve a request's municipality through
 * `tenantResolver`.
 */
import "./tenants.messages.ts";
import "./administration.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { mountAdministration } from "./administration.routes.ts";
import {
  type CatalogueSource,
  type DemoLogin,
  mountTenantContext,
  mountTenantPages,
} from "./tenants.routes.ts";

export { ADMINISTRATION_PATH } from "./administration.routes.ts";
export { createMunicipality } from "./create-municipality.ts";
/** Form controls the platform's ui.ts lacks (textarea, select, checkboxes); candidates to move there. */
export { checkboxes, select, textarea } from "./form-controls.ts";
export { listMembers, type MemberRow } from "./memberships.repository.ts";
export { listOrgUnits } from "./org-units.repository.ts";
export { createOrgUnit, orgUnitsOf } from "./org-units.service.ts";
export { saveTenantSettings, tenantPlaceholderValues } from "./settings.service.ts";
export { inviteStaff, membersOf } from "./staff.service.ts";
/** The municipality's logo (bytes and type), for letterheads. */
export { findTenantLogo as tenantLogo, type TenantRow } from "./tenants.repository.ts";
export type { CatalogueSource, DemoLogin } from "./tenants.routes.ts";
export { tenantResolver } from "./tenants.routes.ts";
export {
  RESERVED_SLUGS,
  STATES,
  slugSchema,
  type TenantSettingsDraft,
  type TenantSettingsInput,
  tenantSettingsInput,
} from "./tenants.schema.ts";
export {
  addMember,
  allTenants,
  countAllTenants,
  createTenant,
  getTenant,
  getTenantById,
  settingsFromInput,
} from "./tenants.service.ts";

/** Mount first: the municipality list and the `/{tenant}` context for all later routes. */
export function tenantContextModule(platform: Platform): WebModule {
  return {
    name: "tenant-context",
    mount: (app: Hono<AppEnv>) => mountTenantContext(app, platform),
  };
}

/** Tenant administration for the municipality's admins; mount after the accounts module. */
export function tenantAdministrationModule(platform: Platform): WebModule {
  return {
    name: "tenant-administration",
    mount: (app: Hono<AppEnv>) => mountAdministration(app, platform),
  };
}

/**
 * Mount last: a municipality's start page, legal pages, theme and logo. With `demoLogin` (demo
 * mode), the start page shows the demo caseworker's sign-in.
 */
export function tenantPagesModule(
  platform: Platform,
  opts: { catalogue: CatalogueSource; demoLogin?: DemoLogin },
): WebModule {
  return {
    name: "tenant-pages",
    mount: (app: Hono<AppEnv>) => mountTenantPages(app, platform, opts.catalogue, opts.demoLogin),
  };
}
