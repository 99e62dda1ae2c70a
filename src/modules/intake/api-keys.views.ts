import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, notice, submitButton } from "../../platform/http/ui.ts";
import type { ApiKeyRow } from "./api-keys.service.ts";

export function apiKeysBase(c: Context<AppEnv>): string {
  return `/${c.var.tenant!.slug}/amt/verwaltung/api-schluessel`;
}

function when(c: Context<AppEnv>, d: Date): string {
  return new Intl.DateTimeFormat(c.var.locale === "en" ? "en-GB" : "de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(d);
}

const backLink = (c: Context<AppEnv>) =>
  html`<p class="kern-body"><a class="kern-link" href="/${c.var.tenant!.slug}/amt/verwaltung/">${c.var.t("tenants.admin.back")}</a></p>`;

function keyTable(c: Context<AppEnv>, keys: ApiKeyRow[]) {
  const t = c.var.t;
  const base = apiKeysBase(c);
  if (keys.length === 0) return html`<p class="kern-body">${t("intake.apiKeys.none")}</p>`;
  return html`<div class="kern-table-responsive"><table class="kern-table">
    <caption class="kern-title kern-title--small">${t("intake.apiKeys")}</caption>
    <thead class="kern-table__header"><tr class="kern-table__row">
      <th scope="col" class="kern-table__header">${t("intake.apiKeys.name")}</th>
      <th scope="col" class="kern-table__header">${t("intake.apiKeys.created")}</th>
      <th scope="col" class="kern-table__header">${t("intake.apiKeys.lastUsed")}</th>
      <th scope="col" class="kern-table__header">${t("intake.apiKeys.status")}</th>
      <th scope="col" class="kern-table__header">${t("intake.apiKeys.actions")}</th>
    </tr></thead>
    <tbody class="kern-table__body">${keys.map(
      (k) => html`<tr class="kern-table__row">
        <th scope="row" class="kern-table__cell">${k.name}</th>
        <td class="kern-table__cell">${when(c, k.created_at)}${k.created_by_name ? html`<br>${t("intake.apiKeys.createdBy", { name: k.created_by_name })}` : ""}</td>
        <td class="kern-table__cell">${k.last_used_at ? when(c, k.last_used_at) : t("intake.apiKeys.never")}</td>
        <td class="kern-table__cell">${k.revoked_at ? t("intake.apiKeys.revokedAt", { date: when(c, k.revoked_at) }) : t("intake.apiKeys.active")}</td>
        <td class="kern-table__cell">${
          k.revoked_at
            ? ""
            : html`<form method="post" action="${base}/${k.id}/widerrufen">${csrfField(c)}
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">${t("intake.apiKeys.revoke")}<span class="kern-sr-only">: ${k.name}</span></span></button></form>`
        }</td>
      </tr>`,
    )}</tbody></table></div>`;
}

/** The municipality's API keys, and the form for a new one. */
export function apiKeysPage(
  c: Context<AppEnv>,
  o: {
    keys: ApiKeyRow[];
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: 200 | 422;
  },
) {
  const t = c.var.t;
  const e = o.errors ?? {};
  return page(c, {
    title: t("intake.apiKeys"),
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${t("intake.apiKeys")}</h1>
      ${errorSummary(c, e)}
      <p class="kern-body">${t("intake.apiKeys.lead")}</p>
      <p class="kern-body"><a class="kern-link" href="/api/v1/openapi.json">${t("intake.apiKeys.docs")}</a></p>
      ${keyTable(c, o.keys)}
      <h2 class="kern-title">${t("intake.apiKeys.new")}</h2>
      <form method="post" action="${apiKeysBase(c)}" novalidate>
        ${csrfField(c)}
        ${field({ name: "name", label: t("intake.apiKeys.name"), hint: t("intake.apiKeys.name.hint"), value: o.values?.name, error: e.name, required: true, autocomplete: "off" })}
        ${submitButton(t("intake.apiKeys.create"))}
      </form>`,
  });
}

/** Shown once, right after creation: the key itself, which is stored nowhere. */
export function apiKeyCreatedPage(
  c: Context<AppEnv>,
  o: { name: string; key: string; baseUrl: string },
) {
  const t = c.var.t;
  c.header("Cache-Control", "no-store");
  const title = t("intake.apiKeys.shownOnce.title", { name: o.name });
  const example = `curl -X POST ${o.baseUrl}/api/v1/${c.var.tenant!.slug}/services/<dienst>/applications \\
  -H "Authorization: Bearer ${o.key}" \\
  -H "Idempotency-Key: <uuid>" \\
  -H "Content-Type: application/json" \\
  -d '{"data": {...}}'`;
  return page(c, {
    title,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${title}</h1>
      ${notice("warning", t("intake.apiKeys.shownOnce"))}
      <h2 class="kern-title">${t("intake.apiKeys.yourKey")}</h2>
      <p class="kern-body"><code class="api-key" id="api-key">${o.key}</code></p>
      <p class="kern-body">${t("intake.apiKeys.usage")}</p>
      <pre class="kern-body"><code>${example}</code></pre>
      <p class="kern-body"><a class="kern-link" href="${apiKeysBase(c)}">${t("intake.apiKeys.toList")}</a></p>`,
  });
}
