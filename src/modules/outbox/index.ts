/**
 * The development outbox: while no SMTP server is configured, mail is kept in the database and
 * shown at /dev/outbox — only in demo mode, since it shows sign-in links.
 */
import "./outbox.messages.ts";
import { html } from "hono/html";
import { DomainError } from "../../platform/errors.ts";
import type { WebModule } from "../../platform/http/app.ts";
import type { Platform } from "../../platform/http/context.ts";
import { page } from "../../platform/http/layout.ts";
import { findOutboxMail, listOutbox } from "./outbox.repository.ts";

export function devOutboxModule(platform: Platform): WebModule {
  const enabled = () => platform.mailer.usesDevOutbox && platform.config.demoMode;
  const db = platform.database.db;
  return {
    name: "outbox",
    mount(app) {
      app.get("/dev/outbox", async (c) => {
        if (!enabled()) throw new DomainError("error.notFound", { status: 404 });
        const t = c.var.t;
        const mails = await listOutbox(db);
        return page(c, {
          title: t("outbox.title"),
          body: html`<h1 class="kern-title kern-title--large">${t("outbox.title")}</h1>
            <p class="kern-body">${t("outbox.intro")}</p>
            ${
              mails.length === 0
                ? html`<p class="kern-body">${t("outbox.empty")}</p>`
                : html`<table class="kern-table"><thead class="kern-table__header"><tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">${t("outbox.col.time")}</th>
                  <th class="kern-table__header" scope="col">${t("outbox.col.to")}</th>
                  <th class="kern-table__header" scope="col">${t("outbox.col.subject")}</th></tr></thead>
                  <tbody class="kern-table__body">${mails.map(
                    (
                      m,
                    ) => html`<tr class="kern-table__row"><td class="kern-table__cell">${m.created_at.toLocaleString(c.var.locale === "de" ? "de-DE" : "en-GB")}</td>
                      <td class="kern-table__cell">${m.recipient}</td>
                      <td class="kern-table__cell"><a class="kern-link" href="/dev/outbox/${m.id}">${m.subject}</a></td></tr>`,
                  )}</tbody></table>`
            }`,
        });
      });
      app.get("/dev/outbox/:id{[0-9]{1,15}}", async (c) => {
        if (!enabled()) throw new DomainError("error.notFound", { status: 404 });
        const mail = await findOutboxMail(db, Number(c.req.param("id")));
        if (!mail) throw new DomainError("error.notFound", { status: 404 });
        const t = c.var.t;
        return page(c, {
          title: mail.subject,
          body: html`<h1 class="kern-title kern-title--large">${mail.subject}</h1>
            <p class="kern-body">${t("outbox.col.to")}: ${mail.recipient}</p>
            <pre class="kern-body mail-text">${mail.text_body}</pre>
            <p class="kern-body"><a class="kern-link" href="/dev/outbox">${t("outbox.back")}</a></p>`,
        });
      });
    },
  };
}
