import type { Context } from "hono";
import { html } from "hono/html";
import { ROLES } from "../../platform/db/schema.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, submitButton } from "../../platform/http/ui.ts";
import { checkboxes } from "./form-controls.ts";
import type { MemberRow } from "./memberships.repository.ts";
import { adminBase, backLink } from "./settings.views.ts";

type Unit = { id: string; name: string };
type Status = 200 | 404 | 409 | 413 | 422;

function membershipControls(
  c: Context<AppEnv>,
  units: Unit[],
  checked: { roles: string[]; orgUnitIds: string[] },
  errors: FieldErrors,
) {
  const t = c.var.t;
  return html`${checkboxes({
    name: "roles",
    legend: t("tenants.staff.roles"),
    error: errors.roles,
    checked: checked.roles,
    options: ROLES.map((r) => ({
      value: r,
      label: t(`tenants.role.${r}`),
      hint: t(`tenants.role.${r}.hint`),
    })),
  })}
  ${
    units.length > 0
      ? checkboxes({
          name: "orgUnitIds",
          legend: t("tenants.staff.orgUnits"),
          error: errors.orgUnitIds,
          checked: checked.orgUnitIds,
          options: units.map((u) => ({ value: u.id, label: u.name })),
        })
      : ""
  }`;
}

export function staffPage(
  c: Context<AppEnv>,
  o: {
    members: MemberRow[];
    units: Unit[];
    values?: Record<string, string>;
    checked?: { roles: string[]; orgUnitIds: string[] };
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const base = `${adminBase(c)}/mitarbeitende`;
  const e = o.errors ?? {};
  const unitName = new Map(o.units.map((u) => [u.id, u.name]));
  return page(c, {
    title: t("tenants.admin.staff"),
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${t("tenants.admin.staff")}</h1>
      ${errorSummary(c, e)}
      <div class="kern-table-responsive"><table class="kern-table">
        <caption class="kern-title kern-title--small">${t("tenants.admin.staff")}</caption>
        <thead class="kern-table__header"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("tenants.staff.name")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.staff.email")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.staff.roles")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.staff.orgUnits")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.staff.status")}</th>
          <th scope="col" class="kern-table__header">${t("tenants.orgUnit.actions")}</th>
        </tr></thead>
        <tbody class="kern-table__body">${o.members.map(
          (m) => html`<tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">${m.name || m.email}</th>
            <td class="kern-table__cell">${m.email}</td>
            <td class="kern-table__cell">${m.roles.map((r) => t(`tenants.role.${r}`)).join(", ")}</td>
            <td class="kern-table__cell">${
              m.org_unit_ids
                .map((id) => unitName.get(id))
                .filter(Boolean)
                .join(", ") || t("tenants.staff.none")
            }</td>
            <td class="kern-table__cell">${m.active ? t("tenants.staff.active") : t("tenants.staff.invited")}</td>
            <td class="kern-table__cell"><a class="kern-link" href="${base}/${m.user_id}">${t("tenants.staff.edit")}<span class="kern-sr-only">: ${m.name || m.email}</span></a></td>
          </tr>`,
        )}</tbody></table></div>
      <h2 class="kern-title">${t("tenants.staff.invite")}</h2>
      <p class="kern-body">${t("tenants.staff.invite.intro")}</p>
      <form method="post" action="${base}" novalidate>
        ${csrfField(c)}
        ${field({ name: "email", type: "email", label: t("tenants.staff.email"), value: o.values?.email, error: e.email, required: true, autocomplete: "off" })}
        ${field({ name: "name", label: t("tenants.staff.name"), value: o.values?.name, error: e.name, required: true, autocomplete: "off" })}
        ${membershipControls(c, o.units, o.checked ?? { roles: ["caseworker"], orgUnitIds: [] }, e)}
        ${submitButton(t("tenants.staff.invite.submit"))}
      </form>`,
  });
}

export function memberPage(
  c: Context<AppEnv>,
  o: {
    member: {
      user_id: string;
      name: string;
      email: string;
      roles: string[];
      org_unit_ids: string[];
    };
    units: Unit[];
    checked?: { roles: string[]; orgUnitIds: string[] };
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const m = o.member;
  const action = `${adminBase(c)}/mitarbeitende/${m.user_id}`;
  const title = t("tenants.staff.editTitle", { name: m.name || m.email });
  return page(c, {
    title,
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${title}</h1>
      <p class="kern-body">${m.email}</p>
      ${errorSummary(c, o.errors)}
      <form method="post" action="${action}" novalidate>
        ${csrfField(c)}
        ${membershipControls(c, o.units, o.checked ?? { roles: m.roles, orgUnitIds: m.org_unit_ids }, o.errors ?? {})}
        ${submitButton(t("tenants.staff.update"))}
      </form>
      <h2 class="kern-title">${t("tenants.staff.remove")}</h2>
      <p class="kern-body">${t("tenants.staff.removeHint")}</p>
      <form method="post" action="${action}/entfernen">
        ${csrfField(c)}
        ${submitButton(t("tenants.staff.remove"), "secondary")}
      </form>`,
  });
}
