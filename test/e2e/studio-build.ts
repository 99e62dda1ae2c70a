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

/**
 * Opens an editor tab and waits until it is shown (a click that lands while the editor
 * re-renders after the previous edit is repeated).
 */
async function openTab(page: Page, id: string) {
  for (let attempt = 0; ; attempt++) {
    await page.click(`#tab-${id}`);
    try {
      await page.waitForSelector(`#tab-${id}[aria-selected=true]`, { timeout: 3000 });
      await page.waitForSelector(`#panel-${id}`, { timeout: 3000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

async function save(page: Page) {
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() =>
    /Gespeichert \(Stand/.test(document.querySelector(".studio-status")?.textContent ?? ""),
  );
}

export async function buildServiceInStudio(page: Page, studio: string): Promise<void> {
  await createServiceInStudio(page, studio, "Osterfeuer anzeigen");

  // The form: three fields after the applicant's e-mail, one of them shown on a condition.
  await openTab(page, "formular");
  await page.click("[data-field-id=applicantEmail] .studio-fieldrow__name");
  await page.click("#palette-date");
  await page.fill("#feld-label", "Tag des Feuers");
  await page.fill("#feld-id", "fireDate");
  await page.keyboard.press("Enter");
  await page.check("label:text-is('Pflichtfeld')");

  await page.click("#palette-radio");
  await page.fill("#feld-label", "Art des Feuers");
  await page.fill("#feld-id", "fireKind");
  await page.keyboard.press("Enter");
  await page.check("label:text-is('Pflichtfeld')");
  await page.fill("#feld-option-0-label", "Osterfeuer");
  await page.fill("#feld-option-0-value", "osterfeuer");
  await page.fill("#feld-option-1-label", "Martinsfeuer");
  await page.fill("#feld-option-1-value", "martinsfeuer");

  await page.click("#palette-integer");
  await page.fill("#feld-label", "Anzahl der Brandwachen");
  await page.fill("#feld-id", "fireWardens");
  await page.keyboard.press("Enter");
  // the condition, with the field name taken from the completion list by keyboard
  await page.focus("#feld-visibleIf");
  await page.keyboard.type("fireK");
  await page.waitForSelector("#feld-visibleIf-vorschlaege [role=option]");
  await page.keyboard.press("Enter");
  await page.keyboard.type(' = "osterfeuer"');
  assert.equal(await page.inputValue("#feld-visibleIf"), 'fireKind = "osterfeuer"');
  await page.fill("#feld-requiredIf", 'fireKind = "osterfeuer"');
  await page.waitForFunction(() =>
    (document.querySelector<HTMLIFrameElement>("#form-preview")?.srcdoc ?? "").includes(
      "Art des Feuers",
    ),
  );
  await assertAccessible(page, "studio: form builder of the new service");
  await save(page);

  // Catalogue facts.
  await openTab(page, "allgemein");
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
  await openTab(page, "gebuehren");
  await page.fill("#fee-new-label", "Verwaltungsgebühr");
  await page.selectOption("#fee-new-kind", "fixed");
  await page.click("form[aria-label='Neue Gebührenposition'] button[type=submit]");
  await page.fill("#fee-legal-basis", "Tarifstelle 3.1 der Verwaltungskostensatzung (Beispiel)");
  await page.fill("#fee-amount", "25,00");
  await page.keyboard.press("Tab");

  // The notice: a fee notice from free text with a placeholder and the library's remedy notice.
  await openTab(page, "bescheide");
  await page.click("#doc-add", { timeout: 30_000 });
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
  await openTab(page, "ablauf");
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
  await openTab(page, "testlauf");
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
  await openTab(page, "versionen");
  await page.click(".studio-versions button.kern-btn--primary");
  await page.waitForSelector("text=Version 1 ist veröffentlicht.");
}
