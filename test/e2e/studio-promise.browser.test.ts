/**
 * The product's promise in one run: a designer builds a new service in the studio — three
 * fields including a condition, two statuses and an approval action, a fee, a notice —,
 * test-runs it and publishes it; a citizen applies; a caseworker approves; the fee notice
 * appears in the citizen's postbox.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Running } from "../../src/app.ts";
import {
  PASSWORD as CITIZEN_PASSWORD,
  makeCitizen,
} from "../../src/modules/accounts/__tests__/factories.ts";
import { waitFor } from "../../src/modules/citizen/__tests__/support.ts";
import { studioSession } from "../../src/modules/studio/__tests__/studio-browser.ts";
import { makeStaff, PASSWORD } from "../../src/modules/tenants/__tests__/fixtures.ts";
import { createOrgUnit, createTenant } from "../../src/modules/tenants/index.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { CHROMIUM, chromiumAvailable, launchBrowser } from "../helpers/browser.ts";
import { pdfQrCodes, pdfText } from "../helpers/pdf.ts";
import { buildServiceInStudio } from "./studio-build.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

let app: Running;
let browser: Browser;
before(async () => {
  app = await startTestApp({ DEMO_MODE: "true" });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const click = (page: Page, selector: string) =>
  Promise.all([page.waitForNavigation(), page.click(selector)]);

it("a designer builds, test-runs and publishes a service; a citizen applies; a caseworker approves; the fee notice is in the postbox", {
  skip,
}, async () => {
  const db = app.platform.database.db;
  const slug = `promise-${randomBytes(4).toString("hex")}`;
  const tenant = await createTenant(db, {
    slug,
    settings: {
      name: "Gemeinde Musterstadt",
      state: "ST",
      street: "Marktplatz 1",
      postcode: "39999",
      city: "Musterstadt",
      email: "ordnungsamt@musterstadt.example",
      phone: "03901 1234-0",
      iban: "DE02120300000000202051",
      bic: "BYLADEM1001",
      bankName: "Kreissparkasse Musterstadt",
    },
  });
  const unit = await createOrgUnit(db, tenant.id, { name: "Ordnungsamt" });
  const caseworker = await makeStaff(db, tenant.id, ["caseworker"], [unit.id]);

  // 1. The designer, in the studio only.
  const designer = await studioSession(app, browser, slug, { tenant: { id: tenant.id, slug } });
  await buildServiceInStudio(designer.page, designer.studio).catch((err: Error) => {
    // what the page itself reported is the likeliest cause of a step that timed out
    throw new Error(`${err.message}\npage errors: ${designer.pageErrors.join("\n") || "none"}`);
  });
  assert.deepEqual(designer.pageErrors, []);
  await designer.context.close();

  // 2. A citizen applies.
  const citizen = await makeCitizen(app);
  const cctx = await browser.newContext({ acceptDownloads: true });
  cctx.setDefaultTimeout(15_000);
  const cp = await cctx.newPage();
  await cp.goto(`${app.url}/konto/anmelden`);
  await cp.getByLabel("E-Mail-Adresse", { exact: true }).fill(citizen.email);
  await cp.getByLabel("Passwort", { exact: true }).fill(CITIZEN_PASSWORD);
  await cp.keyboard.press("Enter");
  await cp.waitForURL(`${app.url}/konto/`);
  await cp.goto(`${app.url}/${slug}/`);
  await cp
    .getByRole("link", { name: /Osterfeuer anzeigen/ })
    .first()
    .click();
  await cp.getByRole("link", { name: "Antrag starten" }).click();
  await cp.locator('[name="applicantName.givenName"]').fill("Erika");
  await cp.locator('[name="applicantName.familyName"]').fill("Mustermann");
  await cp.locator('[name="applicantEmail"]').fill("erika@example.org");
  await cp.locator('[name="fireDate"]').fill("04.04.2027");
  await cp.locator('[name="fireKind"][value="osterfeuer"]').check();
  await cp.locator('button.kern-btn--primary[value="weiter"]').click();
  // the condition: the wardens field appears for an Easter fire, with its error
  await cp.locator('[name="fireWardens"]').waitFor();
  await cp.locator('[name="fireWardens"]').fill("3");
  await cp.locator('button.kern-btn--primary[value="weiter"]').click();
  await cp.waitForURL(/\/zusammenfassung$/);
  await cp.getByRole("button", { name: "Antrag verbindlich absenden" }).click();
  await cp.waitForURL(/\/bestaetigung$/);
  const reference = (await cp.locator(".case-reference").innerText()).trim();
  assert.match(reference, /^OSTERFEU-\d{4}-\d{5}$/);

  // 3. The caseworker approves in the case file.
  const wctx = await browser.newContext();
  wctx.setDefaultTimeout(15_000);
  const wp = await wctx.newPage();
  await wp.goto(`${app.url}/${slug}/amt/anmelden`);
  await wp.fill("#email", caseworker.email);
  await wp.fill("#password", PASSWORD);
  await click(wp, "main button[type=submit]");
  await wp.goto(`${app.url}/${slug}/amt/?ansicht=alle`);
  await click(wp, `a:has-text("${reference}")`);
  await click(wp, "button:has-text('Anzeige bestätigen')");
  assert.match(await wp.locator("main").innerText(), /Bestätigt/);
  await wctx.close();

  // 4. The fee notice arrives in the citizen's postbox.
  const caseId = await withTenant(
    db,
    tenant.id,
    async (tx) =>
      (
        await tx
          .selectFrom("cases")
          .select("id")
          .where("reference", "=", reference)
          .executeTakeFirstOrThrow()
      ).id,
  );
  await waitFor(async () => {
    const rows = await withTenant(db, tenant.id, (tx) =>
      tx.selectFrom("postbox_messages").select("id").where("case_id", "=", caseId).execute(),
    );
    return rows.length > 0 ? rows : undefined;
  });
  await cp.goto(`${app.url}/konto/postfach`);
  await cp
    .locator("main a.kern-link")
    .filter({ hasText: /Osterfeuer/ })
    .first()
    .click();
  const [download] = await Promise.all([
    cp.waitForEvent("download"),
    cp
      .locator("main a")
      .filter({ hasText: /\.pdf|PDF|Bescheid/ })
      .first()
      .click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  const text = await pdfText(pdf);
  assert.match(text, /Bestätigung Ihres Osterfeuers/);
  assert.match(text, /Ihr Feuer ist bestätigt. Tag des Feuers: 04.04.2027/);
  assert.match(text, /Erika Mustermann/);
  assert.match(text, /25,00/);
  assert.match(text, /Kassenzeichen/);
  const codes = await pdfQrCodes(pdf);
  assert.ok(
    codes.some((c) => c.startsWith("BCD\n002\n1\nSCT")),
    "GiroCode missing",
  );
  await cctx.close();
});
