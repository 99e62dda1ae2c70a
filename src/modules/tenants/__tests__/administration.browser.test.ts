import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
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
import { createStaffUser } from "../../accounts/index.ts";
import { DEMO_PASSWORD, seedDemo } from "../../demo/index.ts";
import { createOrgUnit, orgUnitsOf } from "../index.ts";
import { makeStaff, makeTenant, PASSWORD } from "./fixtures.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

/**
 * The administration pages in a real browser: every page, also with errors shown, passes
 * axe-core; the forms are plain HTML submissions (the pages load no script; the HTTP tests
 * drive the same forms with no JavaScript at all). axe itself needs JavaScript to run.
 */
describe("administration pages in a browser, checked with axe", { skip }, () => {
  let app: Running;
  let browser: Browser;
  let tenant: { id: string; slug: string };
  let admin: { id: string; email: string };
  const db = () => app.platform.database.db;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    browser = await launchBrowser();
    tenant = await makeTenant(db(), "axe");
    admin = await makeStaff(db(), tenant.id, ["admin"]);
    await createOrgUnit(db(), tenant.id, { name: "Bürgerbüro" });
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    return context;
  }

  async function accessible(page: Page) {
    const v = await axeViolations(page);
    assert.deepEqual(v, [], describeViolations(page.url(), v));
  }

  async function signedIn(loginPath: string, email: string): Promise<BrowserContext> {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}${loginPath}`);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await page.close();
    return context;
  }

  it("every administration page, and its error states, passes axe", async () => {
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
      await accessible(page);
    }

    // Settings with a wrong IBAN, submitted as plain HTML.
    await page.goto(`${base}/einstellungen`);
    await page.fill("#iban", "DE00 0000 0000 0000 0000 00");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/einstellungen'] button[type=submit]"),
    ]);
    assert.match((await page.textContent("#fehler")) ?? "", /IBAN/);
    await accessible(page);

    // A new org unit, then a duplicate.
    for (const expectError of [false, true]) {
      await page.goto(`${base}/organisationseinheiten`);
      await page.fill("#name", "Ordnungsamt");
      await Promise.all([
        page.waitForNavigation(),
        page.click("form[action$='/organisationseinheiten'] button[type=submit]"),
      ]);
      assert.equal((await page.$("#fehler")) !== null, expectError);
      await accessible(page);
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
    await accessible(page);
    await context.close();
  });

  it("the platform admin page and the demo start page pass axe", async () => {
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
    await accessible(page);
    await page.fill("#slug", "Kein gültiger Slug");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/admin/kommunen'] button[type=submit]"),
    ]);
    assert.ok(await page.$("#fehler"));
    await accessible(page);
    await context.close();

    await seedDemo(db());
    const visitor = await newContext();
    const home = await visitor.newPage();
    for (const path of ["/musterstadt/", `/${tenant.slug}/`]) {
      const res = await home.goto(`${app.url}${path}`);
      assert.equal(res?.status(), 200);
      await accessible(home);
    }
    await home.goto(`${app.url}/musterstadt/`);
    assert.match((await home.textContent("main")) ?? "", new RegExp(DEMO_PASSWORD));
    await visitor.close();
  });
});
