import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import type { BrowserContext } from "playwright-core";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { createStaffUser } from "../../accounts/index.ts";
import { DEMO_PASSWORD, seedDemo } from "../../demo/index.ts";
import { createOrgUnit, orgUnitsOf } from "../index.ts";
import { makeStaff, makeTenant, PASSWORD } from "./fixtures.ts";

/**
 * The administration pages in a real browser: every page, also with errors shown, passes
 * axe-core; the forms are plain HTML submissions (the pages load no script; the HTTP tests
 * drive the same forms with no JavaScript at all). axe itself needs JavaScript to run.
 */
describe("administration pages in a browser, checked with axe", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });
  let tenant: { id: string; slug: string };
  let admin: { id: string; email: string };
  const db = () => suite.app.platform.database.db;

  before(async () => {
    tenant = await makeTenant(db(), "axe");
    admin = await makeStaff(db(), tenant.id, ["admin"]);
    await createOrgUnit(db(), tenant.id, { name: "Bürgerbüro" });
  });
  const signedIn = (loginPath: string, email: string): Promise<BrowserContext> =>
    signedInContext(suite.browser, `${suite.app.url}${loginPath}`, email, PASSWORD);

  it("every administration page, and its error states, passes axe", async () => {
    const { app } = suite;
    const context = await signedIn(`/${tenant.slug}/amt/anmelden`, admin.email);
    const page = await context.newPage();
    const base = `${app.url}/${tenant.slug}/amt/verwaltung`;
    const unit = (await orgUnitsOf(db(), tenant.id))[0];
    for (const path of [
      "/",
      "/einstellungen",
      "/organisationseinheiten",
      `/organisationseinheiten/${unit.id}`,
      "/mitarbeitende",
      `/mitarbeitende/${admin.id}`,
    ]) {
      const res = await page.goto(`${base}${path}`);
      assert.equal(res?.status(), 200, path);
      await expectAccessible(page);
    }

    // Settings with a wrong IBAN, submitted as plain HTML.
    await page.goto(`${base}/einstellungen`);
    await page.fill("#iban", "DE00 0000 0000 0000 0000 00");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/einstellungen'] button[type=submit]"),
    ]);
    assert.match((await page.textContent("#fehler")) ?? "", /IBAN/);
    await expectAccessible(page);

    // A new org unit, then a duplicate.
    for (const expectError of [false, true]) {
      await page.goto(`${base}/organisationseinheiten`);
      await page.fill("#name", "Ordnungsamt");
      await Promise.all([
        page.waitForNavigation(),
        page.click("form[action$='/organisationseinheiten'] button[type=submit]"),
      ]);
      assert.equal((await page.$("#fehler")) !== null, expectError);
      await expectAccessible(page);
    }

    // An invitation without roles.
    await page.goto(`${base}/mitarbeitende`);
    await page.fill("#email", `ohne-rolle-${randomUUID().slice(0, 6)}@test.example`);
    await page.fill("#name", "Ohne Rolle");
    await page.uncheck("#roles-2");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/mitarbeitende'] button[type=submit]"),
    ]);
    assert.match((await page.textContent("#fehler")) ?? "", /Rolle/);
    await expectAccessible(page);
    await context.close();
  });

  it("the platform admin page and the demo start page pass axe", async () => {
    const { app, browser } = suite;
    const email = `axe-op-${randomUUID().slice(0, 8)}@plattform.example`;
    await createStaffUser(db(), {
      email,
      name: "Axel Operator",
      password: PASSWORD,
      platformAdmin: true,
    });
    const context = await signedIn("/admin/anmelden", email);
    const page = await context.newPage();
    assert.equal((await page.goto(`${app.url}/admin/`))?.status(), 200);
    await expectAccessible(page);
    await page.fill("#slug", "Kein gültiger Slug");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/admin/kommunen'] button[type=submit]"),
    ]);
    assert.ok(await page.$("#fehler"));
    await expectAccessible(page);
    await context.close();

    await seedDemo(db());
    const visitor = await browser.newContext();
    visitor.setDefaultTimeout(15_000);
    const home = await visitor.newPage();
    for (const path of ["/musterstadt/", `/${tenant.slug}/`]) {
      const res = await home.goto(`${app.url}${path}`);
      assert.equal(res?.status(), 200);
      await expectAccessible(home);
    }
    await home.goto(`${app.url}/musterstadt/`);
    assert.match((await home.textContent("main")) ?? "", new RegExp(DEMO_PASSWORD));
    await visitor.close();
  });
});
