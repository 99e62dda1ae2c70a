import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { publishService } from "../../services/index.ts";
import { makeStaff, makeTenant } from "../../tenants/__tests__/fixtures.ts";
import { createOrgUnit } from "../../tenants/index.ts";
import { notifyStaffEffect } from "../staff-notifications.service.ts";
import { fristDefinition } from "./fixtures.ts";

/** The test service with an automatic first step that notifies the org unit's caseworkers. */
function notifying() {
  const def = fristDefinition("melde-test") as Record<string, any>;
  def.process.statuses.unshift({ id: "eingang", title: "Eingang", kind: "open" });
  def.process.initialStatus = "eingang";
  def.process.actions.unshift({
    id: "melden",
    title: "Eingang melden",
    from: ["eingang"],
    to: "neu",
    roles: ["system"],
    automatic: true,
    effects: [{ type: "notifyStaff", notification: "neuerVorgang" }],
  });
  def.notifications = [
    {
      id: "neuerVorgang",
      subject: "Neues Osterfeuer",
      body: "Für den {{fireDate}} ist ein Feuer „{{name}}“ angezeigt ({{case.reference}}).",
    },
  ];
  return def;
}

describe("the notifyStaff effect", () => {
  let app: Running;
  let smtp: TestSmtp;
  const db = () => app.platform.database.db;

  before(async () => {
    smtp = new TestSmtp();
    app = await startTestApp({ DEMO_MODE: "true", SMTP_URL: await smtp.start() });
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it("mails the caseworkers of the case's org unit once, with the filled notification and a link", async () => {
    const tenant = await makeTenant(db(), "melde");
    const unit = await createOrgUnit(db(), tenant.id, { name: "Ordnungsamt" });
    const other = await createOrgUnit(db(), tenant.id, { name: "Bauamt" });
    const inUnit = await makeStaff(db(), tenant.id, ["caseworker"], [unit.id]);
    const approver = await makeStaff(db(), tenant.id, ["approver"], [unit.id]);
    const elsewhere = await makeStaff(db(), tenant.id, ["caseworker"], [other.id]);
    await publishService(db(), tenant.id, notifying());
    const { caseId, reference } = await app.cases.submit({
      tenant: { id: tenant.id },
      serviceSlug: "melde-test",
      data: { name: "Osterfeuer am Anger", fireDate: "2027-03-27" },
      applicantId: null,
      channel: "api",
      idempotencyKey: null,
    });
    const mail = await smtp.waitFor(inUnit.email);
    assert.match(
      mail.subject.replace(/\s+/g, " "),
      new RegExp(`Neues Osterfeuer \\(${reference}\\)`),
    );
    assert.match(mail.text, /Osterfeuer am Anger/);
    assert.match(mail.text, new RegExp(`/${tenant.slug}/amt/vorgaenge/${caseId}`));

    // The job again (as after a crash): nothing more is sent.
    const job = await withTenant(db(), tenant.id, (tx) =>
      tx.selectFrom("case_events").select("payload").where("case_id", "=", caseId).execute(),
    );
    const effect = job
      .flatMap((e) => (e.payload as { effects?: { type: string }[] }).effects ?? [])
      .find((e) => e.type === "notifyStaff");
    assert.ok(effect, "the effect is in the history");
    await notifyStaffEffect(app.platform)({ tenantId: tenant.id, caseId, effect: effect as never });
    await sleep(1500);
    const to = (email: string) => smtp.mails.filter((m) => m.to.includes(email)).length;
    assert.equal(to(inUnit.email), 1);
    assert.equal(to(approver.email), 0, "not an approver when the effect names no roles");
    assert.equal(to(elsewhere.email), 0, "not another org unit's caseworker");
  });
});
