import type { Hono } from "hono";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { requireStaff, staffRoles } from "../accounts/index.ts";
import type { Cases } from "../cases/index.ts";
import { bulkSelection, performBulk } from "./bulk.service.ts";
import { bulkPage, bulkResultPage } from "./bulk.views.ts";
import { workspace } from "./casework.views.ts";
import { engineTenant } from "./deadlines.service.ts";

const PATH = "/:tenant/amt/sammelaktion";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/{tenant}/amt/sammelaktion`: the same action on many cases, each in its own transaction. */
export function mountBulk(app: Hono<AppEnv>, platform: Platform, cases: Cases) {
  app.use(PATH, requireStaff(platform, ["caseworker", "approver", "admin"]));
  const actorOf = (c: Parameters<typeof staffRoles>[0]) => ({
    id: c.var.viewer!.userId,
    roles: staffRoles(c),
  });

  app.get(PATH, async (c) => {
    const q = { service: c.req.query("service"), status: c.req.query("status") };
    return bulkPage(c, await bulkSelection(platform, c.var.tenant!.id, actorOf(c), q));
  });

  app.post(PATH, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
    const q = { service: one("service"), status: one("status") };
    const actor = actorOf(c);
    const selection = await bulkSelection(platform, c.var.tenant!.id, actor, q);
    const action = selection.actions?.find((a) => a.id === one("action"));
    const picked = ([] as unknown[]).concat(body.case ?? []).filter((v) => typeof v === "string");
    const selected = (picked as string[])
      .map((v) => v.split(":"))
      .filter((p) => p.length >= 3 && UUID.test(p[0]))
      .map(([caseId, version, ...ref]) => ({
        caseId,
        version: Number(version),
        reference: ref.join(":"),
      }));
    if (!action) return bulkPage(c, selection, c.var.t("casework.bulk.error.action"));
    if (selected.length === 0) return bulkPage(c, selection, c.var.t("casework.bulk.error.none"));
    const outcomes = await performBulk(platform, cases, {
      tenant: await engineTenant(platform, c.var.tenant!.slug),
      actionId: action.id,
      actor,
      selected,
    });
    return bulkResultPage(c, {
      actionTitle: action.title,
      outcomes: outcomes.map((o, i) => ({ ...o, reference: selected[i].reference })),
      back: `${workspace(c)}/sammelaktion?service=${encodeURIComponent(q.service ?? "")}&status=${encodeURIComponent(q.status ?? "")}`,
    });
  });
}
