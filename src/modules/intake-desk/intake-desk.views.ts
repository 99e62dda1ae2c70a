import type { Context } from "hono";
import { html } from "hono/html";
import type { ServiceDefinition } from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, notice } from "../../platform/http/ui.ts";
import { workspaceNav } from "../inbox/index.ts";
import {
  domId,
  type FieldContext,
  fieldControl,
  shownFields,
  visiblePages,
} from "../portal/index.ts";
import { select } from "../tenants/index.ts";

type Ctx = Context<AppEnv>;
export const CHANNELS = ["post", "fax", "phone", "email", "counter"] as const;
export type Channel = (typeof CHANNELS)[number];
/** What staff typed into the receipt fields, shown again after an error. */
export type Entered = { key: string; channel: string; received: string; account: string };

/** The services a case can be entered for. */
export function chooserPage(c: Ctx, services: { slug: string; title: string }[], admin: boolean) {
  const t = c.var.t;
  const base = `/${c.var.tenant!.slug}/amt/erfassung`;
  return page(c, {
    title: t("intakeDesk.choose.title"),
    nav: workspaceNav(c, admin),
    body: html`<h1 class="kern-heading-large">${t("intakeDesk.choose.title")}</h1>
      <p class="kern-body">${t("intakeDesk.choose.intro")}</p>
      ${
        services.length === 0
          ? html`<p class="kern-body">${t("intakeDesk.choose.none")}</p>`
          : html`<ul class="kern-list">${services.map((s) => html`<li><a class="kern-link" href="${base}/${s.slug}">${s.title}</a></li>`)}</ul>`
      }`,
  });
}

/** Every page of the service's form on one staff page, after the receipt fields. */
export function intakeForm(
  c: Ctx,
  o: {
    action: string;
    def: ServiceDefinition;
    data: Record<string, unknown>;
    entered: Entered;
    errors: Map<string, string>;
    admin: boolean;
    status?: 200 | 422;
  },
) {
  const t = c.var.t;
  const pages = visiblePages(o.def, o.data);
  const shown = new Set(pages.flatMap((p) => [...shownFields(o.def, p, o.data)]));
  const ctx: FieldContext = {
    def: o.def,
    t,
    data: o.data,
    errors: o.errors,
    shown,
    fileHref: () => "#",
  };
  const title = t("intakeDesk.form.title", { service: o.def.meta.title });
  const summary = Object.fromEntries([...o.errors].map(([path, msg]) => [domId(path), msg]));
  const scanError = o.errors.get("amt_scans");
  return page(c, {
    title: `${o.errors.size > 0 ? `${t("portal.errorPrefix")} ` : ""}${title}`,
    nav: workspaceNav(c, o.admin),
    status: o.status,
    body: html`${errorSummary(c, summary)}
      <h1 class="kern-heading-large">${title}</h1>
      <form method="post" action="${o.action}" enctype="multipart/form-data" novalidate class="application-form">
        ${csrfField(c)}
        <input type="hidden" name="amt_schluessel" value="${o.entered.key}">
        <button type="submit" name="_action" value="erfassen" class="kern-sr-only" tabindex="-1" aria-hidden="true">${t("intakeDesk.submit")}</button>
        <h2 class="kern-heading-medium">${t("intakeDesk.receipt")}</h2>
        ${select({ name: "amt_kanal", label: t("intakeDesk.channel"), value: o.entered.channel, placeholder: t("portal.choose"), options: CHANNELS.map((ch) => ({ value: ch, label: t(`inbox.channel.${ch}`) })), error: o.errors.get("amt_kanal") })}
        ${field({ name: "amt_eingang", label: t("intakeDesk.received"), hint: t("intakeDesk.received.hint"), value: o.entered.received, error: o.errors.get("amt_eingang"), width: "short" })}
        <div class="kern-form-input${scanError ? " kern-form-input--error" : ""}">
          <label class="kern-label" for="amt_scans">${t("intakeDesk.scans")}</label>
          <div class="kern-hint" id="amt_scans-hint">${t("intakeDesk.scans.hint", { max: "20 MB" })}</div>
          ${scanError ? html`<p class="kern-error" id="amt_scans-error" role="alert"><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">${scanError}</span></p>` : ""}
          <input class="kern-form-input__input" id="amt_scans" name="amt_scans" type="file" multiple accept="application/pdf,image/jpeg,image/png"
            aria-describedby="amt_scans-hint${scanError ? " amt_scans-error" : ""}" ${scanError ? html`aria-invalid="true"` : ""}>
        </div>
        ${field({ name: "amt_konto", label: t("intakeDesk.account"), hint: t("intakeDesk.account.hint"), type: "email", value: o.entered.account, error: o.errors.get("amt_konto") })}
        ${pages.map(
          (p) => html`<h2 class="kern-heading-medium">${p.title}</h2>
            ${p.description ? html`<p class="kern-body">${p.description}</p>` : ""}
            ${p.fields.map((f) => fieldControl(ctx, f))}`,
        )}
        <div class="form-actions">
          <button type="submit" class="kern-btn kern-btn--primary" name="_action" value="erfassen"><span class="kern-label">${t("intakeDesk.submit")}</span></button>
        </div>
      </form>`,
  });
}

/** The entered case's reference with a link to its case file. */
export function donePage(c: Ctx, o: { caseId: string; reference: string; admin: boolean }) {
  const t = c.var.t;
  const slug = c.var.tenant!.slug;
  return page(c, {
    title: t("intakeDesk.done.title"),
    nav: workspaceNav(c, o.admin),
    body: html`${notice("success", t("intakeDesk.done.title"), t("intakeDesk.done.reference", { reference: o.reference }))}
      <h1 class="kern-heading-large">${t("intakeDesk.done.title")}</h1>
      <p class="kern-body"><a class="kern-link" href="/${slug}/amt/vorgaenge/${o.caseId}">${t("intakeDesk.done.open", { reference: o.reference })}</a></p>
      <p class="kern-body"><a class="kern-link" href="/${slug}/amt/erfassung">${t("intakeDesk.done.another")}</a></p>`,
  });
}
