import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, useAppAndBrowser } from "../../../../test/helpers/browser.ts";
import { assertAccessible, createServiceInStudio, studioSession } from "./studio-browser.ts";

/** The ids of the first page's fields, in order, as the list shows them. */
const rowIds = (page: Page) =>
  page.$$eval(".studio-fields > ol > li[data-field-id]", (rows) =>
    rows.map((r) => r.getAttribute("data-field-id")),
  );

/** The HTML the preview frame shows, once it contains `text`. */
async function previewShows(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t) => {
      const html = document.querySelector<HTMLIFrameElement>("#form-preview")?.srcdoc ?? "";
      return html.includes(t) ? html : false;
    },
    text,
    { timeout: 10_000 },
  );
  return String(await handle.jsonValue());
}

describe("the form builder in a browser", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  it("adds fields from the palette, writes a condition with completion, reorders by keyboard, previews and saves", async () => {
    const { page, studio, tenant, pageErrors, context } = await studioSession(
      suite.app,
      suite.browser,
      "stfb",
    );
    await createServiceInStudio(page, studio, "Hundehaltung melden");
    await page.click("#tab-formular");
    assert.deepEqual(await rowIds(page), ["applicantName", "applicantEmail"]);

    // a radio after the e-mail field: its id follows the label until someone types one
    await page.click("[data-field-id=applicantEmail] .studio-fieldrow__name");
    await page.click("#palette-radio");
    await page.waitForFunction(() => document.activeElement?.id === "feld-label");
    await page.fill("#feld-label", "Art der Haltung");
    assert.equal(await page.inputValue("#feld-id"), "artDerHaltung");
    await page.fill("#feld-option-0-label", "Privat");
    await page.fill("#feld-option-0-value", "privat");
    await page.fill("#feld-option-1-label", "Gewerblich");
    await page.fill("#feld-option-1-value", "gewerblich");

    await page.click("#palette-text");
    await page.fill("#feld-label", "Name des Hundes");
    await page.check("label:text-is('Pflichtfeld')");

    // a field shown only for commercial keeping; the name comes from the completion popup
    await page.click("#palette-text");
    await page.fill("#feld-label", "Gewerbeanmeldung Nummer");
    await page.focus("#feld-visibleIf");
    await page.keyboard.type("art");
    await page.waitForSelector("#feld-visibleIf-vorschlaege [role=option]");
    assert.equal(await page.getAttribute("#feld-visibleIf", "aria-expanded"), "true");
    assert.equal(
      await page.getAttribute("#feld-visibleIf", "aria-activedescendant"),
      "feld-visibleIf-vorschlaege-0",
    );
    assert.match(
      (await page.textContent("#feld-visibleIf-vorschlaege [role=option]")) ?? "",
      /artDerHaltung.*Art der Haltung/,
    );
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue("#feld-visibleIf"), "artDerHaltung");
    assert.equal(await page.getAttribute("#feld-visibleIf", "aria-expanded"), "false");
    // an unknown name is reported while typing
    await page.keyboard.type(" = gewerblich");
    await page.waitForSelector("#feld-visibleIf-error >> text=gewerblich");
    await page.fill("#feld-visibleIf", 'artDerHaltung = "gewerblich"');
    await page.waitForFunction(
      () => (document.querySelector("#feld-visibleIf-error")?.textContent ?? "") === "",
    );
    assert.deepEqual(await rowIds(page), [
      "applicantName",
      "applicantEmail",
      "artDerHaltung",
      "nameDesHundes",
      "gewerbeanmeldungNummer",
    ]);

    // keyboard reorder: the dog's name moves above the radio, and the new place is announced
    await page.focus("[data-field-id=nameDesHundes]");
    await page.keyboard.press("Alt+ArrowUp");
    await page.waitForSelector(".studio-fields [role=status] >> text=Position 3 von 5");
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-field-id") === "nameDesHundes",
      undefined,
      { timeout: 2000 },
    );
    assert.deepEqual(await rowIds(page), [
      "applicantName",
      "applicantEmail",
      "nameDesHundes",
      "artDerHaltung",
      "gewerbeanmeldungNummer",
    ]);

    // the preview is the portal's page: new labels there, the conditional field hidden ...
    const html = await previewShows(page, "Art der Haltung");
    assert.match(html, /Name des Hundes/);
    assert.match(html, /Gewerblich/);
    assert.doesNotMatch(html, /Gewerbeanmeldung Nummer/);
    assert.equal(await page.getAttribute("#form-preview", "sandbox"), "");
    // ... until the sample value meets its condition
    await page.click("text=Beispielwerte für Bedingungen");
    await page.selectOption("#beispiel-artDerHaltung", "gewerblich");
    await previewShows(page, "Gewerbeanmeldung Nummer");

    // drag and drop: the e-mail row dropped on the name row takes its place
    await page.dragAndDrop("[data-field-id=applicantEmail]", "[data-field-id=applicantName]", {
      sourcePosition: { x: 6, y: 6 },
      targetPosition: { x: 6, y: 6 },
    });
    assert.deepEqual((await rowIds(page)).slice(0, 2), ["applicantEmail", "applicantName"]);

    await page.click("[data-field-id=artDerHaltung] .studio-fieldrow__name");
    await assertAccessible(page, "form tab with a field selected");

    // a finding jumps back to its input, with the field selected again
    await page.fill("#feld-label", "");
    await page.click("[data-field-id=nameDesHundes] .studio-fieldrow__name");
    await page.click("#tab-pruefung");
    await page.click('.studio-finding--error:has-text("form.pages[0].fields[3].label") button');
    await page.waitForFunction(() => document.activeElement?.id === "feld-label");
    assert.equal(await page.inputValue("#feld-id"), "artDerHaltung");
    await page.fill("#feld-label", "Art der Haltung");

    // duplicate, then remove the copy again (after confirming)
    await page.click("[data-field-id=nameDesHundes] .studio-field-duplicate");
    assert.equal((await rowIds(page))[3], "nameDesHundesKopie");
    page.once("dialog", (d) => void d.accept());
    await page.click("[data-field-id=nameDesHundesKopie] .studio-field-remove");
    await page.waitForSelector("[data-field-id=nameDesHundesKopie]", { state: "detached" });

    await page.keyboard.press("Control+s");
    await page.waitForSelector("text=Gespeichert (Stand 2)");
    const stored = await page.evaluate(
      async (url) => (await fetch(url, { headers: { accept: "application/json" } })).json(),
      `/${tenant.slug}/studio/api/services/hundehaltung-melden/draft`,
    );
    const fields = stored.definition.form.pages[0].fields as Record<string, unknown>[];
    assert.deepEqual(
      fields.map((f) => f.id),
      [
        "applicantEmail",
        "applicantName",
        "nameDesHundes",
        "artDerHaltung",
        "gewerbeanmeldungNummer",
      ],
    );
    assert.deepEqual(fields[3], {
      id: "artDerHaltung",
      type: "radio",
      label: "Art der Haltung",
      options: [
        { value: "privat", label: "Privat" },
        { value: "gewerblich", label: "Gewerblich" },
      ],
    });
    assert.equal(fields[2]?.required, true);
    assert.equal(fields[4]?.visibleIf, 'artDerHaltung = "gewerblich"');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
