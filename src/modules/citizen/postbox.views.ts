import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { type Html, submitButton } from "../../platform/http/ui.ts";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type MessageView } from "../postbox/index.ts";
import { textarea } from "../tenants/index.ts";
import { kb } from "./case.views.ts";
import {
  accountPage,
  formatDate,
  h2,
  para,
  postForm,
  type Status,
  textBlock,
} from "./citizen.views.ts";

const messageHref = (m: MessageView) => `/konto/postfach/${m.tenant_slug}/${m.id}`;

/** Messages as a list: date, sender or "you", subject (linked), unread marker. */
export function messageList(c: Context<AppEnv>, messages: MessageView[]): Html {
  const t = c.var.t;
  return html`<div class="table-wrapper"><table class="kern-table">
    <caption class="kern-sr-only">${t("citizen.postbox.title")}</caption>
    <thead class="kern-table__head"><tr class="kern-table__row">
      <th class="kern-table__header" scope="col">${t("citizen.postbox.date")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.postbox.from")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.postbox.subject")}</th>
      <th class="kern-table__header" scope="col">${t("citizen.field.reference")}</th></tr></thead>
    <tbody class="kern-table__body">${messages.map((m) => {
      const unread = m.direction === "to-applicant" && !m.read_at;
      return html`<tr class="kern-table__row">
        <td class="kern-table__cell">${formatDate(c, m.created_at, true)}</td>
        <td class="kern-table__cell">${m.direction === "to-applicant" ? m.tenant_name : t("citizen.postbox.you")}</td>
        <td class="kern-table__cell"><a class="kern-link" href="${messageHref(m)}">${unread ? html`<strong>${m.subject}</strong> (${t("citizen.postbox.unread")})` : m.subject}</a>${m.attachments.length > 0 ? html` – ${t("citizen.postbox.attachments", { count: m.attachments.length })}` : ""}</td>
        <td class="kern-table__cell">${m.reference}</td></tr>`;
    })}</tbody></table></div>`;
}

export function postboxPage(c: Context<AppEnv>, messages: MessageView[]) {
  const t = c.var.t;
  return accountPage(c, {
    title: t("citizen.postbox.title"),
    section: "/konto/postfach",
    body: html`${para(t("citizen.postbox.intro"))}
      ${messages.length === 0 ? para(t("citizen.postbox.empty")) : messageList(c, messages)}`,
  });
}

export type ReplyState = { errors?: FieldErrors; values?: Record<string, string> };

/** One message with its attachments, the time of retrieval, and the reply form. */
export function messagePage(
  c: Context<AppEnv>,
  m: MessageView,
  s: ReplyState = {},
  status: Status = 200,
) {
  const t = c.var.t;
  const incoming = m.direction === "to-applicant";
  return accountPage(c, {
    title: m.subject,
    section: "/konto/postfach",
    status,
    errors: s.errors,
    body: html`<dl class="kern-description-list">
        ${item(t("citizen.postbox.from"), incoming ? m.tenant_name : t("citizen.postbox.you"))}
        ${item(t("citizen.postbox.date"), formatDate(c, m.created_at, true))}
        ${item(t("citizen.field.reference"), html`<a class="kern-link" href="/konto/antraege/${m.tenant_slug}/${m.case_id}">${m.reference}</a>`)}
        ${incoming && m.read_at ? item(t("citizen.postbox.readAt"), formatDate(c, m.read_at, true)) : ""}
      </dl>
      ${textBlock(m.body)}
      ${
        m.attachments.length > 0
          ? html`${h2(t("citizen.postbox.attachmentsTitle"))}<ul class="kern-list">${m.attachments.map((a) => html`<li><a class="kern-link" href="/konto/dateien/${m.tenant_slug}/${a.id}">${a.filename}</a> (${kb(a.size)})</li>`)}</ul>`
          : ""
      }
      ${incoming ? replyForm(c, `${messageHref(m)}/antworten`, s) : ""}
      ${para(html`<a class="kern-link" href="/konto/postfach">${t("citizen.postbox.back")}</a>`)}`,
  });
}

const item = (key: string, value: string | Html) =>
  html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${key}</dt><dd class="kern-description-list-item__value">${value}</dd></div>`;

function replyForm(c: Context<AppEnv>, action: string, s: ReplyState): Html {
  const t = c.var.t;
  const error = s.errors?.attachments;
  return html`${h2(t("citizen.reply.title"))}
    ${postForm(
      c,
      action,
      html`${textarea({ name: "body", label: t("citizen.reply.body"), value: s.values?.body, error: s.errors?.body, required: true })}
      <div class="kern-form-input${error ? " kern-form-input--error" : ""}">
        <label class="kern-label" for="attachments">${t("citizen.reply.attachments")} ${t("citizen.field.optional")}</label>
        <div class="kern-hint" id="attachments-hint">${t("citizen.reply.attachmentsHint", { count: MAX_ATTACHMENTS, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}</div>
        ${error ? html`<p class="kern-error" id="attachments-error" role="alert"><span class="kern-body">${error}</span></p>` : ""}
        <input class="kern-form-input__input" type="file" id="attachments" name="attachments" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby="attachments-hint${error ? " attachments-error" : ""}">
      </div>
      ${submitButton(t("citizen.reply.submit"))}`,
      true,
    )}`;
}
