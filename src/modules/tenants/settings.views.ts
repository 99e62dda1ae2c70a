import type { Context } from "hono";
import { html } from "hono/html";
import {
  CHECK_DIGIT_METHODS,
  formatKassenzeichen,
  germanDate,
  KassenzeichenScheme,
  POSTAL_DAYS,
} from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, submitButton } from "../../platform/http/ui.ts";
import { fieldset, select, textarea } from "./form-controls.ts";
import { STATES } from "./tenants.schema.ts";

export function adminBase(c: Context<AppEnv>): string {
  return `/${c.var.tenant!.slug}/amt/verwaltung`;
}

/** Link back to the administration overview, above each sub-page's heading. */
export function backLink(c: Context<AppEnv>) {
  return html`<p class="kern-body"><a class="kern-link" href="${adminBase(c)}/">${c.var.t("tenants.admin.back")}</a></p>`;
}

export function administrationPage(c: Context<AppEnv>) {
  const t = c.var.t;
  const base = adminBase(c);
  const sections = [
    ["einstellungen", "tenants.admin.settings"],
    ["organisationseinheiten", "tenants.admin.orgUnits"],
    ["mitarbeitende", "tenants.admin.staff"],
    ["api-schluessel", "intake.apiKeys"],
    ["neuigkeiten", "news.admin.title"],
    ["textbausteine", "textblocks.admin.title"],
  ] as const;
  return page(c, {
    title: t("tenants.admin.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("tenants.admin.title")}</h1>
      <p class="kern-body kern-body--large">${t("tenants.admin.intro")}</p>
      <ul class="card-grid">
        ${sections.map(
          ([
            path,
            key,
          ]) => html`<li class="kern-card"><div class="kern-card__container"><div class="kern-card__header">
            <h2 class="kern-title"><a class="kern-link kern-link--stretched" href="${base}/${path}">${t(key)}</a></h2></div>
            <div class="kern-card__body"><p class="kern-body">${t(`${key}.intro`)}</p></div></div></li>`,
        )}
      </ul>`,
  });
}

export function settingsPage(
  c: Context<AppEnv>,
  o: {
    values: Record<string, string>;
    errors?: FieldErrors;
    hasLogo: boolean;
    logoError?: string;
    status?: 200 | 409 | 413 | 422;
  },
) {
  const t = c.var.t;
  const v = o.values;
  const e = o.errors ?? {};
  const f = (
    name: string,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ): ReturnType<typeof field> =>
    field({
      name,
      label: t(`tenants.field.${name}`),
      value: v[name],
      error: e[name],
      ...extra,
    });
  const legalHint = t("tenants.field.legal.hint");
  const base = adminBase(c);
  return page(c, {
    title: t("tenants.admin.settings"),
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${t("tenants.admin.settings")}</h1>
      ${errorSummary(c, o.logoError ? { logo: o.logoError, ...e } : e)}
      <form method="post" action="${base}/einstellungen" novalidate>
        ${csrfField(c)}
        ${f("name", { required: true, autocomplete: "organization" })}
        ${select({
          name: "state",
          label: t("tenants.field.state"),
          value: v.state,
          error: e.state,
          required: true,
          placeholder: t("tenants.choose"),
          options: STATES.map((s) => ({ value: s, label: t(`tenants.state.${s}`) })),
        })}
        ${fieldset(
          t("tenants.section.address"),
          html`${f("street", { autocomplete: "street-address" })}
          ${f("postcode", { autocomplete: "postal-code", inputmode: "numeric", width: "short" })}
          ${f("city", { autocomplete: "address-level2" })}`,
        )}
        ${fieldset(
          t("tenants.section.contact"),
          html`${f("email", { type: "email", autocomplete: "email" })}
          ${f("phone", { type: "tel", autocomplete: "tel" })}
          ${f("website", { type: "url", autocomplete: "url", hint: t("tenants.field.website.hint") })}
          ${textarea({ name: "openingHours", label: t("tenants.field.openingHours"), value: v.openingHours, error: e.openingHours, hint: t("tenants.field.openingHours.hint"), rows: 3 })}`,
        )}
        ${fieldset(
          t("tenants.section.appearance"),
          f("primaryColour", { hint: t("tenants.field.primaryColour.hint"), width: "short" }),
        )}
        ${fieldset(
          t("tenants.section.bank"),
          html`${f("iban", { autocomplete: "off" })}
          ${f("bic", { autocomplete: "off", width: "short" })}
          ${f("bankName", { autocomplete: "off" })}`,
        )}
        ${fieldset(
          t("tenants.section.notification"),
          select({
            name: "postalDays",
            label: t("tenants.field.postalDays"),
            hint: t("tenants.field.postalDays.hint"),
            value: v.postalDays,
            error: e.postalDays,
            options: POSTAL_DAYS.map((d) => ({
              value: String(d),
              label: t(`tenants.postalDays.${d}`),
            })),
          }),
        )}
        ${fieldset(
          t("tenants.section.kassenzeichen"),
          html`<p class="kern-body">${t("tenants.kz.intro")}</p>
          ${f("kzPrefix", { autocomplete: "off", width: "short", hint: t("tenants.field.kzPrefix.hint") })}
          ${select({
            name: "kzYearDigits",
            label: t("tenants.field.kzYearDigits"),
            value: v.kzYearDigits,
            error: e.kzYearDigits,
            options: ["0", "2", "4"].map((d) => ({ value: d, label: t(`tenants.kz.year.${d}`) })),
          })}
          ${f("kzSequenceDigits", { inputmode: "numeric", width: "short", hint: t("tenants.field.kzSequenceDigits.hint") })}
          ${select({
            name: "kzCheckDigit",
            label: t("tenants.field.kzCheckDigit"),
            value: v.kzCheckDigit,
            error: e.kzCheckDigit,
            options: CHECK_DIGIT_METHODS.map((m) => ({
              value: m,
              label: t(`tenants.kz.check.${m}`),
            })),
          })}
          ${kassenzeichenExample(c, v)}`,
        )}
        ${fieldset(
          t("tenants.section.legal"),
          html`${(["impressum", "privacy", "accessibility"] as const).map((name) =>
            textarea({
              name,
              label: t(`tenants.field.${name}`),
              value: v[name],
              error: e[name],
              hint: legalHint,
              rows: 8,
            }),
          )}`,
        )}
        ${submitButton(t("tenants.admin.save"))}
      </form>
      ${logoSection(c, o.hasLogo, o.logoError)}`,
  });
}

/** The saved (or entered) scheme's first Kassenzeichen of this year, or nothing if invalid. */
function kassenzeichenExample(c: Context<AppEnv>, v: Record<string, string>) {
  const scheme = KassenzeichenScheme.safeParse({
    prefix: v.kzPrefix ?? "",
    yearDigits: Number(v.kzYearDigits || "2"),
    sequenceDigits: Number(v.kzSequenceDigits || "6"),
    checkDigit: v.kzCheckDigit || "luhn",
  });
  if (!scheme.success) return "";
  const year = Number(germanDate(new Date()).slice(0, 4));
  const example = formatKassenzeichen(scheme.data, { year, sequence: 1 });
  if (!example.ok) return "";
  return html`<p class="kern-body" id="kz-example">${c.var.t("tenants.kz.example", { example: example.value })}</p>`;
}

function logoSection(c: Context<AppEnv>, hasLogo: boolean, error: string | undefined) {
  const t = c.var.t;
  const base = adminBase(c);
  return html`<h2 class="kern-title" id="logo-heading">${t("tenants.logo.title")}</h2>
    ${
      hasLogo
        ? html`<p class="kern-body">${t("tenants.logo.current")}:</p>
      <p><img class="tenant-logo-preview" src="/${c.var.tenant!.slug}/logo" alt="${t("tenants.logo.current")}" height="64"></p>
      <form method="post" action="${base}/logo/entfernen">${csrfField(c)}${submitButton(t("tenants.logo.remove"), "secondary")}</form>`
        : html`<p class="kern-body">${t("tenants.logo.none")}</p>`
    }
    <form method="post" action="${base}/logo" enctype="multipart/form-data">
      ${csrfField(c)}
      <div class="kern-form-input${error ? " kern-form-input--error" : ""}">
        <label class="kern-label" for="logo">${t("tenants.logo.file")}</label>
        <div class="kern-hint" id="logo-hint">${t("tenants.logo.hint")}</div>
        ${error ? html`<p class="kern-error" id="logo-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${error}</span></p>` : ""}
        <input class="kern-form-input__input" type="file" id="logo" name="logo" accept="image/png,image/jpeg"
          aria-describedby="logo-hint${error ? " logo-error" : ""}" ${error ? html`aria-invalid="true"` : ""}>
      </div>
      ${submitButton(t("tenants.logo.upload"))}
    </form>`;
}
