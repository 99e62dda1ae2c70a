import type { Context } from "hono";
import { notFound } from "../../platform/errors.ts";
import { safeReturnPath } from "../../platform/http/app.ts";
import type { AppEnv, Viewer } from "../../platform/http/context.ts";
import type { AreaView } from "./accounts.views.ts";
import type { LoginArea } from "./login.service.ts";

/**
 * The three places where people sign in, sharing one set of pages: the citizen account
 * (`/konto`), one municipality's workspace (`/{tenant}/amt`) and the platform operators (`/admin`).
 */
export type AreaDef = { pattern: string; kind: "citizen" | "staff"; admin: boolean };

export const AREAS: AreaDef[] = [
  { pattern: "/konto", kind: "citizen", admin: false },
  { pattern: "/:tenant/amt", kind: "staff", admin: false },
  { pattern: "/admin", kind: "staff", admin: true },
];

export type ResolvedArea = { view: AreaView; login: LoginArea; home: string };

/** The area of this request; a workspace path without a municipality is not found. */
export function resolveArea(c: Context<AppEnv>, def: AreaDef): ResolvedArea {
  let prefix = def.pattern;
  let tenantId: string | null = null;
  if (def.pattern.startsWith("/:tenant")) {
    const tenant = c.var.tenant;
    if (!tenant) throw notFound();
    prefix = `/${tenant.slug}/amt`;
    tenantId = tenant.id;
  }
  return {
    view: { prefix, kind: def.kind, admin: def.admin },
    login: { kind: def.kind, tenantId, platformAdmin: def.admin },
    home: `${prefix}/`,
  };
}

/** Whether the viewer's session belongs to this area (kind, municipality, operator). */
export function viewerIn(v: Viewer | undefined, a: ResolvedArea): v is Viewer {
  return (
    !!v &&
    v.kind === a.login.kind &&
    v.tenantId === a.login.tenantId &&
    (!a.login.platformAdmin || v.platformAdmin)
  );
}

/** Where to go after signing in: the requested page on this site, else the area's start. */
export function returnTarget(zurueck: string | undefined, a: ResolvedArea): string {
  const p = safeReturnPath(zurueck);
  return p === "/" ? a.home : p;
}

export const withReturn = (path: string, zurueck?: string) =>
  zurueck ? `${path}?zurueck=${encodeURIComponent(zurueck)}` : path;
