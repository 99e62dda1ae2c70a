import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { AppEnv } from "./context.ts";
import type { FieldErrors } from "./forms.ts";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The hidden CSRF field every POST form carries. */
export const csrfField = (c: Context<AppEnv>) =>
  html`<input type="hidden" name="_csrf" value="${c.var.csrfToken}">`;

/**
 * The GOV.UK/KERN error summary: on top of the form, focusable, each error linking to its field.
 */
export function errorSummary(c: Context<AppEnv>, errors: FieldErrors | undefined): Html | "" {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return "";
  return html`<div class="kern-alert kern-alert--danger error-summary" role="alert" tabindex="-1" id="fehler">
    <div class="kern-alert__header"><span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
      <h2 class="kern-title">${c.var.t("form.errorSummary")}</h2></div>
    <div class="kern-alert__body"><ul class="kern-list">
      ${entries.map(([field, msg]) => html`<li><a class="kern-link" href="#${field === "_form" ? "fehler" : field}">${msg}</a></li>`)}
    </ul></div></div>`;
}

export type FieldOpts = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "url" | "number";
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: string;
  width?: "short";
};

/** A labelled input with hint and error, wired with aria-describedby. */
export function field(o: FieldOpts): Html {
  const describedBy = [o.hint ? `${o.name}-hint` : "", o.error ? `${o.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<div class="kern-form-input${o.error ? " kern-form-input--error" : ""}">
    <label class="kern-label" for="${o.name}">${o.label}</label>
    ${o.hint ? html`<div class="kern-hint" id="${o.name}-hint">${o.hint}</div>` : ""}
    ${o.error ? html`<p class="kern-error" id="${o.name}-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${o.error}</span></p>` : ""}
    <input class="kern-form-input__input${o.error ? " kern-form-input__input--error" : ""}${o.width === "short" ? " kern-form-input__input--width-10" : ""}" id="${o.name}" name="${o.name}" type="${o.type ?? "text"}"
      ${o.value !== undefined && o.type !== "password" ? html`value="${o.value}"` : ""}
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ""}
      ${o.inputmode ? html`inputmode="${o.inputmode}"` : ""}
      ${o.required ? "required" : ""}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ""}
      ${o.error ? html`aria-invalid="true"` : ""}>
  </div>`;
}

export function submitButton(label: string, variant: "primary" | "secondary" = "primary"): Html {
  return html`<button type="submit" class="kern-btn kern-btn--${variant}"><span class="kern-label">${label}</span></button>`;
}

export function notice(
  kind: "info" | "success" | "warning" | "danger",
  title: string,
  body?: Html | string,
): Html {
  return html`<div class="kern-alert kern-alert--${kind}" role="${kind === "danger" ? "alert" : "status"}">
    <div class="kern-alert__header"><span class="kern-icon kern-icon--${kind === "danger" ? "danger" : kind}" aria-hidden="true"></span>
    <h2 class="kern-title">${title}</h2></div>
    ${body ? html`<div class="kern-alert__body"><p class="kern-body">${body}</p></div>` : ""}
  </div>`;
}
