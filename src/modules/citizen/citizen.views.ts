import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, type Html, notice } from "../../platform/http/ui.ts";
import type { ApplicationSummary } from "./citizen.service.ts";

export type Status = 200 | 404 | 409 | 413 | 422;

/** The pages of the account, in the order of the account navigation. */
const SECTIONS = [
  ["/konto/", "citizen.nav.overview"],
  ["/konto/postfach", "citizen.nav.postbox"],
  ["/konto/entwuerfe", "citizen.nav.drafts"],
  ["/konto/abonnements", "news.subscriptions.title"],
  ["/konto/profil", "citizen.nav.profile"],
  ["/konto/sicherheit", "citizen.nav.security"],
  ["/konto/export", "citizen.nav.export"],
  ["/konto/loeschen", "citizen.nav.delete"],
] as const;

/** A page of the Bürgerkonto: title, account navigation, content. */
export function accountPage(
  c: Context<AppEnv>,
  o: { title: string; section: string; body: Html; status?: Status; errors?: FieldErrors },
) {
  const t = c.var.t;
  return page(c, {
    title: o.title,
    status: o.status,
    body: html`<nav class="account-nav" aria-label="${t("citizen.nav.label")}">
        <ul class="kern-list kern-list--horizontal">
          ${SECTIONS.map(
            ([href, key]) =>
              html`<li><a class="kern-link" href="${href}" ${href === o.section ? html`aria-current="page"` : ""}>${t(key)}</a></li>`,
          )}
        </ul></nav>
      <h1 class="kern-title kern-title--large">${o.title}</h1>
      ${errorSummary(c, o.errors)}${o.body}`,
  });
}

export const para = (text: string | Html) => html`<p class="kern-body">${text}</p>`;
export const h2 = (text: string, id?: string) =>
  html`<h2 class="kern-title" ${id ? html`id="${id}"` : ""}>${text}</h2>`;

/** Multi-line text from a definition or a person: paragraphs at blank lines, breaks at lines. */
export function textBlock(text: string): Html {
  return html`${text
    .split(/\n{2,}/)
    .map(
      (p) =>
        html`<p class="kern-body">${p.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`,
    )}`;
}

export function formatDate(c: Context<AppEnv>, d: Date, withTime = false): string {
  return new Intl.DateTimeFormat(c.var.locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Europe/Berlin",
  }).format(d);
}

export function postForm(c: Context<AppEnv>, action: string, body: Html, multipart = false): Html {
  return html`<form method="post" action="${action}" novalidate class="stack-form" ${multipart ? html`enctype="multipart/form-data"` : ""}>${csrfField(c)}${body}</form>`;
}

/** "Meine Anträge": the tasks first, then every application with its status. */
export function overviewPage(c: Context<AppEnv>, apps: ApplicationSummary[], unread: number) {
  const t = c.var.t;
  const waiting = apps.filter((a) => a.statusKind === "waiting-for-applicant");
  return accountPage(c, {
    title: t("citizen.overview.title"),
    section: "/konto/",
    body: html`${para(t("citizen.overview.hello", { name: c.var.viewer?.name ?? "", email: c.var.viewer?.email ?? "" }))}
      ${
        unread > 0
          ? notice(
              "info",
              t("citizen.overview.unread", { count: unread }),
              html`<a class="kern-link" href="/konto/postfach">${t("citizen.overview.toPostbox")}</a>`,
            )
          : ""
      }
      ${waiting.map((a) =>
        notice(
          "warning",
          t("citizen.task.title"),
          html`${t("citizen.task.overview", { service: a.serviceTitle, reference: a.reference })}
            <a class="kern-link" href="${a.href}#aufgabe">${t("citizen.task.open")}<span class="kern-sr-only"> (${a.reference})</span></a>`,
        ),
      )}
      ${h2(t("citizen.overview.applications"))}
      ${apps.length === 0 ? html`${para(t("citizen.overview.none"))}${para(html`<a class="kern-link" href="/">${t("citizen.overview.findService")}</a>`)}` : applicationsTable(c, apps)}`,
  });
}

function applicationsTable(c: Context<AppEnv>, apps: ApplicationSummary[]): Html {
  const t = c.var.t;
  return html`<div class="table-wrapper"><table class="kern-table">
    <caption class="kern-sr-only">${t("citizen.overview.applications")}</caption>
    <thead class="kern-table__head"><tr class="kern-table__row">
      <th class="kern-table__header" scope="col">${t("citizen.field.reference")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.field.service")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.field.municipality")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.field.received")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.field.status")}</th></tr></thead>
    <tbody class="kern-table__body">${apps.map(
      (a) => html`<tr class="kern-table__row">
        <td class="kern-table__cell"><a class="kern-link" href="${a.href}">${a.reference}</a></td>
        <td class="kern-table__cell">${a.serviceTitle}</td>
        <td class="kern-table__cell">${a.tenantName}</td>
        <td class="kern-table__cell">${formatDate(c, a.receivedAt)}</td>
        <td class="kern-table__cell">${a.statusTitle}${a.statusKind === "waiting-for-applicant" ? html` <strong>(${t("citizen.task.short")})</strong>` : ""}</td></tr>`,
    )}</tbody></table></div>`;
}
