import { html } from "hono/html";
import { page } from "../../platform/http/layout.ts";
import { type Ctx, dateDe, workspace } from "./casework.views.ts";
import type { ServiceStatistics } from "./statistics.service.ts";

const number = (c: Ctx, n: number | null) =>
  n === null
    ? c.var.t("casework.stats.none")
    : n.toLocaleString(c.var.locale === "en" ? "en-GB" : "de-DE");

/** Received per week as bars, drawn on the server; the table after it carries the same figures. */
function weekChart(c: Ctx, s: ServiceStatistics) {
  const width = 640;
  const height = 180;
  const max = Math.max(1, ...s.weeks.map((w) => w.count));
  const slot = width / s.weeks.length;
  const id = `chart-${s.slug}`;
  return html`<svg class="stats-chart" viewBox="0 0 ${width} ${height + 24}" width="100%" role="img" aria-labelledby="${id}-title" focusable="false">
    <title id="${id}-title">${c.var.t("casework.stats.chartTitle", { service: s.title })}</title>
    <line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#4d4d4d" stroke-width="1"></line>
    ${s.weeks.map((w, i) => {
      const h = Math.round((w.count / max) * (height - 20));
      const x = Math.round(i * slot + slot * 0.15);
      return html`<rect x="${x}" y="${height - h}" width="${Math.round(slot * 0.7)}" height="${h}" fill="#0b5ea8"></rect>
        <text x="${Math.round(i * slot + slot / 2)}" y="${height - h - 4}" text-anchor="middle" font-size="12" fill="#1a1a1a">${w.count}</text>
        <text x="${Math.round(i * slot + slot / 2)}" y="${height + 16}" text-anchor="middle" font-size="11" fill="#1a1a1a">${dateDe(w.week).slice(0, 6)}</text>`;
    })}
  </svg>`;
}

function table(caption: string, head: [string, string], rows: [string, string | number][]) {
  return html`<div class="kern-table-responsive"><table class="kern-table">
    <caption class="kern-title kern-title--small">${caption}</caption>
    <thead class="kern-table__header"><tr class="kern-table__row">
      <th scope="col" class="kern-table__header">${head[0]}</th>
      <th scope="col" class="kern-table__header kern-table__header--numeric">${head[1]}</th>
    </tr></thead>
    <tbody class="kern-table__body">${rows.map(
      ([
        k,
        v,
      ]) => html`<tr class="kern-table__row"><th scope="row" class="kern-table__cell">${k}</th>
        <td class="kern-table__cell kern-table__cell--numeric">${v}</td></tr>`,
    )}</tbody></table></div>`;
}

function serviceSection(c: Ctx, s: ServiceStatistics) {
  const t = c.var.t;
  return html`<section aria-labelledby="svc-${s.slug}">
    <h2 class="kern-title kern-title--medium" id="svc-${s.slug}">${s.title}</h2>
    <dl class="kern-description-list">
      <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${t("casework.stats.total")}</dt><dd class="kern-description-list-item__value">${number(c, s.total)}</dd></div>
      <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${t("casework.stats.median")}</dt><dd class="kern-description-list-item__value">${s.medianDays === null ? t("casework.stats.none") : t("casework.stats.days", { n: number(c, s.medianDays) })}</dd></div>
      <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${t("casework.stats.p90")}</dt><dd class="kern-description-list-item__value">${s.p90Days === null ? t("casework.stats.none") : t("casework.stats.days", { n: number(c, s.p90Days) })}</dd></div>
      <div class="kern-description-list-item"><dt class="kern-description-list-item__key">${t("casework.stats.overdue")}</dt><dd class="kern-description-list-item__value">${number(c, s.overdue)}</dd></div>
    </dl>
    ${table(
      t("casework.stats.byStatus", { service: s.title }),
      [t("casework.stats.status"), t("casework.stats.count")],
      s.byStatus.map((st) => [st.title, st.count]),
    )}
    <h3 class="kern-title kern-title--small">${t("casework.stats.perWeek")}</h3>
    ${weekChart(c, s)}
    ${table(
      t("casework.stats.perWeekTable", { service: s.title }),
      [t("casework.stats.week"), t("casework.stats.count")],
      s.weeks.map((w) => [t("casework.stats.weekOf", { date: dateDe(w.week) }), w.count]),
    )}
  </section>`;
}

/** `/{tenant}/amt/statistik`: figures per service, with the CSV export. */
export function statisticsPage(c: Ctx, stats: ServiceStatistics[]) {
  const t = c.var.t;
  return page(c, {
    title: t("casework.stats.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("casework.stats.title")}</h1>
      <p class="kern-body">${t("casework.stats.lead")}</p>
      <p class="kern-body"><a class="kern-link" href="${workspace(c)}/statistik.csv" download>${t("casework.stats.csv")}</a></p>
      ${stats.length === 0 ? html`<p class="kern-body">${t("casework.stats.empty")}</p>` : stats.map((s) => serviceSection(c, s))}`,
  });
}
