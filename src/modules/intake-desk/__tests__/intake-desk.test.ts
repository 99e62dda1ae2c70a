import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client, type Page } from "../../../../test/helpers/http.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { makeCitizen } from "../../accounts/__tests__/factories.ts";
import { publishFrist } from "../../casework/__tests__/fixtures.ts";
import { postMultipart, signIn } from "../../citizen/__tests__/support.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const pdf = (name = "scan.pdf") =>
  new File([new Uint8Array(PDF)], name, { type: "application/pdf" });
const keyOf = (p: Page) => /name="amt_schluessel" value="([^"]+)"/.exec(p.body)?.[1] ?? "";
const DAY = 86_400_000;
const german = (d: Date) =>
  new Intl.DateTimeFormat("de-DE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Berlin",
  }).format(d);

/** Staff enter an application received by post, phone or at the counter. */
describe("intake on behalf of a citizen", () => {
  let app: Running;
  let tenant: { id: string; slug: string };
  let staff: Client;
  const form = () => `/${tenant.slug}/amt/erfassung/frist-test`;
  const caseRow = (caseId: string) =>
    withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx
        .selectFrom("cases")
        .select(["channel", "received_at", "applicant_id", "reference"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow(),
    );
  const casesNamed = (name: string) =>
    withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx
        .selectFrom("cases")
        .select("id")
        .where(sql<string>`state->'data'->>'name'`, "=", name)
        .execute(),
    );

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    tenant = await makeTenant(app.platform.database.db, "erfass");
    await publishFrist(app, tenant.id);
    const worker = await makeStaff(app.platform.database.db, tenant.id, ["caseworker"]);
    staff = new Client(app.url);
    await signInStaff(staff, tenant.slug, worker.email);
  });
  after(async () => {
    await app?.stop();
  });

  it("lists the services and shows the form with the receipt fields", async () => {
    const list = await staff.get(`/${tenant.slug}/amt/erfassung`);
    assert.equal(list.status, 200);
    assert.match(list.body, /href="[^"]*\/amt\/erfassung\/frist-test"/);
    const page = await staff.get(form());
    assert.equal(page.status, 200);
    assert.match(page.body, /name="amt_kanal"/);
    assert.match(page.body, /name="fireDate"/);
    assert.ok(keyOf(page));
  });

  it("creates the case with channel, received date, the scan and the linked account", async () => {
    const citizen = await makeCitizen(app, { verified: true });
    const page = await staff.get(form());
    const received = new Date(Date.now() - 5 * DAY);
    const res = await postMultipart(
      staff,
      form(),
      {
        amt_schluessel: keyOf(page),
        amt_kanal: "post",
        amt_eingang: german(received),
        amt_konto: citizen.email.toUpperCase(),
        amt_scans: pdf(),
        name: "Feuer per Post",
        fireDate: "03.04.2027",
        _action: "erfassen",
      },
      page,
    );
    assert.equal(res.status, 303, res.body.slice(0, 2000));
    const done = await staff.get(res.location!);
    const caseId = res.location!.split("/").pop()!;
    const row = await caseRow(caseId);
    assert.match(done.body, new RegExp(row.reference));
    assert.match(done.body, new RegExp(`/amt/vorgaenge/${caseId}`));
    assert.equal(row.channel, "post");
    assert.equal(german(new Date(row.received_at)), german(received));
    assert.equal(row.applicant_id, citizen.id);
    const files = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx
        .selectFrom("files")
        .select(["field_path", "content_type"])
        .where("case_id", "=", caseId)
        .execute(),
    );
    assert.deepEqual(files, [{ field_path: "scans", content_type: "application/pdf" }]);
  });

  it("refuses a future date and field errors next to the field, keeping the answers", async () => {
    const page = await staff.get(form());
    const res = await postMultipart(
      staff,
      form(),
      {
        amt_schluessel: keyOf(page),
        amt_kanal: "phone",
        amt_eingang: german(new Date(Date.now() + 3 * DAY)),
        name: "Feuer mit Fehlern",
        fireDate: "kein Datum",
        _action: "erfassen",
      },
      page,
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /id="amt_eingang-error"[^>]*>.*nicht in der Zukunft/s);
    assert.match(res.body, /href="#fireDate"/);
    assert.match(res.body, /value="Feuer mit Fehlern"/);
    assert.match(res.body, /value="kein Datum"/);
    assert.match(res.body, /<option value="phone" selected>/);
    assert.equal((await casesNamed("Feuer mit Fehlern")).length, 0);
  });

  it("refuses a disguised scan and creates nothing", async () => {
    const page = await staff.get(form());
    const html = new File(["<html><script>alert(1)</script></html>"], "scan.pdf", {
      type: "application/pdf",
    });
    const res = await postMultipart(
      staff,
      form(),
      {
        amt_schluessel: keyOf(page),
        amt_kanal: "counter",
        amt_eingang: german(new Date()),
        amt_scans: html,
        name: "Feuer mit falschem Scan",
        fireDate: "03.04.2027",
      },
      page,
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /id="amt_scans-error"/);
    assert.equal((await casesNamed("Feuer mit falschem Scan")).length, 0);
  });

  it("a double submit of the same form makes one case", async () => {
    const page = await staff.get(form());
    const fields = {
      amt_schluessel: keyOf(page),
      amt_kanal: "email",
      amt_eingang: german(new Date()),
      amt_scans: pdf(),
      name: "Feuer doppelt abgeschickt",
      fireDate: "03.04.2027",
    };
    const first = await postMultipart(staff, form(), fields, page);
    const second = await postMultipart(staff, form(), fields, page);
    assert.equal(first.status, 303);
    assert.equal(second.location, first.location);
    const found = await casesNamed("Feuer doppelt abgeschickt");
    assert.equal(found.length, 1);
    const files = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx.selectFrom("files").select("id").where("case_id", "=", found[0].id).execute(),
    );
    assert.equal(files.length, 1);
  });

  it("is 404 for a citizen", async () => {
    const citizen = await makeCitizen(app, { verified: true });
    const client = await signIn(app, citizen.email);
    assert.equal((await client.get(`/${tenant.slug}/amt/erfassung`)).status, 404);
    assert.equal((await client.get(form())).status, 404);
  });
});
