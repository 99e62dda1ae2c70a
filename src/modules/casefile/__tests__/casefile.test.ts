import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { sendMessageToApplicant } from "../../postbox/index.ts";
import { applyFor, makeOffice, staffClient, versionIn } from "./support.ts";

describe("case file: data, history, actions with version, second approval, notes, access log", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
  });
  after(() => app.stop());

  const db = () => app.platform.database.db;
  const caseRow = (tenantId: string, caseId: string) =>
    withTenant(db(), tenantId, (tx) =>
      tx
        .selectFrom("cases")
        .select(["status", "version", "state"])
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow(),
    );

  it("shows the submitted data by the definition and logs every view; another municipality gets 404", async () => {
    const { tenant, staff } = await makeOffice(app);
    const worker = await staff(["caseworker"]);
    const { caseId } = await applyFor(app, tenant);
    const client = await staffClient(app, tenant.slug, worker.email);
    const base = `/${tenant.slug}/amt/vorgaenge/${caseId}`;
    const page = await client.get(base);
    assert.equal(page.status, 200);
    assert.match(page.body, /Sommerfest der Feuerwehr Neudorf/);
    assert.match(page.body, /Vereinsfest/, "option codes appear as their labels");
    assert.match(page.body, /03\.07\.2027/, "dates the German way");
    assert.match(page.body, /Antrag eingegangen/);
    assert.doesNotMatch(page.body, /Zugriffe auf personenbezogene Daten/, "log only for auditors");
    const log = await withTenant(db(), tenant.id, (tx) =>
      tx.selectFrom("case_access_log").selectAll().where("case_id", "=", caseId).execute(),
    );
    assert.equal(log.length, 1);
    assert.equal(log[0].user_id, worker.id);
    assert.equal(log[0].what, "view");

    // A caseworker of another municipality guessing the ID, and a malformed ID.
    const other = await makeOffice(app);
    const stranger = await other.staff(["caseworker", "approver", "admin"]);
    const foreign = await staffClient(app, other.tenant.slug, stranger.email);
    assert.equal((await foreign.get(`/${other.tenant.slug}/amt/vorgaenge/${caseId}`)).status, 404);
    assert.equal((await client.get(`/${tenant.slug}/amt/vorgaenge/nicht-da`)).status, 404);
    // A designer has no business with case files.
    const designer = await staffClient(app, tenant.slug, (await staff(["designer"])).email);
    assert.equal((await designer.get(base)).status, 404);
  });

  it("an action form validates through the engine (422, errors at the fields) and a stale page is refused (409, nothing changes)", async () => {
    const { tenant, staff } = await makeOffice(app);
    const a = await staffClient(app, tenant.slug, (await staff(["caseworker"])).email);
    const b = await staffClient(app, tenant.slug, (await staff(["caseworker"])).email);
    const { caseId } = await applyFor(app, tenant);
    const base = `/${tenant.slug}/amt/vorgaenge/${caseId}`;

    const fileA = await a.get(base);
    const fileB = await b.get(base);
    const started = await a.post(
      `${base}/aktionen/startReview`,
      { expectedVersion: versionIn(fileA.body) },
      fileA,
    );
    assert.equal(started.status, 303);
    assert.equal((await caseRow(tenant.id, caseId)).status, "inPruefung");

    // B still has the page from before: refused with the reason, nothing changes.
    const stale = await b.post(
      `${base}/aktionen/startReview`,
      { expectedVersion: versionIn(fileB.body) },
      fileB,
    );
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Der Vorgang wurde inzwischen geändert/);
    const before = await caseRow(tenant.id, caseId);

    // The confirmation needs a closing time in HH:MM.
    const form = await a.get(`${base}/aktionen/confirm`);
    assert.equal(form.status, 200);
    assert.match(form.body, /Ende des Ausschanks/);
    assert.match(form.body, /Zur Freigabe vorlegen/);
    const invalid = await a.post(
      `${base}/aktionen/confirm`,
      {
        expectedVersion: versionIn(form.body),
        closingTime: "halb eins",
        additionalOrders: "Keine",
      },
      form,
    );
    assert.equal(invalid.status, 422);
    assert.match(invalid.body, /id="fehler"/);
    assert.match(invalid.body, /href="#closingTime"/);
    assert.match(invalid.body, /id="closingTime-error"/);
    assert.match(invalid.body, /value="halb eins"/, "the answer is kept");
    assert.equal((await caseRow(tenant.id, caseId)).version, before.version);

    // A stale action form is refused, too.
    await a.post(`${base}/notizen`, { note: "Rückruf erledigt" }, form);
    const staleForm = await b.get(`${base}/aktionen/confirm`);
    const request = await a.get(`${base}/aktionen/requestInformation`);
    const requested = await a.post(
      `${base}/aktionen/requestInformation`,
      { expectedVersion: versionIn(request.body), missingItems: "Zustimmung des Eigentümers" },
      request,
    );
    assert.equal(requested.status, 303);
    const late = await b.post(
      `${base}/aktionen/confirm`,
      { expectedVersion: versionIn(staleForm.body), closingTime: "00:30" },
      staleForm,
    );
    assert.equal(late.status, 409);
    assert.match(late.body, /inzwischen geändert/);
    assert.equal((await caseRow(tenant.id, caseId)).status, "rueckfrage");
  });

  it("second approval: proposed shows who proposed; the proposer cannot approve; an approver returns, then approves", async () => {
    const { tenant, staff } = await makeOffice(app);
    const worker = await staff(["caseworker"]);
    const a = await staffClient(app, tenant.slug, worker.email);
    const boss = await staffClient(app, tenant.slug, (await staff(["approver"])).email);
    const { caseId } = await applyFor(app, tenant);
    const base = `/${tenant.slug}/amt/vorgaenge/${caseId}`;
    let page = await a.get(base);
    await a.post(`${base}/aktionen/startReview`, { expectedVersion: versionIn(page.body) }, page);

    const propose = async () => {
      const form = await a.get(`${base}/aktionen/confirm`);
      const r = await a.post(
        `${base}/aktionen/confirm`,
        { expectedVersion: versionIn(form.body), closingTime: "00:30" },
        form,
      );
      assert.equal(r.status, 303);
    };
    await propose();
    page = await a.get(base);
    assert.match(page.body, /Wartet auf Freigabe/);
    assert.match(page.body, /Person caseworker/, "who proposed it");
    assert.doesNotMatch(page.body, />Freigeben</, "the proposer cannot approve");
    assert.match(page.body, /Vorlage zurückziehen/);
    assert.equal((await caseRow(tenant.id, caseId)).status, "inPruefung");

    page = await boss.get(base);
    assert.match(page.body, />Freigeben</);
    const returned = await boss.post(
      `${base}/zurueckgeben`,
      { expectedVersion: versionIn(page.body), reason: "Uhrzeit mit Ordnungsamt abstimmen" },
      page,
    );
    assert.equal(returned.status, 303);
    const afterReturn = await caseRow(tenant.id, caseId);
    assert.equal((afterReturn.state as { pending?: unknown }).pending, undefined);
    assert.equal(afterReturn.status, "inPruefung");
    page = await a.get(base);
    assert.match(page.body, /hat „Gestattung bescheinigen|zurückgegeben/);
    assert.match(page.body, /Uhrzeit mit Ordnungsamt abstimmen/);

    await propose();
    page = await boss.get(base);
    // The approver approving a page from before a change is refused.
    const approved = await boss.post(
      `${base}/freigeben`,
      { expectedVersion: versionIn(page.body) },
      page,
    );
    assert.equal(approved.status, 303);
    const done = await caseRow(tenant.id, caseId);
    assert.equal(done.status, "bescheinigt");
    page = await boss.get(base);
    assert.match(page.body, /freigegeben/);
    assert.match(page.body, /Gebühren/);
    const again = await boss.post(
      `${base}/freigeben`,
      { expectedVersion: versionIn(page.body) },
      page,
    );
    assert.equal(again.status, 409, "nothing is pending any more");
  });

  it("notes are internal and append-only; messages reach the postbox; downloads are logged with safe headers; auditors see the log", async () => {
    const { tenant, staff } = await makeOffice(app);
    const worker = await staff(["caseworker"]);
    const a = await staffClient(app, tenant.slug, worker.email);
    const auditor = await staffClient(app, tenant.slug, (await staff(["auditor"])).email);
    const { caseId, citizen } = await applyFor(app, tenant);
    const base = `/${tenant.slug}/amt/vorgaenge/${caseId}`;
    let page = await a.get(base);

    const empty = await a.post(`${base}/notizen`, { note: "  " }, page);
    assert.equal(empty.status, 422);
    assert.match(empty.body, /href="#note"/);
    assert.equal(
      (await a.post(`${base}/notizen`, { note: "Antragsteller telefonisch erreicht" }, page))
        .status,
      303,
    );
    page = await a.get(base);
    assert.match(page.body, /Antragsteller telefonisch erreicht/);
    await assert.rejects(
      withTenant(db(), tenant.id, (tx) =>
        tx
          .updateTable("case_notes")
          .set({ body: "geändert" })
          .where("case_id", "=", caseId)
          .execute(),
      ),
      /permission denied/,
    );
    await assert.rejects(
      withTenant(db(), tenant.id, (tx) =>
        tx.deleteFrom("case_access_log").where("case_id", "=", caseId).execute(),
      ),
      /permission denied/,
    );

    const noSubject = await a.post(`${base}/nachrichten`, { subject: "", body: "Hallo" }, page);
    assert.equal(noSubject.status, 422);
    assert.match(noSubject.body, /value="" |href="#subject"/);
    const sent = await a.post(
      `${base}/nachrichten`,
      { subject: "Rückfrage zum Zelt", body: "Wie groß ist das Zelt?" },
      page,
    );
    assert.equal(sent.status, 303);
    const messages = await withTenant(db(), tenant.id, (tx) =>
      tx.selectFrom("postbox_messages").selectAll().where("case_id", "=", caseId).execute(),
    );
    assert.equal(messages.length, 1);
    assert.equal(messages[0].recipient_id, citizen.id);
    assert.equal(messages[0].author_id, worker.id);

    await sendMessageToApplicant(app.platform, {
      tenant,
      caseId,
      subject: "Merkblatt",
      body: "Anbei",
      authorId: worker.id,
      attachments: [
        {
          filename: "<script>.html",
          contentType: "text/html",
          content: Buffer.from("<script>alert(1)</script>"),
        },
      ],
    });
    page = await a.get(base);
    const fileId = /\/dateien\/([0-9a-f-]{36})/.exec(page.body)?.[1];
    assert.ok(fileId);
    const download = await a.get(`${base}/dateien/${fileId}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get("content-type"), "application/octet-stream");
    assert.match(download.headers.get("content-disposition") ?? "", /^attachment;/);
    assert.equal(download.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await a.get(`${base}/dateien/00000000-0000-4000-8000-000000000000`)).status, 404);

    const log = await auditor.get(base);
    assert.match(log.body, /Zugriffe auf personenbezogene Daten/);
    assert.match(log.body, /Datei heruntergeladen: [^<]*script\.html/);
    assert.match(log.body, /Vorgang angesehen/);
    assert.doesNotMatch(log.body, /Freigeben/);
  });
});
