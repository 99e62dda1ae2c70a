import type { Hono } from "hono";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import { requireStaff } from "../accounts/index.ts";
import { statisticsCsv, statisticsOf } from "./statistics.service.ts";
import { statisticsPage } from "./statistics.views.ts";

/** `/{tenant}/amt/statistik` and its CSV export, for caseworkers, approvers, admins and auditors. */
export function mountStatistics(app: Hono<AppEnv>, platform: Platform) {
  const guard = requireStaff(platform, ["caseworker", "approver", "admin", "auditor"]);
  app.use("/:tenant/amt/statistik", guard);
  app.use("/:tenant/amt/statistik.csv", guard);
  app.get("/:tenant/amt/statistik", async (c) =>
    statisticsPage(c, await statisticsOf(platform, c.var.tenant!.id)),
  );
  app.get("/:tenant/amt/statistik.csv", async (c) => {
    const t = c.var.t;
    const csv = statisticsCsv(await statisticsOf(platform, c.var.tenant!.id), [
      t("casework.stats.csv.service"),
      t("casework.stats.csv.figure"),
      t("casework.stats.csv.key"),
      t("casework.stats.csv.value"),
    ]);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statistik-${c.var.tenant!.slug}.csv"`,
      "cache-control": "no-store",
    });
  });
}
