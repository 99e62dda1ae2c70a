import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../test/helpers/app.ts";
import { TestSmtp } from "../../../test/helpers/smtp.ts";
import type { Running } from "../../app.ts";
import { withPlatform } from "../db/database.ts";

describe("mail through the job queue", () => {
  let smtp: TestSmtp;
  let app: Running;
  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ SMTP_URL: await smtp.start() });
  });
  after(async () => {
    await app.stop();
    await smtp.stop();
  });

  it("delivers a mail queued in a committed transaction to the SMTP server", async () => {
    const to = `committed-${Date.now()}@example.org`;
    await withPlatform(app.platform.database.db, (tx) =>
      app.platform.mailer.queueMail(tx, {
        to,
        subject: "Grüße aus Musterstadt",
        text: "Hallo Welt – äöüß",
      }),
    );
    const mail = await smtp.waitFor(to);
    assert.equal(mail.subject, "Grüße aus Musterstadt");
    assert.match(mail.text, /Hallo Welt – äöüß/);
  });

  it("sends nothing when the transaction that queued the mail rolls back", async () => {
    const to = `rolled-back-${Date.now()}@example.org`;
    await assert.rejects(
      withPlatform(app.platform.database.db, async (tx) => {
        await app.platform.mailer.queueMail(tx, { to, subject: "nie", text: "nie" });
        await sql`select 1/0`.execute(tx);
      }),
    );
    const marker = `after-${Date.now()}@example.org`;
    await withPlatform(app.platform.database.db, (tx) =>
      app.platform.mailer.queueMail(tx, { to: marker, subject: "danach", text: "danach" }),
    );
    await smtp.waitFor(marker);
    assert.equal(smtp.mails.filter((m) => m.to.includes(to)).length, 0);
  });
});

describe("development outbox", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
  });
  after(() => app.stop());

  it("keeps mail in the outbox when no SMTP server is configured, and shows it in demo mode", async () => {
    const to = `outbox-${Date.now()}@example.org`;
    await withPlatform(app.platform.database.db, (tx) =>
      app.platform.mailer.queueMail(tx, {
        to,
        subject: "Ihr Link <b>",
        text: "https://example.org/x",
      }),
    );
    let body = "";
    for (let i = 0; i < 100 && !body.includes(to); i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = await (await fetch(`${app.url}/dev/outbox`)).text();
    }
    assert.match(body, new RegExp(to));
    assert.match(body, /Ihr Link &lt;b&gt;/, "subjects are escaped");
  });
});
