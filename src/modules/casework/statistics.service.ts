import { addDays, germanDate, type ServiceDefinition } from "../../core/index.ts";
import { withTenant } from "../../platform/db/database.ts";
import type { Platform } from "../../platform/http/context.ts";
import {
  casesByStatus,
  overdueByService,
  processingTimes,
  receivedPerWeek,
  serviceVersions,
} from "./statistics.repository.ts";

export const STATISTIC_WEEKS = 12;

export type ServiceStatistics = {
  slug: string;
  title: string;
  total: number;
  byStatus: { id: string; title: string; count: number }[];
  /** The last STATISTIC_WEEKS weeks, oldest first, by their Monday; weeks without cases count 0. */
  weeks: { week: string; count: number }[];
  /** Processing time in days (received -> final status), of `finished` cases; null without any. */
  medianDays: number | null;
  p90Days: number | null;
  finished: number;
  overdue: number;
};

/** The Monday (ISO date) of the week of `day`. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

const days = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : Math.round((seconds / 86_400) * 10) / 10;

/**
 * Per service of the municipality: cases by status, cases received per week over the last
 * twelve weeks, median and 90th percentile of the processing time (from the history), and how
 * many cases are past their status deadline.
 */
export async function statisticsOf(
  platform: Platform,
  tenantId: string,
  now = new Date(),
): Promise<ServiceStatistics[]> {
  const today = germanDate(now);
  const firstWeek = addDays(mondayOf(today), -7 * (STATISTIC_WEEKS - 1));
  return withTenant(platform.database.db, tenantId, async (tx) => {
    const versions = await serviceVersions(tx);
    const services = new Map<
      string,
      { slug: string; title: string; statuses: Map<string, string>; finals: Set<string> }
    >();
    for (const v of versions) {
      const def = v.definition as ServiceDefinition;
      const s = services.get(v.id) ?? {
        slug: v.slug,
        title: v.title,
        statuses: new Map(),
        finals: new Set(),
      };
      s.title = v.title;
      for (const st of def.process.statuses) {
        s.statuses.set(st.id, st.title);
        if (st.kind.startsWith("final")) s.finals.add(st.id);
      }
      services.set(v.id, s);
    }
    const finals = [...services].flatMap(([id, s]) => [...s.finals].map((f) => `${id}:${f}`));
    const [statusRows, weekRows, timeRows, overdueRows] = await Promise.all([
      casesByStatus(tx),
      receivedPerWeek(tx, new Date(`${firstWeek}T00:00:00+01:00`)),
      processingTimes(tx, finals),
      overdueByService(tx, today),
    ]);
    return [...services].map(([id, s]) => {
      const counts = statusRows.filter((r) => r.service_id === id);
      const byStatus = [...s.statuses].map(([statusId, title]) => ({
        id: statusId,
        title,
        count: counts.find((r) => r.status === statusId)?.count ?? 0,
      }));
      const weeks = Array.from({ length: STATISTIC_WEEKS }, (_, i) => {
        const week = addDays(firstWeek, 7 * i);
        const count = weekRows.find((r) => r.service_id === id && r.week === week)?.count ?? 0;
        return { week, count };
      });
      const times = timeRows.find((r) => r.service_id === id);
      return {
        slug: s.slug,
        title: s.title,
        total: counts.reduce((sum, r) => sum + r.count, 0),
        byStatus,
        weeks,
        medianDays: days(times?.p50),
        p90Days: days(times?.p90),
        finished: times?.count ?? 0,
        overdue: overdueRows.find((r) => r.service_id === id)?.count ?? 0,
      };
    });
  });
}

/**
 * The statistics as CSV for German Excel: UTF-8 with byte-order mark, semicolons, decimal
 * commas, one row per figure.
 */
export function statisticsCsv(stats: ServiceStatistics[], header: string[]): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? "" : typeof v === "number" ? String(v).replace(".", ",") : v;
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows: (string | number | null)[][] = [header];
  for (const s of stats) {
    for (const st of s.byStatus) rows.push([s.title, "status", st.title, st.count]);
    for (const w of s.weeks) rows.push([s.title, "received_week", w.week, w.count]);
    rows.push([s.title, "processing_days_median", "", s.medianDays]);
    rows.push([s.title, "processing_days_p90", "", s.p90Days]);
    rows.push([s.title, "overdue", "", s.overdue]);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}
