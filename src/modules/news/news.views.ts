import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, notice, submitButton } from "../../platform/http/ui.ts";
import { accountPage } from "../citizen/index.ts";
import { checkboxes, select, textarea } from "../tenants/index.ts";
import type { NewsItemRow, TopicRow } from "./news.repository.ts";
import type { CitizenTopics } from "./news.service.ts";

export const newsAdminBase = (c: Context<AppEnv>) =>
  `/${c.var.tenant!.slug}/amt/verwaltung/neuigkeiten`;

function when(c: Context<AppEnv>, d: Date): string {
  return new Intl.DateTimeFormat(c.var.locale === "en" ? "en-GB" : "de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(d);
}

/** Tenant admins: topics, a news item to write, the items sent. */
export function newsAdminPage(
  c: Context<AppEnv>,
  o: {
    topics: TopicRow[];
    items: NewsItemRow[];
    topicErrors?: FieldErrors;
    topicValues?: Record<string, string>;
    newsErrors?: FieldErrors;
    newsValues?: Record<string, string>;
    status?: 200 | 409 | 422;
  },
) {
  const t = c.var.t;
  const base = newsAdminBase(c);
  const te = o.topicErrors ?? {};
  const ne = o.newsErrors ?? {};
  return page(c, {
    title: t("news.admin.title"),
    status: o.status,
    body: html`<p class="kern-body"><a class="kern-link" href="/${c.var.tenant!.slug}/amt/verwaltung/">${t("tenants.admin.back")}</a></p>
      <h1 class="kern-title kern-title--large">${t("news.admin.title")}</h1>
      ${errorSummary(c, { ...te, ...ne })}
      <p class="kern-body">${t("news.admin.lead")}</p>
      <h2 class="kern-title">${t("news.topics")}</h2>
      ${
        o.topics.length === 0
          ? html`<p class="kern-body">${t("news.topics.none")}</p>`
          : html`<div class="kern-table-responsive"><table class="kern-table">
        <caption class="kern-sr-only">${t("news.topics")}</caption>
        <thead class="kern-table__header"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("news.topic.name")}</th>
          <th scope="col" class="kern-table__header">${t("news.topic.subscribers")}</th>
          <th scope="col" class="kern-table__header">${t("news.actions")}</th></tr></thead>
        <tbody class="kern-table__body">${o.topics.map(
          (
            x,
          ) => html`<tr class="kern-table__row"><th scope="row" class="kern-table__cell">${x.name}</th>
            <td class="kern-table__cell">${x.subscribers}</td>
            <td class="kern-table__cell"><form method="post" action="${base}/themen/${x.id}/loeschen">${csrfField(c)}
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">${t("news.topic.delete")}<span class="kern-sr-only">: ${x.name}</span></span></button></form></td></tr>`,
        )}</tbody></table></div>`
      }
      <form method="post" action="${base}/themen" novalidate>
        ${csrfField(c)}
        ${field({ name: "name", label: t("news.topic.new"), hint: t("news.topic.new.hint"), value: o.topicValues?.name, error: te.name, required: true, autocomplete: "off" })}
        ${submitButton(t("news.topic.create"), "secondary")}
      </form>
      ${
        o.topics.length === 0
          ? ""
          : html`<h2 class="kern-title">${t("news.write")}</h2>
      <form method="post" action="${base}" novalidate>
        ${csrfField(c)}
        ${select({ name: "topic", label: t("news.field.topic"), value: o.newsValues?.topic, error: ne.topic, required: true, placeholder: t("news.field.topic.choose"), options: o.topics.map((x) => ({ value: x.id, label: t("news.field.topic.option", { name: x.name, count: x.subscribers }) })) })}
        ${field({ name: "title", label: t("news.field.title"), value: o.newsValues?.title, error: ne.title, required: true, autocomplete: "off" })}
        ${textarea({ name: "body", label: t("news.field.body"), hint: t("news.field.body.hint"), value: o.newsValues?.body, error: ne.body, required: true, rows: 8 })}
        ${submitButton(t("news.send"))}
      </form>`
      }
      <h2 class="kern-title">${t("news.sent")}</h2>
      ${
        o.items.length === 0
          ? html`<p class="kern-body">${t("news.sent.none")}</p>`
          : html`<ul class="kern-list">${o.items.map(
              (i) =>
                html`<li>${when(c, i.published_at)}: <strong>${i.title}</strong> (${i.topic_name}) – ${t("news.sent.recipients", { count: i.recipients })}</li>`,
            )}</ul>`
      }`,
  });
}

/** The citizen's subscriptions, one form per municipality. */
export function subscriptionsPage(c: Context<AppEnv>, groups: CitizenTopics) {
  const t = c.var.t;
  return accountPage(c, {
    title: t("news.subscriptions.title"),
    section: "/konto/abonnements",
    body: html`<p class="kern-body">${t("news.subscriptions.lead")}</p>
      ${
        groups.length === 0
          ? html`<p class="kern-body">${t("news.subscriptions.none")}</p>`
          : groups.map(
              (g, i) => html`<h2 class="kern-title" id="kommune-${i + 1}">${g.tenantName}</h2>
        <form method="post" action="/konto/abonnements" aria-labelledby="kommune-${i + 1}">
          ${csrfField(c)}
          <input type="hidden" name="tenant" value="${g.tenantId}">
          ${checkboxes({ name: `topic-${i + 1}`, legend: t("news.subscriptions.legend", { tenant: g.tenantName }), options: g.topics.map((x) => ({ value: x.id, label: x.name })), checked: g.topics.filter((x) => x.subscribed).map((x) => x.id) })}
          ${submitButton(t("news.subscriptions.save", { tenant: g.tenantName }), "secondary")}
        </form>`,
            )
      }`,
  });
}

/** The page an unsubscribe link opens: one button, so that mail scanners change nothing. */
export function unsubscribePage(
  c: Context<AppEnv>,
  o: { token: string; topic: string } | { done: string } | { invalid: true },
) {
  const t = c.var.t;
  const tenant = c.var.tenant!;
  if ("invalid" in o) {
    return page(c, {
      title: t("news.unsubscribe.invalid"),
      status: 400,
      body: html`<h1 class="kern-title kern-title--large">${t("news.unsubscribe.invalid")}</h1>
        <p class="kern-body">${t("news.unsubscribe.invalid.body")}</p>
        <p class="kern-body"><a class="kern-link" href="/konto/abonnements">${t("news.subscriptions.title")}</a></p>`,
    });
  }
  if ("done" in o) {
    return page(c, {
      title: t("news.unsubscribe.done", { topic: o.done }),
      body: html`<h1 class="kern-title kern-title--large">${t("news.unsubscribe.done", { topic: o.done })}</h1>
        ${notice("success", t("news.unsubscribe.done.body", { topic: o.done, tenant: tenant.name }))}
        <p class="kern-body"><a class="kern-link" href="/${tenant.slug}/">${tenant.name}</a></p>`,
    });
  }
  return page(c, {
    title: t("news.unsubscribe.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("news.unsubscribe.title")}</h1>
      <p class="kern-body">${t("news.unsubscribe.body", { topic: o.topic, tenant: tenant.name })}</p>
      <form method="post" action="/${tenant.slug}/neuigkeiten/abbestellen">
        ${csrfField(c)}
        <input type="hidden" name="t" value="${o.token}">
        ${submitButton(t("news.unsubscribe.confirm"))}
      </form>`,
  });
}
