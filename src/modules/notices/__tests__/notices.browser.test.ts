import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  browserSkip,
  expectAccessible,
  useAppAndBrowser,
} from "../../../../test/helpers/browser.ts";
import { dogApplication, dogService } from "../../../../test/helpers/dog.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { publishService } from "../../services/index.ts";
import { makeTenant } from "../../tenants/__tests__/fixtures.ts";
import { expireUnretrieved, retrievalPath } from "../index.ts";

const caseworker = { id: "00000000-0000-4000-8000-000000000002", roles: ["caseworker"] };

/** The retrieval page an e-mail links to: a citizen page, so axe-clean and keyboard-operable. */
describe("retrieving a notice by e-mail link, in a browser", {
  skip: browserSkip,
  timeout: 120_000,
}, () => {
  const suite = useAppAndBrowser();
  let n = 0;

  /** A decided case of an applicant without account: its notice goes out as an e-mail link. */
  async function emailedNotice() {
    const { app } = suite;
    const t = await makeTenant(app.platform.database.db, "abruf");
    const tenant = { ...t, state: "ST" };
    await publishService(app.platform.database.db, tenant.id, dogService);
    const { caseId } = await app.cases.submit({
      tenant,
      serviceSlug: "hund-anmelden",
      data: dogApplication,
      applicantId: null,
      channel: "online",
      idempotencyKey: `abruf-${Date.now()}-${n++}`,
      receivedAt: new Date(),
    });
    const ref = { tenant, caseId };
    await app.cases.perform({ ...ref, actionId: "startReview", actor: caseworker, input: {} });
    await app.cases.perform({
      ...ref,
      actionId: "assessTax",
      actor: caseworker,
      input: { reliefGranted: false, taxTagNumbers: "2026-9", signatory: "Max Beispiel" },
    });
    for (let i = 0; i < 150; i++) {
      const d = await withTenant(app.platform.database.db, tenant.id, (tx) =>
        tx.selectFrom("deliveries").selectAll().where("case_id", "=", caseId).executeTakeFirst(),
      );
      if (d) return { tenant, delivery: d };
      await sleep(100);
    }
    throw new Error("no delivery within 15 s");
  }

  it("is retrieved with the keyboard alone, and passes axe before and after", async () => {
    const { app, browser } = suite;
    const { tenant, delivery } = await emailedNotice();
    assert.equal(delivery.channel, "email");
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(
      `${app.url}${retrievalPath(app.platform.config.secretKey, tenant, delivery.id)}`,
    );
    await expectAccessible(page);
    let focused = "";
    for (let i = 0; i < 30 && !focused.includes("Dokument abrufen"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    }
    assert.ok(focused.includes("Dokument abrufen"), "the button is reachable by Tab");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 20_000 }),
      page.keyboard.press("Enter"),
    ]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const after = await withTenant(app.platform.database.db, tenant.id, (tx) =>
      tx
        .selectFrom("deliveries")
        .select("status")
        .where("id", "=", delivery.id)
        .executeTakeFirstOrThrow(),
    );
    assert.equal(after.status, "retrieved");
    await page.close();
  });

  it("says plainly when the provision has ended, and passes axe", async () => {
    const { app, browser } = suite;
    const { tenant, delivery } = await emailedNotice();
    await expireUnretrieved(app.platform, { ...tenant }, new Date(Date.now() + 11 * 86_400_000));
    const page = await browser.newPage();
    const res = await page.goto(
      `${app.url}${retrievalPath(app.platform.config.secretKey, tenant, delivery.id)}`,
    );
    assert.equal(res?.status(), 409);
    assert.ok(
      (await page.textContent("main"))?.includes("Bereitstellung dieses Dokuments ist beendet"),
    );
    await expectAccessible(page);
    await page.close();
  });
});
