import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSkip, useAppAndBrowser } from "../../../../test/helpers/browser.ts";
import { assertAccessible, createServiceInStudio, studioSession } from "./studio-browser.ts";

describe("the studio's fees editor in a browser", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  it("adds a fixed fee and a decision table, shows an overlap at its rows until it is fixed, and saves", async () => {
    const { page, studio, pageErrors, context, tenant } = await studioSession(
      suite.app,
      suite.browser,
      "stfe",
    );
    await createServiceInStudio(page, studio, "Plakate anzeigen");
    const slug = /\/dienste\/([^/]+)/.exec(page.url())?.[1];
    assert.ok(slug);
    await page.click("#tab-gebuehren");

    // a fixed fee in German euros, with its legal basis
    await page.fill("#fee-new-label", "Verwaltungsgebühr");
    await page.selectOption("#fee-new-kind", "fixed");
    await page.click("form[aria-label='Neue Gebührenposition'] button[type=submit]");
    await page.waitForSelector("#fee-amount");
    await page.fill(
      "#fee-legal-basis",
      "§ 4 KAG LSA i. V. m. der Verwaltungskostensatzung, Tarifstelle 7.1",
    );
    await page.fill("#fee-amount", "12,5x");
    await page.waitForSelector("#fee-amount-error >> text=z. B. 12,50");
    await page.fill("#fee-amount", "12,50");
    await page.waitForSelector("#fee-amount-error", { state: "detached" });

    // a decision table on the number of persons
    await page.fill("#fee-new-label", "Gebühr nach Personenzahl");
    await page.selectOption("#fee-new-kind", "table");
    await page.click("form[aria-label='Neue Gebührenposition'] button[type=submit]");
    await page.waitForSelector("#fee-input-0");
    await page.fill("#fee-legal-basis", "Gebührensatzung Nr. 3");
    await page.fill("#fee-input-0", "persons");
    await page.selectOption("#fee-hit-policy", "collect-sum");
    await page.fill("#fee-cell-0-0", "<= 4");
    await page.fill("#fee-amount-0", "10,00");
    await page.fill("#fee-basis-0", "Gebührensatzung Nr. 3.1");
    await page.click("text=Zeile hinzufügen");
    await page.fill("#fee-cell-1-0", ">= 4");
    await page.fill("#fee-amount-1", "20");

    // 4 persons match both rows: the overlap is shown at both rows
    await page.waitForSelector("#fee-check-1 >> text=Überschneidung");
    assert.match((await page.textContent("#fee-check-0")) ?? "", /Überschneidung.*4/);
    assert.match((await page.textContent("#fee-check-1")) ?? "", /Zeilen? 1, 2|\(1, 2\)/);
    assert.equal(await page.getAttribute("#fee-cell-1-0", "aria-describedby"), "fee-check-1");

    // arrow keys move between cells
    await page.focus("#fee-cell-0-0");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "fee-cell-1-0");

    // a malformed cell is named at its row and changes into a finding-free row once fixed
    await page.fill("#fee-cell-1-0", ">= ");
    await page.waitForSelector("#fee-check-1 >> text=Eingabe 1: Der FEEL-Ausdruck ist fehlerhaft");
    assert.equal(await page.getAttribute("#fee-cell-1-0", "aria-invalid"), "true");

    // fixed: the finding goes
    await page.fill("#fee-cell-1-0", "> 4");
    await page.waitForSelector("#fee-check-1 >> text=in Ordnung");
    assert.doesNotMatch((await page.textContent("#fee-check-0")) ?? "", /Überschneidung/);
    assert.match(
      (await page.textContent("#fee-table-checks")) ?? "",
      /Keine Lücken und Überschneidungen gefunden/,
    );

    await assertAccessible(page, "fees tab");

    await page.keyboard.press("Control+s");
    await page.waitForSelector("text=Gespeichert (Stand 2)");
    const response = await page.request.get(
      `${suite.app.url}/${tenant.slug}/studio/api/services/${slug}/draft`,
    );
    assert.equal(response.status(), 200);
    const { definition } = (await response.json()) as { definition: { fees: unknown } };
    assert.deepEqual(definition.fees, {
      currency: "EUR",
      items: [
        {
          id: "verwaltungsgebuehr",
          label: "Verwaltungsgebühr",
          legalBasis: "§ 4 KAG LSA i. V. m. der Verwaltungskostensatzung, Tarifstelle 7.1",
          amount: 1250,
        },
        {
          id: "gebuehrNachPersonenzahl",
          label: "Gebühr nach Personenzahl",
          legalBasis: "Gebührensatzung Nr. 3",
          table: {
            hitPolicy: "collect-sum",
            inputs: ["persons"],
            rules: [
              { when: ["<= 4"], amount: 1000, legalBasis: "Gebührensatzung Nr. 3.1" },
              { when: ["> 4"], amount: 2000 },
            ],
          },
        },
      ],
    });
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
