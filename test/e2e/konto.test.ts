import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Running } from "../../src/app.ts";
import { makeCitizen } from "../../src/modules/accounts/__tests__/factories.ts";
import {
  applyForDog,
  DISGUISED,
  makeDogTenant,
  PASSWORD,
  PDF,
  postMultipart,
  signIn,
  waitFor,
} from "../../src/modules/citizen/__tests__/support.ts";
import { profileOf } from "../../src/modules/citizen/index.ts";
import { createTopic, setSubscriptions } from "../../src/modules/news/index.ts";
import { messageApplicantEffect, sendMessageToApplicant } from "../../src/modules/postbox/index.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { Client } from "../helpers/http.ts";
import { TestSmtp } from "../helpers/smtp.ts";

describe("Bürgerkonto: applications, postbox, tasks, profile, export, deletion", () => {
  let app: Running;
  let smtp: TestSmtp;
  let setup: Awaited<ReturnType<typeof makeDogTenant>>;
  before(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    app = await startTestApp({ SMTP_URL: smtpUrl });
    setup = await makeDogTenant(app);
  });
  after(async () => {
    await app.stop();
    await smtp.stop();
  });

  const db = () => app.platform.database.db;
  const caseworker = () => ({ id: setup.staff.id, roles: ["caseworker"] });
  const requestDocuments = (caseId: string) =>
    app.cases.perform({
      tenant: setup.tenant,
      caseId,
      actionId: "requestInformation",
      actor: caseworker(),
      input: { missingItems: "Nachweis der Haftpflichtversicherung" },
    });
  const messagesOf = (caseId: string) =>
    withTenant(db(), setup.tenant.id, (tx) =>
      tx.selectFrom("postbox_messages").selectAll().where("case_id", "=", caseId).execute(),
    );
  const caseRow = (caseId: string) =>
    withTenant(db(), setup.tenant.id, (tx) =>
      tx.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow(),
    );

  it("shows an empty overview and empty postbox to a new citizen", async () => {
    const citizen = await makeCitizen(app);
    const client = await signIn(app, citizen.email);
    const home = await client.get("/konto/");
    assert.equal(home.status, 200);
    assert.match(home.body, /noch keine Anträge/);
    assert.match(home.body, /href="\/konto\/entwuerfe"/);
    const postbox = await client.get("/konto/postfach");
    assert.match(postbox.body, /Ihr Postfach ist leer/);
  });

  it("lists the citizen's applications with status, and another citizen's case is not found", async () => {
    const citizen = await makeCitizen(app);
    const { caseId, reference } = await applyForDog(app, setup.tenant, citizen.id);
    const client = await signIn(app, citizen.email);
    const home = await client.get("/konto/");
    assert.match(home.body, new RegExp(reference));
    assert.match(home.body, /Hund anmelden/);
    assert.match(home.body, /Eingegangen/);
    assert.match(home.body, new RegExp(`Gemeinde ${setup.tenant.slug}`));
    const page = await client.get(`/konto/antraege/${setup.tenant.slug}/${caseId}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Verlauf/);
    assert.match(page.body, /Antrag eingegangen/);

    const other = await makeCitizen(app);
    const stranger = await signIn(app, other.email);
    assert.equal(
      (await stranger.get(`/konto/antraege/${setup.tenant.slug}/${caseId}`)).status,
      404,
    );
    assert.doesNotMatch((await stranger.get("/konto/")).body, new RegExp(reference));
    assert.equal(
      (await stranger.get(`/konto/antraege/${setup.tenant.slug}/kein-uuid`)).status,
      404,
    );
    assert.equal((await new Client(app.url).get("/konto/postfach")).status, 303);
  });

  it("delivers a document request to the postbox with a mail that holds a link and no personal data", async () => {
    const citizen = await makeCitizen(app);
    const { caseId, reference } = await applyForDog(app, setup.tenant, citizen.id);
    await requestDocuments(caseId);
    const mail = await smtp.waitFor(citizen.email);
    assert.match(mail.text, /\/konto\/postfach/);
    for (const personal of [reference, "Erika", "Mustermann", "Haftpflicht", "Rückfrage", "Hund"]) {
      assert.ok(!mail.text.includes(personal), `mail text contains ${personal}`);
      assert.ok(!mail.subject.includes(personal), `mail subject contains ${personal}`);
    }
    const [message] = await waitFor(async () => {
      const rows = await messagesOf(caseId);
      return rows.length > 0 ? rows : undefined;
    });
    assert.match(message.body, /Nachweis der Haftpflichtversicherung/);
    assert.equal(message.direction, "to-applicant");
  });

  it("records the time of retrieval only on the recipient's first opening", async () => {
    const citizen = await makeCitizen(app);
    const { caseId } = await applyForDog(app, setup.tenant, citizen.id);
    const { messageId } = await sendMessageToApplicant(app.platform, {
      tenant: setup.tenant,
      caseId,
      subject: "Hinweis zur Hundesteuermarke",
      body: "Die Steuermarke wird Ihnen zugesandt.",
      authorId: setup.staff.id,
    });
    const path = `/konto/postfach/${setup.tenant.slug}/${messageId}`;
    const stranger = await signIn(app, (await makeCitizen(app)).email);
    assert.equal((await stranger.get(path)).status, 404);
    assert.equal((await messagesOf(caseId))[0].read_at, null);

    const client = await signIn(app, citizen.email);
    const list = await client.get("/konto/postfach");
    assert.match(list.body, /ungelesen/);
    assert.equal((await messagesOf(caseId))[0].read_at, null, "listing is no retrieval");
    const first = await client.get(path);
    assert.equal(first.status, 200);
    assert.match(first.body, /Abgerufen am/);
    const readAt = (await messagesOf(caseId))[0].read_at;
    assert.ok(readAt instanceof Date);
    await new Promise((r) => setTimeout(r, 20));
    await client.get(path);
    assert.deepEqual((await messagesOf(caseId))[0].read_at, readAt);
  });

  it("runs the messageApplicant effect twice without a second message or mail", async () => {
    const citizen = await makeCitizen(app);
    const { caseId } = await applyForDog(app, setup.tenant, citizen.id);
    const job = {
      tenantId: setup.tenant.id,
      caseId,
      effect: {
        type: "messageApplicant" as const,
        notification: "nachforderung",
        key: "99:test:0",
        actionId: "requestInformation",
      },
    };
    const handler = messageApplicantEffect(app.platform);
    await handler(job);
    await handler(job);
    const rows = await messagesOf(caseId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].effect_key, `${caseId}:99:test:0`);
    await smtp.waitFor(citizen.email);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(smtp.mails.filter((m) => m.to.includes(citizen.email)).length, 1);
  });

  it("sends a reply with an attachment, and refuses a disguised file keeping the text", async () => {
    const citizen = await makeCitizen(app);
    const { caseId } = await applyForDog(app, setup.tenant, citizen.id);
    const { messageId } = await sendMessageToApplicant(app.platform, {
      tenant: setup.tenant,
      caseId,
      subject: "Bitte Impfpass senden",
      body: "Bitte senden Sie uns eine Kopie des Impfpasses.",
      authorId: setup.staff.id,
      attachments: [
        {
          filename: "merkblatt.pdf",
          contentType: "application/pdf",
          content: Buffer.from("%PDF-1.4 x"),
        },
      ],
    });
    const client = await signIn(app, citizen.email);
    const path = `/konto/postfach/${setup.tenant.slug}/${messageId}`;
    const page = await client.get(path);
    assert.match(page.body, /merkblatt\.pdf/);
    const fileId = /\/konto\/dateien\/[^/]+\/([0-9a-f-]{36})/.exec(page.body)?.[1];
    const download = await fetch(`${app.url}/konto/dateien/${setup.tenant.slug}/${fileId}`, {
      headers: { cookie: `dw_session=${client.cookie("dw_session")}` },
    });
    assert.equal(download.status, 200);
    assert.match(download.headers.get("content-disposition") ?? "", /^attachment/);

    const bad = await postMultipart(
      client,
      `${path}/antworten`,
      { body: "Anbei der Impfpass.", attachments: DISGUISED() },
      page,
    );
    assert.equal(bad.status, 422);
    assert.match(bad.body, /kein PDF-Dokument/);
    assert.match(bad.body, /Anbei der Impfpass\./);
    const empty = await postMultipart(client, `${path}/antworten`, { body: " " }, page);
    assert.equal(empty.status, 422);
    assert.match(empty.body, /Bitte schreiben Sie Ihre Nachricht/);
    assert.equal((await messagesOf(caseId)).length, 1, "refused replies store nothing");

    const ok = await postMultipart(
      client,
      `${path}/antworten`,
      { body: "Anbei der Impfpass.", attachments: PDF() },
      page,
    );
    assert.equal(ok.status, 303);
    const reply = (await messagesOf(caseId)).find((m) => m.direction === "from-applicant");
    assert.ok(reply);
    assert.equal(reply.author_id, citizen.id);
    assert.equal(reply.body, "Anbei der Impfpass.");
    const files = await withTenant(db(), setup.tenant.id, (tx) =>
      tx
        .selectFrom("files")
        .select(["filename", "content_type"])
        .where("message_id", "=", reply.id)
        .execute(),
    );
    assert.deepEqual(files, [{ filename: "nachweis.pdf", content_type: "application/pdf" }]);
    const casePage = await client.get(`/konto/antraege/${setup.tenant.slug}/${caseId}`);
    assert.match(casePage.body, /Antwort: Bitte Impfpass senden/);
  });

  it("shows the task, refuses a stale page and missing input, and an answer moves the case on", async () => {
    const citizen = await makeCitizen(app);
    const { caseId } = await applyForDog(app, setup.tenant, citizen.id);
    await requestDocuments(caseId);
    const client = await signIn(app, citizen.email);
    const home = await client.get("/konto/");
    assert.match(home.body, /Ihre Mitwirkung ist erforderlich/);
    const path = `/konto/antraege/${setup.tenant.slug}/${caseId}`;
    const page = await client.get(path);
    assert.match(page.body, /Bitte reichen Sie Folgendes nach/);
    assert.match(page.body, /Nachweis der Haftpflichtversicherung/);
    assert.match(page.body, /Unterlagen nachreichen/);
    const version = /name="_version" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(version);
    const action = `${path}/aktion/supplyInformation`;

    const missing = await postMultipart(client, action, { _version: version }, page);
    assert.equal(missing.status, 422);
    assert.match(missing.body, /href="#supplyInformation-supplementNote"/);

    const stale = await postMultipart(
      client,
      action,
      { _version: String(Number(version) - 1), "supplyInformation-supplementNote": "Anbei." },
      page,
    );
    assert.equal(stale.status, 409);
    assert.match(stale.body, /inzwischen geändert/);
    assert.equal((await caseRow(caseId)).status, "rueckfrage");

    const ok = await postMultipart(
      client,
      action,
      {
        _version: version,
        "supplyInformation-supplementNote": "Anbei der Versicherungsnachweis.",
        "supplyInformation-supplementFiles": PDF(),
      },
      page,
    );
    assert.equal(ok.status, 303);
    const row = await caseRow(caseId);
    assert.equal(row.status, "inPruefung");
    const data = (row.state as { data: Record<string, unknown> }).data;
    assert.equal(data.supplementNote, "Anbei der Versicherungsnachweis.");
    assert.equal((data.supplementFiles as { name: string }[])[0].name, "nachweis.pdf");
    const after = await client.get(path);
    assert.doesNotMatch(after.body, /Bitte reichen Sie Folgendes nach/);
    assert.match(after.body, /nachweis\.pdf/);
    const again = await postMultipart(
      client,
      action,
      { _version: version, "supplyInformation-supplementNote": "x" },
      page,
    );
    assert.equal(again.status, 409);
  });

  it("keeps the profile for prefilling, with field errors for a bad postcode", async () => {
    const citizen = await makeCitizen(app);
    const client = await signIn(app, citizen.email);
    const form = await client.get("/konto/profil");
    assert.equal(form.status, 200);
    const bad = await client.post(
      "/konto/profil",
      {
        givenName: "Erika",
        familyName: "Mustermann",
        street: "Hauptstraße",
        houseNumber: "1",
        postcode: "123",
        city: "Musterstadt",
        phone: "",
      },
      form,
    );
    assert.equal(bad.status, 422);
    assert.match(bad.body, /fünf Ziffern/);
    assert.match(bad.body, /value="Hauptstraße"/);
    const ok = await client.post(
      "/konto/profil",
      {
        givenName: "Erika",
        familyName: "Mustermann",
        street: "Hauptstraße",
        houseNumber: "1",
        postcode: "39104",
        city: "Magdeburg",
        phone: "0391 1234567",
      },
      form,
    );
    assert.equal(ok.status, 303);
    assert.deepEqual(await profileOf(app.platform, citizen.id), {
      givenName: "Erika",
      familyName: "Mustermann",
      email: citizen.email,
      phone: "0391 1234567",
      address: { street: "Hauptstraße", houseNumber: "1", postcode: "39104", city: "Magdeburg" },
    });
  });

  it("exports all data with the case, and deletes the account only once no case is open", async () => {
    const citizen = await makeCitizen(app);
    const { caseId, reference } = await applyForDog(app, setup.tenant, citizen.id);
    await sendMessageToApplicant(app.platform, {
      tenant: setup.tenant,
      caseId,
      subject: "Eingang",
      body: "Danke.",
      authorId: null,
    });
    const topic = await createTopic(db(), setup.tenant.id, `Baustellen ${citizen.id.slice(0, 8)}`);
    await setSubscriptions(db(), citizen.id, setup.tenant.id, [topic.id]);
    const client = await signIn(app, citizen.email);
    assert.equal((await client.get("/konto/export")).status, 200);
    const exported = await client.get("/konto/export/meine-daten.json");
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get("content-disposition") ?? "", /attachment/);
    const json = JSON.parse(exported.body);
    assert.equal(json.account.email, citizen.email);
    assert.equal(json.account.password_hash, undefined);
    assert.equal(json.applications[0].reference, reference);
    assert.ok(json.applications[0].history.length >= 1);
    assert.equal(json.postbox[0].subject, "Eingang");
    assert.deepEqual(
      json.subscriptions.map((x: { topic: string }) => x.topic),
      [`Baustellen ${citizen.id.slice(0, 8)}`],
    );
    assert.equal(json.sessions.length, 1);
    assert.ok(json.sessions[0].lastSeenAt);
    assert.equal(JSON.stringify(json.sessions).includes(client.cookie("dw_session") ?? "?"), false);

    const blocked = await client.get("/konto/loeschen");
    assert.match(blocked.body, /nicht abgeschlossen/);
    assert.match(blocked.body, /Aufbewahrungsfristen/);
    const refused = await client.post("/konto/loeschen", { password: PASSWORD }, blocked);
    assert.equal(refused.status, 409);

    await app.cases.perform({
      tenant: setup.tenant,
      caseId,
      actionId: "discontinue",
      actor: caseworker(),
      input: { discontinueReason: "Hund lebt nicht im Gemeindegebiet.", signatory: "Max Amt" },
    });
    const form = await client.get("/konto/loeschen");
    const wrong = await client.post("/konto/loeschen", { password: "falsch falsch falsch" }, form);
    assert.equal(wrong.status, 422);
    assert.match(wrong.body, /Passwort ist nicht richtig/);
    const done = await client.post("/konto/loeschen", { password: PASSWORD }, form);
    assert.equal(done.status, 303);
    assert.equal((await client.get("/konto/")).status, 303, "the session is gone");
    const row = await caseRow(caseId);
    assert.equal(row.applicant_id, null, "the case stays with the municipality");
    // The discontinue action may add its own message at any moment (an effect job): every
    // message of the case stays with the municipality, none points at the deleted account.
    const kept = await messagesOf(caseId);
    assert.ok(kept.length >= 1);
    assert.ok(
      kept.every((m) => m.recipient_id === null),
      JSON.stringify(kept),
    );
  });
});
