import assert from "node:assert/strict";
import { it } from "node:test";
import { makeCitizen, PASSWORD } from "../../src/modules/accounts/__tests__/factories.ts";
import { findCase } from "../../src/modules/cases/index.ts";
import { makeDogTenant, waitFor } from "../../src/modules/citizen/__tests__/support.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import { browserSkip, expectAccessible, useAppAndBrowser } from "../helpers/browser.ts";
import { applyForDogInBrowser } from "../helpers/dog-application.ts";

const suite = useAppAndBrowser();

it("a citizen applies online, downloads the receipt, follows the case in the account, gets a postbox message and answers the document request", {
  skip: browserSkip,
}, async () => {
  const { app, browser } = suite;
  const { tenant, staff } = await makeDogTenant(app);
  const citizen = await makeCitizen(app);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();

  await page.goto(`${app.url}/konto/anmelden`);
  await page.getByLabel("E-Mail-Adresse", { exact: true }).fill(citizen.email);
  await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${app.url}/konto/`);

  // Apply through the portal pages.
  const reference = await applyForDogInBrowser(
    page,
    `${app.url}/${tenant.slug}/dienste/hund-anmelden`,
    expectAccessible,
  );

  // The receipt (Eingangsbestätigung) from the confirmation page is a PDF.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Eingangsbestätigung/ }).click(),
  ]);
  const pdf = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");

  // The case is in the account.
  await page.goto(`${app.url}/konto/`);
  assert.match(await page.locator("main").innerText(), new RegExp(reference));
  await expectAccessible(page);
  const caseId = await withTenant(app.platform.database.db, tenant.id, async (tx) => {
    const row = await tx
      .selectFrom("cases")
      .select("id")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    return row.id;
  });

  // The caseworker asks for more information; the effect puts a message in the postbox.
  await app.cases.perform({
    tenant,
    caseId,
    actionId: "requestInformation",
    actor: { id: staff.id, roles: ["caseworker"] },
    input: { missingItems: "Nachweis der Haftpflichtversicherung" },
  });
  await waitFor(async () => {
    const rows = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx.selectFrom("postbox_messages").select("id").where("case_id", "=", caseId).execute(),
    );
    return rows.length > 0 ? rows : undefined;
  });
  await page.goto(`${app.url}/konto/postfach`);
  await expectAccessible(page);
  await page.locator("main a.kern-link").filter({ hasText: /./ }).first().click();
  await expectAccessible(page);

  // The task in the account: answer it, with a document.
  await page.goto(`${app.url}/konto/`);
  await page.getByRole("link", { name: /Jetzt beantworten/ }).click();
  await expectAccessible(page);
  await page
    .locator('[name="supplyInformation-supplementNote"]')
    .fill("Anbei der Versicherungsnachweis.");
  await page.locator('[name="supplyInformation-supplementFiles"]').setInputFiles({
    name: "versicherung.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "Unterlagen nachreichen" }).click();
  await page.waitForLoadState();
  await expectAccessible(page);

  const after = await withTenant(app.platform.database.db, tenant.id, (tx) => findCase(tx, caseId));
  assert.notEqual(after?.status, "eingegangen");
  assert.equal(after?.state.data.supplementNote, "Anbei der Versicherungsnachweis.");
  const events = await withTenant(app.platform.database.db, tenant.id, (tx) =>
    tx
      .selectFrom("case_events")
      .select(["type", "actor_id"])
      .where("case_id", "=", caseId)
      .orderBy("seq")
      .execute(),
  );
  assert.ok(
    events.some((e) => e.actor_id === citizen.id && e.type === "action.performed"),
    JSON.stringify(events),
  );
  await context.close();
});
