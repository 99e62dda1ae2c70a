/**
 * Casework: the caseworkers' tools beyond the single case — follow-ups (Wiedervorlage) and the
 * scheduled sweep over deadlines, follow-ups and definition timers (recorded once, mailed to the
 * responsible people, timer actions run as the system), intake of applications that arrived by
 * post, fax, phone, e-mail or at the counter, bulk actions, statistics with CSV export, and the
 * `notifyStaff` effect (mails to the case's org unit, once per effect).
 */
import "./casework.messages.ts";
import type { Hono } from "hono";
import type { WebModule } from "../../platform/http/app.ts";
import type { AppEnv, Platform } from "../../platform/http/context.ts";
import type { Cases } from "../cases/index.ts";
import { mountBulk } from "./bulk.routes.ts";
import { sweepDeadlines } from "./deadlines.service.ts";
import { mountFollowUp } from "./followup.routes.ts";
import { notifyStaffEffect } from "./staff-notifications.service.ts";
import { mountStatistics } from "./statistics.routes.ts";

export { dueFollowUps, overdueCases } from "./deadlines.repository.ts";
export { type SweepReport, setFollowUp, sweepDeadlines } from "./deadlines.service.ts";
export { type ServiceStatistics, statisticsCsv, statisticsOf } from "./statistics.service.ts";

export const DEADLINE_SWEEP_QUEUE = "casework.deadlines";

/** The casework pages (mount before the municipality pages) and the sweep every 5 minutes. */
export function caseworkModule(platform: Platform, deps: { cases: Cases }): WebModule {
  deps.cases.onEffect("notifyStaff", notifyStaffEffect(platform));
  platform.jobs.define(
    DEADLINE_SWEEP_QUEUE,
    async () => {
      const report = await sweepDeadlines(platform, deps.cases);
      if (report.notified + report.timersRun + report.timersRefused > 0)
        platform.log.info(report, "deadline sweep");
    },
    { cron: "*/5 * * * *", retryLimit: 2 },
  );
  return {
    name: "casework",
    mount: (app: Hono<AppEnv>) => {
      mountFollowUp(app, platform);
      mountStatistics(app, platform);
      mountBulk(app, platform, deps.cases);
    },
  };
}
