import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { createStaffUser } from "../../accounts/index.ts";
import { getTenant, membersOf } from "../../tenants/index.ts";

const PASSWORD = "Ein-sicheres-Test-Passwort";

async function signInOperator(client: Client, email: string) {
  const form = await client.get("/admin/anmelden");
  const res = await client.post("/admin/anmelden", { email, password: PASSWORD }, form);
  assert.equal(res.status, 303, res.body.slice(0, 300));
}

describe("platform administration", () => {
  let app: Running;
  let smtp: TestSmtp;
  let operator: Client;
  const db = () => app.platform.database.db;

  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ DEMO_MODE: "true", SMTP_URL: await smtp.start() });
    const email = `betrieb-${randomUUID().slice(0, 8)}@plattform.example`;
    await createStaffUser(db(), {
      email,
      name: "Olga Operator",
      password: PASSWORD,
      platformAdmin: true,
    });
    operator = new Client(app.url);
    await signInOperator(operator, email);
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it("lists the municipalities with links to each", async () => {
    const page = await operator.get("/admin/");
    assert.equal(page.status, 200);
    assert.match(page.body, /Plattform-Verwaltung/);
    assert.match(page.body, /<form method="post" action="\/admin\/kommunen"/);
  });

  it("creates a municipality and invites its first admin, who can set a password", async () => {
    const slug = `neu-${randomUUID().slice(0, 8)}`;
    const email = `${slug}@gemeinde.example`;
    const page = await operator.get("/admin/");
    const res = await operator.post(
      "/admin/kommunen",
      { name: "Gemeinde Neugründung", slug, state: "MV", adminEmail: email },
      page,
    );
    assert.equal(res.status, 303, res.body.slice(0, 500));
    const listed = await operator.follow(res);
    assert.match(listed.body, /Die Kommune wurde angelegt/);
    assert.match(listed.body, new RegExp(`href="/${slug}/"`));
    assert.match(listed.body, new RegExp(`href="/${slug}/amt/verwaltung/"`));
    const tenant = await getTenant(db(), slug);
    assert.equal(tenant?.name, "Gemeinde Neugründung");
    assert.equal(tenant?.settings.state, "MV");
    const members = await membersOf(db(), tenant!.id);
    assert.deepEqual(
      members.map((m) => [m.email, m.roles]),
      [[email, ["admin"]]],
    );
    const mail = await smtp.waitFor(email);
    assert.match(mail.text, new RegExp(`/${slug}/amt/passwort-neu\\?token=`));
  });

  it("refuses a bad or taken address and a bad state with 422/409 on the field, creating nothing", async () => {
    const page = await operator.get("/admin/");
    const bad = await operator.post(
      "/admin/kommunen",
      { name: "Gemeinde X", slug: "Nicht gut!", state: "ZZ", adminEmail: "kein-mail" },
      page,
    );
    assert.equal(bad.status, 422);
    for (const f of ["slug", "state", "adminEmail"])
      assert.match(bad.body, new RegExp(`id="${f}-error"`), f);
    assert.match(bad.body, /value="Gemeinde X"/);

    const slug = `doppelt-${randomUUID().slice(0, 8)}`;
    const ok = await operator.post(
      "/admin/kommunen",
      { name: "Gemeinde Eins", slug, state: "ST" },
      page,
    );
    assert.equal(ok.status, 303);
    const taken = await operator.post(
      "/admin/kommunen",
      { name: "Gemeinde Zwei", slug, state: "ST" },
      page,
    );
    assert.equal(taken.status, 409);
    assert.match(taken.body, /bereits vergeben/);
    assert.equal((await getTenant(db(), slug))?.name, "Gemeinde Eins");
  });

  it("is not found for staff who are no platform operators, and sends anonymous visitors to sign in", async () => {
    const email = `normal-${randomUUID().slice(0, 8)}@plattform.example`;
    await createStaffUser(db(), { email, name: "Nora Normal", password: PASSWORD });
    const client = new Client(app.url);
    const anonymous = await client.get("/admin/");
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.location ?? "", /^\/admin\/anmelden/);
    const form = await client.get("/admin/anmelden");
    const res = await client.post("/admin/anmelden", { email, password: PASSWORD }, form);
    assert.notEqual(res.status, 303, "a staff account without operator rights cannot sign in here");
    const slug = `verboten-${randomUUID().slice(0, 8)}`;
    const post = await client.post(
      "/admin/kommunen",
      { name: "Gemeinde V", slug, state: "ST" },
      form,
    );
    assert.ok(post.status === 303 || post.status === 404, String(post.status));
    assert.equal(await getTenant(db(), slug), undefined);
  });
});
