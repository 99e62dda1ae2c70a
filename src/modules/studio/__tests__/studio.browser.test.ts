import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSkip, useAppAndBrowser } from "../../../../test/helpers/browser.ts";
import { assertAccessible, createServiceInStudio, studioSession } from "./studio-browser.ts";

describe("the studio in a browser", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  it("lists services, creates one, edits it by keyboard, warns of unsaved changes, saves, and passes axe", async () => {
    const { page, studio, pageErrors, context } = await studioSession(
      suite.app,
      suite.browser,
      "stbr",
    );
    await page.goto(studio);
    await page.waitForSelector("#new-title");
    await assertAccessible(page, "studio list");

    await createServiceInStudio(page, studio, "Osterfeuer anzeigen");
    assert.match(page.url(), /\/studio\/dienste\/osterfeuer-anzeigen/);
    // the blank service lacks catalogue facts: the linter says so
    assert.match((await page.textContent(".studio-status")) ?? "", /\d+ Fehler/);

    // tabs by keyboard: from "Formular" the left arrow reaches "Allgemein"
    await page.focus("#tab-formular");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getAttribute("#tab-allgemein", "aria-selected"), "true");
    await assertAccessible(page, "studio general tab");

    // a finding in the linter panel jumps to its input
    await page.click("#tab-pruefung");
    // read the finding's path first: the jump leaves the panel
    const first = (await page.textContent(".studio-finding--error .studio-muted")) ?? "";
    await page.click(".studio-finding--error button >> nth=0");
    const focused = await page
      .waitForFunction(() => document.activeElement?.getAttribute("data-path"))
      .then((h) => h.jsonValue());
    assert.ok(first.endsWith(String(focused)), `first finding "${first}", focused ${focused}`);

    await page.click("#tab-allgemein");
    await page.fill("[data-path='meta.description']", "Anzeige eines Brauchtumsfeuers");
    assert.match((await page.textContent(".studio-status")) ?? "", /Ungespeicherte/);
    // leaving with unsaved changes asks first
    let asked = false;
    page.once("dialog", (d) => {
      asked = true;
      void d.dismiss();
    });
    await page.click("text=Alle Dienste");
    assert.ok(asked, "no warning before leaving with unsaved changes");
    assert.match(page.url(), /osterfeuer-anzeigen/);

    await page.keyboard.press("Control+s");
    await page.waitForSelector("text=Gespeichert (Stand 2)");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it("publishes a service from a template, shows a readable diff, and lists the problems of a broken import", async () => {
    const { page, studio, pageErrors, context } = await studioSession(
      suite.app,
      suite.browser,
      "stver",
    );
    await createServiceInStudio(page, studio, "Hund anmelden", "template:hund-anmelden");
    assert.match((await page.textContent(".studio-status")) ?? "", /keine Fehler/);
    await page.click("#tab-versionen");
    await page.click(".studio-versions button.kern-btn--primary");
    await page.waitForSelector("text=Version 1 ist veröffentlicht.");
    await page.waitForSelector(".studio-versions td >> text=Version 1 als Datei");

    await page.click("#tab-allgemein");
    await page.fill("[data-path='meta.title']", "Hund anmelden und abmelden");
    await page.click("#tab-versionen");
    // Version 1 -> the unsaved draft: the title, before and after
    await page.waitForSelector(".studio-diff");
    const diff = (await page.textContent(".studio-diff")) ?? "";
    assert.match(diff, /Titel: Hund anmelden → Hund anmelden und abmelden/);
    await assertAccessible(page, "studio versions tab with a diff");

    // a broken file: nothing is imported, every problem is listed
    await page.goto(studio);
    await page.setInputFiles("#import-file", {
      name: "kaputt.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, id: "kaputt", version: "x" })),
    });
    await page.click("section[aria-labelledby=import-service] button[type=submit]");
    await page.waitForSelector(".studio-problems li");
    assert.ok((await page.locator(".studio-problems li").count()) >= 3);
    assert.equal(await page.locator("text=kaputt").count(), 0);
    await assertAccessible(page, "studio list with import problems");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
