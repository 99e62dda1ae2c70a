import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import {
  csrfField,
  errorSummary,
  field,
  type Html,
  notice,
  submitButton,
} from "../../platform/http/ui.ts";
import { PASSWORD_MIN } from "./accounts.schema.ts";

/** The account area a page belongs to: its URL prefix and who signs in there. */
export type AreaView = { prefix: string; kind: "citizen" | "staff"; admin: boolean };

export type FormState = { errors?: FieldErrors; values?: Record<string, string> };
type Status = 200 | 404 | 409 | 422 | 429;

const h1 = (text: string) => html`<h1 class="kern-title kern-title--large">${text}</h1>`;
const p = (text: string | Html) => html`<p class="kern-body">${text}</p>`;

export function postForm(c: Context<AppEnv>, action: string, body: Html): Html {
  return html`<form method="post" action="${action}" novalidate class="stack-form">${csrfField(c)}${body}</form>`;
}

const withReturn = (path: string, zurueck?: string) =>
  zurueck ? `${path}?zurueck=${encodeURIComponent(zurueck)}` : path;

/** Sign-in with e-mail and password, for all three areas. */
export function loginPage(
  c: Context<AppEnv>,
  area: AreaView,
  s: FormState & { zurueck?: string; problem?: string },
  status: Status = 200,
) {
  const t = c.var.t;
  const title = t(`accounts.login.title.${areaName(area)}`, { tenant: c.var.tenant?.name ?? "" });
  const errors = s.problem ? { _form: s.problem, ...s.errors } : s.errors;
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${errorSummary(c, errors)}
      ${postForm(
        c,
        withReturn(`${area.prefix}/anmelden`, s.zurueck),
        html`${field({ name: "email", label: t("accounts.field.email"), type: "email", value: s.values?.email, error: s.errors?.email, autocomplete: "username", required: true })}
        ${field({ name: "password", label: t("accounts.field.password"), type: "password", error: s.errors?.password, autocomplete: "current-password", required: true })}
        ${submitButton(t("accounts.login.submit"))}`,
      )}
      <ul class="kern-list">
        <li><a class="kern-link" href="${area.prefix}/passwort-vergessen">${t("accounts.login.forgot")}</a></li>
        ${area.kind === "citizen" ? html`<li><a class="kern-link" href="/konto/registrieren">${t("accounts.login.register")}</a></li>` : ""}
      </ul>`,
  });
}

function areaName(area: AreaView): "citizen" | "staff" | "admin" {
  return area.admin ? "admin" : area.kind;
}

export function registerPage(c: Context<AppEnv>, s: FormState, status: Status = 200) {
  const t = c.var.t;
  const title = t("accounts.register.title");
  const v = s.values ?? {};
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${p(t("accounts.register.intro"))}${errorSummary(c, s.errors)}
      ${postForm(
        c,
        "/konto/registrieren",
        html`${field({ name: "name", label: t("accounts.field.name"), value: v.name, error: s.errors?.name, autocomplete: "name", required: true })}
        ${field({ name: "email", label: t("accounts.field.email"), type: "email", value: v.email, error: s.errors?.email, autocomplete: "email", required: true })}
        ${newPasswordFields(c, s.errors)}
        ${submitButton(t("accounts.register.submit"))}`,
      )}
      ${p(html`<a class="kern-link" href="/konto/anmelden">${t("accounts.register.haveAccount")}</a>`)}`,
  });
}

function newPasswordFields(c: Context<AppEnv>, errors?: FieldErrors): Html {
  const t = c.var.t;
  return html`${field({ name: "password", label: t("accounts.field.newPassword"), type: "password", error: errors?.password, hint: t("accounts.hint.password", { min: PASSWORD_MIN }), autocomplete: "new-password", required: true })}
    ${field({ name: "passwordRepeat", label: t("accounts.field.passwordRepeat"), type: "password", error: errors?.passwordRepeat, autocomplete: "new-password", required: true })}`;
}

