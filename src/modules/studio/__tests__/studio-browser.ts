/**
 * Shared by the studio's browser tests: a municipality, a designer signed in to the studio in
 * Chromium, and an axe check that fails on serious or critical violations (the studio's bar).
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { axeViolations, describeViolations } from "../../../../test/helpers/browser.ts";
import type { Running } from "../../../app.ts";
import { makeStaff, makeTenant, PASSWORD } from "../../tenants/__tests__/fixtures.ts";

export async function studioSession(
  app: Running,
  browser: Browser,
  prefix = "studio",
  options: { tenant?: { id: string; slug: string } } = {},
) {
  const db = app.platform.database.db;
  const tenant = options.tenant ?? (await makeTenant(db, prefix));
  const designer = await makeStaff(db, tenant.id, ["designer"]);
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${app.url}/${tenant.slug}/amt/anmelden`);
  await page.fill("#email", designer.email);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
  const studio = `${app.url}/${tenant.slug}/studio/`;
  return { tenant, designer, context, page, studio, pageErrors };
}

/** Creates a service through the studio's list page and waits for its editor. */
export async function createServiceInStudio(
  page: Page,
  studio: string,
  title: string,
  from = "blank",
): Promise<void> {
  await page.goto(studio);
  await page.fill("#new-title", title);
  await page.selectOption("#new-from", from);
  await page.click("section[aria-labelledby=new-service] button[type=submit]");
  await page.waitForSelector(".studio-editor h1");
}

/** No serious or critical axe-core violations on the page as it is now. */
export async function assertAccessible(page: Page, label = page.url()): Promise<void> {
  const v = (await axeViolations(page)).filter(
    (x) => x.impact === "serious" || x.impact === "critical",
  );
  assert.deepEqual(v, [], describeViolations(label, v));
}
