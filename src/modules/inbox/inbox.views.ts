import type { Context } from "hono";
import { html } from "hono/html";
import type { Role } from "../../platform/db/schema.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import type { FieldErrors } from "../../platform/http/forms.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, errorSummary, field, type Html, notice } from "../../platform/http/ui.ts";
import { staffRoles } from "../accounts/index.ts";
import { select } from "../tenants/index.ts";
import { type Filters, VIEWS, type View } from "./inbox.repository.ts";
import { encodeCursor, type InboxEntry, type InboxPage } from "./inbox.service.ts";

const CHANNELS = ["online", "api", "post", "fax", "phone", "email", "counter"] as const;

export type InboxQuery = { view: View; sort: "eingang" | "frist"; filters: Filters };

/**
 * The workspace's navigation: each page the person's roles open (the same roles its route
 * guards ask for), and the security settings for everyone.
 */
export function workspaceNav(c: Context<AppEnv>, admin: boolean) {
  const t = c.var.t;
  const base = `/${c.var.tenant!.slug}/amt`;
  const roles = staffRoles(c);
  const any = (...wanted: Role[]) => admin || wanted.some((r) => roles.includes(r));
  const links: [boolean, string, string][] = [
    [any("caseworker", "approver", "auditor"), `${base}/`, "inbox.nav.inbox"],
    [any("caseworker"), `${base}/erfassung`, "intakeDesk.nav"],
    [any("caseworker", "approver"), `${base}/sammelaktion`, "casework.bulk.title"],
    [any("caseworker", "approver", "auditor"), `${base}/statistik`, "casework.stats.title"],
    [any("caseworker", "approver"), `${base}/postausgang`, "notices.print.title"],
    [true, `${base}/sicherheit`, "inbox.nav.security"],
    [roles.includes("designer"), `/${c.var.tenant!.slug}/studio/`, "inbox.nav.studio"],
    [admin, `${base}/verwaltung/`, "inbox.nav.administration"],
  ];
  return links.filter(([shown]) => shown).map(([, href, key]) => ({ href, label: t(key) }));
}

/** The query string of the inbox for a view, filters and sort (cursor optional). */
export function inboxHref(c: Context<AppEnv>, q: InboxQuery, after?: string): string {
  const f = q.filters;
  const params = new URLSearchParams();
  if (q.view !== "meine") params.set("ansicht", q.view);
  const entries: [string, string | undefined][] = [
    ["suche", f.q],
    ["dienst", f.serviceId],
    ["status", f.status],
    ["von", f.receivedFrom],
    ["bis", f.receivedTo],
    ["bearbeitung", f.assignee],
    ["kanal", f.channel],
  ];
  for (const [k, v] of entries) if (v) params.set(k, v);
  if (q.sort !== "eingang") params.set("sortierung", q.sort);
  if (after) params.set("nach", after);
  const s = params.toString();
  return `/${c.var.tenant!.slug}/amt/${s ? `?${s}` : ""}`;
}

// Built once: a formatter per row and column cost more than the rest of the page's rendering.
const dateFormats = {
  de: new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "Europe/Berlin" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/Berlin" }),
};

function dateText(c: Context<AppEnv>, d: Date | string): string {
  const date = typeof d === "string" ? new Date(`${d}T12:00:00Z`) : d;
  return dateFormats[c.var.locale === "en" ? "en" : "de"].format(date);
}

function viewNav(c: Context<AppEnv>, q: InboxQuery, p: InboxPage) {
  const t = c.var.t;
  return html`<nav aria-label="${t("inbox.views")}"><ul class="kern-list inbox-views">
    ${VIEWS.map((v) => {
      const count = v === "alle" ? undefined : p.counts[v];
      const href = inboxHref(c, { view: v, sort: q.sort, filters: {} });
      return html`<li><a class="kern-link" href="${href}" ${v === q.view ? html`aria-current="page"` : ""}>${t(`inbox.view.${v}`)}${
        count === undefined
          ? ""
          : html` <span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small"><span class="kern-sr-only">(</span>${count}<span class="kern-sr-only">)</span></span></span>`
      }</a></li>`;
    })}
  </ul></nav>`;
}

