import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { makeStaff, makeTenant, PASSWORD } from "../../tenants/__tests__/fixtures.ts";

/** The text-block pages in a real browser, with their error states, checked with axe-core. */
describe("text-block pages in a browser, checked with axe", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  async function submit(page: Page, form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  }

  it("the list, a new block refused at its field, its page and an edit refused at its field pass axe", async () => {
    const { app, browser } = suite;
    const db = app.platform.database.db;
    const tenant = await makeTenant(db, "tbaxe");
    const admin = await makeStaff(db, tenant.id, ["admin"]);
    const context = await signedInContext(
      browser,
      `${app.url}/${tenant.slug}/amt/anmelden`,
      admin.email,
      PASSWORD,
    );
    const page = await context.newPage();

    const base = `${app.url}/${tenant.slug}/amt/verwaltung/textbausteine`;
    assert.equal((await page.goto(base))?.status(), 200);
    await expectAccessible(page);

    // a block naming service data: refused at the field
    await page.fill("#key", "hundHinweis");
    await page.fill("#text", "Ihr Hund {{dogName}}");
    await submit(page, `form[action$='/textbausteine']`);
    assert.match((await page.textContent("#fehler")) ?? "", /dogName/);
    assert.equal(await page.getAttribute("#text", "aria-invalid"), "true");
    await expectAccessible(page);

    // a good one, then its page
    await page.fill("#key", "hinweisSprechzeiten");
    await page.fill("#text", "Sprechzeiten: {{tenant.openingHours}}");
    await submit(page, `form[action$='/textbausteine']`);
    assert.equal(page.url(), base);
    await page.click("a[href$='/textbausteine/hinweisSprechzeiten']");
    await page.waitForURL(`${base}/hinweisSprechzeiten`);
    await expectAccessible(page);

    await page.fill("#text", "{{tenant.sprechzeiten}}");
    await submit(page, `form[action$='/hinweisSprechzeiten']`);
    assert.match((await page.textContent("#fehler")) ?? "", /tenant\.sprechzeiten/);
    await expectAccessible(page);

    // the default Klage notice with its gap to fill: the warning, checked too
    await page.goto(`${base}/rechtsbehelfsbelehrungKlage`);
    assert.match((await page.textContent(".kern-alert--warning")) ?? "", /Lücke/);
    await expectAccessible(page);
    await context.close();
  });
});
