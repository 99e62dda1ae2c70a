import type { Context } from "hono";
import { html } from "hono/html";
import { PLATFORM_PLACEHOLDERS, textGaps } from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, submitButton } from "../../platform/http/ui.ts";
import { textarea } from "../tenants/index.ts";
import type { TextBlockRow } from "./textblocks.repository.ts";

type Status = 200 | 404 | 409 | 422;

export const textBlocksBase = (c: Context<AppEnv>) =>
  `/${c.var.tenant!.slug}/amt/verwaltung/textbausteine`;

function backLink(c: Context<AppEnv>) {
  return html`<p class="kern-body"><a class="kern-link" href="/${c.var.tenant!.slug}/amt/verwaltung/">${c.var.t("tenants.admin.back")}</a></p>`;
}

function when(c: Context<AppEnv>, d: Date): string {
  return new Intl.DateTimeFormat(c.var.locale === "en" ? "en-GB" : "de-DE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(d);
}

/** The placeholders a library block may use, listed from the core's vocabulary. */
function placeholderHint(c: Context<AppEnv>): string {
  const names = (root: keyof typeof PLATFORM_PLACEHOLDERS) => {
    const keys: readonly string[] = PLATFORM_PLACEHOLDERS[root];
    return keys.length === 0 ? [`{{${root}}}`] : keys.map((k) => `{{${root}.${k}}}`);
  };
  const roots = ["tenant", "case", "applicant", "fees", "today"] as const;
  return c.var.t("textblocks.placeholders", {
    list: roots.flatMap(names).join(", "),
    payment: names("payment").join(", "),
  });
}

/** The municipality's text blocks and the form for a new one. */
export function textBlocksPage(
  c: Context<AppEnv>,
  o: {
    blocks: TextBlockRow[];
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const base = textBlocksBase(c);
  const e = o.errors ?? {};
  return page(c, {
    title: t("textblocks.admin.title"),
    status: o.status,
    body: html`${backLink(c)}
      <h1 class="kern-title kern-title--large">${t("textblocks.admin.title")}</h1>
      ${errorSummary(c, e)}
      <p class="kern-body">${t("textblocks.admin.lead")}</p>
      ${
        o.blocks.length === 0
          ? html`<p class="kern-body">${t("textblocks.none")}</p>`
          : html`<div class="kern-table-responsive"><table class="kern-table">
        <caption class="kern-title kern-title--small">${t("textblocks.list")}</caption>
        <thead class="kern-table__header"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("textblocks.field.key")}</th>
          <th scope="col" class="kern-table__header">${t("textblocks.field.title")}</th>
          <th scope="col" class="kern-table__header kern-table__header--numeric">${t("textblocks.column.version")}</th>
          <th scope="col" class="kern-table__header">${t("textblocks.column.changed")}</th>
          <th scope="col" class="kern-table__header">${t("textblocks.column.actions")}</th>
        </tr></thead>
        <tbody class="kern-table__body">${o.blocks.map(
          (b) => html`<tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">${b.key}</th>
            <td class="kern-table__cell">${b.title ?? ""}${
              textGaps(b.text).length > 0
                ? html` <span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">${t("textblocks.gap.badge")}</span></span>`
                : ""
            }</td>
            <td class="kern-table__cell kern-table__cell--numeric">${b.version}</td>
            <td class="kern-table__cell">${b.updated_by_name ? t("textblocks.changedBy", { when: when(c, b.updated_at), name: b.updated_by_name }) : when(c, b.updated_at)}</td>
            <td class="kern-table__cell"><a class="kern-link" href="${base}/${b.key}">${t("textblocks.edit")}<span class="kern-sr-only">: ${b.key}</span></a></td>
          </tr>`,
        )}</tbody></table></div>`
      }
      <h2 class="kern-title">${t("textblocks.new")}</h2>
      <form method="post" action="${base}" novalidate>
        ${csrfField(c)}
        ${field({ name: "key", label: t("textblocks.field.key"), hint: t("textblocks.field.key.hint"), value: o.values?.key, error: e.key, required: true, autocomplete: "off" })}
        ${field({ name: "title", label: t("textblocks.field.title"), value: o.values?.title, error: e.title, autocomplete: "off" })}
        ${textarea({ name: "text", label: t("textblocks.field.text"), hint: placeholderHint(c), value: o.values?.text, error: e.text, required: true, rows: 8 })}
        ${submitButton(t("textblocks.create"))}
      </form>`,
  });
}

/** A block with a gap to fill ("[… eintragen]"): no service can print it until it is filled. */
function gapNotice(c: Context<AppEnv>, text: string) {
  const gaps = textGaps(text);
  if (gaps.length === 0) return "";
  return html`<div class="kern-alert kern-alert--warning" role="status">
    <div class="kern-alert__header"><span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
      <h2 class="kern-title">${c.var.t("textblocks.gap.title")}</h2></div>
    <div class="kern-alert__body"><p class="kern-body">${c.var.t("textblocks.gap.body")}</p>
      <ul class="kern-list">${gaps.map((g) => html`<li>${g}</li>`)}</ul></div></div>`;
}

/** One block: change title and text (the next version), or delete it. */
export function textBlockPage(
  c: Context<AppEnv>,
  o: {
    block: { key: string; title: string | null; text: string; version: number };
    values?: Record<string, string>;
    errors?: FieldErrors;
    status?: Status;
  },
) {
  const t = c.var.t;
  const action = `${textBlocksBase(c)}/${o.block.key}`;
  const e = o.errors ?? {};
  const v = o.values ?? {};
  const title = t("textblocks.editTitle", { key: o.block.key });
  return page(c, {
    title,
    status: o.status,
    body: html`${backLink(c)}
      <p class="kern-body"><a class="kern-link" href="${textBlocksBase(c)}">${t("textblocks.admin.title")}</a></p>
      <h1 class="kern-title kern-title--large">${title}</h1>
      ${errorSummary(c, e)}
      <p class="kern-body">${t("textblocks.versionInfo", { version: o.block.version, next: o.block.version + 1 })}</p>
      ${gapNotice(c, o.block.text)}
      <form method="post" action="${action}" novalidate>
        ${csrfField(c)}
        <input type="hidden" name="version" value="${v.version ?? String(o.block.version)}">
        ${field({ name: "title", label: t("textblocks.field.title"), value: v.title ?? o.block.title ?? "", error: e.title, autocomplete: "off" })}
        ${textarea({ name: "text", label: t("textblocks.field.text"), hint: placeholderHint(c), value: v.text ?? o.block.text, error: e.text, required: true, rows: 12 })}
        ${submitButton(t("textblocks.save"))}
      </form>
      <h2 class="kern-title">${t("textblocks.delete")}</h2>
      <p class="kern-body">${t("textblocks.deleteHint")}</p>
      <form method="post" action="${action}/loeschen">
        ${csrfField(c)}
        ${submitButton(t("textblocks.delete"), "secondary")}
      </form>`,
  });
}
