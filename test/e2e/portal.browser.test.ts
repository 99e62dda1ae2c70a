import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { PDF } from "../../src/modules/portal/__tests__/fixtures.ts";
import { publishService } from "../../src/modules/services/index.ts";
import { browserSkip, expectAccessible, useAppAndBrowser } from "../helpers/browser.ts";
import {
  applyForDogInBrowser,
  DOG_HOLDER,
  DOG_TEXTS,
  fillFields,
  nextPage,
} from "../helpers/dog-application.ts";
import { makeTenant } from "../helpers/factories.ts";

const service = (id: string) => JSON.parse(readFileSync(`services/${id}.json`, "utf8"));

describe("applying in a real browser: axe on every state, without JavaScript, keyboard only", {
  skip: browserSkip,
}, () => {
  const suite = useAppAndBrowser();
  let tenant: { id: string; slug: string };
  let checkAxe = true;
  before(async () => {
    const { app } = suite;
    tenant = await makeTenant(app);
    await publishService(app.platform.database.db, tenant.id, service("hund-anmelden"));
    await publishService(
      app.platform.database.db,
      tenant.id,
      service("negativzeugnis-vorkaufsrecht"),
    );
  });

  /** axe runs inside the page: without JavaScript there is nothing to run it with. */
  async function accessible(page: Page) {
    if (!checkAxe) return;
    await expectAccessible(page);
  }

  const fill = fillFields;
  const next = nextPage;

  async function applyForDog(context: BrowserContext) {
    const page = await context.newPage();
    await applyForDogInBrowser(
      page,
      `${suite.app.url}/${tenant.slug}/dienste/hund-anmelden`,
      accessible,
    );
    await page.close();
  }

  it("a citizen registers a dog: repeating group, conditional field, every page passes axe", async () => {
    const { browser } = suite;
    const context = await browser.newContext();
    await applyForDog(context);
    await context.close();
  });

  it("the same application completes with JavaScript switched off", async () => {
    const { browser } = suite;
    const context = await browser.newContext({ javaScriptEnabled: false });
    checkAxe = false;
    try {
      await applyForDog(context);
    } finally {
      checkAxe = true;
      await context.close();
    }
  });

  it("applies for a Negativzeugnis with a PDF upload, every page passes axe", async () => {
    const { app, browser } = suite;
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `${app.url}/${tenant.slug}/dienste/negativzeugnis-vorkaufsrecht`;
    await page.goto(`${base}/antrag`);
    await page.locator('[name="applicantType"][value="person"]').check();
    await fill(page, {
      "applicantName.givenName": "Clara",
      "applicantName.familyName": "Beispiel",
      "applicantAddress.street": "Breite Straße",
      "applicantAddress.houseNumber": "20",
      "applicantAddress.postcode": "39999",
      "applicantAddress.city": "Musterstadt",
      applicantEmail: "clara@example.org",
    });
    await page.locator('[name="applicantRole"][value="notar"]').check();
    await next(page);
    await page.waitForURL(/\/antrag\/(vertrag|antragsteller)$/);
    if (page.url().endsWith("antragsteller")) {
      // an organisation needs its name: the revealed field
      await page.locator('[name="organisationName"]').fill("Notariat Dr. Beispiel");
      await next(page);
      await page.waitForURL(/\/antrag\/vertrag$/);
    }
    await accessible(page);
    await fill(page, {
      deedNumber: "1234/2026",
      contractDate: "10.11.2026",
      sellerNames: "Hans Verkäufer",
      buyerNames: "Eva Käuferin",
      purchasePrice: "185.000,00",
      landRegister: "Grundbuch von Musterstadt Blatt 4711",
      "parcels[0].flur": "4",
      "parcels[0].flurstueck": "87/2",
    });
    await page.locator('[name="buyerRelation"]').selectOption("keine");
    await page.locator('[name="objectType"][value="grundstueck"]').check();
    await page.locator('[name="parcels[0].gemarkung"]').selectOption("altdorf");
    await page.locator('[name="contractFile"]').setInputFiles({
      name: "kaufvertrag.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await next(page);
    await page.waitForURL(/\/antrag\/erklaerung$/);
    await page.locator('[name="truthfulnessConfirmed"]').check();
    await next(page);
    await page.waitForURL(/\/antrag\/zusammenfassung$/);
    assert.match(await page.locator("main").innerText(), /kaufvertrag\.pdf/);
    await accessible(page);
    await page.getByRole("button", { name: "Antrag verbindlich absenden" }).click();
    await page.waitForURL(/\/antrag\/bestaetigung$/);
    assert.match(await page.locator(".case-reference").innerText(), /^NEGATIVZ-\d{4}-\d{5}$/);
    assert.ok(await page.locator('a[href*="eingangsbestaetigung"]').count());
    await accessible(page);
    await context.close();
  });

  it("completes an application with the keyboard only", async () => {
    const { app, browser } = suite;
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `${app.url}/${tenant.slug}/dienste/hund-anmelden`;
    await page.goto(base);

    /** Presses Tab until the element matching `selector` has the focus. */
    async function tabTo(selector: string) {
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
          return;
      }
      assert.fail(`Tab never reached ${selector} on ${page.url()}`);
    }
    async function typeAll(values: Record<string, string>) {
      for (const [name, value] of Object.entries(values)) {
        await tabTo(`[name="${name}"]`);
        await page.keyboard.type(value);
      }
    }
    const press = async (selector: string, key = "Enter") => {
      await tabTo(selector);
      await page.keyboard.press(key);
    };
    const weiter = 'button.kern-btn--primary[value="weiter"]';

    await press('a[href$="/antrag"]');
    await page.waitForURL(/\/antrag\/halter$/);
    await typeAll(DOG_HOLDER);
    await press(weiter);
    await page.waitForURL(/\/antrag\/hunde$/);
    await typeAll(DOG_TEXTS);
    await tabTo('[name="dogs[0].dogBreed"]');
    await page.keyboard.type("Labrador");
    await press('[name="dogs[0].dogSex"]', "Space");
    await tabTo('[name="dogs[0].dogRelief"]');
    await page.keyboard.type("keine");
    await press(weiter);
    await page.waitForURL(/\/antrag\/erklaerung$/);
    await press('[name="truthfulnessConfirmed"]', "Space");
    await press(weiter);
    await page.waitForURL(/\/antrag\/zusammenfassung$/);
    await press('form[action$="/absenden"] button');
    await page.waitForURL(/\/antrag\/bestaetigung$/);
    assert.match(await page.locator(".case-reference").innerText(), /^HUND-/);
    await context.close();
  });
});
