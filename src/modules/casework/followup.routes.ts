import type { Hono } from "hono";
import { isIsoDate, parseGermanDate } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { setFlash } from "../../platform/http/layout.ts";
import { requireStaff } from "../accounts/index.ts";
import { findCase } from "../cases/index.ts";
import { workspace } from "./casework.views.ts";
import { engineTenant, setFollowUp } from "./deadlines.service.ts";
import { followUpPage } from "./followup.views.ts";

const PATH = "/:tenant/amt/vorgaenge/:caseId/wiedervorlage";

/** `/{tenant}/amt/vorgaenge/{caseId}/wiedervorlage`: a caseworker sets the follow-up date. */
export function mountFollowUp(app: Hono<AppEnv>, platform: Platform) {
  const db = platform.database.db;
  app.use(PATH, requireStaff(platform, ["caseworker", "approver", "admin"]));
  const load = async (tenantId: string, caseId: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound();
    const row = await withTenant(db, tenantId, (tx) => findCase(tx, caseId));
    if (!row) throw notFound();
    return row;
  };

  app.get(PATH, async (c) => {
    const row = await load(c.var.tenant!.id, c.req.param("caseId"));
    return followUpPage(c, {
      caseId: row.id,
      reference: row.reference,
      version: row.version,
      current: row.state.followUp,
    });
  });

  app.post(PATH, async (c) => {
    const tenant = c.var.tenant!;
    const row = await load(tenant.id, c.req.param("caseId"));
    const body = await c.req.parseBody();
    const value = String(body.date ?? "").trim();
    const date = parseGermanDate(value);
    const again = (o: { errors?: Record<string, string>; problem?: string; status: 409 | 422 }) =>
      followUpPage(c, {
        caseId: row.id,
        reference: row.reference,
        version: row.version,
        current: row.state.followUp,
        value,
        ...o,
      });
    if (!date || !isIsoDate(date))
      return again({ errors: { date: c.var.t("casework.error.date") }, status: 422 });
    try {
      await setFollowUp(platform, {
        tenant: await engineTenant(platform, tenant.slug),
        caseId: row.id,
        date,
        expectedVersion: Number(body.version),
        actorId: c.var.viewer!.userId,
      });
    } catch (err) {
      if (err instanceof DomainError && err.key === "cases.error.stale")
        return again({ problem: c.var.t("casework.error.stale"), status: 409 });
      throw err;
    }
    setFlash(c, "casework.followUp.saved");
    return c.redirect(`${workspace(c)}/vorgaenge/${row.id}/wiedervorlage`, 303);
  });
}
