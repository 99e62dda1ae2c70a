import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { pdfText } from "../../../../test/helpers/pdf.ts";
import type { Running } from "../../../app.ts";
import {
  assessFees,
  type CaseState,
  caseContext,
  formatCents,
  germanDate,
  loadDefinition,
  validateSubmission,
} from "../../../core/index.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { createService } from "../studio.service.ts";

const dogService = JSON.parse(readFileSync("services/hund-anmelden.json", "utf8"));
const { data: happy } = JSON.parse(
  readFileSync("services/examples/hund-anmelden.happy.json", "utf8"),
);

/** A designer's session in the studio: cookies, and the CSRF token the studio page carries. */
async function designerSession(app: Running, prefix: string) {
  const db = app.platform.database.db;
  const tenant = await makeTenant(db, prefix);
  const designer = await makeStaff(db, tenant.id, ["designer"]);
  const client = new Client(app.url);
  await signInStaff(client, tenant.slug, designer.email);
  const shell = await client.get(`/${tenant.slug}/studio/`);
  assert.equal(shell.status, 200);
  // the studio's pages (only they) may frame the preview's blob: URL
  assert.match(shell.headers.get("content-security-policy") ?? "", /frame-src 'self' blob:/);
  const other = await client.get(`/${tenant.slug}/amt/`);
  assert.doesNotMatch(other.headers.get("content-security-policy") ?? "", /frame-src/);
  const csrf = /data-csrf="([^"]+)"/.exec(shell.body)?.[1];
  assert.ok(csrf, "no CSRF token on the studio page");
  await createService(db, tenant.id, designer.id, {
    slug: "hund-anmelden",
    title: "Hund anmelden",
    from: { kind: "template", id: "hund-anmelden" },
  });
  const cookie = ["dw_csrf", "dw_session"].map((n) => `${n}=${client.cookie(n) ?? ""}`).join("; ");
  async function preview(body: unknown, slug = "hund-anmelden", tenantSlug = tenant.slug) {
    return fetch(`${app.url}/${tenantSlug}/studio/api/services/${slug}/preview/document`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": csrf!, cookie },
      body: JSON.stringify(body),
    });
  }
  return { tenant, preview };
}

async function pdfOf(res: Response): Promise<string> {
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(res.headers.get("content-type"), "application/pdf");
  return pdfText(new Uint8Array(await res.arrayBuffer()));
}

