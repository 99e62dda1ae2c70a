import type { Context } from "hono";
import { html } from "hono/html";
import {
  assessFees,
  type CaseState,
  caseContext,
  type FieldDef,
  formatCents,
  germanDate,
  type ServiceDefinition,
} from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, type Html, notice } from "../../platform/http/ui.ts";
import type { DraftListRow } from "./drafts.service.ts";
import { type FormData, shownFields, visiblePages } from "./form-state.ts";
import { displayValue, type FieldContext, fieldControl, optionsOf } from "./portal.fields.ts";

type Ctx = Context<AppEnv>;
type PageDef = ServiceDefinition["form"]["pages"][number];

/** The service page: what it is, documents, fees, processing time, legal basis, start button. */
export function servicePage(c: Ctx, base: string, def: ServiceDefinition, hasDraft: boolean) {
  const t = c.var.t;
  const m = def.meta;
  return page(c, {
    title: m.title,
    body: html`<h1 class="kern-title kern-title--large">${m.title}</h1>
      <p class="kern-body kern-body--large">${m.description}</p>
      <h2 class="kern-title">${t("portal.service.who")}</h2>
      <p class="kern-body">${t("portal.service.whoText", { orgUnit: m.orgUnit })}</p>
      <h2 class="kern-title">${t("portal.service.documents")}</h2>
      ${
        m.requiredDocuments.length === 0
          ? html`<p class="kern-body">${t("portal.service.noDocuments")}</p>`
          : html`<ul class="kern-list">${m.requiredDocuments.map(
              (d) =>
                html`<li>${d.title}${d.optional ? ` ${t("portal.optional")}` : ""}${d.description ? html`<br><span class="kern-body--small">${d.description}</span>` : ""}</li>`,
            )}</ul>`
      }
      <h2 class="kern-title">${t("portal.service.time")}</h2>
      <p class="kern-body">${t(`portal.service.time.${m.processingTime.unit}`, { n: m.processingTime.value })}</p>
      <h2 class="kern-title">${t("portal.service.fees")}</h2>
      ${feeList(c, def)}
      <h2 class="kern-title">${t("portal.service.legal")}</h2>
      <ul class="kern-list">${m.legalBasis.map((l) => html`<li>${l}</li>`)}</ul>
      <p class="kern-body"><a class="kern-btn kern-btn--primary" href="${base}/antrag"><span class="kern-label">${t(hasDraft ? "portal.service.continue" : "portal.service.start")}</span></a></p>`,
  });
}

function feeList(c: Ctx, def: ServiceDefinition): Html {
  const t = c.var.t;
  const items = def.fees?.items ?? [];
  if (items.length === 0) return html`<p class="kern-body">${t("portal.service.noFees")}</p>`;
  return html`<ul class="kern-list">${items.map(
    (i) =>
      html`<li>${i.label}: ${typeof i.amount === "number" && !i.when ? formatCents(i.amount) : t("portal.service.feeDepends")} <span class="kern-body--small">(${i.legalBasis})</span></li>`,
  )}</ul>`;
}

/** The fee the engine computes for the data so far, or nothing when it cannot yet. */
function feePreview(c: Ctx, def: ServiceDefinition, data: FormData): Html | "" {
  if (!def.fees) return "";
  let result: ReturnType<typeof assessFees> | undefined;
  try {
    const state = { status: "", version: 0 } as unknown as CaseState;
    result = assessFees(def, caseContext(def, state, data, germanDate(new Date())));
  } catch {
    result = undefined;
  }
  const t = c.var.t;
  return html`<aside class="fee-preview" aria-labelledby="gebuehr-titel">
    <h2 class="kern-title kern-title--small" id="gebuehr-titel">${t("portal.fee.title")}</h2>
    ${
      result?.ok
        ? html`<p class="kern-body">${t("portal.fee.total", { amount: formatCents(result.assessment.totalCents) })}</p>
          ${result.assessment.lines.length > 1 ? html`<ul class="kern-list">${result.assessment.lines.map((l) => html`<li>${l.label}: ${formatCents(l.amountCents)}</li>`)}</ul>` : ""}`
        : html`<p class="kern-body">${t("portal.fee.later")}</p>`
    }</aside>`;
}

