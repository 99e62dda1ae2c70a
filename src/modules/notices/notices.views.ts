import type { Context } from "hono";
import { html } from "hono/html";
import { germanDateText } from "../../core/index.ts";
import type { AppEnv } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { csrfField, type Html, notice, submitButton } from "../../platform/http/ui.ts";
import type { DeliveryRow, DocumentRow } from "./notices.repository.ts";

type Ctx = Context<AppEnv>;

const dotted = (iso: string | null) => (iso ? germanDateText(iso) : "");
const dateTime = (d: Date) =>
  new Intl.DateTimeFormat("de-DE", {
    timeZone: "Europe/Berlin",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(d);

/** One delivery as a line for staff: channel, state and the legal date once there is one. */
export function deliveryLine(c: Ctx, d: DeliveryRow): string {
  const t = c.var.t;
  const ch = d.channel === "print" ? "print" : d.channel;
  if (d.status === "expired") return t("notices.delivery.expired", { until: dotted(d.expires_on) });
  if (d.status === "queued") return t("notices.delivery.print.queued");
  if (d.status === "posted")
    return t("notices.delivery.print.posted", {
      posted: dotted(d.posted_on),
      date: dotted(d.effective_on),
    });
  if (d.status === "retrieved")
    return t(`notices.delivery.${ch}.retrieved`, {
      at: d.retrieved_at ? dateTime(d.retrieved_at) : "",
      date: dotted(d.effective_on),
    });
  return t(`notices.delivery.${ch}.provided`, {
    date: d.provided_at ? dateTime(d.provided_at) : "",
    until: dotted(d.expires_on),
  });
}

/** The case file's documents: every version, its fingerprint and where it went. */
export function documentsSection(
  c: Ctx,
  base: string,
  docs: DocumentRow[],
  deliveries: DeliveryRow[],
): Html {
  const t = c.var.t;
  return html`<section aria-labelledby="dokumente">
    <h2 class="kern-heading-medium" id="dokumente">${t("notices.casefile.title")}</h2>
    ${
      docs.length === 0
        ? html`<p class="kern-body">${t("notices.casefile.none")}</p>`
        : html`<ul class="kern-list">${docs.map((d) => {
            const lines = deliveries.filter((x) => x.document_id === d.id);
            return html`<li>
              <a class="kern-link" href="${base}/dokumente/${d.id}">${t("notices.casefile.download", { title: d.title, version: d.version })}</a>
              (${d.pages} S., ${Math.ceil(d.size / 1024)} KB, ${dateTime(d.created_at)})
              ${d.payment ? html`<br>${t("notices.letter.kassenzeichen")}: ${d.payment.kassenzeichen}` : ""}
              <br><small class="kern-body--small">${t("notices.casefile.fingerprint")}: <code>${d.sha256}</code></small>
              ${lines.length > 0 ? html`<ul class="kern-list">${lines.map((x) => html`<li>${deliveryLine(c, x)}</li>`)}</ul>` : ""}
            </li>`;
          })}</ul>`
    }
  </section>`;
}

/** `/{tenant}/amt/postausgang`: letters waiting, the button, and the batches made. */
export function printPage(
  c: Ctx,
  o: {
    queued: number;
    batches: { id: string; number: number; posted_on: string; letters: number; pages: number }[];
    message?: string;
  },
) {
  const t = c.var.t;
  const base = `/${c.var.tenant!.slug}/amt/postausgang`;
  return page(c, {
    title: t("notices.print.title"),
    body: html`<h1 class="kern-title kern-title--large">${t("notices.print.title")}</h1>
      ${o.message ? notice("success", o.message) : ""}
      <p class="kern-body">${t("notices.print.intro")}</p>
      <p class="kern-body" id="queued">${t("notices.print.queued", { count: o.queued })}</p>
      ${
        o.queued > 0
          ? html`<form method="post" action="${base}">${csrfField(c)}${submitButton(t("notices.print.create"))}</form>`
          : ""
      }
      <h2 class="kern-heading-medium">${t("notices.print.batches")}</h2>
      ${
        o.batches.length === 0
          ? html`<p class="kern-body">${t("notices.print.none")}</p>`
          : html`<table class="kern-table"><thead class="kern-table__head"><tr class="kern-table__row">
              <th class="kern-table__header" scope="col">${t("notices.print.number")}</th>
              <th class="kern-table__header" scope="col">${t("notices.print.postedOn")}</th>
              <th class="kern-table__header" scope="col">${t("notices.print.letters")}</th>
              <th class="kern-table__header" scope="col">${t("notices.print.pages")}</th>
              <th class="kern-table__header" scope="col">PDF</th></tr></thead>
              <tbody class="kern-table__body">${o.batches.map(
                (b) => html`<tr class="kern-table__row">
                  <td class="kern-table__cell">${b.number}</td>
                  <td class="kern-table__cell">${dotted(b.posted_on)}</td>
                  <td class="kern-table__cell">${b.letters}</td>
                  <td class="kern-table__cell">${b.pages}</td>
                  <td class="kern-table__cell"><a class="kern-link" href="${base}/${b.id}.pdf">${t("notices.print.download", { number: b.number })}</a></td>
                </tr>`,
              )}</tbody></table>`
      }`,
  });
}

/** The page an e-mailed link opens: retrieval is a deliberate button press, never a GET. */
export function retrievalPage(
  c: Ctx,
  o: { action: string; tenantName: string; state: "provided" | "retrieved" | "expired" },
) {
  const t = c.var.t;
  return page(c, {
    title: t("notices.retrieve.title"),
    status: o.state === "expired" ? 409 : 200,
    body: html`<h1 class="kern-title kern-title--large">${t("notices.retrieve.title")}</h1>
      ${
        o.state === "expired"
          ? notice("warning", t("notices.retrieve.expired"))
          : html`<p class="kern-body">${t("notices.retrieve.intro", { tenant: o.tenantName })}</p>
            ${o.state === "retrieved" ? html`<p class="kern-body">${t("notices.retrieve.again")}</p>` : ""}
            <form method="post" action="${o.action}">${csrfField(c)}${submitButton(t("notices.retrieve.button"))}</form>`
      }`,
  });
}
