/**
 * The designer's part of the end-to-end test: building "Osterfeuer anzeigen" in the studio.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { createServiceInStudio } from "../../src/modules/studio/__tests__/studio-browser.ts";

export async function buildServiceInStudio(page: Page, studio: string): Promise<void> {
  await createServiceInStudio(page, studio, "Osterfeuer anzeigen");
  // TEMPORARY until the editors are merged: the definition the UI steps will produce.
  const stored = await page.evaluate(async () => {
    const root = document.getElementById("studio")!;
    const base = `/${root.dataset.tenant}/studio/api/services/osterfeuer-anzeigen`;
    const draft = await (await fetch(`${base}/draft`)).json();
    const d = draft.definition;
    Object.assign(d.meta, {
      description: "Anzeige eines Brauchtumsfeuers (Osterfeuer, Martinsfeuer)",
      leikaKey: "99123456789012",
      legalBasis: ["§ 7 Gefahrenabwehrverordnung der Gemeinde Musterstadt (Beispiel)"],
      orgUnit: "ordnungsamt",
    });
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
    d.process.statuses.push({ id: "bestaetigt", title: "Bestätigt", kind: "final-positive" });
    d.process.actions.push({
      id: "bestaetigen",
      title: "Anzeige bestätigen",
      from: ["eingegangen"],
      to: "bestaetigt",
      roles: ["caseworker"],
      effects: [
        { type: "assessFee" },
        { type: "generateDocument", document: "bestaetigung" },
        { type: "deliver", document: "bestaetigung", channel: "postbox" },
      ],
    });
    d.fees = {
      currency: "EUR",
      items: [
        {
          id: "gebuehr",
          label: "Verwaltungsgebühr",
          legalBasis: "Tarifstelle 3.1 der Verwaltungskostensatzung (Beispiel)",
          amount: 2500,
        },
      ],
    };
    d.documents = [
      {
        id: "bestaetigung",
        title: "Bestätigung Ihres Osterfeuers",
        kind: "notice",
        payment: { due: { months: 1 } },
        blocks: [
          { text: "Sehr geehrte Damen und Herren,\n\nIhr Feuer am {{fireDate}} ist bestätigt." },
          { textBlock: "rechtsbehelfsbelehrungWiderspruch" },
        ],
      },
    ];
    const csrf = root.dataset.csrf!;
    const res = await fetch(`${base}/draft`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      body: JSON.stringify({ revision: draft.revision, definition: d }),
    });
    return res.status;
  });
  assert.equal(stored, 200);
  await page.reload();
  await page.waitForSelector(".studio-editor h1");
  assert.match((await page.textContent(".studio-status")) ?? "", /keine Fehler/);

  // Publish.
  await page.click("#tab-versionen");
  await page.click(".studio-versions button.kern-btn--primary");
  await page.waitForSelector("text=Version 1 ist veröffentlicht.");
}
