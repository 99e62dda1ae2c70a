import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { makeStaff, makeTenant, PASSWORD } from "../../tenants/__tests__/fixtures.ts";
import { publishFrist, submitFrist } from "./fixtures.ts";

/**
 * The casework pages in Chromium with JavaScript off: follow-up form (and its error), statistics,
 * bulk selection, its error and its result — each with zero axe-core violations (plain forms;
 * the pages load no script; axe is evaluated through CDP, which needs JavaScript on).
 */
describe("casework pages in a browser, checked with axe", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });
  let tenant: { id: string; slug: string };
  let worker: { email: string };

  before(async () => {
    const { app } = suite;
    tenant = await makeTenant(app.platform.database.db, "cwaxe");
    await publishFrist(app, tenant.id);
    worker = await makeStaff(app.platform.database.db, tenant.id, ["caseworker"]);
  });

  it("follow-up, statistics and bulk pages pass axe, done with plain forms", async () => {
    const { app, browser } = suite;
    const first = await submitFrist(app, tenant.id);
    await submitFrist(app, tenant.id, { daysAgo: 9 });
    const base = `${app.url}/${tenant.slug}/amt`;
    const context = await signedInContext(browser, `${base}/anmelden`, worker.email, PASSWORD, {
      javaScriptEnabled: true,
    });
    const page = await context.newPage();

    await page.goto(`${base}/vorgaenge/${first.caseId}/wiedervorlage`);
    await expectAccessible(page);
    await page.fill("#date", "kein Datum");
    await Promise.all([page.waitForNavigation(), page.press("#date", "Enter")]);
    assert.match(await page.content(), /gültiges Datum/);
    await expectAccessible(page);
    await page.fill("#date", "01.02.2027");
    await Promise.all([page.waitForNavigation(), page.press("#date", "Enter")]);
    assert.match(await page.content(), /Die Wiedervorlage ist gespeichert/);
    await expectAccessible(page);

    await page.goto(`${base}/statistik`);
    assert.match(await page.content(), /Eingänge je Woche/);
    await expectAccessible(page);

    await page.goto(`${base}/sammelaktion`);
    await expectAccessible(page);
    await page.goto(`${base}/sammelaktion?service=frist-test&status=neu`);
    await expectAccessible(page);
    await page.selectOption("#action", "confirm");
    await Promise.all([page.waitForNavigation(), page.click("text=Aktion für die ausgewählten")]);
    assert.match(await page.content(), /mindestens einen Vorgang/);
    await expectAccessible(page);
    await page.check(`#case-${first.caseId}`);
    await page.selectOption("#action", "confirm");
    await Promise.all([page.waitForNavigation(), page.click("text=Aktion für die ausgewählten")]);
    assert.match(await page.content(), /1 erledigt, 0 nicht möglich/);
    await expectAccessible(page);
  });
});
