import { html } from "hono/html";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, notice, submitButton } from "../../platform/http/ui.ts";
import { backToCase, type Ctx, dateDe, workspace } from "./casework.views.ts";

/** The follow-up (Wiedervorlage) form of a case. */
export function followUpPage(
  c: Ctx,
  o: {
    caseId: string;
    reference: string;
    version: number;
    current?: string;
    value?: string;
    errors?: FieldErrors;
    problem?: string;
    status?: 200 | 409 | 422;
  },
) {
  const t = c.var.t;
  const e = o.errors ?? {};
  return page(c, {
    title: `${t("casework.followUp.title")} – ${o.reference}`,
    status: o.status,
    body: html`${backToCase(c, o.caseId)}
      <h1 class="kern-title kern-title--large">${t("casework.followUp.title")}</h1>
      ${errorSummary(c, e)}
      ${o.problem ? notice("danger", o.problem) : ""}
      <p class="kern-body">${t("casework.followUp.lead", { reference: o.reference })}</p>
      ${o.current ? html`<p class="kern-body" id="current-follow-up">${t("casework.followUp.current", { date: dateDe(o.current) })}</p>` : ""}
      <form method="post" action="${workspace(c)}/vorgaenge/${o.caseId}/wiedervorlage" novalidate>
        ${csrfField(c)}
        <input type="hidden" name="version" value="${o.version}">
        ${field({ name: "date", label: t("casework.followUp.date"), hint: t("casework.followUp.date.hint"), value: o.value, error: e.date, required: true, width: "short", autocomplete: "off" })}
        ${submitButton(t("casework.followUp.save"))}
      </form>`,
  });
}
