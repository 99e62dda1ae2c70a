import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { pdfPages, pdfQrCodes, pdfText, pdfWords } from "../../../../test/helpers/pdf.ts";
import type { Running } from "../../../app.ts";
import {
  addDays,
  type CaseState,
  formatCents,
  germanDate,
  isValidKassenzeichen,
  KassenzeichenScheme,
  notifiedAfterPosting,
} from "../../../core/index.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { makeCitizen } from "../../accounts/__tests__/factories.ts";
import { openMessage } from "../../postbox/index.ts";
import { publishService } from "../../services/index.ts";
import { makeStaff, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { createTenant } from "../../tenants/index.ts";
import { expireUnretrieved, makePrintBatch, retrievalPath } from "../index.ts";

const caseworker = { id: "00000000-0000-4000-8000-000000000001", roles: ["caseworker"] };
const decision = (signatory = "Max Beispiel") => ({
  reliefGranted: false,
  reliefReason: "",
  taxTagNumbers: "2026-0147",
  signatory,
});

describe("notices and delivery", () => {
  let app: Running;
  let tenant: { id: string; slug: string; state: string; name: string };
  let n = 0;

  async function municipality(settings: Record<string, unknown> = {}) {
    const slug = `n-${randomBytes(5).toString("hex")}`;
    const created = await createTenant(app.platform.database.db, {
      slug,
      settings: {
        name: "Gemeinde Musterstadt",
        state: "ST",
        street: "Marktplatz 1",
        postcode: "39999",
        city: "Musterstadt",
        email: "steuern@musterstadt.example",
        phone: "03901 1234-0",
        iban: "DE02120300000000202051",
        bic: "BYLADEM1001",
        bankName: "Kreissparkasse Musterstadt",
        ...settings,
      },
    });
    await publishService(app.platform.database.db, created.id, dogService);
    return { ...created, state: "ST", name: "Gemeinde Musterstadt" };
  }

  /** A dog registration under review (the next action decides and makes the fee notice). */
  async function reviewedCase(
    t: typeof tenant,
    o: { account?: boolean; data?: Record<string, unknown> } = {},
  ) {
    const citizen = o.account === false ? undefined : await makeCitizen(app);
    const { caseId } = await app.cases.submit({
      tenant: t,
      serviceSlug: "hund-anmelden",
      data: { ...dogApplication, ...o.data },
      applicantId: citizen?.id ?? null,
      channel: "online",
      idempotencyKey: `notice-${Date.now()}-${n++}`,
      receivedAt: new Date(),
    });
    await app.cases.perform({
      tenant: t,
      caseId,
      actionId: "startReview",
      actor: caseworker,
      input: {},
    });
    return { ref: { tenant: t, caseId }, caseId, citizen };
  }

  /** The decision is refused with `key` (and `check` on its params); the case stays in review. */
  async function refusedDecision(
    ref: { tenant: typeof tenant; caseId: string },
    key: string,
    check: (params: Record<string, unknown> | undefined) => boolean = () => true,
  ) {
    await assert.rejects(
      app.cases.perform({ ...ref, actionId: "assessTax", actor: caseworker, input: decision() }),
      (err: Error & { key?: string; params?: Record<string, unknown> }) =>
        err.key === key && check(err.params),
    );
    const row = await tx(ref.tenant.id, (x) =>
      x.selectFrom("cases").select("status").where("id", "=", ref.caseId).executeTakeFirstOrThrow(),
    );
    assert.equal(row.status, "inPruefung");
    assert.equal((await documentsOf(ref.tenant.id, ref.caseId)).length, 0);
  }

  async function decidedCase(
    t: typeof tenant,
    o: { account?: boolean; data?: Record<string, unknown>; signatory?: string } = {},
  ) {
    const { ref, caseId, citizen } = await reviewedCase(t, o);
    const done = await app.cases.perform({
      ...ref,
      actionId: "assessTax",
      actor: caseworker,
      input: decision(o.signatory),
    });
    return { caseId, citizen, status: done.status };
  }

  const tx = <T>(tenantId: string, f: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(app.platform.database.db, tenantId, f);

  async function documentsOf(tenantId: string, caseId: string) {
    return tx(tenantId, (t) =>
      t
        .selectFrom("documents")
        .selectAll()
        .where("case_id", "=", caseId)
        .orderBy("version")
        .execute(),
    );
  }

  async function deliveriesOf(tenantId: string, caseId: string) {
    return tx(tenantId, (t) =>
      t
        .selectFrom("deliveries")
        .selectAll()
        .where("case_id", "=", caseId)
        .orderBy("created_at")
        .execute(),
    );
  }

  /** Waits for the deliver job (effects run asynchronously). */
  async function delivered(tenantId: string, caseId: string, count = 1) {
    for (let i = 0; i < 150; i++) {
      const rows = await deliveriesOf(tenantId, caseId);
      if (rows.length >= count) return rows;
      await sleep(100);
    }
    throw new Error("no delivery within 15 s");
  }

  /** A municipality whose Kassenzeichen numbers are used up (4 digits, counter at 9999). */
  async function exhaustedMunicipality() {
    const t = await municipality();
    const owner = new pg.Client(app.platform.database.adminUrl);
    await owner.connect();
    try {
      await owner.query(
        `update tenants set settings = settings || '{"kassenzeichen": {"sequenceDigits": 4}}' where id = $1`,
        [t.id],
      );
      await owner.query("insert into kassenzeichen_counters values ($1, $2, 9999)", [
        t.id,
        Number(germanDate(new Date()).slice(0, 4)),
      ]);
    } finally {
      await owner.end();
    }
    return t;
  }

  /** Runs SQL as the owner (settings and counters the app cannot write directly). */
  async function asOwner(query: string, params: unknown[]) {
    const owner = new pg.Client(app.platform.database.adminUrl);
    await owner.connect();
    try {
      await owner.query(query, params);
    } finally {
      await owner.end();
    }
  }

  async function signedIn(t: typeof tenant) {
    const staff = await makeStaff(app.platform.database.db, t.id, ["caseworker"]);
    const client = new Client(app.url);
    await signInStaff(client, t.slug, staff.email);
    return { client, staff };
  }

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    tenant = await municipality();
  });
  after(() => app.stop());

  it("makes the fee notice with the case data, the amounts, the Kassenzeichen and the remedy notice, stored with its SHA-256", async () => {
    const { caseId, status } = await decidedCase(tenant);
    assert.equal(status, "festgesetzt");
    const [doc, ...more] = await documentsOf(tenant.id, caseId);
    assert.equal(more.length, 0);
    assert.equal(doc.version, 1);
    assert.equal(doc.kind, "notice");
    assert.equal(doc.sha256, createHash("sha256").update(doc.content).digest("hex"));
    assert.match(doc.template_version, /^[0-9a-f]{64}$/);
    const payment = doc.payment!;
    assert.ok(isValidKassenzeichen(KassenzeichenScheme.parse({}), payment.kassenzeichen));
    assert.equal(payment.dueDate > germanDate(new Date()), true);
    const text = pdfText(doc.content);
    const reference = (
      await tx(tenant.id, (t) =>
        t
          .selectFrom("cases")
          .select("reference")
          .where("id", "=", caseId)
          .executeTakeFirstOrThrow(),
      )
    ).reference;
    for (const expected of [
      "Erika Mustermann",
      "Lindenallee 12",
      reference,
      payment.kassenzeichen,
      "Rechtsbehelfsbelehrung",
      "Widerspruch",
      "Bescheid über die Festsetzung der Hundesteuer",
      "Max Beispiel",
      "DE02 1203 0000 0000 2020 51",
    ]) {
      assert.ok(text.includes(expected), `PDF text lacks ${expected}`);
    }
    assert.ok(text.includes(formatCents(payment.totalCents)), "total in the PDF");
    for (const line of payment.lines) assert.ok(text.includes(line.legalBasis.slice(0, 20)));
    assert.match(text, /Seite 1 von \d/);
    assert.equal(pdfPages(doc.content), doc.pages);
  });

  it("prints a GiroCode whose EPC payload is right line by line", async () => {
    const { caseId } = await decidedCase(tenant);
    const [doc] = await documentsOf(tenant.id, caseId);
    const codes: string[] = [];
    for (let page = 1; page <= doc.pages && codes.length === 0; page++) {
      codes.push(...pdfQrCodes(doc.content, page));
    }
    assert.equal(codes.length, 1, "one QR code in the notice");
    const lines = codes[0].split("\n");
    const cents = doc.payment!.totalCents;
    assert.deepEqual(lines.slice(0, 8), [
      "BCD",
      "002",
      "1",
      "SCT",
      "BYLADEM1001",
      "Gemeinde Musterstadt",
      "DE02120300000000202051",
      `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
    ]);
    assert.equal(lines[8], "", "no purpose code");
    assert.equal(lines[9], "", "no structured reference");
    assert.equal(lines[10], doc.payment!.kassenzeichen, "the Kassenzeichen as remittance text");
    assert.equal(doc.payment!.epc, codes[0]);
  });

  it("puts the address block inside the DIN 5008 window (form B: 20 mm left, 45 mm from the top, 85 x 45 mm)", async () => {
    const { caseId } = await decidedCase(tenant);
    const [doc] = await documentsOf(tenant.id, caseId);
    const words = pdfWords(doc.content).filter((w) => w.page === 1);
    for (const needle of ["Erika", "Lindenallee", "39999"]) {
      const w = words.find((x) => x.text === needle && x.yMin > 40);
      assert.ok(w, `${needle} on page 1`);
      assert.ok(w.xMin >= 20 && w.xMax <= 105, `${needle} x ${w.xMin}–${w.xMax} mm`);
      assert.ok(w.yMin >= 45 && w.yMax <= 90, `${needle} y ${w.yMin}–${w.yMax} mm`);
    }
  });

  it("prints hostile names and values literally", async () => {
    const hostile = {
      applicantName: { givenName: '#import "x"', familyName: "]*[ \\u{1F436} שלום" },
    };
    const long = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenbescheid";
    const { caseId, status } = await decidedCase(tenant, {
      data: hostile,
      signatory: `${long} 🐕 $x$`,
    });
    assert.equal(status, "festgesetzt");
    const [doc] = await documentsOf(tenant.id, caseId);
    const text = pdfText(doc.content).replace(/\s+/g, " ");
    assert.ok(text.includes('#import "x"'), "Typst markup printed as text");
    assert.ok(text.includes("]*["));
    assert.ok(text.includes("שלום"));
    assert.ok(text.includes("$x$"));
    assert.ok(pdfText(doc.content).replace(/\s+/g, "").includes(long), "long word complete");
  });

  it("refuses to make a notice whose text block has a gap to fill, and the case stays", async () => {
    const t = await municipality();
    // A version published while its library block was complete …
    const withPrivacy = structuredClone(dogService) as { documents: { blocks: object[] }[] };
    withPrivacy.documents[0].blocks.push({ textBlock: "datenschutzhinweis" });
    await publishService(app.platform.database.db, t.id, withPrivacy);
    // … whose block has since got a gap (written directly: the admin pages refuse this).
    await asOwner(
      `update text_blocks set text = text || ' Ansprechperson: [Name eintragen]' where tenant_id = $1 and key = 'datenschutzhinweis'`,
      [t.id],
    );
    const { ref } = await reviewedCase(t);
    await refusedDecision(ref, "notices.error.gap", (p) => p?.gap === "[Name eintragen]");
  });

  it("takes the next number when a changed scheme spells a Kassenzeichen given before", async () => {
    const t = await municipality();
    await asOwner(
      `update tenants set settings = settings || '{"kassenzeichen": {"yearDigits": 0, "sequenceDigits": 4, "checkDigit": "none"}}' where id = $1`,
      [t.id],
    );
    const first = await decidedCase(t);
    const [one] = await documentsOf(t.id, first.caseId);
    assert.equal(one.payment?.kassenzeichen, "0001");
    // As if the scheme had just changed: the next number spells one already given.
    await asOwner("update kassenzeichen_counters set last = 0 where tenant_id = $1", [t.id]);
    const second = await decidedCase(t);
    assert.equal(second.status, "festgesetzt");
    const [two] = await documentsOf(t.id, second.caseId);
    assert.equal(two.payment?.kassenzeichen, "0002");
    assert.ok(pdfText(two.content).includes("0002"));
  });

  it("refuses the decision when the notice cannot be made, leaving the case as it was", async () => {
    const poor = await exhaustedMunicipality();
    const { ref } = await reviewedCase(poor);
    await refusedDecision(ref, "notices.error.payment");
    const refs = await tx(poor.id, (t) => t.selectFrom("payment_references").selectAll().execute());
    assert.equal(refs.length, 0, "no Kassenzeichen used up");
  });

  it("keeps records immutable and versions a regenerated notice with the same Kassenzeichen", async () => {
    const { caseId } = await decidedCase(tenant);
    const [doc] = await documentsOf(tenant.id, caseId);
    await assert.rejects(
      tx(tenant.id, (t) =>
        t.updateTable("documents").set({ title: "geändert" }).where("id", "=", doc.id).execute(),
      ),
    );
    const owner = new pg.Client(app.platform.database.adminUrl);
    await owner.connect();
    try {
      await assert.rejects(
        owner.query("update documents set title = 'geändert' where id = $1", [doc.id]),
        /immutable/,
      );
    } finally {
      await owner.end();
    }
    const { makeDocument } = await import("../index.ts");
    const { getServiceVersion } = await import("../../services/index.ts");
    const { getTenant } = await import("../../tenants/index.ts");
    const row = await tx(tenant.id, (t) =>
      t.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow(),
    );
    const service = await getServiceVersion(
      app.platform.database.db,
      tenant.id,
      row.service_id,
      row.service_version,
    );
    const again = await tx(tenant.id, async (t) =>
      makeDocument(app.platform, t, {
        tenant: (await getTenant(app.platform.database.db, tenant.slug))!,
        caseRow: row,
        state: row.state as CaseState,
        service: service!,
        template: "hundesteuerbescheid",
        actorId: caseworker.id,
        now: new Date(),
        effectKey: null,
      }),
    );
    assert.equal(again.version, 2);
    assert.equal(again.kassenzeichen, doc.payment!.kassenzeichen);
  });

  it("provides the notice in the postbox; the first opening is the retrieval, notified the day after", async () => {
    const { caseId, citizen } = await decidedCase(tenant);
    const [d] = await delivered(tenant.id, caseId);
    assert.equal(d.channel, "postbox");
    assert.equal(d.status, "provided");
    assert.equal(d.expires_on, addDays(germanDate(d.notified_at!), 10));
    const openedAt = new Date();
    const message = await openMessage(
      app.platform,
      citizen!.id,
      tenant.slug,
      d.message_id!,
      openedAt,
    );
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0].content_type, "application/pdf");
    const [after] = await deliveriesOf(tenant.id, caseId);
    assert.equal(after.status, "retrieved");
    assert.equal(after.effective_on, addDays(germanDate(openedAt), 1));
    const events = await tx(tenant.id, (t) =>
      t
        .selectFrom("case_events")
        .select(["type", "payload"])
        .where("case_id", "=", caseId)
        .orderBy("seq")
        .execute(),
    );
    const types = events.map((e) => e.type);
    assert.ok(types.includes("document.delivered"));
    assert.ok(types.includes("document.retrieved"));
    const performed = events.find(
      (e) => (e.payload as { actionId?: string }).actionId === "assessTax",
    );
    assert.equal(
      (performed!.payload as { generateDocument: { version: number }[] }).generateDocument[0]
        .version,
      1,
    );
  });

  it("after ten days unretrieved, ends the provision and sends the notice by post in the next print batch", async () => {
    const t = await municipality();
    const { caseId } = await decidedCase(t);
    await delivered(t.id, caseId);
    const later = new Date(Date.now() + 11 * 86_400_000);
    assert.equal(await expireUnretrieved(app.platform, t, later), 1);
    const [postbox, letter] = await deliveriesOf(t.id, caseId);
    assert.equal(postbox.status, "expired");
    assert.equal(letter.channel, "print");
    assert.equal(letter.status, "queued");
    assert.equal(letter.replaces, postbox.id);

    const batch = await makePrintBatch(app.platform, t, caseworker.id, later);
    assert.ok(batch);
    assert.equal(batch.letters, 1);
    const stored = await tx(t.id, (q) =>
      q
        .selectFrom("print_batches")
        .selectAll()
        .where("id", "=", batch.id)
        .executeTakeFirstOrThrow(),
    );
    const [doc] = await documentsOf(t.id, caseId);
    // cover sheet (padded to an even page count), then the letter, padded to whole sheets
    const coverPages = stored.pages - doc.pages - (doc.pages % 2);
    assert.ok(coverPages >= 1 && coverPages % 2 === 0, `cover pages ${coverPages}`);
    assert.equal(pdfPages(stored.content), stored.pages);
    const text = pdfText(stored.content);
    assert.ok(text.includes("Druckstapel Nr. 1"));
    assert.ok(text.includes("Erika Mustermann"));
    assert.ok(text.includes(doc.payment!.kassenzeichen), "the letter itself is in the batch");
    const [, posted] = await deliveriesOf(t.id, caseId);
    assert.equal(posted.status, "posted");
    assert.equal(posted.posted_on, germanDate(later));
    assert.equal(posted.effective_on, notifiedAfterPosting(germanDate(later), "ST"));
    assert.equal(await makePrintBatch(app.platform, t, caseworker.id, later), undefined);
  });

  it("without an account: a retrieval link by e-mail; the page needs the right token and retrieval is a button press", async () => {
    const { caseId } = await decidedCase(tenant, { account: false });
    const [d] = await delivered(tenant.id, caseId);
    assert.equal(d.channel, "email");
    assert.equal(d.email, dogApplication.applicantEmail);
    const path = retrievalPath(app.platform.config.secretKey, tenant, d.id);
    const client = new Client(app.url);
    assert.equal((await client.get(`${path}x`)).status, 404);
    assert.equal((await client.get(path.replace(/t=.*/, "t="))).status, 404);
    const pageView = await client.get(path);
    assert.equal(pageView.status, 200);
    assert.equal(
      (await deliveriesOf(tenant.id, caseId))[0].status,
      "provided",
      "a GET retrieves nothing",
    );
    const download = await client.post(path, {}, pageView);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get("content-type"), "application/pdf");
    const [after] = await deliveriesOf(tenant.id, caseId);
    assert.equal(after.status, "retrieved");
    assert.equal(after.effective_on, addDays(germanDate(after.retrieved_at!), 1));
  });

  it("lists every version in the case file; a caseworker's download is logged", async () => {
    const { caseId } = await decidedCase(tenant);
    const [doc] = await documentsOf(tenant.id, caseId);
    const { client, staff } = await signedIn(tenant);
    const base = `/${tenant.slug}/amt/vorgaenge/${caseId}`;
    const file = await client.get(base);
    assert.equal(file.status, 200);
    assert.ok(file.body.includes(`${base}/dokumente/${doc.id}`), "download link");
    assert.ok(file.body.includes(doc.sha256), "fingerprint shown");
    assert.ok(file.body.includes("erstellt (Version 1)"), "the action's history names the notice");
    const pdf = await client.get(`${base}/dokumente/${doc.id}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    const other = await decidedCase(tenant);
    assert.equal(
      (await client.get(`/${tenant.slug}/amt/vorgaenge/${other.caseId}/dokumente/${doc.id}`))
        .status,
      404,
    );
    const log = await tx(tenant.id, (t) =>
      t
        .selectFrom("case_access_log")
        .selectAll()
        .where("case_id", "=", caseId)
        .where("what", "=", "download")
        .execute(),
    );
    assert.deepEqual(
      log.map((l) => l.user_id),
      [staff.id],
    );
  });

  it("shows the caseworker why a notice could not be made, on the unchanged case file", async () => {
    const t = await exhaustedMunicipality();
    const { caseId } = await reviewedCase(t);
    const { client } = await signedIn(t);
    const base = `/${t.slug}/amt/vorgaenge/${caseId}`;
    const form = await client.get(`${base}/aktionen/assessTax`);
    const version = /name="expectedVersion" value="(\d+)"/.exec(form.body)?.[1] ?? "";
    const refused = await client.post(
      `${base}/aktionen/assessTax`,
      { expectedVersion: version, taxTagNumbers: "2026-1", signatory: "Max Beispiel" },
      form,
    );
    assert.equal(refused.status, 422);
    assert.ok(refused.body.includes("konnte nicht erstellt werden"), "the reason is shown");
    assert.ok(refused.body.includes("erschöpft"), "with the cause");
    const row = await tx(t.id, (q) =>
      q.selectFrom("cases").select("status").where("id", "=", caseId).executeTakeFirstOrThrow(),
    );
    assert.equal(row.status, "inPruefung");
  });

  it("dates a posted notice by the municipality's rule: the third day where its Land still says so", async () => {
    const t = await municipality({ postalDays: "3" });
    const { caseId } = await decidedCase(t);
    await delivered(t.id, caseId);
    const later = new Date(Date.now() + 11 * 86_400_000);
    await expireUnretrieved(app.platform, t, later);
    assert.ok(await makePrintBatch(app.platform, t, caseworker.id, later));
    const [, posted] = await deliveriesOf(t.id, caseId);
    assert.equal(posted.effective_on, notifiedAfterPosting(germanDate(later), "ST", 3));
  });

  it("the outgoing-mail page makes the print batch and serves it", async () => {
    const t = await municipality();
    const { caseId } = await decidedCase(t);
    await delivered(t.id, caseId);
    await expireUnretrieved(app.platform, t, new Date(Date.now() + 11 * 86_400_000));
    const { client } = await signedIn(t);
    const page = await client.get(`/${t.slug}/amt/postausgang`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes("Wartende Briefe: 1"));
    const made = await client.post(`/${t.slug}/amt/postausgang`, {}, page);
    assert.equal(made.status, 200);
    assert.ok(made.body.includes("Druckstapel Nr. 1 mit 1 Briefen erstellt"));
    const link = /href="([^"]+\/postausgang\/[0-9a-f-]{36}\.pdf)"/.exec(made.body)?.[1];
    assert.ok(link, "batch download link");
    const pdf = await client.get(link);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    const [, letter] = await deliveriesOf(t.id, caseId);
    assert.equal(letter.status, "posted");
  });
});
