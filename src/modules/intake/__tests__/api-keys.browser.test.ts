import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { makeStaff, makeTenant, PASSWORD } from "../../tenants/__tests__/fixtures.ts";

/**
 * The API key pages in a real browser: empty list, error state, the key shown once, the list
 * with an active and a revoked key — each passes axe-core, and everything is done with the
 * keyboard (plain HTML forms; the pages load no script).
 */
describe("API key pages in a browser, checked with axe", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });
  let tenant: { id: string; slug: string };
  let admin: { email: string };

  before(async () => {
    const db = suite.app.platform.database.db;
    tenant = await makeTenant(db, "axe");
    admin = await makeStaff(db, tenant.id, ["admin"]);
  });

  it("creates and revokes a key with the keyboard; every state passes axe", async () => {
    const { app, browser } = suite;
    const context = await signedInContext(
      browser,
      `${app.url}/${tenant.slug}/amt/anmelden`,
      admin.email,
      PASSWORD,
      { javaScriptEnabled: true },
    );
    const page = await context.newPage();

    await page.goto(`${app.url}/${tenant.slug}/amt/verwaltung/`);
    await Promise.all([page.waitForNavigation(), page.click("text=API-Schlüssel")]);
    assert.match(page.url(), /api-schluessel$/);
    await expectAccessible(page);

    // Empty name: error summary and the message at the field.
    await page.focus("#name");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.ok(await page.isVisible(".error-summary"));
    await expectAccessible(page);

    await page.focus("#name");
    await page.keyboard.type("Scanstelle Rathaus");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    const key = await page.textContent("#api-key");
    assert.match(key ?? "", /^dwk_/);
    await expectAccessible(page);

    await Promise.all([page.waitForNavigation(), page.click("text=Zur Liste der API-Schlüssel")]);
    await expectAccessible(page);
    await page.focus("form[action$='/widerrufen'] button");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    assert.match((await page.textContent("main")) ?? "", /widerrufen am/);
    await expectAccessible(page);
    await context.close();
  });
});