function filterForm(
  c: Context<AppEnv>,
  q: InboxQuery,
  p: InboxPage,
  errors?: FieldErrors,
  raw: Record<string, string> = {},
) {
  const t = c.var.t;
  const f = q.filters;
  const any = t("inbox.filter.any");
  return html`<form method="get" action="/${c.var.tenant!.slug}/amt/" class="inbox-filters">
    <fieldset class="kern-fieldset"><legend class="kern-label">${t("inbox.filters")}</legend>
    <input type="hidden" name="ansicht" value="${q.view}">
    ${field({ name: "suche", label: t("inbox.search"), hint: t("inbox.search.hint"), value: raw.suche ?? f.q ?? "", error: errors?.suche })}
    ${select({ name: "dienst", label: t("inbox.filter.service"), value: f.serviceId, placeholder: any, options: p.services.map((s) => ({ value: s.id, label: s.title })) })}
    ${select({ name: "status", label: t("inbox.filter.status"), value: f.status, placeholder: any, options: p.statuses.map((s) => ({ value: s.id, label: s.title })) })}
    ${field({ name: "von", label: t("inbox.filter.from"), hint: t("inbox.date.hint"), value: raw.von ?? f.receivedFrom ?? "", error: errors?.von, width: "short" })}
    ${field({ name: "bis", label: t("inbox.filter.to"), hint: t("inbox.date.hint"), value: raw.bis ?? f.receivedTo ?? "", error: errors?.bis, width: "short" })}
    ${select({ name: "bearbeitung", label: t("inbox.filter.assignee"), value: f.assignee, placeholder: any, options: [{ value: "none", label: t("inbox.filter.nobody") }, ...p.members.map((m) => ({ value: m.id, label: m.name }))] })}
    ${select({ name: "kanal", label: t("inbox.filter.channel"), value: f.channel, placeholder: any, options: CHANNELS.map((ch) => ({ value: ch, label: t(`inbox.channel.${ch}`) })) })}
    ${select({
      name: "sortierung",
      label: t("inbox.sort"),
      value: q.sort,
      options: [
        { value: "eingang", label: t("inbox.sort.eingang") },
        { value: "frist", label: t("inbox.sort.frist") },
      ],
    })}
    <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">${t("inbox.apply")}</span></button>
    <a class="kern-link" href="${inboxHref(c, { view: q.view, sort: "eingang", filters: {} })}">${t("inbox.reset")}</a>
    </fieldset>
  </form>`;
}

function dueCell(c: Context<AppEnv>, r: InboxEntry, today: string): Html {
  const t = c.var.t;
  const parts: Html[] = [];
  if (r.due_date) {
    parts.push(
      html`${dateText(c, r.due_date)}${r.due_date < today ? html` <strong>(${t("inbox.overdue")})</strong>` : ""}`,
    );
  }
  if (r.follow_up) {
    parts.push(html`${t("inbox.followUp", { date: dateText(c, r.follow_up) })}`);
  }
  return html`${parts.map((p, i) => html`${i > 0 ? html`<br>` : ""}${p}`)}`;
}

function rowActions(c: Context<AppEnv>, r: InboxEntry, me: string): Html {
  const t = c.var.t;
  const base = `/${c.var.tenant!.slug}/amt/vorgaenge/${r.id}`;
  const back = html`<input type="hidden" name="zurueck" value="${c.req.path + (new URL(c.req.url).search || "")}">`;
  const button = (path: string, label: string) =>
    html`<form method="post" action="${base}/${path}" class="inline-form">${csrfField(c)}
      <input type="hidden" name="version" value="${r.version}">${back}
      <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">${label}<span class="kern-sr-only">: ${r.reference}</span></span></button></form>`;
  return html`${r.assignee_id === me ? button("abgeben", t("inbox.release")) : button("uebernehmen", t("inbox.claim"))}
    <a class="kern-link" href="${base}/zuweisen">${t("inbox.reassign")}<span class="kern-sr-only">: ${r.reference}</span></a>`;
}

function table(c: Context<AppEnv>, q: InboxQuery, p: InboxPage, me: string, today: string) {
  const t = c.var.t;
  if (p.rows.length === 0) return html`<p class="kern-body">${t("inbox.none")}</p>`;
  const th = (key: string) => html`<th scope="col" class="kern-table__header">${t(key)}</th>`;
  return html`<div class="kern-table-responsive"><table class="kern-table">
    <caption class="kern-title kern-title--small">${t("inbox.table", { view: t(`inbox.view.${q.view}`) })}</caption>
    <thead class="kern-table__header"><tr class="kern-table__row">
      ${th("inbox.col.reference")}${th("inbox.col.service")}${th("inbox.col.applicant")}${th("inbox.col.status")}
      ${th("inbox.col.received")}${th("inbox.col.due")}${th("inbox.col.assignee")}${th("inbox.col.actions")}
    </tr></thead>
    <tbody class="kern-table__body">${p.rows.map(
      (r) => html`<tr class="kern-table__row">
        <th scope="row" class="kern-table__cell"><a class="kern-link" href="/${c.var.tenant!.slug}/amt/vorgaenge/${r.id}">${r.reference}</a></th>
        <td class="kern-table__cell">${r.serviceTitle}</td>
        <td class="kern-table__cell">${r.applicant_name ?? ""}</td>
        <td class="kern-table__cell">${r.statusTitle}${r.pending_by ? html`<br>${t("inbox.pending")}` : ""}</td>
        <td class="kern-table__cell">${dateText(c, r.received_at)}<br>${t(`inbox.channel.${r.channel}`)}</td>
        <td class="kern-table__cell">${dueCell(c, r, today)}</td>
        <td class="kern-table__cell">${r.assignee_name ?? t("inbox.unassigned")}</td>
        <td class="kern-table__cell">${rowActions(c, r, me)}</td>
      </tr>`,
    )}</tbody></table></div>`;
}