describe("the studio's notice preview", () => {
  let app: Running;
  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
  });
  after(async () => {
    await app?.stop();
  });

  it("renders a draft's notice with a library text block and the given data, marked as a sample", async () => {
    const { tenant, preview } = await designerSession(app, "pv");
    const definition = structuredClone(dogService);
    const letter = definition.documents.find(
      (d: { id: string }) => d.id === "einstellungsmitteilung",
    );
    letter.blocks.push({ textBlock: "datenschutzhinweis" });
    const text = await pdfOf(
      await preview({
        definition,
        document: "einstellungsmitteilung",
        data: {
          ...happy,
          discontinueReason: "Der Hund lebt in Nachbarhausen",
          signatory: "Hanna Prüferin",
        },
      }),
    );
    const flat = text.replace(/\s+/g, " ");
    assert.match(flat, /Mitteilung über die Einstellung des Anmeldeverfahrens/);
    assert.match(flat, /Grund: Der Hund lebt in Nachbarhausen/);
    assert.match(flat, /Hanna Prüferin/);
    // the municipality's library block, its placeholders filled
    assert.match(flat, /Hinweise zum Datenschutz/);
    // (the municipality's made-up name has a hyphen, where a line may break: compared without)
    assert.ok(
      flat
        .replace(/-/g, "")
        .includes(
          `Verantwortlich für die Verarbeitung Ihrer personenbezogenen Daten ist ${tenant.name.replace(/-/g, "")}`,
        ),
      flat,
    );
    assert.match(flat, /MUSTER/);
    assert.match(flat, /MUSTER-2026-0001/);
  });

  it("shows a fee notice with the fee total and a sample Kassenzeichen, and stores nothing", async () => {
    const { tenant, preview } = await designerSession(app, "pvf");
    const data = {
      ...happy,
      reliefGranted: false,
      reliefReason: "",
      taxTagNumbers: "2026-0147",
      signatory: "Max Beispiel",
    };
    const text = await pdfOf(
      await preview({ definition: dogService, document: "hundesteuerbescheid", data }),
    );
    const loaded = loadDefinition(dogService);
    assert.ok(loaded.ok);
    const today = germanDate(new Date());
    // the fees as the engine assesses them: on the stored application (computed fields filled in)
    const { taxTagNumbers: _t, signatory: _s, ...application } = happy;
    const stored = validateSubmission(loaded.definition, application, { today });
    assert.ok(stored.ok, JSON.stringify(!stored.ok && stored.errors));
    const caseData = { ...stored.data, reliefGranted: false };
    const state: CaseState = {
      status: "festgesetzt",
      data: caseData,
      version: 1,
      statusEnteredAt: "",
    };
    const fees = assessFees(
      loaded.definition,
      caseContext(loaded.definition, state, caseData, today),
    );
    assert.ok(fees.ok && fees.assessment.totalCents > 0);
    const flat = text.replace(/\s+/g, " ");
    assert.ok(flat.includes(formatCents(fees.assessment.totalCents)), flat);
    assert.match(flat, /Kassenzeichen/);
    assert.match(flat, /MUSTER-0000-0000/);

    // without data: sample data for the form and the caseworker's input
    const sample = await pdfOf(
      await preview({ definition: dogService, document: "hundesteuerbescheid" }),
    );
    assert.match(sample.replace(/\s+/g, " "), /Erika Mustermann/);

    const written = await withTenant(app.platform.database.db, tenant.id, async (tx) => {
      const count = async (table: "documents" | "payment_references" | "cases") =>
        Number(
          (
            await tx
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as("n"))
              .where("tenant_id", "=", tenant.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        documents: await count("documents"),
        payments: await count("payment_references"),
        cases: await count("cases"),
      };
    });
    assert.deepEqual(written, { documents: 0, payments: 0, cases: 0 });
  });

  it("prints hostile data literally", async () => {
    const { preview } = await designerSession(app, "pvh");
    const hostile = '#import "x" ]*[ #panic("boom") {{case.reference}}';
    const text = await pdfOf(
      await preview({
        definition: dogService,
        document: "einstellungsmitteilung",
        data: { ...happy, discontinueReason: hostile, signatory: "Max Beispiel" },
      }),
    );
    assert.ok(text.replace(/\s+/g, " ").includes(`Grund: ${hostile}`), text);
  });

  it("refuses a broken definition with its problems, an unknown document, and a bad request", async () => {
    const { preview } = await designerSession(app, "pvb");
    const broken = structuredClone(dogService);
    broken.process.initialStatus = "gibtEsNicht";
    const res = await preview({ definition: broken, document: "hundesteuerbescheid" });
    assert.equal(res.status, 422);
    const body = (await res.json()) as {
      error: { message: string };
      problems: { path: string; message: string }[];
    };
    assert.ok(body.problems.length > 0);
    assert.ok(body.problems.some((p) => p.path.startsWith("process")));
    assert.match(body.error.message, /Vorschau/);

    const unknown = await preview({ definition: dogService, document: "gibtEsNicht" });
    assert.equal(unknown.status, 422);
    assert.match(
      ((await unknown.json()) as { error: { message: string } }).error.message,
      /gibtEsNicht/,
    );

    const bad = await preview({ definition: dogService });
    assert.equal(bad.status, 400);
  });

  it("is not there for another municipality's designer", async () => {
    const a = await designerSession(app, "pva");
    const b = await designerSession(app, "pvo");
    // B's designer at A's studio
    const foreign = await b.preview(
      { definition: dogService, document: "hundesteuerbescheid" },
      "hund-anmelden",
      a.tenant.slug,
    );
    assert.equal(foreign.status, 404);
    // a service B does not have
    const missing = await b.preview(
      { definition: dogService, document: "hundesteuerbescheid" },
      "gibt-es-nicht",
    );
    assert.equal(missing.status, 404);
  });
});
