import type { Hono, MiddlewareHandler } from "hono";
import { DomainError } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { requireStaff, staffRoles } from "../accounts/index.ts";
import { caseVisibleTo } from "./inbox.service.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 unless the case is within the signed-in person's org units or assigned to them. */
function inScope(platform: Platform): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caseId = c.req.param("caseId") ?? "";
    const tenant = c.var.tenant;
    const viewer = c.var.viewer;
    if (!tenant || !viewer || !UUID.test(caseId))
      throw new DomainError("error.notFound", { status: 404 });
    const visible = await caseVisibleTo(
      platform,
      tenant,
      { userId: viewer.userId, roles: staffRoles(c) },
      caseId,
    );
    if (!visible) throw new DomainError("error.notFound", { status: 404 });
    await next();
  };
}

export function mountCaseScope(app: Hono<AppEnv>, platform: Platform): void {
  const path = "/:tenant/amt/vorgaenge/:caseId";
  for (const p of [path, `${path}/*`]) app.use(p, requireStaff(platform), inScope(platform));
}