/** The KERN task list: every page of the form with its state. */
function progress(c: Ctx, base: string, def: ServiceDefinition, data: FormData, current: string) {
  const t = c.var.t;
  const pages = visiblePages(def, data);
  const at = pages.findIndex((p) => p.id === current);
  return html`<nav class="kern-task-list" aria-label="${t("portal.progress")}"><ol class="kern-task-list__list">
    ${pages.map((p, i) => {
      const state =
        i < at || current === "zusammenfassung" ? "done" : i === at ? "current" : "open";
      return html`<li class="kern-task-list__item"><div class="kern-task-list__content-wrapper">
        <span class="kern-task-list__title">${i < at || current === "zusammenfassung" ? html`<a class="kern-link" href="${base}/antrag/${p.id}">${p.title}</a>` : i === at ? html`<span aria-current="step">${p.title}</span>` : p.title}</span>
        <span class="kern-task-list__status">${t(`portal.progress.${state}`)}</span></div></li>`;
    })}
    <li class="kern-task-list__item"><div class="kern-task-list__content-wrapper"><span class="kern-task-list__title">${current === "zusammenfassung" ? html`<span aria-current="step">${t("portal.summary.title")}</span>` : t("portal.summary.title")}</span>
      <span class="kern-task-list__status">${t(current === "zusammenfassung" ? "portal.progress.current" : "portal.progress.open")}</span></div></li>
  </ol></nav>`;
}

export type FormPageOpts = {
  base: string;
  def: ServiceDefinition;
  page: PageDef;
  data: FormData;
  errors: Map<string, string>;
  status?: 200 | 400 | 413 | 422;
  note?: string;
  isFirst: boolean;
  anonymous: boolean;
};

/** One page of the application form. */
export function formPage(c: Ctx, o: FormPageOpts) {
  const t = c.var.t;
  const shown = shownFields(o.def, o.page, o.data);
  const ctx: FieldContext = {
    def: o.def,
    t,
    data: o.data,
    errors: o.errors,
    shown,
    fileHref: (id) => `${o.base}/antrag/datei/${id}`,
  };
  const summary = Object.fromEntries([...o.errors].map(([path, msg]) => [anchor(path), msg]));
  const pages = visiblePages(o.def, o.data);
  const n = pages.findIndex((p) => p.id === o.page.id) + 1;
  return page(c, {
    title: `${o.errors.size > 0 ? `${t("portal.errorPrefix")} ` : ""}${o.page.title} – ${o.def.meta.title}`,
    status: o.status,
    body: html`<p class="kern-preline">${o.def.meta.title}</p>
      ${progress(c, o.base, o.def, o.data, o.page.id)}
      ${errorSummary(c, summary)}
      ${o.note ? notice("info", o.note) : ""}
      <h1 class="kern-title kern-title--large"><span class="kern-body kern-body--small step">${t("portal.step", { n, of: pages.length })}</span> ${o.page.title}</h1>
      ${o.page.description ? html`<p class="kern-body">${o.page.description}</p>` : ""}
      <form method="post" action="${o.base}/antrag/${o.page.id}" enctype="multipart/form-data" novalidate class="application-form">
        ${csrfField(c)}
        <button type="submit" name="_action" value="weiter" class="kern-sr-only" tabindex="-1" aria-hidden="true">${t("portal.next")}</button>
        ${o.page.fields.map((f) => fieldControl(ctx, f))}
        ${feePreview(c, o.def, o.data)}
        <div class="form-actions">
          <button type="submit" class="kern-btn kern-btn--primary" name="_action" value="weiter"><span class="kern-label">${t("portal.next")}</span></button>
          ${o.isFirst ? "" : html`<button type="submit" class="kern-btn kern-btn--secondary" name="_action" value="zurueck"><span class="kern-label">${t("portal.back")}</span></button>`}
          <button type="submit" class="kern-btn kern-btn--tertiary" name="_action" value="speichern"><span class="kern-label">${t(o.anonymous ? "portal.saveForLater" : "portal.saveToAccount")}</span></button>
        </div>
      </form>`,
  });
}

/** The error summary links to the element showing a path's error (composites: their fieldset). */
function anchor(path: string): string {
  return path.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-");
}

