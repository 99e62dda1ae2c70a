import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { notice } from "../../platform/http/ui.ts";
import { studioAssets } from "./studio.assets.ts";

/**
 * The studio's page: the client-side builder mounts into `#studio`, reading the municipality,
 * the CSRF token and the language from its data attributes.
 */
export function studioShell(c: Context<AppEnv>) {
  const t = c.var.t;
  const tenant = c.var.tenant!;
  const assets = studioAssets();
  const nav = [
    { href: `/${tenant.slug}/studio/`, label: t("studio.nav") },
    { href: `/${tenant.slug}/amt/`, label: t("layout.workspace") },
  ];
  if (!assets)
    return page(c, {
      title: t("studio.title"),
      nav,
      status: 503,
      body: html`<h1 class="kern-title kern-title--large">${t("studio.title")}</h1>
        ${notice("danger", t("studio.notBuilt"))}`,
    });
  return page(c, {
    title: t("studio.title"),
    nav,
    body: html`${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
      <div id="studio" class="studio"
        data-tenant="${tenant.slug}"
        data-tenant-name="${tenant.name}"
        data-csrf="${c.var.csrfToken}"
        data-locale="${c.var.locale}"
        data-user="${c.var.viewer?.name ?? ""}">
        <h1 class="kern-title kern-title--large">${t("studio.title")}</h1>
        <p class="kern-body">${t("studio.loading")}</p>
      </div>
      <noscript>${notice("info", t("studio.needsJavaScript"))}</noscript>
      <script type="module" src="${assets.script}"></script>`,
  });
}
