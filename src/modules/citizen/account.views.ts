import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { field, notice, submitButton } from "../../platform/http/ui.ts";
import type { ApplicationSummary } from "./citizen.service.ts";
import { accountPage, para, postForm, type Status } from "./citizen.views.ts";

export type FormState = { errors?: FieldErrors; values?: Record<string, string> };

export const PROFILE_FIELDS = [
  ["givenName", "given-name"],
  ["familyName", "family-name"],
  ["street", "address-line1"],
  ["houseNumber", "off"],
  ["postcode", "postal-code"],
  ["city", "address-level2"],
  ["phone", "tel"],
] as const;

export function profilePage(c: Context<AppEnv>, s: FormState, status: Status = 200) {
  const t = c.var.t;
  return accountPage(c, {
    title: t("citizen.profile.title"),
    section: "/konto/profil",
    status,
    errors: s.errors,
    body: html`${para(t("citizen.profile.intro"))}
      ${postForm(
        c,
        "/konto/profil",
        html`${PROFILE_FIELDS.map(([name, autocomplete]) =>
          field({
            name,
            label: `${t(`citizen.profile.${name}`)} ${t("citizen.field.optional")}`,
            type: name === "phone" ? "tel" : "text",
            value: s.values?.[name],
            error: s.errors?.[name],
            autocomplete: autocomplete === "off" ? undefined : autocomplete,
            width: name === "postcode" || name === "houseNumber" ? "short" : undefined,
            inputmode: name === "postcode" ? "numeric" : undefined,
          }),
        )}
        ${submitButton(t("citizen.profile.submit"))}`,
      )}`,
  });
}

export function exportPage(c: Context<AppEnv>) {
  const t = c.var.t;
  return accountPage(c, {
    title: t("citizen.export.title"),
    section: "/konto/export",
    body: html`${para(t("citizen.export.intro"))}
      <ul class="kern-list">
        <li>${t("citizen.export.itemAccount")}</li><li>${t("citizen.export.itemCases")}</li>
        <li>${t("citizen.export.itemPostbox")}</li><li>${t("citizen.export.itemDrafts")}</li></ul>
      ${para(html`<a class="kern-btn kern-btn--primary" href="/konto/export/meine-daten.json" download><span class="kern-label">${t("citizen.export.download")}</span></a>`)}`,
  });
}

export function deletePage(
  c: Context<AppEnv>,
  open: ApplicationSummary[],
  s: FormState,
  status: Status = 200,
) {
  const t = c.var.t;
  return accountPage(c, {
    title: t("citizen.delete.title"),
    section: "/konto/loeschen",
    status,
    errors: s.errors,
    body: html`${para(t("citizen.delete.intro"))}${para(t("citizen.delete.records"))}
      ${
        open.length > 0
          ? html`${notice("warning", t("citizen.delete.blockedTitle"), t("citizen.delete.blocked", { count: open.length }))}
            <ul class="kern-list">${open.map((a) => html`<li><a class="kern-link" href="${a.href}">${a.reference}</a> – ${a.serviceTitle} (${a.statusTitle})</li>`)}</ul>`
          : postForm(
              c,
              "/konto/loeschen",
              html`${field({ name: "password", label: t("citizen.delete.password"), type: "password", error: s.errors?.password, autocomplete: "current-password", required: true })}
              ${submitButton(t("citizen.delete.submit"))}`,
            )
      }`,
  });
}
