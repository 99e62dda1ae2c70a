import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { pdfImages, pdfPages, pdfText } from "../../../../test/helpers/pdf.ts";
import type { Running } from "../../../app.ts";
import { makeCitizen, PASSWORD } from "../../accounts/__tests__/factories.ts";
import { publishService } from "../../services/index.ts";
import { createTenant } from "../../tenants/index.ts";
import { saveTenantLogo } from "../../tenants/settings.service.ts";
import { receiptUrl, renderReceipt } from "../index.ts";

describe("receipt (Eingangsbestätigung)", () => {
  let app: Running;
  let tenant: { id: string; slug: string; state: string };

  before(async () => {
    app = await startTestApp();
    const slug = `t-${randomBytes(5).toString("hex")}`;
    const created = await createTenant(app.platform.database.db, {
      slug,
      settings: {
        name: "Gemeinde Musterstadt",
        state: "ST",
        street: "Marktplatz 1",
        postcode: "39999",
        city: "Musterstadt",
        email: "buergerbuero@musterstadt.example",
        phone: "03901 1234-0",
        iban: "DE02120300000000202051",
        bic: "BYLADEM1001",
        bankName: "Kreissparkasse Musterstadt",
      },
    });
    tenant = { ...created, state: "ST" };
    await publishService(app.platform.database.db, tenant.id, dogService);
  });
  after(() => app.stop());

  const submit = (data: unknown, applicantId: string | null = null) =>
    app.cases.submit({
      tenant,
      serviceSlug: "hund-anmelden",
      data,
      applicantId,
      channel: "online",
      idempotencyKey: null,
      receivedAt: new Date("2026-11-20T10:05:00Z"),
    });

  it("prints the applicant, reference, time of receipt and every answer with its label", async () => {
    const { caseId, reference } = await submit(dogApplication);
    const pdf = await renderReceipt(app.platform, tenant, caseId);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), "%PDF-");
    const text = pdfText(pdf);
    for (const expected of [
      "Eingangsbestätigung: Hund anmelden",
      reference,
      "20.11.2026, 11:05", // received at, Berlin time
      "Erika Mustermann", // address block and data
      "Lindenallee 12",
      "39999 Musterstadt",
      "Gemeinde Musterstadt · Marktplatz 1 · 39999 Musterstadt", // return address line
      "Angaben zur Hundehalterin / zum Hundehalter", // page title as section
      "Geburtsdatum",
      "14.03.1985", // date the German way
      "Anzumeldende Hunde", // repeating group
      "Hund 1",
      "Rufname des Hundes",
      "Bello",
      "Labrador Retriever", // option label, not the code labradorRetriever
      "Rüde",
      "IBAN DE02 1203 0000 0000 2020 51", // bank details in the footer
      "Wie es weitergeht",
      "2 Wochen",
    ]) {
      assert.ok(text.includes(expected), `missing ${expected} in\n${text}`);
    }
    assert.doesNotMatch(text, /labradorRetriever/);
    assert.match(text, /Seite 1 von \d/);
  });

  it("is a PDF/A-2b document with the municipality's logo in the letterhead", async () => {
    const slug = `t-${randomBytes(5).toString("hex")}`;
    const withLogo = await createTenant(app.platform.database.db, {
      slug,
      settings: { name: "Stadt mit Wappen", state: "ST", primaryColour: "#7a1f1f" },
    });
    const pixel = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    await saveTenantLogo(app.platform.database.db, withLogo.id, pixel);
    await publishService(app.platform.database.db, withLogo.id, dogService);
    const { caseId } = await app.cases.submit({
      tenant: withLogo,
      serviceSlug: "hund-anmelden",
      data: dogApplication,
      applicantId: null,
      channel: "online",
      idempotencyKey: null,
      receivedAt: new Date("2026-11-20T10:05:00Z"),
    });
    const pdf = await renderReceipt(app.platform, withLogo, caseId);
    assert.equal(pdfImages(pdf), 1);
    const raw = Buffer.from(pdf).toString("latin1");
    assert.match(raw, /pdfaid:part>2</);
    assert.match(raw, /pdfaid:conformance>B</);
    // Without a logo, no image.
    const { caseId: plain } = await submit(dogApplication);
    assert.equal(pdfImages(await renderReceipt(app.platform, tenant, plain)), 0);
  });

  it("renders the same bytes for the same case and time (no machine fonts, no clock inside)", async () => {
    const { caseId } = await submit(dogApplication);
    const now = new Date("2026-11-21T08:00:00Z");
    const a = await renderReceipt(app.platform, tenant, caseId, { now });
    const b = await renderReceipt(app.platform, tenant, caseId, { now });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)));
  });

  it("prints hostile names and values literally (Typst markup, long words, RTL, emoji)", async () => {
    const longWord = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz";
    const hostile = {
      ...dogApplication,
      applicantName: { givenName: '#import "x"', familyName: "]*[ $x^2$ <lbl> @ref" },
      previousMunicipality: `${longWord}${longWord}`.slice(0, 120),
      dogs: [
        {
          ...dogApplication.dogs[0],
          dogName: "שלום مرحبا 🐕‍🦺 😀",
          dogInsurer: '#set page(width: 1pt) #panic("boom") `raw` \\ // comment',
        },
      ],
    };
    const { caseId } = await submit(hostile);
    const pdf = await renderReceipt(app.platform, tenant, caseId);
    assert.ok(pdfPages(pdf) >= 1);
    const text = pdfText(pdf);
    for (const expected of [
      '#import "x"',
      "]*[ $x^2$ <lbl> @ref",
      "שלום",
      "مرحبا",
      "😀",
      "🐕",
      '#set page(width: 1pt) #panic("boom") `raw` \\ // comment',
    ]) {
      assert.ok(text.includes(expected), `missing ${expected} in\n${text}`);
    }
    // The long word wraps (rather than running off the page) but keeps every letter.
    const joined = text.replace(/\n/g, "");
    assert.ok(joined.includes(`${longWord}${longWord}`.slice(0, 120)), text);
  });

  describe("download", () => {
    const get = (url: string, session?: string) =>
      fetch(new URL(url, app.url), {
        redirect: "manual",
        headers: session ? { cookie: `dw_session=${session}` } : {},
      });

    async function signIn(email: string): Promise<string> {
      const client = new Client(app.url);
      const form = await client.get("/konto/anmelden");
      const res = await client.post("/konto/anmelden", { email, password: PASSWORD }, form);
      assert.equal(res.status, 303);
      return client.cookie("dw_session")!;
    }

    it("serves the applicant's own receipt, and the signed link to anyone holding it", async () => {
      const citizen = await makeCitizen(app);
      const { caseId, reference } = await submit(dogApplication, citizen.id);
      const plain = `/${tenant.slug}/dienste/hund-anmelden/eingangsbestaetigung/${caseId}.pdf`;

      const own = await get(plain, await signIn(citizen.email));
      assert.equal(own.status, 200);
      assert.equal(own.headers.get("content-type"), "application/pdf");
      assert.equal(own.headers.get("x-content-type-options"), "nosniff");
      assert.match(
        own.headers.get("content-disposition") ?? "",
        new RegExp(`^attachment; filename="Eingangsbestaetigung-${reference}\\.pdf"$`),
      );
      assert.ok(pdfText(new Uint8Array(await own.arrayBuffer())).includes(reference));

      const signed = await receiptUrl(app.platform, tenant, caseId);
      assert.ok(signed.startsWith(`${plain}?t=`), signed);
      const anonymous = await get(signed);
      assert.equal(anonymous.status, 200);
      assert.equal(anonymous.headers.get("content-type"), "application/pdf");
      assert.equal(
        Buffer.from(await anonymous.arrayBuffer())
          .subarray(0, 5)
          .toString(),
        "%PDF-",
      );
    });

    it("answers 404 to another citizen, without token, with a wrong token or path", async () => {
      const applicant = await makeCitizen(app);
      const other = await makeCitizen(app);
      const { caseId } = await submit(dogApplication, applicant.id);
      const anonymousCase = (await submit(dogApplication)).caseId;
      const plain = `/${tenant.slug}/dienste/hund-anmelden/eingangsbestaetigung/${caseId}.pdf`;
      const signed = await receiptUrl(app.platform, tenant, caseId);
      const token = new URL(signed, app.url).searchParams.get("t")!;
      const otherToken = new URL(
        await receiptUrl(app.platform, tenant, anonymousCase),
        app.url,
      ).searchParams.get("t")!;
      const secondTenant = await createTenant(app.platform.database.db, {
        slug: `t-${randomBytes(5).toString("hex")}`,
        settings: { name: "Andere Gemeinde", state: "ST" },
      });

      const cases: [string, string | undefined][] = [
        [plain, await signIn(other.email)],
        [plain, undefined],
        [`${plain}?t=${"A".repeat(43)}`, undefined],
        [`${plain}?t=${otherToken}`, undefined],
        [`${plain}?t=`, undefined],
        [signed.replace("/hund-anmelden/", "/kita-platz-beantragen/"), undefined],
        [signed.replace(`/${tenant.slug}/`, `/${secondTenant.slug}/`), undefined],
        [
          `/${tenant.slug}/dienste/hund-anmelden/eingangsbestaetigung/kein-fall.pdf?t=${token}`,
          undefined,
        ],
        [signed.replace(".pdf?", "?"), undefined],
      ];
      for (const [url, session] of cases) {
        const res = await get(url, session);
        assert.equal(res.status, 404, url);
        assert.notEqual(res.headers.get("content-type"), "application/pdf");
      }
    });
  });
});
