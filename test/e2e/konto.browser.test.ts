import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { makeCitizen, PASSWORD } from "../../src/modules/accounts/__tests__/factories.ts";
import {
  applyForDog,
  makeDogTenant,
  waitFor,
} from "../../src/modules/citizen/__tests__/support.ts";
import { sendMessageToApplicant } from "../../src/modules/postbox/index.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import { browserSkip, expectAccessible, useAppAndBrowser } from "../helpers/browser.ts";

describe("Bürgerkonto pages in a real browser, each state checked with axe", {
  skip: browserSkip,
}, () => {
  const suite = useAppAndBrowser();

  async function accessible(page: Page, expectText?: RegExp) {
    if (expectText) assert.match(await page.content(), expectText);
    await expectAccessible(page);
  }

  async function signIn(page: Page, email: string) {
    const { app } = suite;
    await page.goto(`${app.url}/konto/anmelden`);
    await page.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/konto/`);
  }

  it("empty account: overview, postbox, profile (also with errors), export, deletion", async () => {
    const { app, browser } = suite;
    const citizen = await makeCitizen(app);
    const page = await browser.newPage();
    await signIn(page, citizen.email);
    await accessible(page, /noch keine Anträge/);
    await page.goto(`${app.url}/konto/postfach`);
    await accessible(page, /Postfach ist leer/);
    await page.goto(`${app.url}/konto/profil`);
    await accessible(page);
    await page.getByLabel("Postleitzahl (freiwillig)").fill("12");
    await page.getByRole("button", { name: "Speichern" }).click();
    await accessible(page, /fünf Ziffern/);
    await page.goto(`${app.url}/konto/export`);
    await accessible(page);
    await page.goto(`${app.url}/konto/loeschen`);
    await accessible(page, /Aufbewahrungsfristen/);
    await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
    await accessible(page, /Bitte|Passwort/);
    await page.close();
  });

  it("account with a task and messages: overview, case page, task errors, message, reply errors, blocked deletion", async () => {
    const { app, browser } = suite;
    const { tenant, staff } = await makeDogTenant(app);
    const citizen = await makeCitizen(app);
    const { caseId } = await applyForDog(app, tenant, citizen.id);
    await app.cases.perform({
      tenant,
      caseId,
      actionId: "requestInformation",
      actor: { id: staff.id, roles: ["caseworker"] },
      input: { missingItems: "Nachweis der Haftpflichtversicherung" },
    });
    await sendMessageToApplicant(app.platform, {
      tenant,
      caseId,
      subject: "Merkblatt",
      body: "Anbei das Merkblatt.\n\nMit freundlichen Grüßen",
      authorId: staff.id,
      attachments: [
        {
          filename: "merkblatt.pdf",
          contentType: "application/pdf",
          content: Buffer.from("%PDF-1.4"),
        },
      ],
    });
    await waitFor(async () => {
      const n = await withTenant(app.platform.database.db, tenant.id, (tx) =>
        tx.selectFrom("postbox_messages").select("id").where("case_id", "=", caseId).execute(),
      );
      return n.length >= 2 ? n : undefined;
    });
    const page = await browser.newPage();
    await signIn(page, citizen.email);
    await accessible(page, /Ihre Mitwirkung ist erforderlich/);
    await page.getByRole("link", { name: /Jetzt beantworten/ }).click();
    await accessible(page, /Bitte reichen Sie Folgendes nach/);
    await page.getByRole("button", { name: "Unterlagen nachreichen" }).click();
    await accessible(page, /Bitte korrigieren Sie die folgenden Angaben/);
    await page.goto(`${app.url}/konto/postfach`);
    await accessible(page, /ungelesen/);
    await page.getByRole("link", { name: /Merkblatt/ }).click();
    await accessible(page, /Abgerufen am/);
    await page.getByRole("button", { name: "Antwort senden" }).click();
    await accessible(page, /Bitte schreiben Sie Ihre Nachricht/);
    await page.goto(`${app.url}/konto/loeschen`);
    await accessible(page, /nicht abgeschlossen/);
    await page.close();
  });
});
