import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startTestApp } from "../../../../test/helpers/app.ts";
import { Client } from "../../../../test/helpers/http.ts";
import { TestSmtp } from "../../../../test/helpers/smtp.ts";
import type { Running } from "../../../app.ts";
import { withTenant } from "../../../platform/db/database.ts";
import { findCase, listEvents } from "../../cases/index.ts";
import { makeStaff, makeTenant, signInStaff } from "../../tenants/__tests__/fixtures.ts";
import { dueFollowUps, overdueCases, sweepDeadlines } from "../index.ts";
import { publishFrist, submitFrist } from "./fixtures.ts";

describe("deadlines, follow-ups and timers", () => {
  let app: Running;
  let smtp: TestSmtp;
  let tenant: { id: string; slug: string };
  let client: Client;
  let caseworker: { id: string; email: string };
  const db = () => app.platform.database.db;
  const sweep = () =>
    sweepDeadlines(app.platform, app.cases, new Date(), { tenantIds: [tenant.id] });

  before(async () => {
    smtp = new TestSmtp();
    const smtpUrl = await smtp.start();
    app = await startTestApp({ DEMO_MODE: "true", SMTP_URL: smtpUrl });
    tenant = await makeTenant(db(), "frist");
    await publishFrist(app, tenant.id);
    caseworker = await makeStaff(db(), tenant.id, ["caseworker"]);
    client = new Client(app.url);
    await signInStaff(client, tenant.slug, caseworker.email);
  });
  after(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  it("a follow-up date in the past puts the case into 'follow-ups due' after the job runs, once", async () => {
    const { caseId, reference } = await submitFrist(app, tenant.id);
    const path = `/${tenant.slug}/amt/vorgaenge/${caseId}/wiedervorlage`;
    const form = await client.get(path);
    assert.equal(form.status, 200);
    const saved = await client.post(path, { date: "07.01.2025", version: "1" }, form);
    assert.equal(saved.status, 303, saved.body.slice(0, 400));
    const shown = await client.follow(saved);
    assert.match(shown.body, /Die Wiedervorlage ist gespeichert/);
    assert.match(shown.body, /Aktuelle Wiedervorlage: 07\.01\.2025/);

    const before = await withTenant(db(), tenant.id, (tx) => dueFollowUps(tx));
    assert.ok(!before.some((r) => r.id === caseId), "not due before the job has run");
    const first = await sweep();
    assert.ok(first.notified >= 1);
    const due = await withTenant(db(), tenant.id, (tx) => dueFollowUps(tx));
    assert.deepEqual(
      due.filter((r) => r.id === caseId).map((r) => [r.reference, r.due_on]),
      [[reference, "2025-01-07"]],
    );
    const mail = await smtp.waitFor(caseworker.email);
    // long subjects are folded by the mail encoder; compare without whitespace
    assert.equal(mail.subject.replace(/\s/g, ""), `Wiedervorlagefällig:${reference}`);

    const events = await withTenant(db(), tenant.id, (tx) => listEvents(tx, caseId));
    assert.deepEqual(events.at(-1)?.payload, { followUp: "2025-01-07" });
    assert.equal(events.at(-1)?.type, "followUp.set");
    assert.equal((await sweep()).notified, 0, "fired once");
  });

  it("moves a follow-up on a public holiday of the Land to the next working day", async () => {
    const { caseId } = await submitFrist(app, tenant.id);
    const path = `/${tenant.slug}/amt/vorgaenge/${caseId}/wiedervorlage`;
    const form = await client.get(path);
    // 6 January is a holiday in Sachsen-Anhalt; 2029-01-06 is a Saturday -> Monday 8 January.
    const saved = await client.post(path, { date: "06.01.2029", version: "1" }, form);
    assert.equal(saved.status, 303);
    const row = await withTenant(db(), tenant.id, (tx) => findCase(tx, caseId));
    assert.equal(row?.state.followUp, "2029-01-08");
  });

  it("refuses an invalid date next to the field and a stale version with a reason", async () => {
    const { caseId } = await submitFrist(app, tenant.id);
    const path = `/${tenant.slug}/amt/vorgaenge/${caseId}/wiedervorlage`;
    const form = await client.get(path);
    const bad = await client.post(path, { date: "31.02.2027", version: "1" }, form);
    assert.equal(bad.status, 422);
    assert.match(bad.body, /Bitte geben Sie ein gültiges Datum an/);
    assert.match(bad.body, /value="31\.02\.2027"/);
    const stale = await client.post(path, { date: "01.03.2027", version: "0" }, form);
    assert.equal(stale.status, 409);
    assert.match(stale.body, /inzwischen von jemand anderem geändert/);
    const row = await withTenant(db(), tenant.id, (tx) => findCase(tx, caseId));
    assert.equal(row?.state.followUp, undefined, "nothing changed");
  });

  it("records an overdue status deadline and runs a due timer action once, as the system", async () => {
    const { caseId } = await submitFrist(app, tenant.id, { daysAgo: 10 });
    await sweep();
    const row = await withTenant(db(), tenant.id, (tx) => findCase(tx, caseId));
    assert.equal(row?.status, "neu", "the reminder stays in its status");
    const overdue = await withTenant(db(), tenant.id, (tx) => overdueCases(tx));
    assert.ok(overdue.some((r) => r.id === caseId));
    await sweep();
    const events = await withTenant(db(), tenant.id, (tx) => listEvents(tx, caseId));
    const reminders = events.filter(
      (e) => (e.payload as { actionId?: string }).actionId === "remind",
    );
    assert.equal(reminders.length, 1, "the timer action ran exactly once");
    assert.equal(reminders[0].actor_id, "system");
  });

  it("a due closing timer closes the case", async () => {
    const { caseId } = await submitFrist(app, tenant.id, { daysAgo: 100 });
    await sweep();
    const row = await withTenant(db(), tenant.id, (tx) => findCase(tx, caseId));
    assert.equal(row?.status, "geschlossen");
  });
});
