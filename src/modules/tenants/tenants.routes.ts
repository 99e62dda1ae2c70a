import type { Hono, MiddlewareHandler } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { CatalogueItem } from "./catalogue-search.ts";
import { findTenantLogo } from "./tenants.repository.ts";
import { RESERVED_SLUGS } from "./tenants.schema.ts";
import { allTenants, getTenant } from "./tenants.service.ts";
import { type LegalPage, legalPage, tenantHomePage, tenantListPage } from "./tenants.views.ts";

const LEGAL: Record<string, LegalPage> = {
  impressum: "impressum",
  datenschutz: "privacy",
  barrierefreiheit: "accessibility",
};

/** Resolves `/{tenant}/...` to the municipality; an unknown slug is a friendly 404. */
export function tenantResolver(platform: Platform): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param("tenant") ?? "";
    if (RESERVED_SLUGS.has(slug)) return next();
    const row = /^[a-z0-9-]{2,60}$/.test(slug)
      ? await getTenant(platform.database.db, slug)
      : undefined;
    if (!row) throw new DomainError("error.notFound", { status: 404 });
    c.set("tenant", {
      id: row.id,
      slug: row.slug,
      name: row.name,
      hasLogo: row.has_logo,
      primaryColour: row.settings.colours?.primary,
    });
    return next();
  };
}

/** In demo mode: the demo caseworker's sign-in for a municipality's start page. */
export type DemoLogin = (tenantSlug: string) => { email: string; password: string } | undefined;

export type CatalogueSource = (tenantId: string) => Promise<CatalogueItem[]>;

/** Mounted first: the instance start page, and the municipality context for every later route. */
export function mountTenantContext(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  app.get("/", async (c) => tenantListPage(c, await allTenants(db)));
  for (const [path, which] of Object.entries(LEGAL)) {
    app.get(`/${path}`, (c) => legalPage(c, which, undefined));
  }
  app.use("/:tenant/*", tenantResolver(platform));
  app.use("/:tenant", tenantResolver(platform));
}

/** Mounted last, so that `/konto/`, `/admin/` and module routes win over `/{tenant}/`. */
export function mountTenantPages(
  app: Hono<AppEnv>,
  platform: Platform,
  catalogue: CatalogueSource,
  demoLogin?: DemoLogin,
) {
  const db = platform.database.db;
  app.get("/:tenant", (c) => c.redirect(`/${c.req.param("tenant")}/`, 301));
  app.get("/:tenant/", async (c) => {
    const tenant = (await getTenant(db, c.var.tenant!.slug))!;
    const q = (c.req.query("q") ?? "").slice(0, 200);
    return tenantHomePage(c, tenant, await catalogue(tenant.id), demoLogin?.(tenant.slug), q);
  });
  for (const [path, which] of Object.entries(LEGAL)) {
    app.get(`/:tenant/${path}`, async (c) =>
      legalPage(c, which, await getTenant(db, c.var.tenant!.slug)),
    );
  }
  app.get("/:tenant/theme.css", (c) => {
    const colour = c.var.tenant!.primaryColour ?? "#0b2a5b";
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=300");
    return c.body(
      `:root { --dw-primary: ${/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : "#0b2a5b"}; }\n`,
    );
  });
  app.get("/:tenant/logo", async (c) => {
    const logo = await findTenantLogo(db, c.var.tenant!.slug);
    if (!logo?.logo || !logo.logo_type) throw new DomainError("error.notFound", { status: 404 });
    c.header("Content-Type", logo.logo_type);
    c.header("Cache-Control", "public, max-age=300");
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return c.body(new Uint8Array(logo.logo));
  });
}
