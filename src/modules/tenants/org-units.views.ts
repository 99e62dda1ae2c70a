import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, submitButton } from "../../platform/http/ui.ts";
import type { OrgUnitRow } from "./org-units.repository.ts";
import { adminBase, backLink } from "./settings.views.ts";

type Status = 200 | 404 | 409 | 413 | 422;

export function orgUnitsPage(
  c: Context<AppEnv>,
  o: {
    units: OrgUnitRow[];
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const base = `${adminBase(c)}/organisationseinheiten`;
  const e = o.errors ?? {};
  return page(c, {
    title: t("tenants.admin.orgUnits"),
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${t("tenants.admin.orgUnits")}</h1>
      ${errorSummary(c, e)}
      ${
        o.units.length === 0
          ? html`<p class="kern-body">${t("tenants.orgUnit.none")}</p>`
          : html`<div class="kern-table-responsive"><table class="kern-table">
        <caption class="kern-title kern-title--small">${t("tenants.admin.orgUnits")}</caption>
        <thead class="kern-table__header"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("tenants.orgUnit.name")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.orgUnit.email")}</th>
          <th scope="col" class="kern-table__header kern-table__header--numeric">${t("tenants.orgUnit.members")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.orgUnit.actions")}</th>
        </tr></thead>
        <tbody class="kern-table__body">${o.units.map(
          (u) => html`<tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">${u.name}</th>
            <td class="kern-table__cell">${u.email ?? ""}</td>
            <td class="kern-table__cell kern-table__cell--numeric">${u.members}</td>
            <td class="kern-table__cell"><a class="kern-link" href="${base}/${u.id}">${t("tenants.orgUnit.edit")}<span class="kern-sr-only">: ${u.name}</span></a></td>
          </tr>`,
        )}</tbody></table></div>`
      }
      <h2 class="kern-title">${t("tenants.orgUnit.new")}</h2>
      <form method="post" action="${base}" novalidate>
        ${csrfField(c)}
        ${field({ name: "name", label: t("tenants.orgUnit.name"), value: o.values?.name, error: e.name, required: true, autocomplete: "off" })}
        ${field({ name: "email", type: "email", label: t("tenants.orgUnit.email"), value: o.values?.email, error: e.email, autocomplete: "off" })}
        ${submitButton(t("tenants.orgUnit.create"))}
      </form>`,
  });
}

export function orgUnitPage(
  c: Context<AppEnv>,
  o: {
    unit: { id: string; name: string };
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const action = `${adminBase(c)}/organisationseinheiten/${o.unit.id}`;
  const e = o.errors ?? {};
  const title = t("tenants.orgUnit.editTitle", { name: o.unit.name });
  return page(c, {
    title,
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${title}</h1>
      ${errorSummary(c, e)}
      <h2 class="kern-title">${t("tenants.orgUnit.rename")}</h2>
      <form method="post" action="${action}" novalidate>
        ${csrfField(c)}
        ${field({ name: "name", label: t("tenants.orgUnit.name"), value: o.values?.name ?? o.unit.name, error: e.name, required: true, autocomplete: "off" })}
        ${submitButton(t("tenants.orgUnit.rename"))}
      </form>
      <h2 class="kern-title">${t("tenants.orgUnit.delete")}</h2>
      <p class="kern-body">${t("tenants.orgUnit.deleteHint")}</p>
      <form method="post" action="${action}/loeschen">
        ${csrfField(c)}
        ${submitButton(t("tenants.orgUnit.delete"), "secondary")}
      </form>`,
  });
}
