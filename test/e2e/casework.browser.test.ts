import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { applyFor, makeOffice } from "../../src/modules/casefile/__tests__/support.ts";
import { PASSWORD } from "../../src/modules/tenants/__tests__/fixtures.ts";
import { withTenant } from "../../src/platform/db/database.ts";
import {
  browserSkip,
  expectAccessible,
  signedInContext,
  useAppAndBrowser,
} from "../helpers/browser.ts";

describe("casework in a real browser: request, answer, propose, approve; stale page refused", {
  skip: browserSkip,
}, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  async function accessible(page: Page, expectText?: RegExp) {
    if (expectText) assert.match((await page.textContent("main")) ?? "", expectText);
    await expectAccessible(page);
  }

  async function signedIn(slug: string, email: string): Promise<Page> {
    const url = `${suite.app.url}/${slug}/amt/anmelden`;
    return (await signedInContext(suite.browser, url, email, PASSWORD)).newPage();
  }

  const click = (page: Page, selector: string) =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);

  it("a caseworker requests a document, the citizen answers, the caseworker proposes, an approver approves", async () => {
    const { app } = suite;
    const { tenant, staff } = await makeOffice(app);
    const [worker, colleague, approver] = [
      await staff(["caseworker"]),
      await staff(["caseworker"]),
      await staff(["approver"]),
    ];
    const { caseId, citizen } = await applyFor(app, tenant);
    const url = `${app.url}/${tenant.slug}/amt/vorgaenge/${caseId}`;
    const status = async () =>
      (
        await withTenant(app.platform.database.db, tenant.id, (tx) =>
          tx
            .selectFrom("cases")
            .select("status")
            .where("id", "=", caseId)
            .executeTakeFirstOrThrow(),
        )
      ).status;

    const a = await signedIn(tenant.slug, worker.email);
    await a.goto(url);
    await accessible(a, /Anzeige eingegangen/);
    await click(a, "button:has-text('Bearbeitung übernehmen')");
    await accessible(a, /In Prüfung/);

    // Request a document: the form first with an error, then filled.
    await click(a, "a:has-text('Unterlagen oder Angaben nachfordern')");
    await accessible(a);
    await click(a, "main form button[type=submit]");
    assert.ok(await a.isVisible("#fehler"));
    await accessible(a);
    await a.fill("#missingItems", "Zustimmung der Grundstückseigentümerin");
    await click(a, "main form button[type=submit]");
    await accessible(a, /Rückfrage an antragstellende Person/);
    assert.equal(await status(), "rueckfrage");

    // The citizen answers through the case engine, as the /konto task page does.
    await app.cases.perform({
      tenant,
      caseId,
      actionId: "supplyInformation",
      actor: { id: citizen.id, roles: ["applicant"] },
      input: {},
    });
    await a.goto(url);
    await accessible(a, /antragstellende Person/);

    // A colleague opens the same action form; the caseworker proposes first.
    const b = await signedIn(tenant.slug, colleague.email);
    await b.goto(`${url}/aktionen/confirm`);
    await accessible(b);
    await click(a, "a:has-text('Empfang bescheinigen')");
    await a.fill("#closingTime", "00:30");
    await click(a, "main form button[type=submit]");
    await accessible(a, /Wartet auf Freigabe/);

    await b.fill("#closingTime", "01:00");
    await click(b, "main form button[type=submit]");
    await accessible(b, /Der Vorgang wurde inzwischen geändert/);
    assert.equal(await status(), "inPruefung");

    const boss = await signedIn(tenant.slug, approver.email);
    await boss.goto(url);
    await accessible(boss, /zur Freigabe vorgelegt/);
    await click(boss, "button:has-text('Freigeben')");
    await accessible(boss, /Empfang bescheinigt/);
    assert.equal(await status(), "bescheinigt");
    assert.match(
      (await boss.textContent("main")) ?? "",
      /hat „Empfang bescheinigen und Anordnungen treffen“ freigegeben/,
    );
  });
});
