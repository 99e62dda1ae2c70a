import type { Context } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { errorSummary, field, type Html, submitButton } from "../../platform/http/ui.ts";
import { type AreaView, type FormState, postForm, totpSetupBlock } from "./accounts.views.ts";
import type { SessionView } from "./login.service.ts";
import type { SecurityState } from "./totp.service.ts";

export type SecurityPageData = {
  state: SecurityState;
  sessions: SessionView[];
  setup?: { secret: string; qrDataUrl: string };
};

/** Second factor, recovery codes, password and sessions of the signed-in person. */
export function securityPage(
  c: Context<AppEnv>,
  area: AreaView,
  d: SecurityPageData,
  s: FormState = {},
  status: 200 | 409 | 422 | 429 = 200,
) {
  const t = c.var.t;
  const title = t("accounts.security.title");
  const base = `${area.prefix}/sicherheit`;
  return page(c, {
    title,
    status,
    body: html`<h1 class="kern-title kern-title--large">${title}</h1>${errorSummary(c, s.errors)}
      <h2 class="kern-title">${t("accounts.security.totp")}</h2>
      ${totpSection(c, base, d, s)}
      <h2 class="kern-title">${t("accounts.security.password")}</h2>
      ${postForm(
        c,
        `${base}/passwort`,
        html`${field({ name: "currentPassword", label: t("accounts.field.currentPassword"), type: "password", error: s.errors?.currentPassword, autocomplete: "current-password", required: true })}
        ${field({ name: "password", label: t("accounts.field.newPassword"), type: "password", error: s.errors?.password, hint: t("accounts.hint.password", { min: 12 }), autocomplete: "new-password", required: true })}
        ${field({ name: "passwordRepeat", label: t("accounts.field.passwordRepeat"), type: "password", error: s.errors?.passwordRepeat, autocomplete: "new-password", required: true })}
        ${submitButton(t("accounts.security.changePassword"))}`,
      )}
      <h2 class="kern-title">${t("accounts.security.sessions")}</h2>
      ${sessionsTable(c, base, d.sessions)}`,
  });
}

function totpSection(c: Context<AppEnv>, base: string, d: SecurityPageData, s: FormState): Html {
  const t = c.var.t;
  if (d.state.totpEnabled) {
    return html`<p class="kern-body">${t("accounts.security.totpOn", { left: d.state.recoveryCodesLeft })}</p>
      ${postForm(c, `${base}/wiederherstellungscodes`, submitButton(t("accounts.security.newCodes"), "secondary"))}
      ${
        d.state.totpMandatory
          ? html`<p class="kern-body">${t("accounts.security.totpMandatory")}</p>`
          : postForm(
              c,
              `${base}/zwei-faktor-ausschalten`,
              html`${field({ name: "disablePassword", label: t("accounts.field.currentPassword"), type: "password", error: s.errors?.disablePassword, autocomplete: "current-password", required: true })}
              ${submitButton(t("accounts.security.totpOff"), "secondary")}`,
            )
      }`;
  }
  if (d.setup) {
    return html`<p class="kern-body">${t("accounts.security.totpSetupIntro")}</p>
      ${totpSetupBlock(c, d.setup, `${base}/zwei-faktor-bestaetigen`, "totpCode", s.errors?.totpCode)}
      ${postForm(c, `${base}/zwei-faktor-abbrechen`, submitButton(t("accounts.security.totpCancel"), "secondary"))}`;
  }
  return html`<p class="kern-body">${t("accounts.security.totpOffText")}</p>
    ${postForm(c, `${base}/zwei-faktor-starten`, submitButton(t("accounts.security.totpStart")))}`;
}

function sessionsTable(c: Context<AppEnv>, base: string, sessions: SessionView[]): Html {
  const t = c.var.t;
  const fmt = new Intl.DateTimeFormat(c.var.locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  });
  return html`<div class="table-wrapper"><table class="kern-table">
    <caption class="kern-sr-only">${t("accounts.security.sessions")}</caption>
    <thead class="kern-table__head"><tr class="kern-table__row">
      <th class="kern-table__header" scope="col">${t("accounts.session.device")}</th>
      <th class="kern-table__header" scope="col">${t("accounts.session.since")}</th>
      <th class="kern-table__header" scope="col">${t("accounts.session.lastSeen")}</th>
      <th class="kern-table__header" scope="col">${t("accounts.session.action")}</th></tr></thead>
    <tbody class="kern-table__body">${sessions.map(
      (s) => html`<tr class="kern-table__row">
        <td class="kern-table__cell">${describeAgent(s.userAgent)} (${s.ip})</td>
        <td class="kern-table__cell">${fmt.format(s.createdAt)}</td>
        <td class="kern-table__cell">${fmt.format(s.lastSeenAt)}</td>
        <td class="kern-table__cell">${
          s.current
            ? t("accounts.session.current")
            : postForm(
                c,
                `${base}/sitzung-beenden`,
                html`<input type="hidden" name="session" value="${s.publicId}">
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">${t("accounts.session.revoke")}<span class="kern-sr-only"> (${fmt.format(s.createdAt)})</span></span></button>`,
              )
        }</td></tr>`,
    )}</tbody></table></div>`;
}

/** A short, readable name for a browser, from its user agent. */
function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "";
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad/.test(ua)
        ? "iOS"
        : /Mac OS/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return [browser, os].filter(Boolean).join(", ") || ua.slice(0, 60) || "?";
}
