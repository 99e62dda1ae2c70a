import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { field, submitButton } from "../../platform/http/ui.ts";
import { byCategory, type CatalogueItem, searchCatalogue } from "./catalogue-search.ts";
import type { TenantRow } from "./tenants.repository.ts";

export function tenantListPage(c: Context<AppEnv>, tenants: TenantRow[]) {
  const t = c.var.t;
  return page(c, {
    title: t("tenants.list.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("tenants.list.title")}</h1>
      <p class="kern-body kern-body--large">${t("tenants.list.intro")}</p>
      <ul class="card-grid">
        ${tenants.map(
          (
            x,
          ) => html`<li class="kern-card"><div class="kern-card__container"><div class="kern-card__header">
            <h2 class="kern-title"><a class="kern-link kern-link--stretched" href="/${x.slug}/">${x.name}</a></h2></div>
            <div class="kern-card__body"><p class="kern-body">${[x.settings.address?.postcode, x.settings.address?.city].filter(Boolean).join(" ")}</p></div></div></li>`,
        )}
      </ul>`,
  });
}

export function tenantHomePage(
  c: Context<AppEnv>,
  tenant: TenantRow,
  services: CatalogueItem[],
  demo?: { email: string; password: string },
  query = "",
) {
  const t = c.var.t;
  const found = searchCatalogue(services, query);
  const groups = byCategory(found, t("tenants.catalogue.other"));
  const searching = query.trim() !== "";
  return page(c, {
    title: searching
      ? t("tenants.catalogue.resultsTitle", { query: query.trim() })
      : t("tenants.home.title"),
    body: html`<h1 class="kern-title kern-title--large">${tenant.name}</h1>
      ${demo ? demoBox(c, tenant, demo) : ""}
      <p class="kern-body kern-body--large">${t("tenants.home.intro")}</p>
      <h2 class="kern-title">${t("tenants.home.services")}</h2>
      ${
        services.length === 0
          ? html`<p class="kern-body">${t("tenants.home.noServices")}</p>`
          : html`
      <form method="get" action="/${tenant.slug}/" role="search" class="catalogue-search">
        ${field({ name: "q", label: t("tenants.catalogue.search"), hint: t("tenants.catalogue.search.hint"), value: query, autocomplete: "off" })}
        ${submitButton(t("tenants.catalogue.search.submit"), "secondary")}
      </form>
      ${
        searching
          ? html`<p class="kern-body" role="status">${
              found.length === 0
                ? t("tenants.catalogue.none", { query: query.trim() })
                : t(
                    found.length === 1 ? "tenants.catalogue.count.one" : "tenants.catalogue.count",
                    {
                      count: found.length,
                      query: query.trim(),
                    },
                  )
            } <a class="kern-link" href="/${tenant.slug}/">${t("tenants.catalogue.all")}</a></p>`
          : ""
      }
      ${
        groups.length > 1
          ? html`<nav aria-label="${t("tenants.catalogue.categories")}"><ul class="kern-list">${groups.map(
              (g, i) =>
                html`<li><a class="kern-link" href="#kategorie-${i + 1}">${g.category}</a> (${g.services.length})</li>`,
            )}</ul></nav>`
          : ""
      }
      ${groups.map(
        (
          g,
          i,
        ) => html`<h3 class="kern-title kern-title--small" id="kategorie-${i + 1}">${g.category}</h3>
        <ul class="card-grid">${g.services.map(
          (
            s,
          ) => html`<li class="kern-card"><div class="kern-card__container"><div class="kern-card__header">
          <h4 class="kern-title"><a class="kern-link kern-link--stretched" href="/${tenant.slug}/dienste/${s.slug}">${s.title}</a></h4></div>
          <div class="kern-card__body"><p class="kern-body">${s.description}</p></div></div></li>`,
        )}</ul>`,
      )}`
      }
      ${contactBlock(c, tenant)}`,
  });
}

function demoBox(c: Context<AppEnv>, tenant: TenantRow, demo: { email: string; password: string }) {
  const t = c.var.t;
  return html`<div class="kern-alert kern-alert--info" role="note" aria-labelledby="demo-hinweis">
    <div class="kern-alert__header"><span class="kern-icon kern-icon--info" aria-hidden="true"></span>
      <h2 class="kern-title" id="demo-hinweis">${t("tenants.demo.title")}</h2></div>
    <div class="kern-alert__body"><p class="kern-body">${t("tenants.demo.body", demo)}</p>
      <p class="kern-body"><a class="kern-link" href="/${tenant.slug}/amt/anmelden">${t("tenants.demo.link")}</a></p></div>
  </div>`;
}

function contactBlock(c: Context<AppEnv>, tenant: TenantRow) {
  const t = c.var.t;
  const a = tenant.settings.address ?? {};
  const k = tenant.settings.contact ?? {};
  return html`<h2 class="kern-title">${t("tenants.home.contact")}</h2>
    <address class="kern-body">${tenant.name}<br>${a.street ?? ""}<br>${[a.postcode, a.city].filter(Boolean).join(" ")}
    ${k.phone ? html`<br>${t("tenants.field.phone")}: ${k.phone}` : ""}
    ${k.email ? html`<br>${t("tenants.field.email")}: <a class="kern-link" href="mailto:${k.email}">${k.email}</a>` : ""}</address>
    ${k.openingHours ? html`<p class="kern-body">${t("tenants.field.openingHours")}: ${k.openingHours}</p>` : ""}`;
}

export type LegalPage = "impressum" | "privacy" | "accessibility";

export function legalPage(c: Context<AppEnv>, which: LegalPage, tenant: TenantRow | undefined) {
  const t = c.var.t;
  const titleKey = `legal.${which}`;
  const text =
    tenant?.settings.legal?.[which] ??
    t(`tenants.legal.default.${which}`, { name: tenant?.name ?? t("platform.name") });
  return page(c, {
    title: t(titleKey),
    body: html`<h1 class="kern-title kern-title--large">${t(titleKey)}</h1>
      ${text.split(/\n{2,}/).map((p) => html`<p class="kern-body">${p}</p>`)}
      ${which === "impressum" && tenant ? contactBlock(c, tenant) : ""}`,
  });
}
