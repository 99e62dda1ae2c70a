import type { Context, MiddlewareHandler } from "hono";
import { withTenant } from "../../platform/db/database.ts";
import type { Role } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { findMembershipRoles } from "./accounts.repository.ts";

const rolesByRequest = new WeakMap<Request, Role[]>();

/** The viewer's roles in the current municipality, as checked by `requireStaff`. */
export function staffRoles(c: Context<AppEnv>): Role[] {
  return rolesByRequest.get(c.req.raw) ?? [];
}

const here = (c: Context<AppEnv>) => c.req.path + (new URL(c.req.url).search || "");
const loginRedirect = (c: Context<AppEnv>, login: string) =>
  c.redirect(`${login}?zurueck=${encodeURIComponent(here(c))}`, 303);

/**
 * For `/{tenant}/amt/*`: a signed-in staff member of this municipality (with one of `roles`, if
 * given). Not signed in: to the municipality's sign-in. Signed in elsewhere, as a citizen, or
 * without the role: 404, so the workspace of another municipality is never revealed.
 */
export function requireStaff(platform: Platform, roles?: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenant = c.var.tenant;
    if (!tenant) throw notFound();
    const viewer = c.var.viewer;
    const area = `/${tenant.slug}/amt`;
    if (!viewer) return loginRedirect(c, `${area}/anmelden`);
    if (viewer.kind !== "staff" || viewer.tenantId !== tenant.id) throw notFound();
    if (viewer.stage !== "full") return c.redirect(`${area}/zwei-faktor`, 303);
    // Nested areas (`/amt/*` and a page's own guard) ask once per request.
    const has =
      rolesByRequest.get(c.req.raw) ??
      (await withTenant(platform.database.db, tenant.id, (tx) =>
        findMembershipRoles(tx, viewer.userId),
      ));
    if (!has || has.length === 0) throw notFound();
    if (roles && !roles.some((r) => has.includes(r))) throw notFound();
    rolesByRequest.set(c.req.raw, has);
    return next();
  };
}

/** For `/konto/*`: a signed-in citizen; others are sent to the citizen sign-in. */
export function requireCitizen(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.var.viewer;
    if (viewer?.kind !== "citizen") return loginRedirect(c, "/konto/anmelden");
    if (viewer.stage !== "full") return c.redirect("/konto/zwei-faktor", 303);
    return next();
  };
}

/** For `/admin/*`: a signed-in platform operator (staff session without municipality). */
export function requirePlatformAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.var.viewer;
    if (!viewer) return loginRedirect(c, "/admin/anmelden");
    if (viewer.kind !== "staff" || viewer.tenantId !== null || !viewer.platformAdmin) {
      throw notFound();
    }
    if (viewer.stage !== "full") return c.redirect("/admin/zwei-faktor", 303);
    return next();
  };
}