function readable(c: Ctx, def: ServiceDefinition, f: FieldDef, v: unknown): string {
  const t = c.var.t;
  if (v === undefined || v === null || v === "") return t("portal.summary.empty");
  switch (f.type) {
    case "boolean":
      return t(v === true ? "portal.yes" : "portal.no");
    case "money":
      return typeof v === "number" ? formatCents(v) : String(v);
    case "select":
    case "radio":
      return optionsOf(def, f).find((o) => o.value === v)?.label ?? String(v);
    case "multiselect":
      return Array.isArray(v)
        ? v.map((x) => optionsOf(def, f).find((o) => o.value === x)?.label ?? x).join(", ")
        : String(v);
    case "address": {
      const a = v as Record<string, string>;
      return [
        `${a.street ?? ""} ${a.houseNumber ?? ""}`.trim(),
        a.addition,
        `${a.postcode ?? ""} ${a.city ?? ""}`.trim(),
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "personName": {
      const p = v as Record<string, string>;
      return [p.givenName, p.familyName].filter(Boolean).join(" ");
    }
    case "file": {
      const files = (Array.isArray(v) ? v : [v]) as { name: string }[];
      return files.map((x) => x.name).join(", ");
    }
    default:
      return displayValue(f.type, v);
  }
}

/** The summary before submitting: every visible page with its answers and an "ändern" link. */
export function summaryPage(
  c: Ctx,
  o: {
    base: string;
    def: ServiceDefinition;
    data: FormData;
    errors: Map<string, string>;
    status?: 200 | 422;
  },
) {
  const t = c.var.t;
  const pages = visiblePages(o.def, o.data);
  const summary = Object.fromEntries(
    [...o.errors].map(([path, msg]) => [`seite-${pageOf(o.def, path) ?? "fehler"}`, msg]),
  );
  return page(c, {
    title: `${o.errors.size > 0 ? `${t("portal.errorPrefix")} ` : ""}${t("portal.summary.title")} – ${o.def.meta.title}`,
    status: o.status,
    body: html`<p class="kern-preline">${o.def.meta.title}</p>
      ${progress(c, o.base, o.def, o.data, "zusammenfassung")}
      ${errorSummary(c, summary)}
      <h1 class="kern-title kern-title--large">${t("portal.summary.title")}</h1>
      <p class="kern-body">${t("portal.summary.intro")}</p>
      ${pages.map((p) => {
        const shown = shownFields(o.def, p, o.data);
        return html`<section class="summary-page" id="seite-${p.id}" aria-labelledby="seite-${p.id}-titel">
          <h2 class="kern-title" id="seite-${p.id}-titel">${p.title}</h2>
          <p class="kern-body"><a class="kern-link" href="${o.base}/antrag/${p.id}">${t("portal.summary.change")}<span class="kern-sr-only"> ${p.title}</span></a></p>
          <dl class="kern-description-list">
            ${p.fields.filter((f) => f.type !== "info" && shown.has(f.id)).map((f) => summaryRows(c, o.def, f, o.data, shown))}
          </dl></section>`;
      })}
      ${feePreview(c, o.def, o.data)}
      <form method="post" action="${o.base}/antrag/absenden">
        ${csrfField(c)}
        <p class="kern-body">${t("portal.summary.declaration")}</p>
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">${t("portal.submit")}</span></button>
      </form>`,
  });
}

function summaryRows(
  c: Ctx,
  def: ServiceDefinition,
  f: FieldDef,
  data: FormData,
  shown: Set<string>,
): Html {
  if (f.type !== "group")
    return html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${f.label}</dt>
      <dd class="kern-description-list-item__value">${readable(c, def, f, data[f.id])}</dd></div>`;
  const items = Array.isArray(data[f.id]) ? (data[f.id] as FormData[]) : [];
  return html`${items.map((item, i) =>
    f.fields
      .filter((s) => s.type !== "info" && shown.has(`${f.id}[${i}].${s.id}`))
      .map(
        (
          s,
        ) => html`<div class="kern-description-list-item"><dt class="kern-description-list-item__key">${f.itemLabel ?? f.label} ${i + 1}: ${s.label}</dt>
          <dd class="kern-description-list-item__value">${readable(c, def, s, item[s.id])}</dd></div>`,
      ),
  )}`;
}

/** The page of the form holding the field at `path`. */
export function pageOf(def: ServiceDefinition, path: string): string | undefined {
  const root = path.split(/[.[]/)[0];
  return def.form.pages.find((p) => p.fields.some((f) => f.id === root))?.id;
}

/** After submitting: the case reference (Aktenzeichen) and the receipt. */
export function confirmationPage(
  c: Ctx,
  o: { def: ServiceDefinition; reference: string; receiptUrl?: string; signedIn: boolean },
) {
  const t = c.var.t;
  return page(c, {
    title: t("portal.done.title"),
    body: html`<div class="kern-alert kern-alert--success" role="status"><div class="kern-alert__header">
        <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
        <h1 class="kern-title kern-title--large">${t("portal.done.title")}</h1></div>
        <div class="kern-alert__body"><p class="kern-body">${t("portal.done.reference")} <strong class="case-reference">${o.reference}</strong></p></div></div>
      <p class="kern-body">${t("portal.done.text", { service: o.def.meta.title })}</p>
      ${o.receiptUrl ? html`<p class="kern-body"><a class="kern-link" href="${o.receiptUrl}" download>${t("portal.done.receipt")}</a></p>` : ""}
      ${o.signedIn ? html`<p class="kern-body"><a class="kern-link" href="/konto/">${t("portal.done.account")}</a></p>` : ""}`,
  });
}

/** Asking for the address to which the resume link goes (anonymous applicants). */
export function saveForLaterPage(
  c: Ctx,
  o: {
    base: string;
    def: ServiceDefinition;
    email: string;
    error?: string;
    sent?: boolean;
    days: number;
  },
) {
  const t = c.var.t;
  return page(c, {
    title: `${o.error ? `${t("portal.errorPrefix")} ` : ""}${t("portal.resume.title")}`,
    status: o.error ? 422 : 200,
    body: html`<p class="kern-preline">${o.def.meta.title}</p>
      ${errorSummary(c, o.error ? { email: o.error } : undefined)}
      <h1 class="kern-title kern-title--large">${t("portal.resume.title")}</h1>
      ${
        o.sent
          ? html`${notice("success", t("portal.resume.sent"), t("portal.resume.sentText", { days: o.days }))}
            <p class="kern-body"><a class="kern-link" href="${o.base}/antrag">${t("portal.resume.back")}</a></p>`
          : html`<p class="kern-body">${t("portal.resume.intro", { days: o.days })}</p>
            <form method="post" action="${o.base}/antrag/speichern" novalidate>
              ${csrfField(c)}
              ${field({ name: "email", label: t("portal.resume.email"), type: "email", autocomplete: "email", value: o.email, error: o.error })}
              <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">${t("portal.resume.send")}</span></button>
            </form>
            <p class="kern-body"><a class="kern-link" href="${o.base}/antrag">${t("portal.resume.back")}</a></p>`
      }`,
  });
}

/** `/konto/entwuerfe`: the citizen's unfinished applications. */
export function draftsPage(c: Ctx, drafts: DraftListRow[]) {
  const t = c.var.t;
  return page(c, {
    title: t("portal.drafts.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("portal.drafts.title")}</h1>
      ${
        drafts.length === 0
          ? html`<p class="kern-body">${t("portal.drafts.none")}</p>`
          : html`<ul class="kern-list draft-list">${drafts.map(
              (d) => html`<li><h2 class="kern-title kern-title--small">${d.title}</h2>
                <p class="kern-body">${d.tenant_name} · ${t("portal.drafts.until", { date: displayValue("date", germanDate(d.expires_at)) })}</p>
                <p class="kern-body"><a class="kern-link" href="/${d.tenant_slug}/dienste/${d.service_slug}/antrag">${t("portal.drafts.resume")}<span class="kern-sr-only"> ${d.title}</span></a></p>
                <form method="post" action="/konto/entwuerfe/${d.id}/loeschen">${csrfField(c)}
                  <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">${t("portal.drafts.delete")}<span class="kern-sr-only"> ${d.title}</span></span></button></form></li>`,
            )}</ul>`
      }`,
  });
}
