import type { Context } from "hono";
import { html } from "hono/html";
import { formatCents, germanDateText } from "../../core/index.ts";
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
import { presentSubmission, presentValue } from "../documents/index.ts";
import { documentsSection } from "../notices/index.ts";
import { textarea } from "../tenants/index.ts";
import { formatDate, isoDate, item, kb, para, textBlock } from "./casefile.format.ts";
import type { CaseFile, HistoryEntry } from "./casefile.service.ts";

export type CaseFileState = {
  /** A refusal of the whole page (stale version, action no longer possible). */
  refusal?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

type Status = 200 | 409 | 422;

const h2 = (id: string, text: string) =>
  html`<h2 class="kern-title casefile__heading" id="${id}">${text}</h2>`;

/**
 * The case file: header, actions for this person, pending approval, submitted data by the
 * definition, fees, attachments and documents, history, messages, internal notes, access log.
 */
export function caseFilePage(
  c: Context<AppEnv>,
  base: string,
  f: CaseFile,
  s: CaseFileState = {},
  status: Status = 200,
) {
  const t = c.var.t;
  const row = f.row;
  return page(c, {
    title: t("casefile.title", { reference: row.reference }),
    status,
    body: html`<h1 class="kern-title kern-title--large">${t("casefile.title", { reference: row.reference })}</h1>
      ${s.refusal ? notice("danger", s.refusal) : ""}
      ${errorSummary(c, s.errors)}
      ${header(c, f)}
      ${pendingSection(c, base, f)}
      ${actionsSection(c, base, f)}
      ${dataSection(c, f)}
      ${feesSection(c, f)}
      ${filesSection(c, base, f)}
      ${historySection(c, f)}
      ${messagesSection(c, base, f, s)}
      ${notesSection(c, base, f, s)}
      ${f.accessLog ? accessSection(c, f) : ""}`,
  });
}

function header(c: Context<AppEnv>, f: CaseFile): Html {
  const t = c.var.t;
  const state = f.row.state;
  const assignee = f.assigneeName ?? state.assignedTo?.orgUnit ?? t("casefile.unassigned");
  return html`<dl class="kern-description-list">
    ${item(t("casefile.field.reference"), f.row.reference)}
    ${item(t("casefile.field.service"), f.def.meta.title)}
    ${item(t("casefile.field.status"), html`${f.status?.title ?? f.row.status} <span class="kern-badge">${t(`casefile.kind.${f.status?.kind ?? "open"}`)}</span>`)}
    ${item(t("casefile.field.received"), formatDate(c, f.row.received_at))}
    ${item(t("casefile.field.channel"), t(`casefile.channel.${f.row.channel}`))}
    ${item(t("casefile.field.dueDate"), state.dueDate ? isoDate(state.dueDate) : t("casefile.none"))}
    ${state.followUp ? item(t("casefile.field.followUp"), isoDate(state.followUp)) : ""}
    ${item(t("casefile.field.assignee"), assignee)}
  </dl>`;
}

function versionField(f: CaseFile): Html {
  return html`<input type="hidden" name="expectedVersion" value="${f.row.version}">`;
}

function pendingSection(c: Context<AppEnv>, base: string, f: CaseFile): Html | "" {
  const t = c.var.t;
  if (!f.pending) return "";
  const approve = f.actions.find((a) => a.kind === "approve");
  const reject = f.actions.find((a) => a.kind === "reject");
  const title = f.pending.action?.title ?? "";
  return html`<section class="casefile__pending" aria-labelledby="freigabe">
    ${h2("freigabe", t("casefile.pending.title"))}
    ${para(t("casefile.pending.lead", { action: title, name: f.pending.proposedBy, at: formatDate(c, f.pending.proposedAt) }))}
    ${inputList(c, f, f.pending.action?.input ?? [], f.pending.input)}
    ${
      approve
        ? html`<form method="post" action="${base}/freigeben" class="casefile__action">${csrfField(c)}${versionField(f)}${submitButton(t("casefile.pending.approve"))}</form>`
        : ""
    }
    ${
      reject
        ? html`<form method="post" action="${base}/zurueckgeben" class="casefile__action">${csrfField(c)}${versionField(f)}
            ${field({ name: "reason", label: `${t("casefile.pending.reason")} ${t("casefile.optional")}` })}
            ${submitButton(approve ? t("casefile.pending.return") : t("casefile.pending.withdraw"), "secondary")}</form>`
        : ""
    }
    ${!approve && !reject ? para(t("casefile.pending.waiting")) : ""}
  </section>`;
}

function actionsSection(c: Context<AppEnv>, base: string, f: CaseFile): Html {
  const t = c.var.t;
  const perform = f.actions.filter((a) => a.kind === "perform");
  if (f.pending) return html``;
  return html`<section aria-labelledby="aktionen">
    ${h2("aktionen", t("casefile.actions.title"))}
    ${
      perform.length === 0
        ? para(t("casefile.actions.none"))
        : html`<ul class="kern-list casefile__actions">${perform.map((a) => {
            const def = f.def.process.actions.find((x) => x.id === a.actionId);
            const label = a.needsSecondApproval
              ? t("casefile.actions.withApproval", { title: a.title })
              : a.title;
            if ((def?.input ?? []).length > 0) {
              return html`<li><a class="kern-btn kern-btn--secondary" href="${base}/aktionen/${a.actionId}"><span class="kern-label">${label}</span></a></li>`;
            }
            return html`<li><form method="post" action="${base}/aktionen/${a.actionId}">${csrfField(c)}${versionField(f)}${submitButton(label, "secondary")}</form></li>`;
          })}</ul>`
    }
  </section>`;
}

function inputList(
  c: Context<AppEnv>,
  f: CaseFile,
  fields: NonNullable<NonNullable<CaseFile["pending"]>["action"]>["input"] & object,
  input: Record<string, unknown> | undefined,
): Html | "" {
  const rows = fields.filter(
    (x) => x.type !== "info" && input?.[x.id] !== undefined && input?.[x.id] !== "",
  );
  if (rows.length === 0) return "";
  return html`<dl class="kern-description-list">${rows.map((x) =>
    item(
      ("label" in x && x.label) || x.id,
      presentValue(f.def, x, input?.[x.id], c.var.t).join(", "),
    ),
  )}</dl>`;
}

function dataSection(c: Context<AppEnv>, f: CaseFile): Html {
  const t = c.var.t;
  const sections = presentSubmission(f.def, f.row.state.data, t);
  type Row = (typeof sections)[number]["rows"][number];
  const rowHtml = (r: Row): Html =>
    "lines" in r
      ? item(r.label, html`${r.lines.map((l, i) => (i === 0 ? l : html`<br>${l}`))}`)
      : item(
          r.label,
          html`${r.items.map((it) => html`<h4 class="kern-title kern-title--small">${it.title}</h4><dl class="kern-description-list">${it.rows.map(rowHtml)}</dl>`)}`,
        );
  return html`<section aria-labelledby="antrag">
    ${h2("antrag", t("casefile.data.title"))}
    ${sections.map(
      (sec) =>
        html`<h3 class="kern-title kern-title--small">${sec.title}</h3><dl class="kern-description-list">${sec.rows.map(rowHtml)}</dl>`,
    )}
  </section>`;
}

function feesSection(c: Context<AppEnv>, f: CaseFile): Html {
  const t = c.var.t;
  const fees = f.row.state.fees;
  return html`<section aria-labelledby="gebuehren">
    ${h2("gebuehren", t("casefile.fees.title"))}
    ${
      !fees || fees.lines.length === 0
        ? para(t("casefile.fees.none"))
        : html`<table class="kern-table"><caption class="kern-table__caption">${t("casefile.fees.caption")}</caption>
        <thead class="kern-table__head"><tr class="kern-table__row">
          <th scope="col" class="kern-table__header">${t("casefile.fees.item")}</th>
          <th scope="col" class="kern-table__header">${t("casefile.fees.legalBasis")}</th>
          <th scope="col" class="kern-table__header kern-table__header--numeric">${t("casefile.fees.amount")}</th></tr></thead>
        <tbody class="kern-table__body">${fees.lines.map(
          (l) =>
            html`<tr class="kern-table__row"><td class="kern-table__cell">${l.label}</td><td class="kern-table__cell">${l.legalBasis}</td><td class="kern-table__cell kern-table__cell--numeric">${formatCents(l.amountCents)}</td></tr>`,
        )}</tbody>
        <tfoot><tr class="kern-table__row"><th scope="row" colspan="2" class="kern-table__header">${t("casefile.fees.total")}</th><td class="kern-table__cell kern-table__cell--numeric">${formatCents(fees.totalCents)}</td></tr></tfoot></table>`
    }
  </section>`;
}

function filesSection(c: Context<AppEnv>, base: string, f: CaseFile): Html {
  const t = c.var.t;
  const outgoing = new Set(
    f.messages.filter((m) => m.direction === "to-applicant").map((m) => m.id),
  );
  const attachments = f.files.filter((x) => !x.message_id || !outgoing.has(x.message_id));
  const list = (files: typeof f.files) =>
    html`<ul class="kern-list">${files.map(
      (x) =>
        html`<li><a class="kern-link" href="${base}/dateien/${x.id}">${x.filename}</a> (${kb(x.size)}, ${formatDate(c, x.created_at)})</li>`,
    )}</ul>`;
  return html`<section aria-labelledby="anlagen">
    ${h2("anlagen", t("casefile.files.title"))}
    ${attachments.length === 0 ? para(t("casefile.files.none")) : list(attachments)}
  </section>
  ${documentsSection(c, base, f.documents, f.deliveries)}`;
}

function actorName(c: Context<AppEnv>, e: HistoryEntry): string {
  const t = c.var.t;
  if (e.automatic) return t("casefile.actor.system");
  if (e.actor.kind === "citizen")
    return t("casefile.actor.applicant", { name: e.actor.name ?? "" });
  return e.actor.name || t("casefile.actor.unknown");
}

function historyLine(c: Context<AppEnv>, e: HistoryEntry): string {
  const t = c.var.t;
  const p = {
    who: actorName(c, e),
    action: e.action?.title ?? "",
    to: e.to?.title ?? "",
    from: e.from?.title ?? "",
  };
  switch (e.type) {
    case "case.started":
      return t("casefile.history.started", p);
    case "action.performed":
      return e.automatic ? t("casefile.history.automatic", p) : t("casefile.history.performed", p);
    case "action.proposed":
      return t("casefile.history.proposed", p);
    case "action.approved":
      return t("casefile.history.approved", p);
    case "proposal.rejected":
      return t("casefile.history.returned", p);
    case "document.delivered":
    case "document.retrieved":
    case "document.expired":
    case "document.posted":
      return documentEventText(c, e.type, e.payload);
    default:
      return e.type;
  }
}

/** A delivery event of the history, with its legal date (§ 41 VwVfG). */
function documentEventText(c: Context<AppEnv>, type: string, p: Record<string, unknown>): string {
  const t = c.var.t;
  const dotted = (v: unknown) => (typeof v === "string" ? germanDateText(v) : "");
  const title = String(p.title ?? "");
  if (type === "document.delivered")
    return t(`notices.history.delivered.${String(p.channel)}`, {
      title,
      email: String(p.email ?? ""),
    });
  if (type === "document.retrieved")
    return t("notices.history.retrieved", { title, date: dotted(p.effectiveOn) });
  if (type === "document.expired") return t("notices.history.expired", { title });
  return t("notices.history.posted", {
    title,
    posted: dotted(p.postedOn),
    batch: String(p.batch ?? ""),
    date: dotted(p.effectiveOn),
  });
}

/** The documents an action made (recorded on its history event). */
function generated(e: HistoryEntry): { title: string; version: number }[] {
  const list = e.payload.generateDocument;
  if (!Array.isArray(list)) return [];
  return list.map((g: { title?: unknown; version?: unknown }) => ({
    title: String(g.title ?? ""),
    version: Number(g.version ?? 0),
  }));
}

function historySection(c: Context<AppEnv>, f: CaseFile): Html {
  const t = c.var.t;
  return html`<section aria-labelledby="verlauf">
    ${h2("verlauf", t("casefile.history.title"))}
    <ol class="kern-list kern-list--ordered casefile__history">${f.history.map(
      (e) => html`<li><strong>${formatDate(c, e.at)}:</strong> ${historyLine(c, e)}
        ${e.reason ? html`<br>${t("casefile.history.reason", { reason: e.reason })}` : ""}
        ${generated(e).map((g) => html`<br>${t("notices.history.generated", g)}`)}
        ${e.type !== "case.started" && e.action ? inputList(c, f, e.action.input ?? [], e.input) : ""}</li>`,
    )}</ol>
  </section>`;
}

function messagesSection(c: Context<AppEnv>, base: string, f: CaseFile, s: CaseFileState): Html {
  const t = c.var.t;
  const files = (id: string) => f.files.filter((x) => x.message_id === id);
  return html`<section aria-labelledby="nachrichten">
    ${h2("nachrichten", t("casefile.messages.title"))}
    ${
      f.messages.length === 0
        ? para(t("casefile.messages.none"))
        : html`<ol class="kern-list casefile__messages">${f.messages.map(
            (m) => html`<li class="casefile__message">
          <h3 class="kern-title kern-title--small">${m.subject}</h3>
          <p class="kern-body kern-body--small">${
            m.direction === "to-applicant"
              ? t("casefile.messages.sent", {
                  at: formatDate(c, m.created_at),
                  name: m.author_name ?? t("casefile.actor.system"),
                })
              : t("casefile.messages.received", { at: formatDate(c, m.created_at) })
          }${m.direction === "to-applicant" ? ` · ${m.read_at ? t("casefile.messages.read", { at: formatDate(c, m.read_at) }) : t("casefile.messages.unread")}` : ""}</p>
          ${textBlock(m.body)}
          ${files(m.id).length > 0 ? html`<ul class="kern-list">${files(m.id).map((x) => html`<li><a class="kern-link" href="${base}/dateien/${x.id}">${x.filename}</a> (${kb(x.size)})</li>`)}</ul>` : ""}
        </li>`,
          )}</ol>`
    }
    ${
      f.row.applicant_id
        ? html`<form method="post" action="${base}/nachrichten" novalidate>${csrfField(c)}
        <h3 class="kern-title kern-title--small">${t("casefile.messages.write")}</h3>
        ${field({ name: "subject", label: t("casefile.messages.subject"), value: s.values?.subject, error: s.errors?.subject })}
        ${textarea({ name: "body", label: t("casefile.messages.body"), value: s.values?.body, error: s.errors?.body })}
        ${submitButton(t("casefile.messages.send"), "secondary")}</form>`
        : para(t("casefile.messages.noApplicant"))
    }
  </section>`;
}

function notesSection(c: Context<AppEnv>, base: string, f: CaseFile, s: CaseFileState): Html {
  const t = c.var.t;
  return html`<section aria-labelledby="notizen">
    ${h2("notizen", t("casefile.notes.title"))}
    ${para(t("casefile.notes.lead"))}
    ${
      f.notes.length === 0
        ? para(t("casefile.notes.none"))
        : html`<ul class="kern-list">${f.notes.map(
            (n) =>
              html`<li><p class="kern-body kern-body--small">${t("casefile.notes.by", { at: formatDate(c, n.created_at), name: n.author_name ?? t("casefile.actor.unknown") })}</p>${textBlock(n.body)}</li>`,
          )}</ul>`
    }
    <form method="post" action="${base}/notizen" novalidate>${csrfField(c)}
      ${textarea({ name: "note", label: t("casefile.notes.new"), value: s.values?.note, error: s.errors?.note, rows: 3 })}
      ${submitButton(t("casefile.notes.add"), "secondary")}</form>
  </section>`;
}

function accessSection(c: Context<AppEnv>, f: CaseFile): Html {
  const t = c.var.t;
  return html`<section aria-labelledby="zugriffe">
    ${h2("zugriffe", t("casefile.access.title"))}
    ${para(t("casefile.access.lead"))}
    <table class="kern-table"><caption class="kern-table__caption">${t("casefile.access.caption")}</caption>
      <thead class="kern-table__head"><tr class="kern-table__row">
        <th scope="col" class="kern-table__header">${t("casefile.access.at")}</th>
        <th scope="col" class="kern-table__header">${t("casefile.access.who")}</th>
        <th scope="col" class="kern-table__header">${t("casefile.access.what")}</th></tr></thead>
      <tbody class="kern-table__body">${(f.accessLog ?? []).map(
        (a) =>
          html`<tr class="kern-table__row"><td class="kern-table__cell">${formatDate(c, a.at)}</td><td class="kern-table__cell">${a.user_name ?? t("casefile.actor.unknown")}</td><td class="kern-table__cell">${a.what === "download" ? t("casefile.access.download", { file: a.filename ?? "" }) : t("casefile.access.view")}</td></tr>`,
      )}</tbody></table>
  </section>`;
}
