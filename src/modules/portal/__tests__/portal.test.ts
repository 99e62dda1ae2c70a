import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { makeTenant } from "../../../../test/helpers/factories.ts";
import { Client, Page } from "../../../../test/helpers/http.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { publishService } from "../../services/index.ts";
import { deleteExpiredDrafts } from "../index.ts";
import { HTML_AS_PDF, PDF } from "./fixtures.ts";

const dog = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
const deed = JSON.parse(readFileSync("services/negativzeugnis-vorkaufsrecht.json", "utf8"));

/** Posts a multipart form with the client's cookies and keeps the cookies it sets. */
async function postMultipart(
  client: Client,
  path: string,
  from: Page,
  fields: [string, string | { name: string; content: Buffer; type?: string }][],
): Promise<Page> {
  const form = new FormData();
  form.set("_csrf", from.csrf() ?? "");
  for (const [k, v] of fields) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, new Blob([new Uint8Array(v.content)], { type: v.type ?? "" }), v.name);
  }
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  const res = await fetch(new URL(path, client.base), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    if (pair.slice(i + 1) === "" || /max-age=0/i.test(c)) jar.delete(pair.slice(0, i));
    else jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return new Page(res.status, res.headers, await res.text());
}

const applicant = {
  "applicantName.givenName": "Erika",
  "applicantName.familyName": "Mustermann",
  applicantBirthDate: "14.03.1985",
  "applicantAddress.street": "Lindenallee",
  "applicantAddress.houseNumber": "12",
  "applicantAddress.postcode": "39999",
  "applicantAddress.city": "Musterstadt",
  applicantEmail: "erika@example.org",
  existingDogs: "0",
};
const firstDog = {
  "dogs[0].dogName": "Bello",
  "dogs[0].dogBreed": "labradorRetriever",
  "dogs[0].dogSex": "ruede",
  "dogs[0].dogBirthDate": "01.06.2025",
  "dogs[0].dogHeldSince": "02.11.2026",
  "dogs[0].dogInsurer": "Beispiel Versicherung AG",
  "dogs[0].dogPolicyNumber": "HH-4711",
  "dogs[0].dogRelief": "keine",
  "dogs[0].dogChipNumber": "276098106543210",
};

