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
import { publishFrist, submitFrist } from "./fixtures.ts";

const skip = chromiumAvailable() ? false : `Chromium not found at ${CHROMIUM}`;

/**
 * The casework pages in Chromium with JavaScript off: follow-up form (and its error), statistics,
 * bulk selection, its error and its result — each with zero axe-core violations (plain forms;
 * the pages load no script; axe is evaluated through CDP, which needs JavaScript on).
 */
describe("casework pages in a browser, checked with axe", { skip }, () => {
  let app: Running;
  let browser: Browser;
  let tenant: { id: string; slug: string };
  let worker: { email: string };

  before(async () => {
    app = await startTestApp({ DEMO_MODE: "true" });
    browser = await launchBrowser();
    tenant = await makeTenant(app.platform.database.db, "cwaxe");
    await publishFrist(app, tenant.id);
    worker = await makeStaff(app.platform.database.db, tenant.id, ["caseworker"]);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function accessible(page: Page) {
    const v = await axeViolations(page);
    assert.deepEqual(v, [], describeViolations(page.url(), v));
  }

  it("follow-up, statistics and bulk pages pass axe, done with plain forms", async () => {
    const first = await submitFrist(app, tenant.id);
    await submitFrist(app, tenant.id, { daysAgo: 9 });
    const context = await browser.newContext({ javaScriptEnabled: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const base = `${app.url}/${tenant.slug}/amt`;
    await page.goto(`${base}/anmelden`);
    await page.fill("#email", worker.email);
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    await page.goto(`${base}/vorgaenge/${first.caseId}/wiedervorlage`);
    await accessible(page);
    await page.fill("#date", "kein Datum");
    await Promise.all([page.waitForNavigation(), page.press("#date", "Enter")]);
    assert.match(await page.content(), /gültiges Datum/);
    await accessible(page);
    await page.fill("#date", "01.02.2027");
    await Promise.all([page.waitForNavigation(), page.press("#date", "Enter")]);
    assert.match(await page.content(), /Die Wiedervorlage ist gespeichert/);
    await accessible(page);

    await page.goto(`${base}/statistik`);
    assert.match(await page.content(), /Eingänge je Woche/);
    await accessible(page);

    await page.goto(`${base}/sammelaktion`);
    await accessible(page);
    await page.goto(`${base}/sammelaktion?service=frist-test&status=neu`);
    await accessible(page);
    await page.selectOption("#action", "confirm");
    await Promise.all([page.waitForNavigation(), page.click("text=Aktion für die ausgewählten")]);
    assert.match(await page.content(), /mindestens einen Vorgang/);
    await accessible(page);
    await page.check(`#case-${first.caseId}`);
    await page.selectOption("#action", "confirm");
    await Promise.all([page.waitForNavigation(), page.click("text=Aktion für die ausgewählten")]);
    assert.match(await page.content(), /1 erledigt, 0 nicht möglich/);
    await accessible(page);
  });
});
