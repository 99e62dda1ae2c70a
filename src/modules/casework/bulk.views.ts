import { html } from "hono/html";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, notice, submitButton } from "../../platform/http/ui.ts";
import { select } from "../tenants/index.ts";
import type { BulkOutcome, bulkSelection } from "./bulk.service.ts";
import { type Ctx, dateDe, workspace } from "./casework.views.ts";

type Selection = Awaited<ReturnType<typeof bulkSelection>>;

const berlinDate = (d: Date) =>
  dateDe(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(d));

/** `/{tenant}/amt/sammelaktion`: choose service and status, then cases and one action. */
export function bulkPage(c: Ctx, s: Selection, error?: string) {
  const t = c.var.t;
  const base = `${workspace(c)}/sammelaktion`;
  const errors: Record<string, string> = error ? { action: error } : {};
  return page(c, {
    title: `${error ? `${t("casework.errorPrefix")} ` : ""}${t("casework.bulk.title")}`,
    status: error ? 422 : 200,
    body: html`<h1 class="kern-title kern-title--large">${t("casework.bulk.title")}</h1>
      ${errorSummary(c, errors)}
      <p class="kern-body">${t("casework.bulk.lead")}</p>
      <form method="get" action="${base}">
        ${select({ name: "service", label: t("casework.bulk.service"), value: s.service?.slug, options: s.services.map((x) => ({ value: x.slug, label: x.title })), placeholder: t("casework.bulk.choose") })}
        ${s.statuses ? select({ name: "status", label: t("casework.bulk.status"), value: s.status?.id, options: s.statuses.map((x) => ({ value: x.id, label: x.title })), placeholder: t("casework.bulk.choose") }) : ""}
        ${submitButton(t("casework.bulk.show"), "secondary")}
      </form>
      ${s.cases && s.status && s.service ? casesForm(c, base, s, errors.action) : ""}`,
  });
}

function casesForm(c: Ctx, base: string, s: Selection, error?: string) {
  const t = c.var.t;
  if (!s.cases || s.cases.length === 0)
    return html`<p class="kern-body">${t("casework.bulk.noCases")}</p>`;
  if (!s.actions || s.actions.length === 0)
    return html`<p class="kern-body">${t("casework.bulk.noActions")}</p>`;
  return html`<form method="post" action="${base}">
    ${csrfField(c)}
    <input type="hidden" name="service" value="${s.service!.slug}">
    <input type="hidden" name="status" value="${s.status!.id}">
    <fieldset class="kern-fieldset">
      <legend class="kern-label">${t("casework.bulk.cases", { count: s.cases.length })}</legend>
      <div class="kern-fieldset__body">${s.cases.map(
        (x) => html`<div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="case-${x.id}" name="case" value="${x.id}:${x.version}:${x.reference}">
          <label class="kern-label" for="case-${x.id}">${x.reference} – ${t("casework.bulk.received", { date: berlinDate(x.received_at) })}</label>
        </div>`,
      )}</div>
    </fieldset>
    ${select({ name: "action", label: t("casework.bulk.action"), options: s.actions.map((a) => ({ value: a.id, label: a.title })), placeholder: t("casework.bulk.choose"), error })}
    ${submitButton(t("casework.bulk.perform"))}
  </form>`;
}

/** The outcome of a bulk run: what worked, and what did not with the reason. */
export function bulkResultPage(
  c: Ctx,
  o: { actionTitle: string; outcomes: (BulkOutcome & { reference: string })[]; back: string },
) {
  const t = c.var.t;
  const done = o.outcomes.filter((x) => x.ok);
  const failed = o.outcomes.filter((x) => !x.ok);
  const caseLink = (x: { caseId: string; reference: string }) =>
    html`<a class="kern-link" href="${workspace(c)}/vorgaenge/${x.caseId}">${x.reference}</a>`;
  return page(c, {
    title: t("casework.bulk.resultTitle"),
    body: html`<h1 class="kern-title kern-title--large">${t("casework.bulk.resultTitle")}</h1>
      ${notice(failed.length === 0 ? "success" : "warning", t("casework.bulk.summary", { action: o.actionTitle, done: done.length, failed: failed.length }))}
      ${done.length > 0 ? html`<h2 class="kern-title">${t("casework.bulk.succeeded")}</h2><ul class="kern-list" id="bulk-succeeded">${done.map((x) => html`<li>${caseLink(x)}</li>`)}</ul>` : ""}
      ${failed.length > 0 ? html`<h2 class="kern-title">${t("casework.bulk.failedTitle")}</h2><ul class="kern-list" id="bulk-failed">${failed.map((x) => html`<li>${caseLink(x)}: ${t(x.key ?? "casework.bulk.failed", x.params)}</li>`)}</ul>` : ""}
      <p class="kern-body"><a class="kern-link" href="${o.back}">${t("casework.bulk.again")}</a></p>`,
  });
}
