import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import type { AppEnv } from "./context.ts";
import { type Html, notice } from "./ui.ts";

const FLASH_COOKIE = "dw_flash";

/** Shows a one-time confirmation (a catalogue key) on the next page rendered. */
export function setFlash(c: Context<AppEnv>, key: string): void {
  setCookie(c, FLASH_COOKIE, key, { path: "/", httpOnly: true, sameSite: "Lax", maxAge: 60 });
}

function takeFlash(c: Context<AppEnv>): string | undefined {
  const key = getCookie(c, FLASH_COOKIE);
  if (!key) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: "/" });
  const text = c.var.t(key);
  return text === key ? undefined : text;
}

export type PageOpts = {
  title: string;
  body: Html;
  /** Navigation links shown in the header, already localised. */
  nav?: { href: string; label: string }[];
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
};

/**
 * The page shell: KERN header with the municipality's name and logo, skip link, language switch,
 * main content, footer with the legal pages. Server-rendered; works without JavaScript.
 */
export function page(c: Context<AppEnv>, o: PageOpts) {
  const t = c.var.t;
  const tenant = c.var.tenant;
  const viewer = c.var.viewer;
  const base = tenant ? `/${tenant.slug}` : "";
  const siteName = tenant ? tenant.name : t("platform.name");
  const flash = takeFlash(c);
  const here = c.req.path + (new URL(c.req.url).search || "");
  const otherLocale = c.var.locale === "de" ? "en" : "de";
  const nav = o.nav ?? defaultNav(c);
  const doc = html`<!doctype html>
<html lang="${c.var.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} – ${siteName}</title>
<link rel="stylesheet" href="/static/kern/fonts/fira-sans.css">
<link rel="stylesheet" href="/static/kern/kern.min.css">
<link rel="stylesheet" href="/static/app.css">
${tenant?.primaryColour ? html`<link rel="stylesheet" href="/${tenant.slug}/theme.css">` : ""}
</head>
<body>
<a class="skip-link" href="#inhalt">${t("layout.skipToContent")}</a>
<header class="site-header">
  <div class="kern-container site-header__bar">
    <a class="site-header__brand" href="${base || "/"}">
      ${tenant?.hasLogo ? html`<img class="site-header__logo" src="/${tenant.slug}/logo" alt="">` : ""}
      <span class="site-header__name">${siteName}</span>
    </a>
    <nav class="site-header__nav" aria-label="${t("layout.navLabel")}">
      <ul class="kern-list kern-list--horizontal">
        ${nav.map((l) => html`<li><a class="kern-link" href="${l.href}">${l.label}</a></li>`)}
        ${
          viewer
            ? html`<li><form method="post" action="${viewer.kind === "staff" && viewer.tenantId && tenant ? `${base}/amt/abmelden` : viewer.kind === "staff" ? "/admin/abmelden" : "/konto/abmelden"}" class="inline-form">
          <input type="hidden" name="_csrf" value="${c.var.csrfToken}">
          <button type="submit" class="link-button">${t("layout.logout")}</button></form></li>`
            : ""
        }
        <li><a class="kern-link" href="/sprache?l=${otherLocale}&amp;zurueck=${encodeURIComponent(here)}" lang="${otherLocale}" hreflang="${otherLocale}">${t("layout.otherLanguage")}</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="inhalt" class="kern-container site-main" tabindex="-1">
${flash ? notice("success", flash) : ""}
${o.body}
</main>
<footer class="site-footer">
  <div class="kern-container">
    <nav aria-label="${t("layout.footerLabel")}">
      <ul class="kern-list kern-list--horizontal">
        <li><a class="kern-link" href="${base}/impressum">${t("legal.impressum")}</a></li>
        <li><a class="kern-link" href="${base}/datenschutz">${t("legal.privacy")}</a></li>
        <li><a class="kern-link" href="${base}/barrierefreiheit">${t("legal.accessibility")}</a></li>
      </ul>
    </nav>
    <p class="kern-body kern-body--small">${t("layout.poweredBy")}</p>
  </div>
</footer>
</body>
</html>`;
  return c.html(doc, o.status ?? 200);
}

function defaultNav(c: Context<AppEnv>): { href: string; label: string }[] {
  const t = c.var.t;
  const viewer = c.var.viewer;
  const tenant = c.var.tenant;
  if (viewer?.kind === "staff" && tenant && viewer.tenantId === tenant.id) {
    return [{ href: `/${tenant.slug}/amt/`, label: t("layout.workspace") }];
  }
  if (viewer?.kind === "citizen") return [{ href: "/konto/", label: t("layout.myAccount") }];
  return [{ href: "/konto/anmelden", label: t("layout.login") }];
}
