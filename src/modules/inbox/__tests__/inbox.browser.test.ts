import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BrowserContext } from "playwright-core";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { PASSWORD } from "../../tenants/__tests__/fixtures.ts";
import { VIEWS } from "../inbox.repository.ts";
import { makeInboxTenant, submitDog } from "./fixtures.ts";

/**
 * The inbox in Chromium: every view, a search, a filter with a date error and the reassign page
 * pass axe-core with zero violations (JavaScript on only because axe runs in the page).
 */
describe("inbox pages in a browser, checked with axe", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });
  let context: BrowserContext;
  let setup: Awaited<ReturnType<typeof makeInboxTenant>>;

  before(async () => {
    setup = await makeInboxTenant(suite.app);
  });

  it("every view, a search, a date error and the reassign page have no axe violations", async () => {
    const { app } = suite;
    const first = await submitDog(app, setup.tenant, { familyName: "Lindemann" });
    await submitDog(app, setup.tenant, { channel: "post", dogName: "Bello" });
    const base = `${app.url}/${setup.tenant.slug}/amt`;
    context = await signedInContext(
      suite.browser,
      `${base}/anmelden`,
      setup.staff.anna.email,
      PASSWORD,
      { javaScriptEnabled: true },
    );
    const page = await context.newPage();

    await page.goto(`${base}/`);
    assert.match(await page.content(), /<h1[^>]*>Posteingang/);
    await expectAccessible(page);
    for (const view of VIEWS) {
      await page.goto(`${base}/?ansicht=${view}`);
      await expectAccessible(page);
    }
    await page.goto(`${base}/?ansicht=alle&suche=Lindemann`);
    assert.match(await page.content(), new RegExp(first.reference));
    await expectAccessible(page);

    const response = await page.goto(`${base}/?ansicht=alle&von=gestern`);
    assert.equal(response?.status(), 422);
    await expectAccessible(page);

    await page.goto(`${base}/vorgaenge/${first.caseId}/zuweisen`);
    assert.match(await page.content(), new RegExp(first.reference));
    await expectAccessible(page);
  });

  it("the intake desk's pages (choice, form, its errors, the result) have no axe violations", async () => {
    const { app } = suite;
    const page = await context.newPage();
    const base = `${app.url}/${setup.tenant.slug}/amt/erfassung`;
    await page.goto(base);
    await expectAccessible(page);
    await page.goto(`${base}/hund-anmelden`);
    assert.match(await page.content(), /name="amt_kanal"/);
    await expectAccessible(page);
    await page.fill("#amt_eingang", "01.01.2999");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form.application-form .kern-btn--primary"),
    ]);
    assert.match(await page.content(), /nicht in der Zukunft/);
    await expectAccessible(page);
    const entered = await submitDog(app, setup.tenant, { channel: "post" });
    await page.goto(`${base}/erfasst/${entered.caseId}`);
    assert.match(await page.content(), new RegExp(entered.reference));
    await expectAccessible(page);
  });
});
