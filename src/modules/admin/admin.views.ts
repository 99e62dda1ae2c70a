import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, submitButton } from "../../platform/http/ui.ts";
import { STATES, select, type TenantRow } from "../tenants/index.ts";

export function platformAdminPage(
  c: Context<AppEnv>,
  o: {
    tenants: TenantRow[];
    baseUrl: string;
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: 409 | 422;
  },
) {
  const t = c.var.t;
  const v = o.values ?? {};
  const e = o.errors ?? {};
  return page(c, {
    title: t("admin.title"),
    status: o.status,
    nav: [],
    body: html`<h1 class="kern-title kern-title--large">${t("admin.title")}</h1>
      <p class="kern-body kern-body--large">${t("admin.intro")}</p>
      ${errorSummary(c, e)}
      <h2 class="kern-title">${t("admin.tenants")}</h2>
      ${
        o.tenants.length === 0
          ? html`<p class="kern-body">${t("admin.tenants.none")}</p>`
          : html`<div class="kern-table-responsive"><table class="kern-table">
        <caption class="kern-sr-only">${t("admin.tenants")}</caption>
        <thead class="kern-table__header"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("admin.tenant.name")}</th>
          <th scope="col" class="kern-table__header">${t("admin.tenant.slug")}</th>
          <th scope="col" class="kern-table__header">${t("admin.tenant.state")}</th>
          <th scope="col" class="kern-table__header">${t("admin.tenant.links")}</th>
        </tr></thead>
        <tbody class="kern-table__body">${o.tenants.map(
          (x) => html`<tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">${x.name}</th>
            <td class="kern-table__cell">/${x.slug}/</td>
            <td class="kern-table__cell">${x.settings.state ? t(`tenants.state.${x.settings.state}`) : ""}</td>
            <td class="kern-table__cell"><a class="kern-link" href="/${x.slug}/">${t("admin.tenant.open")}<span class="kern-sr-only">: ${x.name}</span></a>
              · <a class="kern-link" href="/${x.slug}/amt/verwaltung/">${t("admin.tenant.administer")}<span class="kern-sr-only">: ${x.name}</span></a></td>
          </tr>`,
        )}</tbody></table></div>`
      }
      <h2 class="kern-title">${t("admin.create.title")}</h2>
      <form method="post" action="/admin/kommunen" novalidate>
        ${csrfField(c)}
        ${field({ name: "name", label: t("admin.tenant.name"), hint: t("admin.create.name.hint"), value: v.name, error: e.name, required: true, autocomplete: "off" })}
        ${field({ name: "slug", label: t("admin.tenant.slug"), hint: t("admin.create.slug.hint", { base: o.baseUrl }), value: v.slug, error: e.slug, required: true, autocomplete: "off" })}
        ${select({
          name: "state",
          label: t("admin.tenant.state"),
          value: v.state,
          error: e.state,
          required: true,
          placeholder: t("tenants.choose"),
          options: STATES.map((s) => ({ value: s, label: t(`tenants.state.${s}`) })),
        })}
        ${field({ name: "adminEmail", type: "email", label: t("admin.create.adminEmail"), hint: t("admin.create.adminEmail.hint"), value: v.adminEmail, error: e.adminEmail, autocomplete: "off" })}
        ${submitButton(t("admin.create.submit"))}
      </form>`,
  });
}
