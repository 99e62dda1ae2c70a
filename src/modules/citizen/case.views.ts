import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { field, type Html, notice, submitButton } from "../../platform/http/ui.ts";
import type { MessageView } from "../postbox/index.ts";
import { select, textarea } from "../tenants/index.ts";
import type { ApplicationDetail, InputField, TaskAction } from "./citizen.service.ts";
import { accountPage, formatDate, h2, para, postForm, type Status } from "./citizen.views.ts";
import { messageList } from "./postbox.views.ts";

export type TaskFormState = {
  actionId: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

/** One application: status, task, timeline, documents and correspondence. */
export function casePage(
  c: Context<AppEnv>,
  d: ApplicationDetail,
  messages: MessageView[],
  s?: TaskFormState,
  status: Status = 200,
) {
  const t = c.var.t;
  const a = d.summary;
  const base = `/konto/antraege/${a.tenantSlug}/${a.caseId}`;
  return accountPage(c, {
    title: t("citizen.case.title", { service: a.serviceTitle }),
    section: "/konto/",
    status,
    errors: s?.errors,
    body: html`<dl class="kern-description-list">
        ${item(t("citizen.field.reference"), a.reference)}
        ${item(t("citizen.field.municipality"), a.tenantName)}
        ${item(t("citizen.field.received"), formatDate(c, a.receivedAt, true))}
        ${item(t("citizen.field.status"), a.statusTitle)}
      </dl>
      ${a.statusDescription ? para(a.statusDescription) : ""}
      ${d.task ? taskSection(c, base, d, s) : ""}
      ${h2(t("citizen.case.timeline"))}
      <ol class="kern-list kern-list--ordered case-timeline">${d.timeline.map(
        (e) =>
          html`<li><strong>${formatDate(c, e.at, true)}:</strong> ${e.title || t("citizen.case.received")}${e.description && e.title ? html` – ${e.description}` : ""}</li>`,
      )}</ol>
      ${h2(t("citizen.case.documents"))}
      ${
        d.files.length === 0
          ? para(t("citizen.case.noDocuments"))
          : html`<ul class="kern-list">${d.files.map((f) => html`<li><a class="kern-link" href="/konto/dateien/${a.tenantSlug}/${f.id}">${f.filename}</a> (${kb(f.size)})</li>`)}</ul>`
      }
      ${h2(t("citizen.case.messages"), "nachrichten")}
      ${messages.length === 0 ? para(t("citizen.case.noMessages")) : messageList(c, messages)}
      ${d.actions.length > 0 ? html`${h2(t("citizen.case.otherActions"))}${d.actions.map((x) => actionForm(c, base, a.version, x, s))}` : ""}`,
  });
}

const item = (key: string, value: string) =>
  html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${key}</dt><dd class="kern-description-list-item__value">${value}</dd></div>`;

export const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;

function taskSection(c: Context<AppEnv>, base: string, d: ApplicationDetail, s?: TaskFormState) {
  const t = c.var.t;
  const task = d.task!;
  return html`<section aria-labelledby="aufgabe" class="case-task">
    <h2 class="kern-title" id="aufgabe">${t("citizen.task.title")}</h2>
    ${notice(
      "warning",
      t("citizen.task.lead"),
      task.request.length > 0
        ? html`${task.request.map((r) => html`${r.value}`)}`
        : d.summary.statusDescription || t("citizen.task.generic"),
    )}
    ${task.actions.length === 0 ? para(t("citizen.task.noActions")) : task.actions.map((x) => actionForm(c, base, d.summary.version, x, s))}
  </section>`;
}

/** The form of one applicant action: its input fields from the definition, then its button. */
function actionForm(
  c: Context<AppEnv>,
  base: string,
  version: number,
  a: TaskAction,
  s?: TaskFormState,
): Html {
  const mine = s?.actionId === a.actionId ? s : undefined;
  const multipart = a.fields.some((f) => f.type === "file");
  return postForm(
    c,
    `${base}/aktion/${a.actionId}`,
    html`<input type="hidden" name="_version" value="${version}">
      ${a.fields.map((f) => inputControl(c, a.actionId, f, mine))}
      ${submitButton(a.title, a.actionId === "withdraw" ? "secondary" : "primary")}`,
    multipart,
  );
}

/** A control for an action input field (leaf field of the definition). */
function inputControl(
  c: Context<AppEnv>,
  actionId: string,
  f: InputField,
  s?: TaskFormState,
): Html {
  if (f.type === "info") return para(f.text);
  const name = `${actionId}-${f.id}`;
  const label = f.label + (f.required ? "" : ` ${c.var.t("citizen.field.optional")}`);
  const common = { name, label, hint: f.hint, error: s?.errors[name], value: s?.values[name] };
  switch (f.type) {
    case "textarea":
      return textarea({ ...common, required: f.required });
    case "select":
    case "radio":
      return select({ ...common, options: f.options ?? [], placeholder: "" });
    case "boolean":
      return html`<div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${name}" name="${name}" value="true" ${s?.values[name] ? "checked" : ""}><label class="kern-label" for="${name}">${f.label}</label></div>`;
    case "file": {
      const describedBy = [f.hint ? `${name}-hint` : "", common.error ? `${name}-error` : ""]
        .filter(Boolean)
        .join(" ");
      return html`<div class="kern-form-input${common.error ? " kern-form-input--error" : ""}">
        <label class="kern-label" for="${name}">${label}</label>
        <div class="kern-hint" id="${name}-hint">${f.hint ?? ""} ${c.var.t("citizen.field.fileHint", { max: Math.round(f.maxSizeBytes / 1024 / 1024) || 1 })}</div>
        ${common.error ? html`<p class="kern-error" id="${name}-error" role="alert"><span class="kern-body">${common.error}</span></p>` : ""}
        <input class="kern-form-input__input" type="file" id="${name}" name="${name}" accept="${f.accept.join(",")}" ${(f.maxFiles ?? 1) > 1 ? "multiple" : ""} aria-describedby="${describedBy || `${name}-hint`}">
      </div>`;
    }
    default:
      return field({
        ...common,
        type: f.type === "email" ? "email" : f.type === "phone" ? "tel" : "text",
        required: f.required,
      });
  }
}