/** The inbox: views with counts, search and filters, one page of cases, the next-page link. */
export function inboxPageView(
  c: Context<AppEnv>,
  o: {
    q: InboxQuery;
    page: InboxPage;
    me: string;
    admin: boolean;
    today: string;
    paged: boolean;
    errors?: FieldErrors;
    /** What the person typed, shown again next to its error. */
    raw?: Record<string, string>;
    problem?: string;
    status?: 200 | 409 | 422;
  },
) {
  const t = c.var.t;
  const p = o.page;
  return page(c, {
    title: t("inbox.title"),
    nav: workspaceNav(c, o.admin),
    status: o.status,
    body: html`${errorSummary(c, o.errors)}${o.problem ? notice("danger", o.problem) : ""}
      <h1 class="kern-heading-large">${t("inbox.title")}</h1>
      ${viewNav(c, o.q, p)}
      ${filterForm(c, o.q, p, o.errors, o.raw)}
      ${table(c, o.q, p, o.me, o.today)}
      <p class="kern-body">
        ${o.paged ? html`<a class="kern-link" href="${inboxHref(c, o.q)}">${t("inbox.first")}</a> ` : ""}
        ${p.next ? html`<a class="kern-link" rel="next" href="${inboxHref(c, o.q, encodeCursor(p.next))}">${t("inbox.next")}</a>` : ""}
      </p>`,
  });
}

/** For staff without casework roles: the workspace start with its links. */
export function noInboxPage(c: Context<AppEnv>, admin: boolean) {
  const t = c.var.t;
  return page(c, {
    title: t("inbox.title"),
    nav: workspaceNav(c, admin),
    body: html`<h1 class="kern-heading-large">${t("inbox.title")}</h1>
      <p class="kern-body">${t("inbox.noAccess")}</p>
      <ul class="kern-list">${workspaceNav(c, admin)
        .slice(1)
        .map((l) => html`<li><a class="kern-link" href="${l.href}">${l.label}</a></li>`)}</ul>`,
  });
}

/** Reassign a case to a person and/or another org unit. */
export function assignPageView(
  c: Context<AppEnv>,
  o: {
    reference: string;
    caseId: string;
    version: number;
    members: { id: string; name: string }[];
    orgUnits: { id: string; name: string }[];
    current: { assignee: string | null; orgUnit: string | null };
    admin: boolean;
    problem?: string;
    status?: 200 | 409;
  },
) {
  const t = c.var.t;
  const title = t("inbox.assign.title", { reference: o.reference });
  const slug = c.var.tenant!.slug;
  return page(c, {
    title,
    nav: workspaceNav(c, o.admin),
    status: o.status,
    body: html`${o.problem ? notice("danger", o.problem) : ""}
      <h1 class="kern-heading-large">${title}</h1>
      <form method="post" action="/${slug}/amt/vorgaenge/${o.caseId}/zuweisen">${csrfField(c)}
        <input type="hidden" name="version" value="${o.version}">
        ${select({ name: "person", label: t("inbox.assign.person"), value: o.current.assignee ?? "", placeholder: t("inbox.filter.nobody"), options: o.members.map((m) => ({ value: m.id, label: m.name })) })}
        ${select({ name: "organisationseinheit", label: t("inbox.assign.orgUnit"), value: "", placeholder: t("inbox.assign.keep"), options: o.orgUnits.map((u) => ({ value: u.id, label: u.name + (u.id === o.current.orgUnit ? " ✓" : "") })) })}
        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">${t("inbox.assign.submit")}</span></button>
      </form>
      <p class="kern-body"><a class="kern-link" href="/${slug}/amt/">${t("inbox.assign.back")}</a></p>`,
  });
}
