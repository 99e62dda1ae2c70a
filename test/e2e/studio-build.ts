/**
 * The designer's part of the end-to-end test: building "Osterfeuer anzeigen" in the studio, with
 * the keyboard and the mouse as a designer would, through every editor.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  createServiceInStudio,
} from "../../src/modules/studio/__tests__/studio-browser.ts";

async function save(page: Page) {
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() =>
    /Gespeichert \(Stand/.test(document.querySelector(".studio-status")?.textContent ?? ""),
  );
}

export async function buildServiceInStudio(page: Page, studio: string): Promise<void> {
  await createServiceInStudio(page, studio, "Osterfeuer anzeigen");

  // TEMPORARY until the form builder is merged: its part via the API.
  const stored = await page.evaluate(async () => {
    const root = document.getElementById("studio")!;
    const base = `/${root.dataset.tenant}/studio/api/services/osterfeuer-anzeigen`;
    const draft = await (await fetch(`${base}/draft`)).json();
    const d = draft.definition;
    d.form.pages[0].fields.push(
      { id: "fireDate", type: "date", label: "Tag des Feuers", required: true },
      {
        id: "fireKind",
        type: "radio",
        label: "Art des Feuers",
        required: true,
        options: [
          { value: "osterfeuer", label: "Osterfeuer" },
          { value: "martinsfeuer", label: "Martinsfeuer" },
        ],
      },
      {
        id: "fireWardens",
        type: "integer",
        label: "Anzahl der Brandwachen",
        min: 1,
        visibleIf: 'fireKind = "osterfeuer"',
        requiredIf: 'fireKind = "osterfeuer"',
      },
    );
    const res = await fetch(`${base}/draft`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-csrf-token": root.dataset.csrf! },
      body: JSON.stringify({ revision: draft.revision, definition: d }),
    });
    return res.status;
  });
  assert.equal(stored, 200);
  await page.reload();
  await page.waitForSelector(".studio-editor h1");

  // Catalogue facts.
  await page.click("#tab-allgemein");
  await page.fill(
    "[data-path='meta.description']",
    "Anzeige eines Brauchtumsfeuers (Osterfeuer, Martinsfeuer)",
  );
  await page.fill("[data-path='meta.leikaKey']", "99123456789012");
  await page.fill("[data-path='meta.orgUnit']", "ordnungsamt");
  await page.getByRole("button", { name: "Rechtsgrundlage hinzufügen" }).click();
  await page.fill(
    "[data-path='meta.legalBasis[0]']",
    "§ 7 Gefahrenabwehrverordnung der Gemeinde Musterstadt (Beispiel)",
  );

  // The fee.
  await page.click("#tab-gebuehren");
  await page.fill("#fee-new-label", "Verwaltungsgebühr");
  await page.selectOption("#fee-new-kind", "fixed");
  await page.click("form[aria-label='Neue Gebührenposition'] button[type=submit]");
  await page.fill("#fee-legal-basis", "Tarifstelle 3.1 der Verwaltungskostensatzung (Beispiel)");
  await page.fill("#fee-amount", "25,00");
  await page.keyboard.press("Tab");

  // The notice: a fee notice from free text with a placeholder and the library's remedy notice.
  await page.click("#tab-bescheide");
  await page.click("#doc-add");
  await page.fill("#doc-title", "Bestätigung Ihres Osterfeuers");
  await page.check("#doc-payment");
  await page.fill("#doc-due-value", "1");
  await page.selectOption("#doc-due-unit", "months");
  await page.click("#doc-add-text");
  const text = "[data-path='documents[0].blocks[1].text']";
  await page.fill(text, "Ihr Feuer ist bestätigt. Tag des Feuers: ");
  await page.click(`${text}`);
  await page.keyboard.press("End");
  await page.click("[data-placeholder='fireDate']");
  assert.equal(
    await page.inputValue(text),
    "Ihr Feuer ist bestätigt. Tag des Feuers: {{fireDate}}",
  );
  await page.click("#doc-add-textblock");
  await page.selectOption(
    "[data-path='documents[0].blocks[2].textBlock']",
    "rechtsbehelfsbelehrungWiderspruch",
  );
  await page.click("#doc-preview-refresh");
  await page.waitForSelector("#doc-preview iframe", { timeout: 45_000 });
  await assertAccessible(page, "studio: notice editor of the new service");

  // The process: a second status and the approval action with its effects.
  await page.click("#tab-ablauf");
  await page.fill("#status-new-title", "Bestätigt");
  await page.selectOption("#status-new-kind", "final-positive");
  await page.click("form[aria-label='Neuer Status'] button[type=submit]");
  await page.fill("#action-new-title", "Anzeige bestätigen");
  await page.click("form[aria-label='Neue Aktion'] button[type=submit]");
  await page.waitForSelector("#action-to");
  assert.equal(await page.inputValue("#action-to"), "bestaetigt");
  assert.ok(await page.isChecked("#action-role-caseworker"));
  assert.equal(await page.inputValue("#action-id"), "anzeigeBestaetigen");
  for (const type of ["assessFee", "generateDocument", "deliver"]) {
    await page.selectOption("#effect-new-type", type);
    await page.getByRole("button", { name: "Wirkung hinzufügen" }).click();
  }
  await page.selectOption("#effect-1-document", "bescheid");
  await page.selectOption("#effect-2-document", "bescheid");
  await page.selectOption("#effect-2-channel", "postbox");
  await page.waitForSelector("#process-diagram [data-status=bestaetigt]");
  await assertAccessible(page, "studio: process editor of the new service");
  await save(page);

  // The linter has nothing left to say.
  assert.match((await page.textContent(".studio-status")) ?? "", /keine Fehler/);

  // The test run: sample data, submitted, confirmed as a caseworker — nothing real is made.
  await page.click("#tab-testlauf");
  await page.click("#testrun-sample");
  await page.click("#testrun-submit");
  await page.waitForSelector("#testrun-status");
  await page.selectOption("#testrun-actor", "caseworker");
  await page.click("[data-action=anzeigeBestaetigen][data-kind=perform]");
  await page.waitForFunction(() =>
    /abgeschlossen/.test(document.querySelector("#testrun-status")?.textContent ?? ""),
  );
  assert.match((await page.textContent("#testrun-fees-total")) ?? "", /25,00/);
  await page.waitForSelector("#testrun-documents [data-preview-document=bescheid]");
  await assertAccessible(page, "studio: test run of the new service");

  // Publish.
  await page.click("#tab-versionen");
  await page.click(".studio-versions button.kern-btn--primary");
  await page.waitForSelector("text=Version 1 ist veröffentlicht.");
}