async function countCases(app: Running, tenantId: string): Promise<number> {
  return withTenant(app.platform.database.db, tenantId, async (tx) =>
    Number(
      (
        await tx
          .selectFrom("cases")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

async function countDrafts(app: Running, tenantId: string): Promise<number> {
  return withTenant(app.platform.database.db, tenantId, async (tx) =>
    Number(
      (
        await tx
          .selectFrom("drafts")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

describe("citizen application flow (no JavaScript)", () => {
  let app: Running;
  let smtp: TestSmtp;
  let tenant: { id: string; slug: string };
  let base: string;
  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ SMTP_URL: await smtp.start() });
    tenant = await makeTenant(app);
    const db = app.platform.database.db;
    await publishService(db, tenant.id, dog);
    await publishService(db, tenant.id, deed);
    // A copy with a small upload limit, to refuse an oversized file cheaply.
    const small = structuredClone(deed);
    small.id = "negativzeugnis-klein";
    for (const p of small.form.pages)
      for (const f of p.fields) if (f.type === "file") f.maxSizeBytes = 1000;
    await publishService(db, tenant.id, small);
    base = `/${tenant.slug}/dienste/hund-anmelden`;
  });
  after(async () => {
    await app.stop();
    await smtp.stop();
  });

  it("shows the service page with documents, fees, processing time, legal basis and a start link", async () => {
    const client = new Client(app.url);
    const page = await client.get(base);
    assert.equal(page.status, 200);
    assert.match(page.body, /Hund anmelden/);
    assert.match(page.body, /Benötigte Unterlagen/);
    assert.match(page.body, /Bearbeitungsdauer/);
    assert.match(page.body, /Rechtsgrundlagen/);
    assert.match(page.body, new RegExp(`href="${base}/antrag"`));
    const missing = await client.get(`/${tenant.slug}/dienste/gibt-es-nicht`);
    assert.equal(missing.status, 404);
    assert.match(missing.body, /nicht gefunden|not found/i);
  });

  it("applies for a dog: errors kept on the page, conditional field, group add/remove, one case for a double submit", async () => {
    const client = new Client(app.url);
    const start = await client.follow(await client.get(`${base}/antrag`));
    assert.equal(start.status, 200);
    assert.match(start.body, /kern-task-list/);
    const cases0 = await countCases(app, tenant.id);

    // page 1 with a bad email and a missing birth date: 422, summary, answers kept
    const bad = await client.post(
      `${base}/antrag/halter`,
      { ...applicant, applicantEmail: "keine-mail", applicantBirthDate: "", _action: "weiter" },
      start,
    );
    assert.equal(bad.status, 422);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /href="#applicantEmail"/);
    assert.match(bad.body, /href="#applicantBirthDate"/);
    assert.match(bad.body, /value="keine-mail"/);
    assert.match(bad.body, /value="Lindenallee"/);

    const ok = await client.post(`${base}/antrag/halter`, { ...applicant, _action: "weiter" }, bad);
    assert.equal(ok.status, 303);
    assert.equal(ok.location, `${base}/antrag/hunde`);
    const dogs = await client.get(ok.location!);
    assert.equal(dogs.status, 200);
    assert.doesNotMatch(dogs.body, /name="dogs\[0\]\.dogBreedOther"/);

    // "sonstige" reveals the breed text field after "Weiter"
    const revealed = await client.post(
      `${base}/antrag/hunde`,
      { ...firstDog, "dogs[0].dogBreed": "sonstige", _action: "weiter" },
      dogs,
    );
    // the revealed field is required for "sonstige": shown with its error, the rest kept
    assert.equal(revealed.status, 422);
    assert.match(revealed.body, /href="#dogs-0-dogBreedOther"/);
    assert.match(revealed.body, /name="dogs\[0\]\.dogBreedOther"/);
    assert.match(revealed.body, /value="Bello"/);

    // add a second dog, then remove it again
    const added = await client.post(
      `${base}/antrag/hunde`,
      { ...firstDog, _action: "add:dogs" },
      revealed,
    );
    assert.equal(added.status, 200);
    assert.match(added.body, /name="dogs\[1\]\.dogName"/);
    const removed = await client.post(
      `${base}/antrag/hunde`,
      { ...firstDog, "dogs[1].dogName": "Rex", _action: "remove:dogs:1" },
      added,
    );
    assert.equal(removed.status, 200);
    assert.doesNotMatch(removed.body, /name="dogs\[1\]\.dogName"/);
    assert.match(removed.body, /value="Bello"/);

    const next = await client.post(
      `${base}/antrag/hunde`,
      { ...firstDog, _action: "weiter" },
      removed,
    );
    assert.equal(next.status, 303);
    assert.equal(next.location, `${base}/antrag/erklaerung`);
    const decl = await client.get(next.location!);
    const toSummary = await client.post(
      `${base}/antrag/erklaerung`,
      { truthfulnessConfirmed: "true", _action: "weiter" },
      decl,
    );
    assert.equal(toSummary.status, 303);
    const summary = await client.get(toSummary.location!);
    assert.equal(summary.status, 200);
    assert.match(summary.body, /Bello/);
    assert.match(summary.body, new RegExp(`href="${base}/antrag/halter"`));

    // double submit: two posts, one case, both see the same reference
    const [a, b] = await Promise.all([
      client.post(`${base}/antrag/absenden`, {}, summary),
      client.post(`${base}/antrag/absenden`, {}, summary),
    ]);
    assert.equal(a.status, 303);
    assert.equal(b.status, 303);
    const again = await client.post(`${base}/antrag/absenden`, {}, summary);
    assert.equal(again.status, 303);
    assert.equal(await countCases(app, tenant.id), cases0 + 1);
    const done = await client.get(`${base}/antrag/bestaetigung`);
    assert.equal(done.status, 200);
    assert.match(done.body, /HUND-\d{4}-\d{5}/);
  });

  it("accepts a real PDF and refuses HTML named .pdf and an oversized file", async () => {
    const client = new Client(app.url);
    const deedBase = `/${tenant.slug}/dienste/negativzeugnis-vorkaufsrecht`;
    const vertrag = await client.get(`${deedBase}/antrag/vertrag`);
    assert.equal(vertrag.status, 200);
    const disguised = await postMultipart(client, `${deedBase}/antrag/vertrag`, vertrag, [
      ["_action", "speichern-nicht"],
      ["contractFile", { name: "vertrag.pdf", content: HTML_AS_PDF, type: "application/pdf" }],
    ]);
    assert.equal(disguised.status, 422);
    assert.match(disguised.body, /nicht das erlaubte Format/);
    const good = await postMultipart(client, `${deedBase}/antrag/vertrag`, disguised, [
      ["_action", "hochladen"],
      ["contractFile", { name: "vertrag.pdf", content: PDF }],
    ]);
    assert.equal(good.status, 200);
    const link = /href="([^"]+\/antrag\/datei\/[0-9a-f-]+)"/.exec(good.body)?.[1];
    assert.ok(link, "the uploaded file is listed");
    const download = await client.get(link);
    assert.equal(download.status, 200);
    assert.match(download.headers.get("content-disposition") ?? "", /^attachment/);
    assert.equal(download.headers.get("x-content-type-options"), "nosniff");
    assert.equal(download.headers.get("content-type"), "application/octet-stream");
    // another browser cannot fetch it
    assert.equal((await new Client(app.url).get(link)).status, 404);

    const small = `/${tenant.slug}/dienste/negativzeugnis-klein/antrag/vertrag`;
    const form = await client.get(small);
    const big = Buffer.concat([PDF, Buffer.alloc(2000, 32)]);
    const tooBig = await postMultipart(client, small, form, [
      ["_action", "hochladen"],
      ["contractFile", { name: "gross.pdf", content: big }],
    ]);
    assert.equal(tooBig.status, 422);
    assert.match(tooBig.body, /zu groß/);
  });

  it("refuses forged posts, foreign drafts and unpublished services and changes nothing", async () => {
    const client = new Client(app.url);
    const start = await client.follow(await client.get(`${base}/antrag`));
    const first = await client.post(
      `${base}/antrag/halter`,
      { ...applicant, _action: "speichern-x" },
      start,
    );
    assert.equal(first.status, 200);
    const drafts = await countDrafts(app, tenant.id);

    const forged = await client.post(
      `${base}/antrag/halter`,
      { ...applicant, applicantEmail: "neu@example.org", isAdmin: "true", _action: "weiter" },
      first,
    );
    assert.equal(forged.status, 400);
    const page = await client.get(`${base}/antrag/halter`);
    assert.match(page.body, /value="erika@example.org"/);

    const noCsrf = await client.post(`${base}/antrag/halter`, { _csrf: "falsch", ...applicant });
    assert.equal(noCsrf.status, 403);

    // a guessed draft cookie finds nothing: a fresh form, nothing of the other applicant's
    const stranger = new Client(app.url);
    (stranger as unknown as { cookies: Map<string, string> }).cookies.set(
      "dw_antrag",
      "geraten1234567890",
    );
    const strangerPage = await stranger.get(`${base}/antrag/halter`);
    assert.doesNotMatch(strangerPage.body, /Lindenallee/);

    const unpublished = await client.post(
      `/${tenant.slug}/dienste/gibt-es-nicht/antrag/halter`,
      { ...applicant, _action: "weiter" },
      page,
    );
    assert.equal(unpublished.status, 404);
    assert.equal(await countDrafts(app, tenant.id), drafts);
  });

  it("mails an anonymous applicant a resume link that opens the draft in another browser", async () => {
    const client = new Client(app.url);
    const start = await client.follow(await client.get(`${base}/antrag`));
    const saved = await client.post(
      `${base}/antrag/halter`,
      { ...applicant, applicantEmail: "fortsetzen@example.org", _action: "speichern" },
      start,
    );
    assert.equal(saved.status, 303);
    const ask = await client.get(saved.location!);
    assert.match(ask.body, /value="fortsetzen@example.org"/);
    const sent = await client.post(
      `${base}/antrag/speichern`,
      { email: "fortsetzen@example.org" },
      ask,
    );
    assert.equal(sent.status, 200);
    const mail = await smtp.waitFor("fortsetzen@example.org");
    const link = /(\/[^\s]+\/antrag\/fortsetzen\/[\w-]+)/.exec(mail.text)?.[1];
    assert.ok(link, mail.text);
    const other = new Client(app.url);
    const resumed = await other.follow(await other.get(link));
    assert.equal(resumed.status, 200);
    assert.match(resumed.body, /value="Lindenallee"/);
    assert.equal((await new Client(app.url).get(`${link}x`)).status, 404);
  });

  it("deletes expired drafts with their files", async () => {
    const client = new Client(app.url);
    const start = await client.follow(await client.get(`${base}/antrag`));
    await client.post(`${base}/antrag/halter`, { ...applicant, _action: "x" }, start);
    const before = await countDrafts(app, tenant.id);
    const later = new Date(Date.now() + 31 * 86_400_000);
    assert.ok((await deleteExpiredDrafts(app.platform, later)) >= 1);
    assert.ok((await countDrafts(app, tenant.id)) < before);
  });

  it("keeps a form page under 20 KB gzipped and needs no script", async () => {
    const client = new Client(app.url);
    const page = await client.get(`${base}/antrag/hunde`);
    assert.equal(page.status, 200);
    const size = gzipSync(page.body).length;
    assert.ok(size <= 20 * 1024, `gzipped ${size} bytes`);
    assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)/);
  });
});
