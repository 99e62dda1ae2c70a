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

/** The text-block pages in a real browser, with their error states, checked with axe-core. */
describe("text-block pages in a browser, checked with axe", { skip }, () => {
  let app: Running;
  let browser: Browser;

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function accessible(page: Page) {
    const v = await axeViolations(page);
    assert.deepEqual(v, [], describeViolations(page.url(), v));
  }

  async function submit(page: Page, form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  }

  it("the list, a new block refused at its field, its page and an edit refused at its field pass axe", async () => {
    const db = app.platform.database.db;
    const tenant = await makeTenant(db, "tbaxe");
    const admin = await makeStaff(db, tenant.id, ["admin"]);
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.url}/${tenant.slug}/amt/anmelden`);
    await page.fill("#email", admin.email);
    await page.fill("#password", PASSWORD);
    await submit(page, "form");

    const base = `${app.url}/${tenant.slug}/amt/verwaltung/textbausteine`;
    assert.equal((await page.goto(base))?.status(), 200);
    await accessible(page);

    // a block naming service data: refused at the field
    await page.fill("#key", "hundHinweis");
    await page.fill("#text", "Ihr Hund {{dogName}}");
    await submit(page, `form[action$='/textbausteine']`);
    assert.match((await page.textContent("#fehler")) ?? "", /dogName/);
    assert.equal(await page.getAttribute("#text", "aria-invalid"), "true");
    await accessible(page);

    // a good one, then its page
    await page.fill("#key", "hinweisSprechzeiten");
    await page.fill("#text", "Sprechzeiten: {{tenant.openingHours}}");
    await submit(page, `form[action$='/textbausteine']`);
    assert.equal(page.url(), base);
    await page.click("a[href$='/textbausteine/hinweisSprechzeiten']");
    await page.waitForURL(`${base}/hinweisSprechzeiten`);
    await accessible(page);

    await page.fill("#text", "{{tenant.sprechzeiten}}");
    await submit(page, `form[action$='/hinweisSprechzeiten']`);
    assert.match((await page.textContent("#fehler")) ?? "", /tenant\.sprechzeiten/);
    await accessible(page);

    // the default Klage notice with its gap to fill: the warning, checked too
    await page.goto(`${base}/rechtsbehelfsbelehrungKlage`);
    assert.match((await page.textContent(".kern-alert--warning")) ?? "", /Lücke/);
    await accessible(page);
    await context.close();
  });
});
