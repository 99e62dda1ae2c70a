import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { startTestApp } from "../../../../test/helpers/app.ts";
import {
  browserSkip,
  expectAccessible,
  launchBrowser,
  signedInContext,
} from "../../../../test/helpers/browser.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { PASSWORD as CITIZEN_PASSWORD, makeCitizen } from "../../accounts/__tests__/factories.ts";
import { signIn } from "../../citizen/__tests__/support.ts";
import { makeStaff, makeTenant, PASSWORD, signInStaff } from "../../tenants/__tests__/fixtures.ts";

describe("news by topic", () => {
  let app: Running;
  let smtp: TestSmtp;
  let tenant: { id: string; slug: string; name: string };
  let admin: Client;
  let adminEmail: string;
  let reader: { id: string; email: string };
  let other: { id: string; email: string };
  const db = () => app.platform.database.db;
  const base = () => `/${tenant.slug}/amt/verwaltung/neuigkeiten`;
  const topicId = async (name: string) =>
    (
      await withTenant(db(), tenant.id, (tx) =>
        tx
          .selectFrom("news_topics")
          .select("id")
          .where("tenant_id", "=", tenant.id)
          .where("name", "=", name)
          .executeTakeFirstOrThrow(),
      )
    ).id;
  const subscribed = (userId: string) =>
    withTenant(db(), tenant.id, (tx) =>
      tx
        .selectFrom("news_subscriptions")
        .select("topic_id")
        .where("tenant_id", "=", tenant.id)
        .where("user_id", "=", userId)
        .execute(),
    );
  async function subscribe(user: { email: string }, topic: string) {
    const client = await signIn(app, user.email);
    const form = await client.get("/konto/abonnements");
    assert.equal(form.status, 200);
    const res = await client.post(
      "/konto/abonnements",
      { tenant: tenant.id, "topic-1": await topicId(topic) },
      form,
    );
    assert.equal(res.status, 303);
    return client.follow(res);
  }
  let unsubscribeLink = "";

  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ DEMO_MODE: "true", SMTP_URL: await smtp.start() });
    tenant = await makeTenant(db(), "news");
    adminEmail = (await makeStaff(db(), tenant.id, ["admin"])).email;
    admin = new Client(app.url);
    await signInStaff(admin, tenant.slug, adminEmail);
    reader = await makeCitizen(app, { verified: true });
    other = await makeCitizen(app, { verified: true });
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it("admins create topics; an empty or taken name is refused at the field", async () => {
    const start = await admin.get(`/${tenant.slug}/amt/verwaltung/`);
    assert.match(start.body, /href="[^"]*\/amt\/verwaltung\/neuigkeiten"/);
    let form = await admin.get(base());
    assert.equal(form.status, 200);
    assert.match(form.body, /Es gibt noch keine Themen/);
    for (const name of ["Baustellen", "Veranstaltungen"]) {
      const res = await admin.post(`${base()}/themen`, { name }, form);
      assert.equal(res.status, 303);
      form = await admin.follow(res);
    }
    assert.match(form.body, /Baustellen/);
    const empty = await admin.post(`${base()}/themen`, { name: " " }, form);
    assert.equal(empty.status, 422);
    assert.match(empty.body, /kern-error/);
    const taken = await admin.post(`${base()}/themen`, { name: "Baustellen" }, form);
    assert.equal(taken.status, 409);
    assert.match(taken.body, /Ein Thema mit diesem Namen gibt es schon/);
    assert.equal((await new Client(app.url).get(base())).status === 200, false, "admins only");
  });

  it("citizens subscribe per municipality and topic in their account", async () => {
    const page = await subscribe(reader, "Baustellen");
    assert.match(page.body, /Ihre Abonnements wurden gespeichert/);
    assert.match(
      page.body,
      /href="\/konto\/abonnements" aria-current="page"/,
      "account navigation",
    );
    assert.match(page.body, new RegExp(tenant.name));
    assert.deepEqual(
      (await subscribed(reader.id)).map((r) => r.topic_id),
      [await topicId("Baustellen")],
    );
    await subscribe(other, "Veranstaltungen");
    assert.deepEqual(
      (await subscribed(other.id)).map((r) => r.topic_id),
      [await topicId("Veranstaltungen")],
    );
  });

  it("a news item is mailed to the topic's subscribers only, with an unsubscribe link", async () => {
    const form = await admin.get(base());
    const missing = await admin.post(base(), { topic: "", title: "", body: "" }, form);
    assert.equal(missing.status, 422);
    assert.match(missing.body, /Wählen Sie ein Thema aus/);

    const res = await admin.post(
      base(),
      {
        topic: await topicId("Baustellen"),
        title: "Vollsperrung Hauptstraße",
        body: "Ab Montag ist die Hauptstraße gesperrt.",
      },
      form,
    );
    assert.equal(res.status, 303);
    const mail = await smtp.waitFor(reader.email);
    // (the test server's header decoding may leave a space where an encoded word was folded)
    assert.match(mail.subject.replace(/\s/g, ""), /VollsperrungHauptstraße/);
    assert.match(mail.text, /Ab Montag ist die Hauptstraße gesperrt\./);
    assert.match(mail.text, /Baustellen/);
    const link = new RegExp(
      `${app.platform.config.baseUrl}(/\\S+/neuigkeiten/abbestellen\\?t=\\S+)`,
    ).exec(mail.text)?.[1];
    assert.ok(link, "the mail carries an unsubscribe link");
    unsubscribeLink = link;
    // The other citizen subscribed to another topic: no mail.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(
      smtp.mails.filter((m) => m.to.includes(other.email)).length,
      0,
      "no mail to a non-subscriber",
    );
    const list = await admin.follow(res);
    assert.match(list.body, /an 1 Empfänger/);
  });

  it("the unsubscribe link works without signing in, and a tampered one changes nothing", async () => {
    const anonymous = new Client(app.url);
    const [path, token] = unsubscribeLink.split("?t=");
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const bad = await anonymous.get(`${path}?t=${tampered}`);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Dieser Link ist ungültig/);
    const form = await anonymous.get(unsubscribeLink);
    assert.equal(form.status, 200);
    assert.match(form.body, /Baustellen/);
    assert.equal((await subscribed(reader.id)).length, 1, "opening the link changes nothing");
    const forged = await anonymous.post(path, { t: tampered }, form);
    assert.equal(forged.status, 400);
    // Another person's id with this signature: refused too.
    const parts = decodeURIComponent(token).split(".");
    const otherPerson = await anonymous.post(
      path,
      { t: [parts[0], other.id, parts[2]].join(".") },
      form,
    );
    assert.equal(otherPerson.status, 400);
    assert.equal((await subscribed(reader.id)).length, 1, "still subscribed");

    const done = await anonymous.post(path, { t: decodeURIComponent(token) }, form);
    assert.equal(done.status, 200);
    assert.match(done.body, /Sie erhalten keine Neuigkeiten mehr/);
    assert.equal((await subscribed(reader.id)).length, 0);
    assert.equal((await subscribed(other.id)).length, 1, "the other person's subscription stays");
  });

  describe("in a browser", { skip: browserSkip }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    it("admin page (with an error), subscriptions and unsubscribe pages pass axe", async () => {
      const staff = await signedInContext(
        browser,
        `${app.url}/${tenant.slug}/amt/anmelden`,
        adminEmail,
        PASSWORD,
      );
      const p = await staff.newPage();
      await p.goto(`${app.url}${base()}`);
      await expectAccessible(p);
      await p.focus("#title");
      await Promise.all([p.waitForNavigation(), p.keyboard.press("Enter")]);
      assert.match(await p.content(), /kern-error/);
      await expectAccessible(p);
      await staff.close();

      const citizen = await signedInContext(
        browser,
        `${app.url}/konto/anmelden`,
        other.email,
        CITIZEN_PASSWORD,
      );
      const q = await citizen.newPage();
      await q.goto(`${app.url}/konto/abonnements`);
      await expectAccessible(q);
      await q.goto(`${app.url}${unsubscribeLink}`);
      await expectAccessible(q);
      await q.goto(`${app.url}${unsubscribeLink}x`);
      await expectAccessible(q);
      await citizen.close();
    });
  });
});
