import type { Context } from "hono";
import { html } from "hono/html";
import type { ActionDef, ServiceDefinition } from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, type Html, submitButton } from "../../platform/http/ui.ts";
import { select, textarea } from "../tenants/index.ts";
import { para } from "./casefile.format.ts";

type InputField = NonNullable<ActionDef["input"]>[number];

export type ActionFormState = { errors: FieldErrors; values: Record<string, string> };

/**
 * The form of a caseworker action with input fields (from the definition). It carries the case
 * version the page was rendered with, so acting on a stale page is refused.
 */
export function actionFormPage(
  c: Context<AppEnv>,
  o: {
    base: string;
    reference: string;
    def: ServiceDefinition;
    action: ActionDef;
    version: number;
    needsSecondApproval: boolean;
    state?: ActionFormState;
    status?: 200 | 409 | 422;
  },
) {
  const t = c.var.t;
  const s = o.state;
  return page(c, {
    title: o.action.title,
    status: o.status,
    body: html`<p class="kern-body"><a class="kern-link" href="${o.base}">${t("casefile.backToCase", { reference: o.reference })}</a></p>
      <h1 class="kern-title kern-title--large">${o.action.title}</h1>
      ${errorSummary(c, s?.errors)}
      ${o.needsSecondApproval ? para(t("casefile.action.secondApprovalHint")) : ""}
      <form method="post" action="${o.base}/aktionen/${o.action.id}" novalidate>
        ${csrfField(c)}
        <input type="hidden" name="expectedVersion" value="${o.version}">
        ${(o.action.input ?? []).map((f) => inputControl(c, o.def, f, s))}
        ${submitButton(o.needsSecondApproval ? t("casefile.action.propose") : o.action.title)}
      </form>`,
  });
}

/** One input field of an action: the field id is the form name (errors link to it). */
export function inputControl(
  c: Context<AppEnv>,
  def: ServiceDefinition,
  f: InputField,
  s?: ActionFormState,
): Html {
  if (f.type === "info") return para(f.text);
  const name = f.id;
  const required = "required" in f && f.required === true;
  const label = `${f.label ?? f.id}${required ? "" : ` ${c.var.t("casefile.optional")}`}`;
  const hint = [
    "hint" in f ? f.hint : undefined,
    f.type === "date" ? c.var.t("casefile.hint.date") : undefined,
    f.type === "money" ? c.var.t("casefile.hint.money") : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  const common = {
    name,
    label,
    hint: hint || undefined,
    error: s?.errors[name],
    value: s?.values[name],
  };
  switch (f.type) {
    case "textarea":
      return textarea({ ...common, rows: 5 });
    case "select":
    case "radio": {
      const options =
        ("options" in f ? f.options : undefined) ??
        def.codeLists?.[("codeList" in f ? f.codeList : undefined) ?? ""]?.options ??
        [];
      return select({ ...common, options, placeholder: c.var.t("casefile.choose") });
    }
    case "boolean":
      return html`<div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="${name}" name="${name}" value="true" ${s?.values[name] ? "checked" : ""}><label class="kern-label" for="${name}">${f.label}</label></div>
        ${common.error ? html`<p class="kern-error" id="${name}-error" role="alert"><span class="kern-body">${common.error}</span></p>` : ""}`;
    case "integer":
    case "number":
    case "money":
      return field({
        ...common,
        inputmode: f.type === "integer" ? "numeric" : "decimal",
        width: "short",
      });
    case "email":
      return field({ ...common, type: "email" });
    case "phone":
      return field({ ...common, type: "tel" });
    default:
      return field(common);
  }
}
