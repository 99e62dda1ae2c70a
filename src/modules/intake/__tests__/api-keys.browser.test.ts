import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startTestApp } from "../../../../test/helpers/app.ts";
import {
  axeViolations,
  CHROMIUM,
  chromiumAvailable,
  describeViolations,
  launchBrowser,
} from "../../../../test/helpers/browser.ts";
import type { Running } from "../../../app.ts";
import { makeStaff, makeTenant, PASSWORD } from "../../tenants/__tests__/fixtures.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

/**
 * The API key pages in a real browser: empty list, error state, the key shown once, the list
 * with an active and a revoked key — each passes axe-core, and everything is done with the
 * keyboard (plain HTML forms; the pages load no script).
 */
describe("API key pages in a browser, checked with axe", { skip }, () => {
  let app: Running;
  let browser: Browser;
  let tenant: { id: string; slug: string };
  let admin: { email: string };

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    browser = await launchBrowser();
    tenant = await makeTenant(app.platform.database.db, "axe");
    admin = await makeStaff(app.platform.database.db, tenant.id, ["admin"]);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function accessible(page: Page) {
    const v = await axeViolations(page);
    assert.deepEqual(v, [], describeViolations(page.url(), v));
  }

  it("creates and revokes a key with the keyboard; every state passes axe", async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.url}/${tenant.slug}/amt/anmelden`);
    await page.fill("#email", admin.email);
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    await page.goto(`${app.url}/${tenant.slug}/amt/verwaltung/`);
    await Promise.all([page.waitForNavigation(), page.click("text=API-Schlüssel")]);
    assert.match(page.url(), /api-schluessel$/);
    await accessible(page);

    // Empty name: error summary and the message at the field.
    await page.focus("#name");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.ok(await page.isVisible(".error-summary"));
    await accessible(page);

    await page.focus("#name");
    await page.keyboard.type("Scanstelle Rathaus");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    const key = await page.textContent("#api-key");
    assert.match(key ?? "", /^dwk_/);
    await accessible(page);

    await Promise.all([page.waitForNavigation(), page.click("text=Zur Liste der API-Schlüssel")]);
    await accessible(page);
    await page.focus("form[action$='/widerrufen'] button");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.match((await page.textContent("main")) ?? "", /widerrufen am/);
    await accessible(page);
    await context.close();
  });
});