/** A page with a heading, a text and optionally a link onwards. */
export function messagePage(
  c: Context<AppEnv>,
  key: string,
  link?: { href: string; label: string },
  status: Status = 200,
) {
  const t = c.var.t;
  const title = t(`${key}.title`);
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${p(t(`${key}.text`))}
      ${link ? p(html`<a class="kern-link" href="${link.href}">${link.label}</a>`) : ""}`,
  });
}

export function forgotPage(c: Context<AppEnv>, area: AreaView, s: FormState, status: Status = 200) {
  const t = c.var.t;
  const title = t("accounts.forgot.title");
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${p(t("accounts.forgot.intro"))}${errorSummary(c, s.errors)}
      ${postForm(
        c,
        `${area.prefix}/passwort-vergessen`,
        html`${field({ name: "email", label: t("accounts.field.email"), type: "email", value: s.values?.email, error: s.errors?.email, autocomplete: "username", required: true })}
        ${submitButton(t("accounts.forgot.submit"))}`,
      )}
      ${p(html`<a class="kern-link" href="${area.prefix}/anmelden">${t("accounts.backToLogin")}</a>`)}`,
  });
}

export function resetPage(
  c: Context<AppEnv>,
  area: AreaView,
  token: string,
  s: FormState,
  status: Status = 200,
) {
  const t = c.var.t;
  const title = t("accounts.reset.title");
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${errorSummary(c, s.errors)}
      ${postForm(
        c,
        `${area.prefix}/passwort-neu`,
        html`<input type="hidden" name="token" value="${token}">
        ${newPasswordFields(c, s.errors)}
        ${submitButton(t("accounts.reset.submit"))}`,
      )}`,
  });
}

export function secondFactorPage(
  c: Context<AppEnv>,
  area: AreaView,
  s: FormState & { zurueck?: string },
  status: Status = 200,
) {
  const t = c.var.t;
  const title = t("accounts.mfa.title");
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${p(t("accounts.mfa.intro"))}${errorSummary(c, s.errors)}
      ${postForm(
        c,
        withReturn(`${area.prefix}/zwei-faktor`, s.zurueck),
        html`${field({ name: "code", label: t("accounts.field.code"), hint: t("accounts.hint.code"), error: s.errors?.code, autocomplete: "one-time-code", required: true, width: "short" })}
        ${submitButton(t("accounts.mfa.submit"))}`,
      )}`,
  });
}

/** The QR code, the key to type in, and the field for the first code. */
export function totpSetupBlock(
  c: Context<AppEnv>,
  setup: { secret: string; qrDataUrl: string },
  action: string,
  fieldName: string,
  error?: string,
): Html {
  const t = c.var.t;
  const grouped = setup.secret.match(/.{1,4}/g)?.join(" ") ?? setup.secret;
  return html`<ol class="kern-list kern-list--ordered">
      <li>${t("accounts.totp.step1")}</li>
      <li>${t("accounts.totp.step2")}
        <p><img class="totp-qr" src="${setup.qrDataUrl}" width="240" height="240" alt="${t("accounts.totp.qrAlt")}"></p>
        <p class="kern-body">${t("accounts.totp.manual")} <code class="totp-secret" data-secret="${setup.secret}">${grouped}</code></p></li>
      <li>${t("accounts.totp.step3")}</li>
    </ol>
    ${postForm(
      c,
      action,
      html`${field({ name: fieldName, label: t("accounts.field.code"), hint: t("accounts.hint.totp"), error, autocomplete: "one-time-code", inputmode: "numeric", required: true, width: "short" })}
      ${submitButton(t("accounts.totp.confirm"))}`,
    )}`;
}

export function forcedSetupPage(
  c: Context<AppEnv>,
  area: AreaView,
  setup: { secret: string; qrDataUrl: string },
  s: FormState & { zurueck?: string },
  status: Status = 200,
) {
  const t = c.var.t;
  const title = t("accounts.totp.forcedTitle");
  return page(c, {
    title,
    status,
    body: html`${h1(title)}${p(t("accounts.totp.forcedIntro"))}${errorSummary(c, s.errors)}
      ${totpSetupBlock(c, setup, withReturn(`${area.prefix}/zwei-faktor-einrichten`, s.zurueck), "code", s.errors?.code)}`,
  });
}

/** The recovery codes, shown once right after they were made. */
export function recoveryCodesPage(c: Context<AppEnv>, codes: string[], next: string) {
  const t = c.var.t;
  const title = t("accounts.recovery.title");
  return page(c, {
    title,
    body: html`${h1(title)}
      ${notice("warning", t("accounts.recovery.once"), t("accounts.recovery.intro"))}
      <ul class="kern-list recovery-codes">${codes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
      ${p(html`<a class="kern-link" href="${next}">${t("accounts.recovery.continue")}</a>`)}`,
  });
}
