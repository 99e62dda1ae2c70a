import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestApp } from "../../../../test/helpers/app.ts";
import {
  axeViolations,
  CHROMIUM,
  chromiumAvailable,
  describeViolations,
  launchBrowser,
} from "../../../../test/helpers/browser.ts";
import type { Running } from "../../../app.ts";
import { PASSWORD } from "../../tenants/__tests__/fixtures.ts";
import { VIEWS } from "../inbox.repository.ts";
import { makeInboxTenant, submitDog } from "./fixtures.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

/**
 * The inbox in Chromium: every view, a search, a filter with a date error and the reassign page
 * pass axe-core with zero violations (JavaScript on only because axe runs in the page).
 */
describe("inbox pages in a browser, checked with axe", { skip }, () => {
  let app: Running;
  let browser: Browser;
  let context: BrowserContext;
  let setup: Awaited<ReturnType<typeof makeInboxTenant>>;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    browser = await launchBrowser();
    setup = await makeInboxTenant(app);
  });
  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await app?.stop();
  });

  async function accessible(page: Page) {
    const v = await axeViolations(page);
    assert.deepEqual(v, [], describeViolations(page.url(), v));
  }

  it("every view, a search, a date error and the reassign page have no axe violations", async () => {
    const first = await submitDog(app, setup.tenant, { familyName: "Lindemann" });
    await submitDog(app, setup.tenant, { channel: "post", dogName: "Bello" });
    context = await browser.newContext({ javaScriptEnabled: true });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(15_000);
    const page = await context.newPage();
    const base = `${app.url}/${setup.tenant.slug}/amt`;
    await page.goto(`${base}/anmelden`);
    await page.fill("#email", setup.staff.anna.email);
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    await page.goto(`${base}/`);
    assert.match(await page.content(), /<h1[^>]*>Posteingang/);
    await accessible(page);
    for (const view of VIEWS) {
      await page.goto(`${base}/?ansicht=${view}`);
      await accessible(page);
    }
    await page.goto(`${base}/?ansicht=alle&suche=Lindemann`);
    assert.match(await page.content(), new RegExp(first.reference));
    await accessible(page);

    const response = await page.goto(`${base}/?ansicht=alle&von=gestern`);
    assert.equal(response?.status(), 422);
    await accessible(page);

    await page.goto(`${base}/vorgaenge/${first.caseId}/zuweisen`);
    assert.match(await page.content(), new RegExp(first.reference));
    await accessible(page);
  });

  it("the intake desk's pages (choice, form, its errors, the result) have no axe violations", async () => {
    const page = await context.newPage();
    const base = `${app.url}/${setup.tenant.slug}/amt/erfassung`;
    await page.goto(base);
    await accessible(page);
    await page.goto(`${base}/hund-anmelden`);
    assert.match(await page.content(), /name="amt_kanal"/);
    await accessible(page);
    await page.fill("#amt_eingang", "01.01.2999");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form.application-form .kern-btn--primary"),
    ]);
    assert.match(await page.content(), /nicht in der Zukunft/);
    await accessible(page);
    const entered = await submitDog(app, setup.tenant, { channel: "post" });
    await page.goto(`${base}/erfasst/${entered.caseId}`);
    assert.match(await page.content(), new RegExp(entered.reference));
    await accessible(page);
  });
});
